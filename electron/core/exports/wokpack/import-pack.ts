/**
 * Importing a read and validated `.wokpack` into a workspace, all or nothing.
 *
 * 1. Every asset is written into a staging folder inside the workspace
 *    (`.wokgen/import-<random>/`) by the same writer generation uses: our metadata re-embedded
 *    with new ids, this workspace and the source mode, plus a thumbnail.
 * 2. The staged files are moved into place one by one, never over an existing file (same
 *    filesystem, so each move is an atomic link/rename).
 * 3. The rows go in with one transaction.
 * Any failure — a write, a move, the insert, a cancel — removes what this import moved and the
 * staging folder, so the workspace is left exactly as it was.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppFailure } from '../../../../shared/errors';
import type { AssetKind } from '../../../../shared/library';
import type { ModeId } from '../../../../shared/modes';
import { AssetMetadataSchema, type AssetMetadata } from '../../assets/asset-metadata';
import { formatForExtension } from '../../assets/asset-formats';
import { assetRowFromMetadata } from '../../assets/asset-rows';
import { writeAssetFiles, type AssetMetadataInput } from '../../assets/asset-writer';
import { fsyncDirectory, fsyncFileSync, publishWithoutOverwrite } from '../../fs/atomic-write';
import { errnoCode, ioFailure } from '../../fs/errno';
import { resolveInside } from '../../fs/path-containment';
import type { NewAsset } from '../../library/assets-repo';
import { newRowId } from '../../library/row-id';
import { SvgSanitizeError, sanitizeSvg } from '../../svg/sanitize';
import type { PackAsset } from './manifest';
import type { ReadPack } from './read-pack';

export interface ImportTarget {
  readonly id: string;
  readonly mode: ModeId;
  readonly folder: string;
}

export interface ImportPackInput {
  readonly pack: ReadPack;
  readonly workspace: ImportTarget;
  /** The user confirmed importing assets made in another mode. */
  readonly allowCrossMode: boolean;
  /** Inserts the rows in one transaction (the assets repo's `insertMany`). */
  readonly insertRows: (rows: ReadonlyArray<NewAsset>) => void;
  /** The pack's file name, recorded on each asset. */
  readonly packName: string;
  readonly now: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** Staging folders live here, beside the thumbnails, out of the gallery's way. */
export const STAGING_PARENT = '.wokgen';

/**
 * Assets staged at once: each one's thumbnail renders on libuv's thread pool (4 threads by
 * default) while another's files are written and fsynced, so a few in flight keep both busy.
 */
const STAGING_CONCURRENCY = 4;

/**
 * `work` over `items` with at most `limit` running, results in item order. The first failure
 * aborts the rest (through the signal each call gets) and is thrown once all have settled, so
 * the caller's cleanup never races a write still in flight.
 */
async function inParallel<T, R>(items: ReadonlyArray<T>, limit: number, outer: AbortSignal | undefined, work: (item: T, signal: AbortSignal) => Promise<R>): Promise<R[]> {
  const controller = new AbortController();
  const stop = () => controller.abort(outer?.reason);
  outer?.addEventListener('abort', stop, { once: true });
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < items.length) {
      const index = next;
      next += 1;
      try {
        controller.signal.throwIfAborted();
        results[index] = await work(items[index] as T, controller.signal);
      } catch (error) {
        failure ??= { error };
        controller.abort();
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  } finally {
    outer?.removeEventListener('abort', stop);
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}

/** The fields of the pack's metadata that are valid on their own; the rest is dropped, not trusted. */
function validFields(metadata: Record<string, unknown>): Partial<AssetMetadata> {
  const shape = AssetMetadataSchema.shape;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    if (!(key in metadata)) continue;
    const parsed = shape[key].safeParse(metadata[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<AssetMetadata>;
}

function importedMetadata(asset: PackAsset, input: ImportPackInput): AssetMetadataInput {
  const known = validFields(asset.metadata);
  return {
    assetId: newRowId(input.now),
    // File names are `<jobId>-<slot>`; an imported asset has no job here, so it gets its own id.
    jobId: newRowId(input.now),
    workspaceId: input.workspace.id,
    // The workspace's mode (a rebuild from the folder keeps only this mode's files); where the
    // asset was made is `extra.sourceMode`.
    mode: input.workspace.mode,
    tool: known.tool ?? 'import',
    preset: known.preset ?? null,
    prompt: known.prompt ?? '',
    negativePrompt: known.negativePrompt ?? null,
    seed: known.seed ?? null,
    provider: known.provider ?? null,
    model: known.model ?? null,
    steps: known.steps ?? null,
    guidance: known.guidance ?? null,
    ...(known.sampler === undefined ? {} : { sampler: known.sampler }),
    ...(known.scheduler === undefined ? {} : { scheduler: known.scheduler }),
    width: known.width ?? null,
    height: known.height ?? null,
    slot: known.slot ?? 0,
    // Imported now: it shows at the top of the gallery, where the user looks for it.
    createdAt: input.now,
    kind: asset.kind,
    extra: {
      ...(known.extra ?? {}),
      sourceMode: asset.sourceMode,
      importedFrom: { pack: input.packName, assetId: asset.id, createdAt: asset.createdAt, importedAt: input.now },
    },
  };
}

/** The file decides what it is; the manifest may only refine an image to an animation frame or a pack part. */
function trustedKind(claimed: AssetKind, byExtension: AssetKind): AssetKind {
  return byExtension === 'image' && (claimed === 'animation' || claimed === 'pack') ? claimed : byExtension;
}

/**
 * A pack's SVG is untrusted input like any imported SVG: it goes through the core SVG
 * sanitiser, electron/core/svg (scripts, handlers, foreignObject, external references
 * removed), before it is stored.
 */
function sanitizedSvg(bytes: Uint8Array, file: string): Uint8Array {
  try {
    return new TextEncoder().encode(sanitizeSvg(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
  } catch (error) {
    throw new AppFailure('invalid_input', `${file} is not a readable SVG${error instanceof SvgSanitizeError ? `: ${error.message}` : ''}; nothing was imported.`, 'file');
  }
}

/** A staging folder this old was left by an import the app did not live to finish. */
export const STALE_STAGE_MS = 60 * 60 * 1000;

/** Removes staging folders of imports interrupted by a crash or power cut (never a running one). */
function sweepStaleStages(folder: string, now: number): void {
  let names: string[];
  try {
    names = readdirSync(join(folder, STAGING_PARENT)).filter((name) => /^import-[0-9a-f]{16}$/.test(name));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, STAGING_PARENT, name);
    try {
      if (now - statSync(path).mtimeMs > STALE_STAGE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Best effort: a leftover folder is harmless, the import goes on.
    }
  }
}

function requireFolder(folder: string): void {
  let ok = false;
  try {
    ok = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!ok) throw new AppFailure('not_found', 'The workspace folder is missing; re-attach it and try again.', 'workspaceId');
}

function removeQuietly(path: string, recursive = false): void {
  try {
    rmSync(path, { force: true, recursive });
  } catch {
    // The import's own error is what the user needs to see.
  }
}

export interface ImportedPack {
  readonly rows: ReadonlyArray<NewAsset>;
}

export async function importPack(input: ImportPackInput): Promise<ImportedPack> {
  const { pack, workspace, signal } = input;
  const foreign = pack.entries.filter((entry) => entry.asset.sourceMode !== workspace.mode);
  if (foreign.length > 0 && !input.allowCrossMode) {
    const modes = [...new Set(foreign.map((entry) => entry.asset.sourceMode))].join(', ');
    throw new AppFailure('conflict', `${foreign.length} of the pack's assets were made in ${modes} mode; confirm to import them into this ${workspace.mode} workspace.`, 'allowCrossMode');
  }
  requireFolder(workspace.folder);
  sweepStaleStages(workspace.folder, input.now);
  const stage = resolveInside(workspace.folder, `${STAGING_PARENT}/import-${randomBytes(8).toString('hex')}`);
  const moved: string[] = [];
  try {
    mkdirSync(stage, { recursive: true });
    let done = 0;
    const staged = await inParallel(pack.entries, STAGING_CONCURRENCY, signal, async ({ asset, bytes }, stageSignal) => {
      const extension = asset.file.slice(asset.file.lastIndexOf('.') + 1);
      const format = formatForExtension(extension);
      if (!format) throw new AppFailure('invalid_input', `${asset.file} is not a file type WokGen imports.`, 'file');
      const written = await writeAssetFiles({
        workspaceFolder: stage,
        metadata: { ...importedMetadata(asset, input), kind: trustedKind(asset.kind, format.kind) },
        processed: { bytes: format.extension === 'svg' ? sanitizedSvg(bytes, asset.file) : bytes, mime: format.mime, extension, width: asset.width, height: asset.height },
        pixelArt: asset.sourceMode === 'pixel',
        signal: stageSignal,
        // Made durable once in place (below): one fsync per file and per folder, not two per file.
        durable: false,
      });
      const row = assetRowFromMetadata(workspace.id, written.metadata, {
        relativePath: written.relativePath,
        bytes: written.bytes,
        format,
        originalRelativePath: null,
        thumbnailRelativePath: written.thumbnailRelativePath,
        width: asset.width,
        height: asset.height,
      });
      done += 1;
      input.onProgress?.(done, pack.entries.length);
      return {
        row: { ...row, jobId: null, starred: asset.starred, metadata: { ...row.metadata, sourceMode: asset.sourceMode } },
        files: [written.relativePath, ...(written.thumbnailRelativePath ? [written.thumbnailRelativePath] : [])],
      };
    });
    signal?.throwIfAborted();
    for (const { files } of staged) {
      for (const relative of files) {
        const target = resolveInside(workspace.folder, relative);
        mkdirSync(dirname(target), { recursive: true });
        try {
          publishWithoutOverwrite(join(stage, relative), target);
        } catch (error) {
          if (errnoCode(error) === 'EEXIST') throw new AppFailure('conflict', `${relative} already exists in the workspace; nothing was imported.`, 'workspaceId');
          throw error;
        }
        moved.push(target);
      }
    }
    // The asset files must survive a power cut before their rows exist; thumbnails are a cache.
    const folders = new Set<string>();
    for (const { files } of staged) {
      const target = resolveInside(workspace.folder, files[0] ?? '');
      fsyncFileSync(target);
      folders.add(dirname(target));
    }
    for (const folder of folders) fsyncDirectory(folder);
    const rows = staged.map((entry) => entry.row);
    input.insertRows(rows);
    return { rows };
  } catch (error) {
    for (const path of moved.reverse()) removeQuietly(path);
    if (error instanceof AppFailure || signal?.aborted) throw error;
    throw ioFailure('import the pack', error, 'workspaceId');
  } finally {
    removeQuietly(stage, true);
  }
}
