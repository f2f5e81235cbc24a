/**
 * The vector negative bank: mode-wide terms first, then the tool's, the style's and the colour
 * mode's; de-duplicated without regard to case. The user's own terms are put in front by the
 * pipeline. Terms hold no commas (the pipeline splits negatives on them).
 */
import type { VectorColourMode, VectorPreset, VectorRequest, VectorTool } from '../../../../shared/mode-specs/vector';
import { uniqueTerms } from '../../../../shared/terms';

/** What ruins a trace or contradicts flat vector art. */
export const GLOBAL_NEGATIVES: ReadonlyArray<string> = [
  'photo',
  'photorealistic',
  'gradient',
  'gradient noise',
  'texture',
  'grain',
  'noise',
  '3d',
  '3d render',
  'shading',
  'drop shadow',
  'bevel',
  'glossy highlights',
  'text',
  'letters',
  'watermark',
  'signature',
  'blurry',
  'jpeg artifacts',
  'low contrast',
  'busy background',
];

export const TOOL_NEGATIVES: Readonly<Record<VectorTool, ReadonlyArray<string>>> = {
  icon: ['multiple icons', 'icon grid', 'sticker sheet', 'scene', 'background pattern', 'tiny details', 'border frame', 'cropped'],
  illustration: ['cluttered composition', 'photographic background', 'complex perspective', 'tiny intricate details', 'hatching', 'cropped'],
};

export const PRESET_NEGATIVES: Readonly<Record<VectorPreset, ReadonlyArray<string>>> = {
  outline: ['filled shapes', 'solid fills', 'uneven stroke width', 'sketchy lines'],
  filled: ['outline only', 'thin strokes', 'hollow shapes', 'line art'],
  rounded: ['sharp corners', 'pointed tips', 'jagged edges'],
  sharp: ['rounded corners', 'soft curves', 'blobby organic shapes'],
};

export const COLOUR_NEGATIVES: Readonly<Record<VectorColourMode, ReadonlyArray<string>>> = {
  mono: ['multiple colours', 'colour accents'],
  duotone: ['more than two colours', 'rainbow palette'],
  full: ['neon glow', 'colour banding'],
};

/** Concatenates banks in order, keeping the first spelling of each term (case-insensitive). */
export function assembleBank(...banks: ReadonlyArray<ReadonlyArray<string>>): string[] {
  return uniqueTerms(banks.flat());
}

export function vectorNegativeBank(request: VectorRequest): string[] {
  return assembleBank(
    GLOBAL_NEGATIVES,
    TOOL_NEGATIVES[request.tool],
    PRESET_NEGATIVES[request.preset],
    COLOUR_NEGATIVES[request.controls.colourMode],
  );
}
