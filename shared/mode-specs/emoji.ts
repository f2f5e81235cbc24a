/**
 * Emoji mode: single emoji and reaction packs for Slack, Discord and apps.
 *
 * Facts from the seed (apps/web/src/lib/modes/emoji.ts and README at d9f88d7): tools emoji and
 * pack, styles expressive/minimal/blob/pixel_emoji, sizes 16–256 (default 64), render large
 * and export at the target size as a transparent PNG, 1 HD credit. The background is always
 * transparent, so it is not a control.
 */
import { z } from 'zod';
import { GenerationBaseSchema, idsOf, sizeSchema, toolMaskFields, type ModeSpec, type PresetSpec, type ToolSpec } from '../mode-spec';

export const EMOJI_TOOL_IDS = ['emoji', 'pack'] as const;
export type EmojiTool = (typeof EMOJI_TOOL_IDS)[number];

export const EMOJI_PRESET_IDS = ['expressive', 'minimal', 'blob', 'pixel_emoji'] as const;
export type EmojiPreset = (typeof EMOJI_PRESET_IDS)[number];

const TOOLS: ReadonlyArray<ToolSpec<EmojiTool>> = [
  { id: 'emoji', label: 'Emoji', description: 'One emoji or reaction on a transparent square.', output: 'image', maxBatch: 4, input: 'none' },
  {
    id: 'pack',
    label: 'Pack',
    // One batch slot per expression of the same character, so a pack is batch 2–4.
    description: 'A matching set of one character in different expressions.',
    output: 'pack',
    maxBatch: 4,
    input: 'none',
  },
];

const PRESETS: ReadonlyArray<PresetSpec<EmojiPreset>> = [
  { id: 'expressive', label: 'Expressive', description: 'Glossy, bold and full of character, like platform emoji.', example: 'Party cat throwing confetti' },
  { id: 'minimal', label: 'Minimal', description: 'Flat shapes, few colours, readable at 16 px.', example: 'Coffee cup with a tiny heart' },
  { id: 'blob', label: 'Blob', description: 'Soft, round blob characters with squishy shapes.', example: 'Blob waving hello' },
  { id: 'pixel_emoji', label: 'Pixel', description: 'Retro pixel-art emoji on a crisp pixel grid.', example: 'Pixel thumbs up' },
];

export const EMOJI_SPEC: ModeSpec<EmojiTool, EmojiPreset> = {
  mode: 'emoji',
  tools: TOOLS,
  presets: PRESETS,
  defaultTool: 'emoji',
  defaultPreset: 'expressive',
  // Slack and Discord recommend uploading 128 px; the small sizes are for inline use.
  sizes: { min: 16, max: 256, default: 64, choices: [16, 32, 48, 64, 128, 256] },
  hdCreditsPerGeneration: 1,
};

export const EMOJI_EXPRESSIONS = ['auto', 'happy', 'laughing', 'sad', 'angry', 'surprised', 'love', 'thinking', 'cool'] as const;
export type EmojiExpression = (typeof EMOJI_EXPRESSIONS)[number];

export const EMOJI_SUBJECTS = ['auto', 'face', 'hand', 'animal', 'object', 'symbol'] as const;
export type EmojiSubject = (typeof EMOJI_SUBJECTS)[number];

export const EmojiControlsSchema = z
  .object({
    /** `auto` leaves the expression to the prompt; a pack varies it per slot from this one. */
    expression: z.enum(EMOJI_EXPRESSIONS, { error: `Expression must be one of ${EMOJI_EXPRESSIONS.join(', ')}.` }).default('auto'),
    /** A hint for the kind of subject, so "fire" becomes a flame symbol rather than a scene. */
    subject: z.enum(EMOJI_SUBJECTS, { error: `Subject must be one of ${EMOJI_SUBJECTS.join(', ')}.` }).default('auto'),
  })
  .strict();
export type EmojiControls = z.output<typeof EmojiControlsSchema>;

const toolById = new Map(TOOLS.map((tool) => [tool.id, tool]));

export const EmojiRequestSchema = GenerationBaseSchema.extend({
  mode: z.literal('emoji', { error: 'This request is not for the Emoji mode.' }),
  tool: z.enum(idsOf(TOOLS), { error: `Choose an Emoji tool: ${EMOJI_TOOL_IDS.join(' or ')}.` }).default(EMOJI_SPEC.defaultTool),
  preset: z.enum(idsOf(PRESETS), { error: `Choose an Emoji style: ${EMOJI_PRESET_IDS.join(', ')}.` }).default(EMOJI_SPEC.defaultPreset),
  size: sizeSchema(EMOJI_SPEC.sizes),
  controls: EmojiControlsSchema.prefault({}),
})
  .strict()
  .superRefine((request, ctx) => {
    const tool = toolById.get(request.tool);
    if (tool !== undefined && request.batch > tool.maxBatch) {
      ctx.addIssue({ code: 'custom', path: ['batch'], message: `The ${tool.label} tool makes at most ${tool.maxBatch} at a time.` });
    }
    if (request.tool === 'pack' && request.batch < 2) {
      ctx.addIssue({ code: 'custom', path: ['batch'], message: 'A pack has 2 to 4 emoji (one expression each); set batch to 2 or more.' });
    }
  })
  .superRefine(...toolMaskFields(TOOLS));

export type EmojiRequestInput = z.input<typeof EmojiRequestSchema>;
export type EmojiRequest = z.output<typeof EmojiRequestSchema>;
