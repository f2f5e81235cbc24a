/**
 * Vector mode: scalable SVG icons and illustrations in consistent stroke and fill styles.
 *
 * The provider renders a flat bitmap on a solid background; the core traces it to SVG and
 * sanitises it. Facts from the seed (apps/web/src/lib/modes/vector.ts at d9f88d7): tools icon
 * and illustration, styles outline/filled/rounded/sharp, sizes 24–512 (default 48), 2 HD credits.
 */
import { z } from 'zod';
import { GenerationBaseSchema, idsOf, sizeSchema, toolBatchLimit, toolMaskFields, type ModeSpec, type PresetSpec, type ToolSpec } from '../mode-spec';
import { objectMessages } from './schema-messages';

export const VECTOR_TOOL_IDS = ['icon', 'illustration'] as const;
export type VectorTool = (typeof VECTOR_TOOL_IDS)[number];

export const VECTOR_PRESET_IDS = ['outline', 'filled', 'rounded', 'sharp'] as const;
export type VectorPreset = (typeof VECTOR_PRESET_IDS)[number];

const TOOLS: ReadonlyArray<ToolSpec<VectorTool>> = [
  {
    id: 'icon',
    label: 'Icon',
    description: 'A single scalable icon or symbol, traced to clean SVG paths.',
    output: 'svg',
    maxBatch: 4,
    input: 'none',
  },
  {
    id: 'illustration',
    label: 'Illustration',
    // Illustrations trace with more colours and paths, so a batch costs more; two at a time.
    description: 'A scalable spot illustration with a few flat colours.',
    output: 'svg',
    maxBatch: 2,
    input: 'none',
  },
];

const PRESETS: ReadonlyArray<PresetSpec<VectorPreset>> = [
  { id: 'outline', label: 'Outline', description: 'Line icons with one consistent stroke width.', example: 'Settings gear, rounded corners' },
  { id: 'filled', label: 'Filled', description: 'Solid shapes with no outlines.', example: 'Shopping cart, minimal' },
  { id: 'rounded', label: 'Rounded', description: 'Soft corners and round line caps; friendly.', example: 'Chat bubble with three dots' },
  { id: 'sharp', label: 'Sharp', description: 'Angular shapes and precise geometry.', example: 'Lightning bolt inside a shield' },
];

export const VECTOR_SPEC: ModeSpec<VectorTool, VectorPreset> = {
  mode: 'vector',
  tools: TOOLS,
  presets: PRESETS,
  defaultTool: 'icon',
  defaultPreset: 'outline',
  sizes: { min: 24, max: 512, default: 48, choices: [24, 32, 48, 64, 128, 256, 512] },
  hdCreditsPerGeneration: 2,
};

export const VECTOR_COLOUR_MODES = ['mono', 'duotone', 'full'] as const;
export type VectorColourMode = (typeof VECTOR_COLOUR_MODES)[number];

export const STROKE_WIDTH_MIN = 0.5;
export const STROKE_WIDTH_MAX = 4;

/**
 * The stroke width each style implies when the user leaves it unset. Filled icons have no
 * stroke (null): the prompt does not mention one, and a value the user sets is ignored.
 */
export const DEFAULT_STROKE_WIDTH: Readonly<Record<VectorPreset, number | null>> = {
  outline: 2,
  rounded: 2,
  sharp: 1.5,
  filled: null,
};

export const VectorControlsSchema = z.strictObject(
  {
    /**
     * Stroke width in px on a 24 px icon grid. Optional: unset means the style's default
     * (`DEFAULT_STROKE_WIDTH`); use `resolveStrokeWidth` rather than reading this directly.
     */
    strokeWidth: z
      .number({ error: 'Stroke width must be a number.' })
      .min(STROKE_WIDTH_MIN, { error: `Stroke width must be between ${STROKE_WIDTH_MIN} and ${STROKE_WIDTH_MAX}.` })
      .max(STROKE_WIDTH_MAX, { error: `Stroke width must be between ${STROKE_WIDTH_MIN} and ${STROKE_WIDTH_MAX}.` })
      .multipleOf(0.25, { error: 'Stroke width must be a multiple of 0.25.' })
      .optional(),
    colourMode: z.enum(VECTOR_COLOUR_MODES, { error: 'Colour mode must be mono, duotone or full.' }).default('mono'),
  },
  { error: objectMessages('controls') },
);
export type VectorControls = z.output<typeof VectorControlsSchema>;

/**
 * `GenerationBaseSchema.extend({...}).strict()`, written as `z.strictObject` over the same shape
 * only so the unknown-key message is a sentence naming the key.
 */
export const VectorRequestSchema = z
  .strictObject(
    {
      ...GenerationBaseSchema.shape,
      mode: z.literal('vector', { error: 'This request is not for the Vector mode.' }),
      tool: z.enum(idsOf(TOOLS), { error: 'Choose a Vector tool: icon or illustration.' }).default(VECTOR_SPEC.defaultTool),
      preset: z.enum(idsOf(PRESETS), { error: 'Choose a Vector style: outline, filled, rounded or sharp.' }).default(VECTOR_SPEC.defaultPreset),
      size: sizeSchema(VECTOR_SPEC.sizes),
      controls: VectorControlsSchema.prefault({}),
    },
    { error: objectMessages('request') },
  )
  .superRefine(...toolBatchLimit(TOOLS))
  .superRefine(...toolMaskFields(TOOLS));

export type VectorRequestInput = z.input<typeof VectorRequestSchema>;
export type VectorRequest = z.output<typeof VectorRequestSchema>;

/** The stroke width the prompt uses: the user's value, else the style's default; null for filled. */
export function resolveStrokeWidth(preset: VectorPreset, controls: Pick<VectorControls, 'strokeWidth'>): number | null {
  const styleDefault = DEFAULT_STROKE_WIDTH[preset];
  if (styleDefault === null) return null;
  return controls.strokeWidth ?? styleDefault;
}
