/**
 * The shape of a mode's studio-facing specification: its tools, presets, size limits and the
 * zod schema of its own controls. Each mode declares one in `shared/mode-specs/<id>.ts`; the
 * renderer builds the studio form from it and the core validates requests against it.
 */
import { z } from 'zod';
import type { ModeId, OutputType } from './modes';

export interface ToolSpec<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** One line for the tool tab's tooltip. */
  readonly description: string;
  readonly output: OutputType;
  /** Largest batch the tool allows (1–4). */
  readonly maxBatch: 1 | 2 | 3 | 4;
  /** What the tool starts from: nothing, an input image, or an image and a mask (inpaint). */
  readonly input: 'none' | 'image' | 'image+mask';
}

export interface PresetSpec<Id extends string = string> {
  readonly id: Id;
  readonly label: string;
  /** Short description shown in the preset picker. */
  readonly description: string;
  /** An example prompt the picker can fill in. */
  readonly example: string;
}

export interface SizeSpec {
  readonly min: number;
  readonly max: number;
  readonly default: number;
  /** The sizes offered as quick picks; any integer in [min, max] is accepted. */
  readonly choices: ReadonlyArray<number>;
}

export interface ModeSpec<Tool extends string = string, Preset extends string = string> {
  readonly mode: ModeId;
  readonly tools: ReadonlyArray<ToolSpec<Tool>>;
  readonly presets: ReadonlyArray<PresetSpec<Preset>>;
  readonly defaultTool: Tool;
  readonly defaultPreset: Preset;
  readonly sizes: SizeSpec;
  /** Credits one HD generation costs on the hosted account. */
  readonly hdCreditsPerGeneration: number;
}

/** `[first, ...rest]` of the ids, as zod's enum wants them. */
export function idsOf<T extends { readonly id: string }>(items: ReadonlyArray<T>): [T['id'], ...T['id'][]] {
  const ids = items.map((item) => item.id);
  if (ids.length === 0) throw new Error('a mode needs at least one tool and one preset');
  return ids as [T['id'], ...T['id'][]];
}

/** Prompt limits before the validator trims per provider (it never lets more through). */
export const PROMPT_MAX_CHARS = 2000;
export const NEGATIVE_MAX_CHARS = 1000;
/** Seeds are unsigned 32-bit, the widest range every provider accepts. */
export const SEED_MAX = 0xffff_ffff;

/**
 * The fields every generation request has, whatever the mode. Each mode extends it with its
 * literal `mode`, its `tool` and `preset` enums, `size` within its limits and its `controls`.
 */
export const GenerationBaseSchema = z.object({
  workspaceId: z.string().uuid({ error: 'Choose a workspace first.' }),
  prompt: z
    .string({ error: 'Prompt is required.' })
    .max(PROMPT_MAX_CHARS, { error: `Prompt must be at most ${PROMPT_MAX_CHARS} characters.` }),
  negativePrompt: z.string().max(NEGATIVE_MAX_CHARS, { error: `Negative prompt must be at most ${NEGATIVE_MAX_CHARS} characters.` }).default(''),
  batch: z
    .number({ error: 'Batch must be a number from 1 to 4.' })
    .int({ error: 'Batch must be a whole number from 1 to 4.' })
    .min(1, { error: 'Batch must be 1 to 4.' })
    .max(4, { error: 'Batch must be 1 to 4.' })
    .default(1),
  /** null = a random seed, chosen by the pipeline and shown after the run. */
  seed: z
    .number({ error: 'Seed must be a number.' })
    .int({ error: 'Seed must be a whole number.' })
    .min(0, { error: `Seed must be between 0 and ${SEED_MAX}.` })
    .max(SEED_MAX, { error: `Seed must be between 0 and ${SEED_MAX}.` })
    .nullable()
    .default(null),
  hd: z.boolean().default(false),
  /** Force a provider (the studio's override); otherwise the routing table decides. */
  provider: z.string().min(1).max(40).optional(),
  /** For tools whose `input` is image or image+mask: an asset of this workspace. */
  inputAssetId: z.string().min(1).max(64).optional(),
  /** Inpaint mask: a PNG as base64 (white = repaint), same size as the input image. */
  maskPngBase64: z.string().max(16_000_000).optional(),
  /**
   * Instead of `maskPngBase64`: the mask an earlier job of this workspace stored in the
   * workspace folder (Retry, Re-run and Remix of an inpaint job from any session).
   */
  maskFromJobId: z.string().uuid({ error: 'The mask’s job (maskFromJobId) must be the id of an earlier job.' }).optional(),
});

export function sizeSchema(sizes: SizeSpec) {
  return z
    .number({ error: 'Size must be a number.' })
    .int({ error: 'Size must be a whole number of pixels.' })
    .min(sizes.min, { error: `Size must be between ${sizes.min} and ${sizes.max}.` })
    .max(sizes.max, { error: `Size must be between ${sizes.min} and ${sizes.max}.` })
    .default(sizes.default);
}

/**
 * The per-tool batch limit as a zod refinement: `.superRefine(...toolBatchLimit(tools))`.
 * It also runs when other fields failed (so all errors come back together), reading the
 * payload defensively; a batch over 4 already has the base schema's message.
 */
export function toolBatchLimit(tools: ReadonlyArray<ToolSpec>) {
  const byId = new Map(tools.map((tool) => [tool.id, tool]));
  const check = (request: { tool: string; batch: number }, ctx: z.RefinementCtx): void => {
    const tool = byId.get(request.tool);
    const batch: unknown = request.batch;
    if (tool !== undefined && typeof batch === 'number' && batch > tool.maxBatch && batch <= 4) {
      ctx.addIssue({ code: 'custom', path: ['batch'], message: `The ${tool.label} tool makes at most ${tool.maxBatch} at a time.`, input: batch });
    }
  };
  // Only on an object: a null payload has no fields to read.
  const options = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };
  return [check, options] as const;
}

/** A base64 PNG always starts with the encoded signature \x89PNG\r\n\x1a\n. */
export const PNG_BASE64_PREFIX = 'iVBORw0KGgo';

export interface FieldIssue {
  readonly field: 'maskPngBase64' | 'maskFromJobId';
  readonly message: string;
}

/**
 * The mask fields' rules for the request's tool: a tool whose input is image+mask needs a mask,
 * painted (`maskPngBase64`) or an earlier job's (`maskFromJobId`), never both; any other tool
 * takes neither. Reads the payload defensively (it runs even when other fields failed).
 */
export function maskFieldIssues(tools: ReadonlyArray<ToolSpec>, request: Partial<Record<string, unknown>>): FieldIssue[] {
  const tool = tools.find((candidate) => candidate.id === request.tool);
  if (tool === undefined) return [];
  const mask = request.maskPngBase64;
  const fromJob = request.maskFromJobId;
  if (tool.input !== 'image+mask') {
    const takers = tools.filter((candidate) => candidate.input === 'image+mask').map((candidate) => candidate.label.toLowerCase());
    const message = takers.length > 0 ? `Only the ${takers.join(' and ')} tool takes a mask.` : `The ${tool.label} tool does not take a mask.`;
    return [
      ...(mask !== undefined ? [{ field: 'maskPngBase64' as const, message }] : []),
      ...(fromJob !== undefined ? [{ field: 'maskFromJobId' as const, message }] : []),
    ];
  }
  if (fromJob !== undefined) {
    return mask === undefined ? [] : [{ field: 'maskFromJobId', message: 'Send either a painted mask or the earlier job’s mask, not both.' }];
  }
  if (typeof mask !== 'string' || mask.length === 0) {
    return [{ field: 'maskPngBase64', message: `Paint the area to repaint: ${tool.label.toLowerCase()} needs a mask.` }];
  }
  if (!mask.startsWith(PNG_BASE64_PREFIX)) return [{ field: 'maskPngBase64', message: 'The mask must be a PNG image.' }];
  return [];
}

/**
 * `maskFieldIssues` as a zod refinement: `.superRefine(...toolMaskFields(tools))`. Like
 * `toolBatchLimit`, it also runs when other fields failed, on an object payload only.
 */
export function toolMaskFields(tools: ReadonlyArray<ToolSpec>) {
  const check = (request: object, ctx: z.RefinementCtx): void => {
    const fields = request as Partial<Record<string, unknown>>;
    for (const { field, message } of maskFieldIssues(tools, fields)) ctx.addIssue({ code: 'custom', path: [field], message, input: fields[field] });
  };
  const options = { when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null };
  return [check, options] as const;
}
