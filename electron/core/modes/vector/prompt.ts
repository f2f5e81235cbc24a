/**
 * The vector positive prompt. The provider draws a bitmap that the core then traces, so the
 * prompt asks for what traces well: flat colour, simple shapes, a plain white background and
 * crisp edges. The user's words come first (providers' length caps cut from the end).
 */
import { resolveStrokeWidth, type VectorColourMode, type VectorPreset, type VectorRequest, type VectorTool } from '../../../../shared/mode-specs/vector';
import type { PromptOptions } from '../engine';

export const TOOL_TOKENS: Readonly<Record<VectorTool, ReadonlyArray<string>>> = {
  icon: ['flat vector icon', 'single centred symbol', 'even padding'],
  illustration: ['flat vector spot illustration', 'simple composition', 'centred'],
};

/** Style tokens, most important first (compact prompts keep only the first). */
export const PRESET_TOKENS: Readonly<Record<VectorPreset, ReadonlyArray<string>>> = {
  outline: ['outline style', 'line art', 'consistent stroke width', 'open unfilled shapes'],
  filled: ['solid filled shapes', 'glyph style', 'solid silhouettes'],
  rounded: ['rounded line style', 'round line caps and joins', 'soft rounded corners'],
  sharp: ['sharp angular style', 'square line caps', 'crisp corners', 'precise geometry'],
};

export const COLOUR_TOKENS: Readonly<Record<VectorColourMode, ReadonlyArray<string>>> = {
  mono: ['monochrome', 'solid black on white'],
  duotone: ['two-tone', 'two flat colours on white'],
  full: ['flat colours', 'limited palette', 'on a plain white background'],
};

/** What makes a bitmap trace cleanly into paths. */
export const TRACING_TOKENS: ReadonlyArray<string> = [
  'simple shapes',
  'solid background for tracing',
  'plain white background',
  'flat solid fills',
  'high contrast',
  'clean crisp edges',
];

/** Stroke width (px on a 24 px grid) → how a model understands line weight. */
export function strokeTokens(width: number): string[] {
  const weight = width <= 1 ? 'thin hairline strokes' : width <= 2 ? 'regular line weight' : width <= 3 ? 'bold thick strokes' : 'heavy extra-thick strokes';
  return [`${width}px stroke on a 24px grid`, weight];
}

function dedupe(tokens: ReadonlyArray<string>): string[] {
  const seen = new Set<string>();
  return tokens.filter((token) => {
    const key = token.toLowerCase();
    if (token.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildVectorPrompt(request: VectorRequest, userPrompt: string, options: PromptOptions): string {
  const stroke = resolveStrokeWidth(request.preset, request.controls);
  const colour = COLOUR_TOKENS[request.controls.colourMode];
  const tokens = options.compact
    ? [
        TOOL_TOKENS[request.tool][0] ?? '',
        PRESET_TOKENS[request.preset][0] ?? '',
        ...(stroke === null ? [] : [strokeTokens(stroke)[1] ?? '']),
        colour[colour.length - 1] ?? '',
        'simple shapes',
        'solid background for tracing',
      ]
    : [
        ...TOOL_TOKENS[request.tool],
        ...PRESET_TOKENS[request.preset],
        ...(stroke === null ? [] : strokeTokens(stroke)),
        ...colour,
        ...TRACING_TOKENS,
      ];
  return dedupe([userPrompt.trim(), ...tokens]).join(', ');
}
