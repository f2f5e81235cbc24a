/**
 * Workspaces: a mode-typed folder on disk plus its row in the library.
 *
 * Every operation either completes on both sides (folder and row) or leaves neither
 * changed: a failed create removes what it made; a failed rename restores the row.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/errors';
import { MODE_IDS, MODES, type ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { ioFailure } from '../fs/errno';
import type { WorkspaceRow, WorkspacesRepo } from '../library';
import type { EventSink, Logger } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import { firstFreeName, folderNameFor } from './folder-names';
import { assertAcceptableWorkspaceFolder, canonicalFolder } from './folder-policy';
import { hasManifest, readManifest, readManifestIfPresent, writeManifest } from './manifest';

/** Sub-folders every workspace gets, so users see where generations and exports land. */
export const WORKSPACE_SUBFOLDERS = ['assets', 'exports'] as const;

/** What the service needs from the library: its workspaces repository. */
export type WorkspaceRepository = WorkspacesRepo;

export interface WorkspaceServiceDeps {
  readonly repo: WorkspaceRepository;
  readonly settings: SettingsStore;
  readonly events: EventSink;
  readonly trashItem: (path: string) => Promise<void>;
  readonly log: Logger;
  readonly homeDir?: string;
  /** Folders that belong to the app itself (user-data): never a workspace, never inside one. */
  readonly protectedDirs?: ReadonlyArray<string>;
  /**
   * Restores a re-attached workspace's jobs and assets from the metadata inside its files
   * (a folder copied from another machine arrives with its history). Returns what it added.
   */
  readonly rebuildRows?: (folder: string, workspaceId: string) => Promise<{ jobsInserted: number; assetsInserted: number }>;
  /** Stops the workspace's running generations before it leaves the library. */
  readonly beforeRemove?: (workspaceId: string) => Promise<void>;
  readonly now?: () => number;
  readonly newId?: () => string;
}

export class WorkspaceService {
  private readonly now: () => number;
  private readonly newId: () => string;
  /** Workspaces with a slow operation (trashing) in flight; a second change must wait. */
  private readonly busy = new Set<string>();

  constructor(private readonly deps: WorkspaceServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
  }

  list(mode: ModeId): Workspace[] {
    return this.deps.repo.listByMode(mode).map((row) => this.toWorkspace(row));
  }

  /** The default folder for a new workspace: `<root>/<mode>/<name>`, never an occupied one. */
  suggestFolder(mode: ModeId, name: string): string {
    const root = this.workspacesRoot();
    const base = folderNameFor(name);
    const chosen = firstFreeName(base, (candidate) => isUsableNewFolder(join(root, mode, candidate)));
    return join(root, mode, chosen);
  }

  create(input: { name: string; mode: ModeId; folder?: string | undefined }): Workspace {
    const folder = canonicalFolder(input.folder ?? this.suggestFolder(input.mode, input.name));
    const taken = this.deps.repo.getByFolder(folder);
    if (taken) {
      throw new AppFailure('conflict', `The workspace "${taken.name}" already uses this folder.`, 'folder');
    }
    this.assertAcceptable(folder);
    if (existsSync(folder)) {
      if (!isDirectory(folder)) throw new AppFailure('conflict', 'A file with this name already exists; choose a folder.', 'folder');
      if (hasManifest(folder)) {
        throw new AppFailure('conflict', 'This folder already holds a workspace. Use "Open existing folder" to attach it.', 'folder');
      }
      if (listFolder(folder).length > 0) {
        throw new AppFailure('conflict', 'This folder is not empty. Choose an empty or new folder for the workspace.', 'folder');
      }
    }

    const id = this.newId();
    const createdAt = this.now();
    const undo = new UndoLog();
    let row: WorkspaceRow;
    try {
      const firstCreated = mkdirSync(folder, { recursive: true });
      if (firstCreated !== undefined) undo.push(() => rmSync(firstCreated, { recursive: true, force: true }));
      for (const sub of WORKSPACE_SUBFOLDERS) {
        mkdirSync(join(folder, sub), { recursive: true });
        undo.push(() => rmSync(join(folder, sub), { recursive: true, force: true }));
      }
      writeManifest(folder, { id, name: input.name, mode: input.mode, createdAt });
      undo.push(() => rmSync(join(folder, 'workspace.json'), { force: true }));
      row = this.deps.repo.insert({ id, name: input.name, mode: input.mode, folder, createdAt });
    } catch (error) {
      undo.run(this.deps.log);
      throw ioFailure('create the workspace folder', error, 'folder');
    }
    this.announce(input.mode);
    return this.toWorkspace(row);
  }

  update(input: { id: string; name?: string | undefined; mode?: ModeId | undefined }): Workspace {
    const row = this.require(input.id);
    if (input.mode !== undefined && input.mode !== row.mode) {
      throw new AppFailure(
        'mode_immutable',
        `"${row.name}" is a ${MODES[row.mode].name} workspace, and a workspace's mode never changes. ` +
          `To reuse its assets in ${MODES[input.mode].name}, export them as a .wokpack and import them into a ${MODES[input.mode].name} workspace.`,
        'mode',
      );
    }
    if (input.name === undefined || input.name === row.name) return this.toWorkspace(row);
    this.assertNotBusy(row);

    // Only rewrite a manifest that is this workspace's own: after folders were swapped or
    // replaced, writing here would hijack another workspace. A missing folder is renamed in
    // the library only, and never re-created by the write.
    const manifest = readManifestIfPresent(row.folder);
    if (manifest && manifest.id !== row.id) {
      throw new AppFailure('conflict', `The folder of "${row.name}" now holds a different workspace ("${manifest.name}"). Re-attach the right folder first.`, 'name');
    }
    const renamed = this.deps.repo.rename(row.id, input.name, this.now());
    if (manifest) {
      try {
        writeManifest(row.folder, { id: row.id, name: input.name, mode: row.mode, createdAt: row.createdAt }, { createFolder: false });
      } catch (error) {
        this.deps.repo.rename(row.id, row.name, row.updatedAt);
        throw ioFailure('rename the workspace (writing workspace.json)', error, 'name');
      }
    }
    this.announce(row.mode);
    return this.toWorkspace(renamed);
  }

  /**
   * Removes the workspace from the library. Its folder is kept unless `deleteFiles` is set,
   * and even then it goes to the OS trash, so the user can always get it back.
   */
  async remove(input: { id: string; deleteFiles: boolean }): Promise<{ removed: Workspace; filesTrashed: boolean }> {
    const row = this.require(input.id);
    this.assertNotBusy(row);
    const removed = this.toWorkspace(row);
    await this.deps.beforeRemove?.(row.id);
    let filesTrashed = false;
    if (input.deleteFiles && existsSync(row.folder)) {
      this.assertTrashable(row);
      this.busy.add(row.id);
      try {
        await this.deps.trashItem(row.folder);
        filesTrashed = true;
      } catch (error) {
        throw ioFailure('move the workspace folder to the trash (the workspace was kept)', error, 'deleteFiles');
      } finally {
        this.busy.delete(row.id);
      }
    }
    this.deps.repo.remove(row.id);
    this.announce(row.mode);
    return { removed, filesTrashed };
  }

  /**
   * Re-attaches a workspace folder through its `workspace.json`: after removing it from the
   * library, after moving the folder, or on another machine.
   */
  async attach(input: { folder: string; mode: ModeId }): Promise<Workspace> {
    const folder = canonicalFolder(input.folder);
    if (!existsSync(folder) || !isDirectory(folder)) throw new AppFailure('not_found', 'This folder does not exist.', 'folder');
    const manifest = readManifest(folder);
    if (manifest.mode !== input.mode) {
      throw new AppFailure(
        'conflict',
        `This is a ${MODES[manifest.mode].name} workspace ("${manifest.name}"). Open it from the ${MODES[manifest.mode].name} studio.`,
        'folder',
      );
    }
    const atFolder = this.deps.repo.getByFolder(folder);
    if (atFolder && atFolder.id !== manifest.id) {
      throw new AppFailure('conflict', `The workspace "${atFolder.name}" is already attached at this folder.`, 'folder');
    }
    const known = this.deps.repo.get(manifest.id);
    if (known && known.folder === folder) return this.toWorkspace(known);
    if (known && readManifestIfPresent(known.folder)?.id === known.id) {
      // The original is still in place, so this folder is a copy: attaching it would orphan
      // the original. (Importing a copy as its own workspace arrives with .wokpack import.)
      throw new AppFailure(
        'conflict',
        `This folder is a copy of "${known.name}", which is still attached at ${known.folder}. Remove that one first, or open the original.`,
        'folder',
      );
    }
    this.assertAcceptable(folder, manifest.id);
    const row = known
      ? // Same workspace, new place: the folder was moved. Keep its history, follow the folder.
        this.deps.repo.relocate(known.id, folder, this.now())
      : this.deps.repo.insert({ id: manifest.id, name: manifest.name, mode: manifest.mode, folder, createdAt: manifest.createdAt });
    if (this.deps.rebuildRows) {
      try {
        // Rows already in the library win; only what the files know and the library lacks is added.
        const restored = await this.deps.rebuildRows(folder, row.id);
        if (restored.assetsInserted > 0) this.deps.log.info('workspace history restored from its files', { workspaceId: row.id, ...restored });
      } catch (error) {
        // The workspace is attached either way; a history that cannot be read is logged, not fatal.
        this.deps.log.warn('could not restore workspace history from its files', { workspaceId: row.id, error: String(error) });
      }
    }
    this.announce(row.mode);
    return this.toWorkspace(row);
  }

  folderOf(id: string): string {
    return this.require(id).folder;
  }

  private require(id: string): WorkspaceRow {
    const row = this.deps.repo.get(id);
    if (!row) throw new AppFailure('not_found', 'This workspace no longer exists in the library.', 'id');
    return row;
  }

  /** Nested or system folders are refused; `exceptId` is the workspace being re-attached. */
  private assertAcceptable(folder: string, exceptId?: string): void {
    const others = MODE_IDS.flatMap((mode) => this.deps.repo.listByMode(mode)).filter((w) => w.id !== exceptId);
    assertAcceptableWorkspaceFolder(folder, { homeDir: this.homeDir(), protectedDirs: this.deps.protectedDirs ?? [] }, others);
  }

  /**
   * Trashing goes only to a real folder (not a symlink) that still holds this workspace's own
   * manifest: a folder that was moved away and replaced by something else is never touched.
   */
  private assertTrashable(row: WorkspaceRow): void {
    if (lstatSync(row.folder).isSymbolicLink()) {
      throw new AppFailure('conflict', 'This workspace folder is a symbolic link; it was not moved to the trash.', 'deleteFiles');
    }
    if (readManifestIfPresent(row.folder)?.id !== row.id) {
      throw new AppFailure('conflict', `The folder at ${row.folder} no longer holds "${row.name}", so it was not moved to the trash.`, 'deleteFiles');
    }
  }

  private assertNotBusy(row: WorkspaceRow): void {
    if (this.busy.has(row.id)) throw new AppFailure('conflict', `"${row.name}" is being moved to the trash; try again in a moment.`, 'id');
  }

  /** An event listener's failure must not undo or fail a change that already happened. */
  private announce(mode: ModeId): void {
    try {
      this.deps.events.emit('workspaces.changed', { mode });
    } catch (error) {
      this.deps.log.error('workspaces.changed listener failed', { error: String(error) });
    }
  }

  private homeDir(): string {
    return this.deps.homeDir ?? homedir();
  }

  private workspacesRoot(): string {
    return this.deps.settings.get().workspacesRoot ?? join(this.homeDir(), 'WokGen');
  }


  private toWorkspace(row: WorkspaceRow): Workspace {
    return { ...row, missing: !hasManifest(row.folder) };
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** A folder a new workspace may use: absent, or an empty directory. */
function isUsableNewFolder(path: string): boolean {
  if (!existsSync(path)) return true;
  try {
    return isDirectory(path) && readdirSync(path).length === 0;
  } catch {
    return false;
  }
}

/** readdir with the failure (permissions, I/O) typed for the folder field. */
function listFolder(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch (error) {
    throw ioFailure('read the folder', error, 'folder');
  }
}

/** Compensating actions, run newest first, when a multi-step change fails half-way. */
class UndoLog {
  private readonly steps: Array<() => void> = [];
  push(step: () => void): void {
    this.steps.push(step);
  }
  run(log: Logger): void {
    for (const step of this.steps.reverse()) {
      try {
        step();
      } catch (error) {
        log.error('undo step failed', { error: String(error) });
      }
    }
  }
}
