/**
 * The generation metadata every asset file carries inside itself (PNG text chunk, SVG
 * `<metadata>`, code header comment), so a workspace folder alone is enough to rebuild its
 * library rows on another machine.
 *
 * Versioned by `format`: a reader that meets a format it does not know refuses the file
 * (the rebuild lists it as skipped) instead of guessing. Unknown extra keys of format 1 are
 * dropped on read, so a newer app may add optional fields without breaking older readers.
 */
import { z } from 'zod';
import { AssetKindSchema } from '../../../shared/library';
import { ModeIdSchema } from '../../../shared/workspace';
import { AssetMetadataError } from './errors';

export const ASSET_METADATA_FORMAT = 1;
export const ASSET_METADATA_APP = 'wokgen-studio';

/**
 * Ids that end up in file names (`<jobId>-<slot>.png`, `<assetId>.webp`): letters, digits,
 * `-` and `_` only, so a hostile file's metadata can never smuggle a path into a name.
 * Real ids are UUIDv7 (`newRowId()`), which match.
 */
export const SAFE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SafeIdSchema = z.string().regex(SAFE_ID_PATTERN, { error: 'Not a valid id.' });

/** Generous caps: the prompt here is the final one sent to the provider, mode tokens included. */
const TEXT_MAX = 20_000;
const NAME_MAX = 200;
const Name = z.string().min(1).max(NAME_MAX);
const Dimension = z.number().int().positive().max(65_535);

export const AssetMetadataSchema = z.object({
  format: z.literal(ASSET_METADATA_FORMAT, { error: 'Unknown asset metadata format version.' }),
  app: z.literal(ASSET_METADATA_APP),
  assetId: SafeIdSchema,
  jobId: SafeIdSchema,
  workspaceId: SafeIdSchema,
  mode: ModeIdSchema,
  tool: Name,
  preset: Name.nullable(),
  prompt: z.string().max(TEXT_MAX),
  negativePrompt: z.string().max(TEXT_MAX).nullable(),
  /** The seed this slot was generated with (seed + slot × 137, wrapped), not the job's base. */
  seed: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).nullable(),
  provider: Name.nullable(),
  model: Name.nullable(),
  steps: z.number().int().nonnegative().max(10_000).nullable(),
  guidance: z.number().finite().nullable(),
  /** Sampler / scheduler names as the provider knows them (A1111 "Sampler", "Schedule type"). */
  sampler: Name.nullable().optional(),
  scheduler: Name.nullable().optional(),
  /**
   * The size the provider was asked to render — A1111's "Size", what a reader needs to
   * reproduce the image. The delivered file may differ (pixel art is generated large and
   * reduced); that size is `fileWidth`/`fileHeight`.
   */
  width: Dimension.nullable(),
  height: Dimension.nullable(),
  /** Pixel size of the file this metadata sits in; null for code, absent when unknown. */
  fileWidth: Dimension.nullable().optional(),
  fileHeight: Dimension.nullable().optional(),
  /** Batch slot within the job (0 = canonical variant). */
  slot: z.number().int().min(0).max(63),
  /** ms since epoch. */
  createdAt: z.number().int().nonnegative(),
  /** `processed` = the deliverable; `original` = the provider's untouched output kept beside it. */
  role: z.enum(['processed', 'original']),
  /** The library's asset kind when the extension alone does not say it (animation, pack). */
  kind: AssetKindSchema.optional(),
  /** Mode-specific details (palette size, post-processing notes…), shown but not indexed. */
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type AssetMetadata = z.infer<typeof AssetMetadataSchema>;
export type AssetRole = AssetMetadata['role'];

/** Validates a metadata object we are about to embed; a typed error names the bad field. */
export function validateAssetMetadata(value: unknown): AssetMetadata {
  const parsed = AssetMetadataSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new AssetMetadataError('invalid_metadata', `Asset metadata is not valid${where}: ${issue?.message ?? 'unknown problem'}`);
}

/**
 * Our JSON as it is embedded. U+FFFE/U+FFFF are legal in JSON strings but forbidden in
 * XML, so they are written as `\uXXXX` escapes (they can only occur inside strings, where
 * the escape means the same character); every other format accepts the plain text.
 */
export function serializeAssetMetadata(metadata: AssetMetadata): string {
  return JSON.stringify(metadata).replace(/[\uFFFE\uFFFF]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Parses embedded JSON text; anything that is not our format-1 document is a typed error. */
export function parseAssetMetadata(text: string): AssetMetadata {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AssetMetadataError('invalid_metadata', 'The embedded WokGen metadata is not valid JSON.');
  }
  return validateAssetMetadata(raw);
}

/**
 * A1111's value quoting (modules/infotext_utils.py `quote`): a value containing `,`, `:`
 * or a newline is written as a JSON string, otherwise as is, so the `Key: value, …` line
 * still splits correctly.
 */
function quoteA1111(value: string): string {
  return /[,:\n]/.test(value) ? JSON.stringify(value) : value;
}

/**
 * The A1111-style `parameters` text (modules/processing.py `create_infotext`): the prompt,
 * an optional `Negative prompt:` line, then one line of `Key: value` pairs in A1111's key
 * order. Keys whose value is unknown are left out, as A1111 does with `None`. Readers that
 * understand A1111 PNGs (Civitai, ComfyUI loaders, image browsers) read ours.
 */
export function formatA1111Parameters(metadata: AssetMetadata): string {
  const pairs: Array<[string, string | number | null | undefined]> = [
    ['Steps', metadata.steps],
    ['Sampler', metadata.sampler],
    ['Schedule type', metadata.scheduler],
    ['CFG scale', metadata.guidance],
    ['Seed', metadata.seed],
    ['Size', metadata.width !== null && metadata.height !== null ? `${metadata.width}x${metadata.height}` : null],
    ['Model', metadata.model],
  ];
  const params = pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== null && pair[1] !== undefined)
    .map(([key, value]) => `${key}: ${quoteA1111(String(value))}`)
    .join(', ');
  const negative = metadata.negativePrompt ? `\nNegative prompt: ${metadata.negativePrompt}` : '';
  return `${metadata.prompt}${negative}\n${params}`;
}
