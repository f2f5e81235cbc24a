/**
 * What the gallery does to assets besides showing them: star, delete with Undo, the final
 * purge, reveal in the file manager and drag out to other applications.
 *
 * Delete is crash-safe by ordering, with the trash folder as the journal:
 * - delete: files → `.wokgen/trash/<id>/` first, then the row is marked deleted;
 * - undo: files back first, then the mark is cleared;
 * - start-up (`recover`): a trash folder whose row is live is a delete that never committed
 *   (files go back); a deleted row with a file in place is an undo that never committed
 *   (finished); every other deleted row is purged with its trash folder.
 * So after any crash an asset is either whole in the gallery or gone with its files — never
 * a row without its file or a file without its row.
 */
import { existsSync } from 'node:fs';
import { AppFailure } from '../../../shared/errors';
import type { Asset } from '../../../shared/library';
import { MODE_IDS } from '../../../shared/modes';
import { ioFailure } from '../fs/errno';
import { resolveInside } from '../fs/path-containment';
import type { Library } from '../library';
import type { DragPort, Logger, ShellPort } from '../ports';
import {
  anyFileInPlace,
  listTrashedIds,
  moveAssetToTrash,
  purgeTrashedAsset,
  restoreAssetFromTrash,
} from '../assets/asset-trash';

export interface GalleryDeps {
  readonly library: Library;
  /** The workspace's folder; throws a typed `not_found` for an unknown workspace. */
  readonly folderOf: (workspaceId: string) => string;
  readonly shell: ShellPort;
  readonly drag: DragPort;
  readonly log: Logger;
  readonly now?: () => number;
}

export interface RecoverySummary {
  /** Deletes that never committed: files moved back. */
  readonly rolledBack: number;
  /** Undos that never committed: finished. */
  readonly restored: number;
  /** Deleted assets removed for good. */
  readonly purged: number;
}

export class GalleryService {
  /** Deletes and restores run one at a time, so an Undo never races its own delete. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: GalleryDeps) {}

  setStarred(workspaceId: string, ids: ReadonlyArray<string>, starred: boolean): Asset[] {
    this.deps.folderOf(workspaceId);
    return this.deps.library.assets.setStarredMany(workspaceId, ids, starred);
  }

  /** Moves the assets' files to the workspace trash and hides them; returns the ids deleted. */
  delete(workspaceId: string, ids: ReadonlyArray<string>): Promise<{ deleted: string[] }> {
    return this.serial(async () => {
      const folder = this.existingFolder(workspaceId);
      const { assets } = this.deps.library;
      const deleted: string[] = [];
      let failure: unknown = null;
      for (const asset of assets.listLive(workspaceId, ids)) {
        try {
          await moveAssetToTrash(folder, asset);
          deleted.push(asset.id);
        } catch (error) {
          failure = error;
          break;
        }
      }
      // The rows of the assets whose files did move are marked even when a later one failed.
      if (deleted.length > 0) assets.markDeleted(workspaceId, deleted, (this.deps.now ?? Date.now)());
      if (failure !== null && deleted.length === 0) throw ioFailure('move the asset to the workspace trash', failure);
      if (failure !== null) this.deps.log.warn('gallery delete stopped early', { workspaceId, deleted: deleted.length, error: String(failure) });
      return { deleted };
    });
  }

  /** Undo: files back from the trash, then the rows reappear exactly as they were. */
  restore(workspaceId: string, ids: ReadonlyArray<string>): Promise<{ restored: Asset[] }> {
    return this.serial(async () => {
      const folder = this.existingFolder(workspaceId);
      const { assets } = this.deps.library;
      const wanted = new Set(ids);
      const back: string[] = [];
      for (const { asset } of assets.listDeleted()) {
        if (asset.workspaceId !== workspaceId || !wanted.has(asset.id)) continue;
        try {
          await restoreAssetFromTrash(folder, asset);
        } catch (error) {
          if (back.length > 0) assets.unmarkDeleted(workspaceId, back);
          throw ioFailure('restore the asset from the workspace trash', error);
        }
        back.push(asset.id);
      }
      if (back.length > 0) assets.unmarkDeleted(workspaceId, back);
      return { restored: assets.listLive(workspaceId, back) };
    });
  }

  /** Start-up: finishes or rolls back what a crash interrupted, then purges deleted assets. */
  recover(): Promise<RecoverySummary> {
    return this.serial(async () => {
      const { library } = this.deps;
      let rolledBack = 0;
      let restored = 0;
      let purged = 0;
      const handled = new Set<string>();
      const folders = new Map<string, string>();
      for (const mode of MODE_IDS) for (const ws of library.workspaces.listByMode(mode)) folders.set(ws.id, ws.folder);

      for (const [workspaceId, folder] of folders) {
        if (!existsSync(folder)) continue; // a missing folder keeps its trash until it is back
        for (const id of await listTrashedIds(folder)) {
          handled.add(id);
          const row = library.assets.get(id);
          const deletedAt = library.assets.deletedAt(id);
          if (row === undefined || row.workspaceId !== workspaceId) {
            await purgeTrashedAsset(folder, id); // its row is gone (job deleted): nothing to go back to
          } else if (deletedAt === null) {
            await restoreAssetFromTrash(folder, row);
            rolledBack += 1;
          } else if (anyFileInPlace(folder, row)) {
            await restoreAssetFromTrash(folder, row);
            library.assets.unmarkDeleted(workspaceId, [id]);
            restored += 1;
          } else {
            await purgeTrashedAsset(folder, id);
            purged += library.assets.purge([id]);
          }
        }
      }
      // Deleted rows without a trash folder: an undo that had moved every file back, or an
      // asset whose files were already gone.
      for (const { asset } of library.assets.listDeleted()) {
        if (handled.has(asset.id)) continue;
        const folder = folders.get(asset.workspaceId);
        if (folder === undefined || !existsSync(folder)) continue;
        if (anyFileInPlace(folder, asset)) {
          library.assets.unmarkDeleted(asset.workspaceId, [asset.id]);
          restored += 1;
        } else {
          purged += library.assets.purge([asset.id]);
        }
      }
      return { rolledBack, restored, purged };
    });
  }

  /** Shows the asset's file in the OS file manager. */
  reveal(assetId: string): void {
    this.deps.shell.showItemInFolder(this.fileOf(assetId).path);
  }

  /** Starts a native drag of the asset's file (its thumbnail as the drag image). */
  startDrag(assetId: string): void {
    const { path, icon } = this.fileOf(assetId);
    this.deps.drag.startDrag(path, icon);
  }

  /** The absolute path of a live asset's file, proven inside its workspace, and its thumbnail. */
  private fileOf(assetId: string): { path: string; icon: string | null } {
    const { assets } = this.deps.library;
    const asset = assets.get(assetId);
    if (asset === undefined || assets.deletedAt(assetId) !== null) {
      throw new AppFailure('not_found', 'This asset is no longer in the library.', 'assetId');
    }
    const folder = this.deps.folderOf(asset.workspaceId);
    const path = resolveInside(folder, asset.relativePath);
    if (!existsSync(path)) throw new AppFailure('not_found', 'The asset’s file is missing from the workspace folder.', 'assetId');
    const thumb = asset.metadata['thumbnailPath'];
    let icon: string | null = null;
    if (typeof thumb === 'string' && thumb !== '') {
      const candidate = resolveInside(folder, thumb);
      if (existsSync(candidate)) icon = candidate;
    }
    return { path, icon };
  }

  private existingFolder(workspaceId: string): string {
    const folder = this.deps.folderOf(workspaceId);
    // Never recreate a missing workspace folder just to put a trash folder in it.
    if (!existsSync(folder)) throw new AppFailure('not_found', 'The workspace folder is missing; re-attach it first.', 'workspaceId');
    return folder;
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
