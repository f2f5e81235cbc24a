/**
 * Where asset files live inside a workspace folder. Names are generated from ids we made
 * (never from prompts or anything a user or provider typed), the pattern of Signal
 * Desktop's `getRelativePath`/attachment paths: no escaping, no collisions with user
 * files, no "con.png" on Windows, and the same name on every OS.
 *
 * All paths are relative to the workspace folder, with `/` separators (they are stored in
 * the library and must mean the same on another OS); `resolveInside` turns them into
 * absolute ones and proves containment.
 *
 * Month folders keep any one directory small (file managers and `readdir` slow down on
 * folders with tens of thousands of entries) and use UTC, so the folder an asset lands in
 * does not depend on the time zone of the machine that made it.
 */
import { AppFailure } from '../../../shared/errors';
import { SAFE_ID_PATTERN } from './asset-metadata';
import { formatForExtension } from './asset-formats';

export const ASSETS_DIR = 'assets';
export const THUMBNAILS_DIR = '.wokgen/thumbnails';
export const THUMBNAIL_EXTENSION = 'webp';
/**
 * Inpaint masks, one per job that had one: app data beside the thumbnails (out of `assets/`, so
 * the gallery and a rebuild from disk never take a mask for an asset), kept so Retry, Re-run
 * and Remix of the job can send the same mask in a later session.
 */
export const MASKS_DIR = '.wokgen/masks';

export interface AssetFileName {
  readonly jobId: string;
  /** Batch slot, 0..63. */
  readonly slot: number;
  /** Dot-less extension of a format we write (png, svg, tsx, html, css, jpg, webp, gif). */
  readonly extension: string;
  /** ms since epoch; picks the month folder. */
  readonly createdAt: number;
}

function requireId(id: string, field: string): void {
  if (!SAFE_ID_PATTERN.test(id)) throw new AppFailure('invalid_input', `"${id}" is not a valid id for a file name.`, field);
}

function checked({ jobId, slot, extension, createdAt }: AssetFileName): string {
  requireId(jobId, 'jobId');
  if (!Number.isInteger(slot) || slot < 0 || slot > 63) throw new AppFailure('invalid_input', 'The slot must be an integer from 0 to 63.', 'slot');
  if (!/^[a-z0-9]{1,8}$/.test(extension) || !formatForExtension(extension)) {
    throw new AppFailure('invalid_input', `".${extension}" is not a file type WokGen writes.`, 'extension');
  }
  return `${monthFolder(createdAt)}/${jobId}-${slot}`;
}

/** `assets/<yyyy>-<mm>` for a timestamp (UTC). */
export function monthFolder(createdAt: number): string {
  const date = new Date(createdAt);
  if (!Number.isFinite(createdAt) || Number.isNaN(date.getTime()) || createdAt < 0) {
    throw new AppFailure('invalid_input', 'The creation time is not a valid timestamp.', 'createdAt');
  }
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${ASSETS_DIR}/${date.getUTCFullYear()}-${month}`;
}

/** `assets/<yyyy>-<mm>/<jobId>-<slot>.<ext>`: the processed deliverable. */
export function processedAssetPath(name: AssetFileName): string {
  return `${checked(name)}.${name.extension}`;
}

/** `assets/<yyyy>-<mm>/<jobId>-<slot>.original.<ext>`: the provider's output, kept beside it. */
export function originalAssetPath(name: AssetFileName): string {
  return `${checked(name)}.original.${name.extension}`;
}

/** `.wokgen/thumbnails/<assetId>.webp`: derived data, can be deleted and regenerated. */
export function thumbnailPath(assetId: string): string {
  requireId(assetId, 'assetId');
  return `${THUMBNAILS_DIR}/${assetId}.${THUMBNAIL_EXTENSION}`;
}

/** `.wokgen/masks/<jobId>.png`: the inpaint mask a job was submitted with (white = repaint). */
export function maskPath(jobId: string): string {
  requireId(jobId, 'jobId');
  return `${MASKS_DIR}/${jobId}.png`;
}
