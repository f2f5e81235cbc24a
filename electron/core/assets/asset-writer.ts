/**
 * Writes one generated asset into its workspace: the processed file, the provider's
 * original beside it, and the gallery thumbnail — each with our metadata inside where the
 * format allows.
 *
 * All or nothing: everything that can fail without touching the disk (validation,
 * embedding, the thumbnail) is done first; then the files are written one by one, each
 * atomically (temp + rename), inside the folder (`writeFileInsideSync` proves containment,
 * symlinks included) and never over an existing file. If a write fails or the job is
 * cancelled between writes, the files already written are removed again, so a workspace
 * never holds half an asset.
 */
import { lstatSync, rmSync, statSync } from 'node:fs';
import { AppFailure } from '../../../shared/errors';
import { writeFileInsideSync } from '../fs/atomic-write';
import { errnoCode, ioFailure } from '../fs/errno';
import { resolveInside } from '../fs/path-containment';
import { ASSET_METADATA_APP, ASSET_METADATA_FORMAT, validateAssetMetadata, type AssetMetadata } from './asset-metadata';
import { formatForExtension, formatForMime, type AssetFormat } from './asset-formats';
import { originalAssetPath, processedAssetPath, thumbnailPath } from './asset-paths';
import { embedMetadata } from './embedded-metadata';
import { makeThumbnail } from './thumbnails';

/** What the caller knows about the asset; the writer adds format, app, role and file size. */
export type AssetMetadataInput = Omit<AssetMetadata, 'format' | 'app' | 'role' | 'fileWidth' | 'fileHeight'>;

export interface ProcessedFileInput {
  readonly bytes: Uint8Array;
  readonly mime: string;
  /** Dot-less: png, svg, tsx, html, css. */
  readonly extension: string;
  /** Pixel size of this file; null for code. */
  readonly width: number | null;
  readonly height: number | null;
}

export interface OriginalFileInput {
  readonly bytes: Uint8Array;
  readonly mime: string;
  /** Derived from the MIME type when absent. */
  readonly extension?: string;
}

export interface WriteAssetFilesInput {
  /** Absolute path of the workspace folder; it must exist (a vanished folder is not recreated). */
  readonly workspaceFolder: string;
  readonly metadata: AssetMetadataInput;
  readonly processed: ProcessedFileInput;
  readonly original?: OriginalFileInput | null;
  readonly signal?: AbortSignal;
  /** Thumbnail as pixel art (nearest-neighbour, lossless); defaults to `mode === 'pixel'`. */
  readonly pixelArt?: boolean;
  /**
   * fsync each file and its folder (default). Off only for a caller that moves the files
   * elsewhere and makes them durable there (the `.wokpack` import stages, moves, then syncs once).
   */
  readonly durable?: boolean;
}

export interface WrittenAssetFiles {
  /** Relative to the workspace folder, `/`-separated. */
  readonly relativePath: string;
  readonly originalRelativePath: string | null;
  /** Null for code, which has no picture to shrink. */
  readonly thumbnailRelativePath: string | null;
  /** Size of the processed file as written (metadata included). */
  readonly bytes: number;
  /** The document embedded in the processed file: what `assetRowFromMetadata` takes. */
  readonly metadata: AssetMetadata;
}

interface PlannedFile {
  readonly relativePath: string;
  readonly bytes: Uint8Array;
  /** Thumbnails are a cache that can be rebuilt: written atomically but without fsync. */
  readonly durable?: boolean;
}

function requireWorkspaceFolder(folder: string): void {
  let isDirectory = false;
  try {
    isDirectory = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  // Checked here because the atomic writer creates missing parents: an unplugged drive's
  // folder must not quietly reappear on the system disk.
  if (!isDirectory) throw new AppFailure('not_found', 'The workspace folder is missing; re-attach it and try again.', 'workspaceFolder');
}

function requireFormat(file: { mime: string; extension?: string | undefined }, field: string): AssetFormat {
  const format = file.extension === undefined ? formatForMime(file.mime) : formatForExtension(file.extension);
  if (!format || (file.extension !== undefined && file.extension !== file.extension.toLowerCase())) {
    throw new AppFailure('invalid_input', `WokGen does not write ${file.extension === undefined ? file.mime : `.${file.extension}`} files.`, field);
  }
  if (format.mime !== file.mime.toLowerCase()) {
    throw new AppFailure('invalid_input', `The ${field} file is .${format.extension} but its type is ${file.mime}.`, field);
  }
  return format;
}

/**
 * Validates and embeds everything, touching no file. The thumbnail is only *started* here:
 * sharp renders it on libuv's thread pool while the rest is validated and the main files are
 * written, and it is awaited (and can still fail, rolling everything back) before the call
 * returns.
 */
function plan(input: WriteAssetFilesInput): { files: PlannedFile[]; thumbnail: Promise<PlannedFile> | null; result: WrittenAssetFiles } {
  const { metadata: given, processed, original, signal } = input;
  const processedFormat = requireFormat(processed, 'processed');
  if (processedFormat.carrier.type === 'none') {
    throw new AppFailure('invalid_input', `Processed assets must be a format that carries metadata, not .${processedFormat.extension}.`, 'processed');
  }
  // The thumbnail is the slowest step of writing an asset (decoding a 1024² PNG alone is ~5 ms),
  // so it starts before validation and embedding, which then run while sharp works.
  const thumbnailBytes = processedFormat.raster ? makeThumbnail(processed.bytes, processedFormat.mime, { pixelArt: input.pixelArt ?? given.mode === 'pixel' }) : null;
  // Awaited below (or dropped when validation fails); this only keeps an early failure from being reported as unhandled.
  thumbnailBytes?.catch(() => undefined);
  const metadata = validateAssetMetadata({
    ...given,
    format: ASSET_METADATA_FORMAT,
    app: ASSET_METADATA_APP,
    role: 'processed',
    fileWidth: processed.width,
    fileHeight: processed.height,
  });
  const name = { jobId: metadata.jobId, slot: metadata.slot, createdAt: metadata.createdAt };
  const relativePath = processedAssetPath({ ...name, extension: processedFormat.extension });
  const processedBytes = embedMetadata(processed.bytes, processedFormat, metadata);
  const files: PlannedFile[] = [{ relativePath, bytes: processedBytes }];

  let originalRelativePath: string | null = null;
  if (original) {
    const format = requireFormat(original, 'original');
    originalRelativePath = originalAssetPath({ ...name, extension: format.extension });
    // The original's own pixel size is not known here, so those fields are left out.
    const { fileWidth: _w, fileHeight: _h, ...shared } = metadata;
    const bytes = format.carrier.type === 'none' ? original.bytes : embedMetadata(original.bytes, format, { ...shared, role: 'original' });
    files.push({ relativePath: originalRelativePath, bytes });
  }

  let thumbnailRelativePath: string | null = null;
  let thumbnail: Promise<PlannedFile> | null = null;
  if (thumbnailBytes) {
    const target = thumbnailPath(metadata.assetId);
    thumbnailRelativePath = target;
    thumbnail = thumbnailBytes.then((made) => {
      signal?.throwIfAborted();
      return { relativePath: target, bytes: made.bytes, durable: false };
    });
    thumbnail.catch(() => undefined);
  }
  return { files, thumbnail, result: { relativePath, originalRelativePath, thumbnailRelativePath, bytes: processedBytes.byteLength, metadata } };
}

function isFileInside(root: string, relativePath: string): boolean {
  try {
    return lstatSync(resolveInside(root, relativePath)).isFile();
  } catch {
    return false;
  }
}

/** Cleanup must not hide the error that caused it. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The original failure is what the user needs to see.
  }
}

export async function writeAssetFiles(input: WriteAssetFilesInput): Promise<WrittenAssetFiles> {
  const { workspaceFolder, signal } = input;
  signal?.throwIfAborted();
  requireWorkspaceFolder(workspaceFolder);
  const { files, thumbnail, result } = plan(input);

  const written: string[] = [];
  let current = '';
  const write = (file: PlannedFile) => {
    signal?.throwIfAborted();
    current = file.relativePath;
    written.push(writeFileInsideSync(workspaceFolder, file.relativePath, file.bytes, { noOverwrite: true, durable: file.durable ?? input.durable ?? true }));
  };
  try {
    for (const file of files) write(file);
    if (thumbnail) write(await thumbnail);
  } catch (error) {
    // Only what this call created: with noOverwrite nothing else was ever replaced. Empty
    // month/thumbnail folders stay: another job may be writing into them right now.
    for (const path of written.reverse()) removeQuietly(path);
    if (signal?.aborted) throw error;
    // EEXIST also comes from mkdir when a file sits where a folder should be; only a file
    // at the target itself is a name conflict.
    if (errnoCode(error) === 'EEXIST' && isFileInside(workspaceFolder, current)) {
      throw new AppFailure('conflict', `${current} already exists; nothing was overwritten.`, 'workspaceFolder');
    }
    throw ioFailure('write the asset files', error, 'workspaceFolder');
  }
  return result;
}
