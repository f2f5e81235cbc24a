/**
 * Importing an image into a workspace, so tools that start from an image (pixel rotate and
 * inpaint) can use a file from disk: the bytes come from main (a native open dialog, or a
 * file the user dropped on the picker, read by the renderer from the drop only), are
 * validated here (size, real image type by signature, decodable, dimensions), normalised to
 * PNG and written like any asset — metadata inside, thumbnail, library rows — as the result
 * of an `import` job, so a rebuilt library lists it too.
 */
import { rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import sharp from 'sharp';
import { AppFailure } from '../../../shared/errors';
import type { Asset } from '../../../shared/library';
import type { ModeId } from '../../../shared/modes';
import { resolveInside } from '../fs/path-containment';
import type { Library } from '../library/open-library';
import type { DialogPort } from '../ports';
import { newRowId } from '../library/row-id';
import { formatForExtension } from './asset-formats';
import { assetRowFromMetadata } from './asset-rows';
import { writeAssetFiles } from './asset-writer';

export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
export const IMPORT_MAX_EDGE = 4096;
/** The job tool that records an import. */
export const IMPORT_TOOL = 'import';

const PNG_FORMAT = requireFormat('png');

function requireFormat(extension: string) {
  const format = formatForExtension(extension);
  if (format === undefined) throw new Error(`asset-formats has no ${extension} entry`);
  return format;
}

export type ImportedImageType = 'png' | 'jpeg' | 'webp' | 'gif';

/** The image type by its first bytes (never by the file name, which the user controls). */
export function sniffImageType(bytes: Uint8Array): ImportedImageType | null {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp';
  return null;
}

export interface NormalisedImage {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
}

/** Checks the bytes are an image the studio takes and returns it as PNG (EXIF orientation applied). */
export async function normaliseImportedImage(bytes: Uint8Array, field = 'file'): Promise<NormalisedImage> {
  if (bytes.byteLength === 0) throw new AppFailure('invalid_input', 'The file is empty.', field);
  if (bytes.byteLength > IMPORT_MAX_BYTES) {
    throw new AppFailure('invalid_input', `The image is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`, field);
  }
  if (sniffImageType(bytes) === null) throw new AppFailure('invalid_input', 'The file is not a PNG, JPEG, WebP or GIF image.', field);
  let png: Buffer;
  let width: number;
  let height: number;
  try {
    // First frame only (a GIF's), orientation from EXIF, then PNG; errors for truncated files.
    const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: IMPORT_MAX_EDGE * IMPORT_MAX_EDGE })
      .rotate()
      .png()
      .toBuffer({ resolveWithObject: true });
    png = data;
    width = info.width;
    height = info.height;
  } catch {
    throw new AppFailure('invalid_input', `The image could not be read: it is damaged, or larger than ${IMPORT_MAX_EDGE}×${IMPORT_MAX_EDGE} pixels.`, field);
  }
  if (width > IMPORT_MAX_EDGE || height > IMPORT_MAX_EDGE) {
    throw new AppFailure('invalid_input', `The image is ${width}×${height}; the studio takes at most ${IMPORT_MAX_EDGE}×${IMPORT_MAX_EDGE} pixels.`, field);
  }
  return { png, width, height };
}

export interface ImportDeps {
  readonly library: Library;
  readonly workspace: { readonly id: string; readonly mode: ModeId; readonly folder: string };
  readonly now: () => number;
}

/** Writes the image into the workspace and records it; returns the new asset. */
export async function importImage(deps: ImportDeps, input: { readonly name: string; readonly bytes: Uint8Array }): Promise<Asset> {
  const { png, width, height } = await normaliseImportedImage(input.bytes);
  const { library, workspace } = deps;
  const createdAt = deps.now();
  const jobId = newRowId(createdAt);
  const assetId = newRowId(createdAt);
  // Control characters never reach the metadata or the job's prompt.
  const name = [...input.name].filter((c) => c.charCodeAt(0) >= 0x20).join('').slice(-120) || 'image';
  const written = await writeAssetFiles({
    workspaceFolder: workspace.folder,
    metadata: {
      assetId,
      jobId,
      workspaceId: workspace.id,
      mode: workspace.mode,
      tool: IMPORT_TOOL,
      preset: null,
      prompt: `Imported ${name}`,
      negativePrompt: null,
      seed: null,
      provider: null,
      model: null,
      steps: null,
      guidance: null,
      width,
      height,
      slot: 0,
      createdAt,
      extra: { importedFrom: name },
    },
    processed: { bytes: png, mime: 'image/png', extension: 'png', width, height },
  });
  try {
    // One transaction: a failing asset insert must not leave an orphan `import` job row
    // (insertMany's own transaction nests as a savepoint).
    library.sqlite.transaction(() => {
      library.jobs.insert({
        id: jobId,
        workspaceId: workspace.id,
        mode: workspace.mode,
        tool: IMPORT_TOOL,
        prompt: `Imported ${name}`,
        status: 'succeeded',
        params: { importedFrom: name, width, height },
        createdAt,
        startedAt: createdAt,
        finishedAt: createdAt,
      });
      library.assets.insertMany([
        assetRowFromMetadata(workspace.id, written.metadata, {
          relativePath: written.relativePath,
          bytes: written.bytes,
          format: PNG_FORMAT,
          originalRelativePath: null,
          thumbnailRelativePath: written.thumbnailRelativePath,
          width,
          height,
        }),
      ]);
    })();
  } catch (error) {
    // No half-import: the files go when the rows cannot be written.
    for (const path of [written.relativePath, written.thumbnailRelativePath]) {
      if (path !== null) rmSync(resolveInside(workspace.folder, path), { force: true });
    }
    throw error;
  }
  const asset = library.assets.get(assetId);
  if (asset === undefined) throw new AppFailure('internal', 'The imported image was not recorded.');
  return asset;
}

/** Where the image comes from: the native open dialog (main reads the file) or a dropped file's bytes. */
export type ImportSource = { readonly from: 'dialog' } | { readonly from: 'bytes'; readonly name: string; readonly base64: string };

export const IMAGE_FILE_FILTERS = [{ name: 'Images', extensions: ['png', 'jpg', 'jpeg', 'webp', 'gif'] }] as const;

/** The channel's work: pick (or take) the bytes, then `importImage`. */
export async function importImageFrom(
  deps: Omit<ImportDeps, 'workspace'> & { readonly dialogs: DialogPort },
  workspaceId: string,
  source: ImportSource,
): Promise<Asset> {
  const row = deps.library.workspaces.get(workspaceId);
  if (row === undefined) throw new AppFailure('not_found', 'This workspace no longer exists in the library.', 'workspaceId');
  const workspace = { id: row.id, mode: row.mode, folder: row.folder };
  if (source.from === 'bytes') return importImage({ ...deps, workspace }, { name: source.name, bytes: Buffer.from(source.base64, 'base64') });
  const file = await deps.dialogs.chooseFile({ title: 'Choose an image to start from', filters: IMAGE_FILE_FILTERS });
  if (file === null) throw new AppFailure('cancelled', 'No image was chosen.');
  let bytes: Buffer;
  try {
    // Checked before reading, so a huge file is never pulled into memory.
    if ((await stat(file)).size > IMPORT_MAX_BYTES) throw new AppFailure('invalid_input', `The image is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB.`, 'file');
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('not_found', `The file could not be read: ${basename(file)}.`, 'file');
  }
  return importImage({ ...deps, workspace }, { name: basename(file), bytes });
}
