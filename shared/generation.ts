/**
 * A generation request, for any mode: the union of the five modes' own request schemas,
 * told apart by `mode`. The renderer builds one from its studio form; main validates it here
 * (contract) and again with the mode engine's schema (pipeline stage 2).
 */
import { z } from 'zod';
import { BusinessRequestSchema, BUSINESS_SPEC } from './mode-specs/business';
import { EmojiRequestSchema, EMOJI_SPEC } from './mode-specs/emoji';
import { PixelRequestSchema, PIXEL_SPEC } from './mode-specs/pixel';
import { UiuxRequestSchema, UIUX_SPEC } from './mode-specs/uiux';
import { VectorRequestSchema, VECTOR_SPEC } from './mode-specs/vector';
import type { ModeSpec } from './mode-spec';
import type { ModeId } from './modes';

export const GenerateRequestSchema = z.discriminatedUnion('mode', [
  PixelRequestSchema,
  BusinessRequestSchema,
  UiuxRequestSchema,
  VectorRequestSchema,
  EmojiRequestSchema,
]);
export type GenerateRequestInput = z.input<typeof GenerateRequestSchema>;
export type GenerateRequest = z.output<typeof GenerateRequestSchema>;

export const MODE_SPECS: Readonly<Record<ModeId, ModeSpec>> = {
  pixel: PIXEL_SPEC,
  business: BUSINESS_SPEC,
  uiux: UIUX_SPEC,
  vector: VECTOR_SPEC,
  emoji: EMOJI_SPEC,
};

const ToolSpecSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  output: z.string(),
  maxBatch: z.number().int(),
  input: z.enum(['none', 'image', 'image+mask']),
});
const PresetSpecSchema = z.object({ id: z.string(), label: z.string(), description: z.string(), example: z.string() });

/** The studio-facing spec of a mode, as it crosses IPC. */
export const ModeSpecSchema = z.object({
  mode: z.string(),
  tools: z.array(ToolSpecSchema).readonly(),
  presets: z.array(PresetSpecSchema).readonly(),
  defaultTool: z.string(),
  defaultPreset: z.string(),
  sizes: z.object({ min: z.number(), max: z.number(), default: z.number(), choices: z.array(z.number()).readonly() }),
  hdCreditsPerGeneration: z.number(),
});

export const GenerationPreviewSchema = z.object({
  prompt: z.string(),
  negativePrompt: z.string().nullable(),
  warnings: z.array(z.string()),
  chain: z.array(z.object({ id: z.string(), label: z.string(), local: z.boolean() })),
  seeds: z.array(z.number()),
  profile: z.object({ steps: z.number(), guidance: z.number(), width: z.number(), height: z.number(), sampler: z.string(), scheduler: z.string() }),
  tier: z.enum(['standard', 'hd']),
});
