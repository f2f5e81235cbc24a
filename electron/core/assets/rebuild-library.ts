/**
 * Rebuilds a workspace's library rows from its folder: what lets a folder moved to another
 * machine (or a library lost with its user-data folder) get its history back.
 *
 * The asset files are the source of truth: every processed file carries its metadata
 * (PNG text chunk, SVG `<metadata>`, code header). The walk stays inside `assets/`, never
 * follows a symbolic link (a link could lead anywhere on the disk), reads only regular
 * files, and accounts for every file it does not turn into a row in `skipped`, with the
 * reason, so the user can see why something is missing.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/errors';
import { resolveInside } from '../fs/path-containment';
import type { Library, NewAsset, NewJob } from '../library';
import { readManifest } from '../workspaces/manifest';
import type { AssetMetadata } from './asset-metadata';
import { formatForExtension, type AssetFormat } from './asset-formats';
import { ASSETS_DIR, thumbnailPath } from './asset-paths';
import { assetRowFromMetadata, jobRowFromMetadata } from './asset-rows';
import { readEmbeddedMetadata } from './embedded-metadata';
import { AssetMetadataError } from './errors';

export type RebuildSkipReason =
  /** A file type that cannot carry our metadata (and is not a kept original). */
  | 'unsupported_type'
  /** A file type that could, but this file has no metadata of ours. */
  | 'no_metadata'
  /** Our metadata is there but is not valid (bad JSON, unknown format version, bad field). */
  | 'invalid_metadata'
  /** The file is damaged (truncated PNG, CRC mismatch, not an SVG…). */
  | 'corrupt_file'
  /** The provider's original kept beside a processed file; it is recorded on that asset. */
  | 'original'
  /** Metadata of another workspace (a file copied in by hand): its ids belong to that one. */
  | 'other_workspace'
  /** Metadata of another mode than this workspace's. */
  | 'mode_mismatch'
  /** A second file with an asset id already seen (a copy); the first in path order wins. */
  | 'duplicate_asset'
  | 'symlink'
  /** A socket, device or other non-regular entry. */
  | 'not_a_file'
  | 'too_large'
  /** Folders nested deeper than the writer ever makes them. */
  | 'too_deep'
  | 'unreadable';

export interface SkippedFile {
  /** Relative to the workspace folder, `/`-separated. */
  readonly relativePath: string;
  readonly reason: RebuildSkipReason;
  readonly detail: string;
}

export interface RebuildRows {
  /** Sorted by creation time, then id. */
  readonly jobs: NewJob[];
  /** Sorted by job, then slot, then path. */
  readonly assets: NewAsset[];
  /** In path order. */
  readonly skipped: SkippedFile[];
}

/** The writer makes `assets/<yyyy>-<mm>/file`; a little slack for folders a user adds. */
const MAX_DEPTH = 8;
/** Larger files are not ours (a 4096² PNG is ~50 MB at worst) and would only cost memory. */
const MAX_FILE_BYTES = 128 * 1024 * 1024;
const ORIGINAL_NAME = /^(.*)\.original\.[A-Za-z0-9]+$/;

interface FoundFile {
  readonly relativePath: string;
  readonly size: number;
}

interface Walk {
  readonly files: FoundFile[];
  readonly skipped: SkippedFile[];
}

function extensionOf(relativePath: string): string {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Depth-first, names sorted, so the result is the same on every run and every OS. */
async function walk(folder: string, relativeDir: string, depth: number, out: Walk, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  let entries: Dirent[];
  try {
    entries = await readdir(resolveInside(folder, relativeDir), { withFileTypes: true });
  } catch (error) {
    out.skipped.push({ relativePath: relativeDir, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const relativePath = `${relativeDir}/${entry.name}`;
    // Dirent types come from lstat semantics: a symlink is reported as a symlink, never as
    // what it points to, so nothing outside the folder is ever opened.
    if (entry.isSymbolicLink()) out.skipped.push({ relativePath, reason: 'symlink', detail: 'Symbolic links are not followed.' });
    else if (entry.isDirectory()) {
      if (depth + 1 > MAX_DEPTH) out.skipped.push({ relativePath, reason: 'too_deep', detail: `Folders deeper than ${MAX_DEPTH} levels are not read.` });
      else await walk(folder, relativePath, depth + 1, out, signal);
    } else if (!entry.isFile()) out.skipped.push({ relativePath, reason: 'not_a_file', detail: 'Not a regular file.' });
    else {
      // Lexical join is enough for lstat: it never follows the last component, and every
      // folder above it was itself reached by this walk, which does not enter links.
      const stats = await lstat(join(folder, relativePath)).catch(() => null);
      // Re-checked: the entry may have been swapped for a link since readdir.
      if (!stats || !stats.isFile()) out.skipped.push({ relativePath, reason: 'not_a_file', detail: 'Not a regular file.' });
      else out.files.push({ relativePath, size: stats.size });
    }
  }
}

function skipReasonFor(error: unknown): RebuildSkipReason {
  if (error instanceof AssetMetadataError) return error.reason === 'invalid_metadata' ? 'invalid_metadata' : 'corrupt_file';
  return 'unreadable';
}

/** A regular file inside the folder (a link, or a path through a link, does not count). */
async function regularFileInside(folder: string, relativePath: string): Promise<boolean> {
  let path: string;
  try {
    path = resolveInside(folder, relativePath);
  } catch {
    return false;
  }
  const stats = await lstat(path).catch(() => null);
  return stats !== null && stats.isFile();
}

interface Candidate {
  readonly metadata: AssetMetadata;
  readonly file: FoundFile;
  readonly format: AssetFormat;
  readonly width: number | null;
  readonly height: number | null;
}

/**
 * The job and asset rows the folder's files describe, plus every file that was not used.
 * Throws `conflict` when the folder's `workspace.json` belongs to another workspace, and
 * the manifest's typed errors when it has none.
 */
export async function rebuildWorkspaceRows(workspaceFolder: string, workspaceId: string, signal?: AbortSignal): Promise<RebuildRows> {
  const manifest = readManifest(workspaceFolder);
  if (manifest.id !== workspaceId) {
    throw new AppFailure('conflict', `This folder holds the workspace "${manifest.name}", not the one being rebuilt.`, 'folder');
  }
  const found: Walk = { files: [], skipped: [] };
  const assetsDir = await lstat(join(workspaceFolder, ASSETS_DIR)).catch(() => null);
  if (assetsDir?.isSymbolicLink()) found.skipped.push({ relativePath: ASSETS_DIR, reason: 'symlink', detail: 'Symbolic links are not followed.' });
  else if (assetsDir?.isDirectory()) await walk(workspaceFolder, ASSETS_DIR, 1, found, signal);

  // Originals are matched to their processed file by the generated names: `<stem>.original.<ext>`.
  const originals = new Map<string, string>();
  for (const { relativePath } of found.files) {
    const match = ORIGINAL_NAME.exec(relativePath);
    if (match?.[1] !== undefined) originals.set(match[1], relativePath);
  }

  const skipped = [...found.skipped];
  const candidates: Candidate[] = [];
  const seenAssetIds = new Set<string>();
  for (const file of found.files) {
    signal?.throwIfAborted();
    const skip = (reason: RebuildSkipReason, detail: string) => skipped.push({ relativePath: file.relativePath, reason, detail });
    const format = formatForExtension(extensionOf(file.relativePath));
    const isOriginalName = ORIGINAL_NAME.test(file.relativePath);
    if (!format || format.carrier.type === 'none') {
      if (isOriginalName) skip('original', 'The provider\u2019s original, kept beside its processed file.');
      else skip('unsupported_type', 'This file type cannot carry WokGen metadata.');
      continue;
    }
    if (file.size > MAX_FILE_BYTES) {
      skip('too_large', `Files over ${MAX_FILE_BYTES / 1024 / 1024} MB are not read.`);
      continue;
    }
    let read;
    try {
      read = readEmbeddedMetadata(await readFile(resolveInside(workspaceFolder, file.relativePath)), format);
    } catch (error) {
      skip(skipReasonFor(error), error instanceof Error ? error.message : String(error));
      continue;
    }
    const { metadata } = read;
    if (!metadata) skip('no_metadata', 'The file has no WokGen metadata.');
    else if (metadata.role === 'original') skip('original', 'The provider\u2019s original, kept beside its processed file.');
    else if (metadata.workspaceId !== workspaceId) skip('other_workspace', 'The metadata belongs to another workspace.');
    else if (metadata.mode !== manifest.mode) skip('mode_mismatch', `The file was made in ${metadata.mode} mode; this workspace is ${manifest.mode}.`);
    else if (seenAssetIds.has(metadata.assetId)) skip('duplicate_asset', `Another file already has asset id ${metadata.assetId}.`);
    else {
      seenAssetIds.add(metadata.assetId);
      candidates.push({ metadata, file, format, width: read.width, height: read.height });
    }
  }

  const assets: NewAsset[] = [];
  const groups = new Map<string, AssetMetadata[]>();
  for (const { metadata, file, format, width, height } of candidates) {
    const stem = file.relativePath.slice(0, file.relativePath.length - format.extension.length - 1);
    const thumbnail = thumbnailPath(metadata.assetId);
    const hasThumbnail = await regularFileInside(workspaceFolder, thumbnail);
    assets.push(
      assetRowFromMetadata(workspaceId, metadata, {
        relativePath: file.relativePath,
        bytes: file.size,
        format,
        originalRelativePath: originals.get(stem) ?? null,
        thumbnailRelativePath: hasThumbnail ? thumbnail : null,
        width,
        height,
      }),
    );
    const group = groups.get(metadata.jobId) ?? [];
    group.push(metadata);
    groups.set(metadata.jobId, group);
  }
  const jobs = [...groups.values()].map((group) => jobRowFromMetadata(workspaceId, group));
  jobs.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  assets.sort((a, b) => {
    const byJob = (a.jobId ?? '') < (b.jobId ?? '') ? -1 : (a.jobId ?? '') > (b.jobId ?? '') ? 1 : 0;
    return byJob || a.slot - b.slot || (a.relativePath < b.relativePath ? -1 : 1);
  });
  skipped.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
  return { jobs, assets, skipped };
}

export interface AppliedRebuild {
  readonly jobsInserted: number;
  readonly assetsInserted: number;
  /** Rows not inserted: the id was already there (or, for an asset, its job belongs to another workspace). */
  readonly jobsSkipped: number;
  readonly assetsSkipped: number;
}

/**
 * Inserts the rebuilt rows the library does not have yet, all in one transaction (a
 * half-applied rebuild would show jobs without their assets). Existing rows win: the
 * library may know more than the files (attempts, timings, stars). The workspace row
 * itself must exist (attach inserts it first).
 */
export function applyRebuild(library: Library, rows: Pick<RebuildRows, 'jobs' | 'assets'>): AppliedRebuild {
  // The one place outside the library that opens a transaction on its connection: the two
  // repositories' inserts must commit together, and better-sqlite3 turns their own
  // transactions into savepoints inside this one.
  const apply = library.sqlite.transaction((): AppliedRebuild => {
    const jobWorkspace = new Map<string, string>();
    const newJobs: NewJob[] = [];
    for (const job of rows.jobs) {
      const existing = library.jobs.get(job.id);
      if (existing) jobWorkspace.set(job.id, existing.workspaceId);
      else {
        newJobs.push(job);
        jobWorkspace.set(job.id, job.workspaceId);
      }
    }
    library.jobs.insertMany(newJobs);
    const newAssets = rows.assets.filter((asset) => {
      if (library.assets.get(asset.id)) return false;
      // Never hang an asset on a job of another workspace (ids copied between folders).
      const owner = asset.jobId === null ? asset.workspaceId : (jobWorkspace.get(asset.jobId) ?? library.jobs.get(asset.jobId)?.workspaceId);
      return owner === asset.workspaceId;
    });
    library.assets.insertMany(newAssets);
    return {
      jobsInserted: newJobs.length,
      assetsInserted: newAssets.length,
      jobsSkipped: rows.jobs.length - newJobs.length,
      assetsSkipped: rows.assets.length - newAssets.length,
    };
  });
  return apply();
}
