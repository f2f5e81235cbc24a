/**
 * The workspace's own recycle bin for gallery deletes: an asset's files (the deliverable, its
 * thumbnail and the provider's original) move to `.wokgen/trash/<assetId>/<same relative
 * path>`, so Undo is the same renames backwards and the row is never touched.
 *
 * Renames inside one workspace folder stay on one filesystem, so each move is atomic. The
 * trash folder sits under `.wokgen/`, outside `assets/`, so a library rebuild from disk
 * never resurrects a deleted asset. Every path goes through `resolveInside`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Asset } from '../../../shared/library';
import { errnoCode } from '../fs/errno';
import { resolveInside } from '../fs/path-containment';
import { SAFE_ID_PATTERN } from './asset-metadata';

export const TRASH_DIR = '.wokgen/trash';

/** Every file of an asset, relative to the workspace: the deliverable first. */
export function assetFiles(asset: Pick<Asset, 'relativePath' | 'metadata'>): string[] {
  const files = [asset.relativePath];
  for (const key of ['thumbnailPath', 'originalPath'] as const) {
    const value = asset.metadata[key];
    if (typeof value === 'string' && value.trim() !== '' && !files.includes(value)) files.push(value);
  }
  return files;
}

/** `.wokgen/trash/<assetId>` (ids are ours; anything else is refused before touching disk). */
export function trashFolderOf(assetId: string): string {
  if (!SAFE_ID_PATTERN.test(assetId)) throw new Error(`not an asset id: ${assetId}`);
  return `${TRASH_DIR}/${assetId}`;
}

async function move(from: string, to: string): Promise<boolean> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
    return true;
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return false; // already moved (a retried or resumed step)
    throw error;
  }
}

/**
 * Moves an asset's files into its trash folder. Files already gone are skipped (a file the
 * user deleted by hand must not block the delete). On a failure the files moved so far go
 * back, so the asset is whole in one place or the other.
 */
export async function moveAssetToTrash(folder: string, asset: Pick<Asset, 'id' | 'relativePath' | 'metadata'>): Promise<void> {
  const trash = trashFolderOf(asset.id);
  const moved: Array<[string, string]> = [];
  try {
    for (const file of assetFiles(asset)) {
      const from = resolveInside(folder, file);
      const to = resolveInside(folder, `${trash}/${file}`);
      if (await move(from, to)) moved.push([from, to]);
    }
  } catch (error) {
    for (const [from, to] of moved.reverse()) await move(to, from).catch(() => undefined);
    throw error;
  }
}

/**
 * Moves an asset's files back from its trash folder and removes the folder. A file already
 * back in place is left as it is; a file present in both places keeps the one in place.
 */
export async function restoreAssetFromTrash(folder: string, asset: Pick<Asset, 'id' | 'relativePath' | 'metadata'>): Promise<void> {
  const trash = trashFolderOf(asset.id);
  for (const file of assetFiles(asset)) {
    const from = resolveInside(folder, `${trash}/${file}`);
    const to = resolveInside(folder, file);
    if (existsSync(to)) continue;
    await move(from, to);
  }
  await rm(resolveInside(folder, trash), { recursive: true, force: true });
}

/** Deletes an asset's trash folder for good. */
export async function purgeTrashedAsset(folder: string, assetId: string): Promise<void> {
  await rm(resolveInside(folder, trashFolderOf(assetId)), { recursive: true, force: true });
}

/** Asset ids that have a trash folder in this workspace (the recovery journal). */
export async function listTrashedIds(folder: string): Promise<string[]> {
  try {
    const entries = await readdir(resolveInside(folder, TRASH_DIR), { withFileTypes: true });
    return entries.filter((e) => e.isDirectory() && SAFE_ID_PATTERN.test(e.name)).map((e) => e.name);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** Whether any of the asset's files is at its place in the workspace (not in the trash). */
export function anyFileInPlace(folder: string, asset: Pick<Asset, 'relativePath' | 'metadata'>): boolean {
  return assetFiles(asset).some((file) => existsSync(resolveInside(folder, file)));
}
