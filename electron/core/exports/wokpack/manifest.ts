/**
 * The `.wokpack` format: a zip holding `manifest.json` and one file per asset under `assets/`.
 *
 * Versioned by `formatVersion`: an importer refuses a version it does not know (a newer app's
 * pack) with a clear message instead of guessing. The manifest is validated with zod before
 * a single asset is read; paths are ours (`assets/<n>-<name>.<ext>`) and anything that could
 * leave the pack (absolute, `..`, backslashes, drive letters) is refused.
 */
import { z } from 'zod';
import { AssetKindSchema } from '../../../../shared/library';
import { ModeIdSchema } from '../../../../shared/workspace';

export const WOKPACK_FORMAT_VERSION = 1;
export const WOKPACK_EXTENSION = 'wokpack';
export const MANIFEST_FILE = 'manifest.json';

/** Limits that keep a hostile pack from exhausting memory or disk. */
export interface PackLimits {
  /** The `.wokpack` file itself. */
  readonly maxPackBytes: number;
  /** One asset file, uncompressed (as the zip declares it; the inflater never writes past it). */
  readonly maxEntryBytes: number;
  /** All entries together, uncompressed. */
  readonly maxTotalBytes: number;
  readonly maxAssets: number;
  readonly maxManifestBytes: number;
}

/**
 * Sized for asset packs (PNG/SVG/code, a few MB each at most): 256 MB of pack and 512 MB
 * unpacked hold thousands of assets, while an import (the pack plus its unpacked files in
 * memory at once) stays well inside what the main process can spare.
 */
export const DEFAULT_PACK_LIMITS: PackLimits = {
  maxPackBytes: 256 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxAssets: 20_000,
  maxManifestBytes: 32 * 1024 * 1024,
};

/** `assets/12-knight.png`: one folder, our own name shape, a known extension. */
export const PACK_FILE_PATTERN = /^assets\/[a-z0-9][a-z0-9-]{0,80}\.(png|svg|tsx|html|css)$/;

/** True when a zip entry name could write outside the folder it is extracted to (zip-slip). */
export function isUnsafeEntryName(name: string): boolean {
  return (
    name.length === 0 ||
    name.length > 512 ||
    name.includes('\u0000') ||
    name.includes('\\') ||
    name.startsWith('/') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.')
  );
}

export const PackAssetSchema = z.object({
  /** The asset's id in the library it came from (a new one is made on import). */
  id: z.string().min(1).max(64),
  sourceMode: ModeIdSchema,
  kind: AssetKindSchema,
  file: z.string().regex(PACK_FILE_PATTERN, { error: 'Not a file path inside the pack.' }),
  mime: z.string().min(1).max(100),
  width: z.number().int().positive().max(65_535).nullable(),
  height: z.number().int().positive().max(65_535).nullable(),
  bytes: z.number().int().nonnegative(),
  /** Hex SHA-256 of the file: a truncated or swapped entry is caught before anything is written. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.number().int().nonnegative(),
  starred: z.boolean(),
  /** The asset's metadata document as the library held it. */
  metadata: z.record(z.string(), z.unknown()),
});
export type PackAsset = z.infer<typeof PackAssetSchema>;

export const WokpackManifestSchema = z.object({
  formatVersion: z.literal(WOKPACK_FORMAT_VERSION),
  app: z.literal('wokgen-studio'),
  exportedAt: z.number().int().nonnegative(),
  source: z.object({ workspaceName: z.string().max(200), mode: ModeIdSchema }),
  assets: z.array(PackAssetSchema).min(1, { error: 'The pack holds no assets.' }),
});
export type WokpackManifest = z.infer<typeof WokpackManifestSchema>;
