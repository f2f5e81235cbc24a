/**
 * Workspaces: a mode-typed folder on disk plus its row in the library.
 *
 * Every operation either completes on both sides (folder and row) or leaves neither
 * changed: a failed create removes what it made; a failed rename restores the row.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { AppFailure } from '../../../shared/errors';
import { MODES, type ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { ioFailure } from '../fs/errno';
import type { EventSink, Logger } from '../ports';
import type { SettingsStore } from '../settings/settings-store';
import { firstFreeName, folderNameFor } from './folder-names';
import { hasManifest, readManifest, writeManifest } from './manifest';

/** Sub-folders every workspace gets, so users see where generations and exports land. */
export const WORKSPACE_SUBFOLDERS = ['assets', 'exports'] as const;

export interface WorkspaceRow {
  readonly id: string;
  readonly name: string;
  readonly mode: ModeId;
  readonly folder: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** What the service needs from the library (implemented by `library/workspaces-repo`). */
export interface WorkspaceRepository {
  insert(row: { id: string; name: string; mode: ModeId; folder: string; createdAt: number }): WorkspaceRow;
  get(id: string): WorkspaceRow | undefined;
  getByFolder(folder: string): WorkspaceRow | undefined;
  listByMode(mode: ModeId): WorkspaceRow[];
  rename(id: string, name: string, updatedAt: number): WorkspaceRow;
  relocate(id: string, folder: string, updatedAt: number): WorkspaceRow;
  remove(id: string): boolean;
}

export interface WorkspaceServiceDeps {
  readonly repo: WorkspaceRepository;
  readonly settings: SettingsStore;
  readonly events: EventSink;
  readonly trashItem: (path: string) => Promise<void>;
  readonly log: Logger;
  readonly homeDir?: string;
  readonly now?: () => number;
  readonly newId?: () => string;
}

export class WorkspaceService {
  private readonly now: () => number;
  private readonly newId: () => string;

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
    const folder = input.folder === undefined ? this.suggestFolder(input.mode, input.name) : this.absoluteFolder(input.folder);
    const taken = this.deps.repo.getByFolder(folder);
    if (taken) {
      throw new AppFailure('conflict', `The workspace "${taken.name}" already uses this folder.`, 'folder');
    }
    if (existsSync(folder)) {
      if (!isDirectory(folder)) throw new AppFailure('conflict', 'A file with this name already exists; choose a folder.', 'folder');
      if (hasManifest(folder)) {
        throw new AppFailure('conflict', 'This folder already holds a workspace. Use "Open existing folder" to attach it.', 'folder');
      }
      if (readdirSync(folder).length > 0) {
        throw new AppFailure('conflict', 'This folder is not empty. Choose an empty or new folder for the workspace.', 'folder');
      }
    }

    const id = this.newId();
    const createdAt = this.now();
    const undo = new UndoLog();
    try {
      const firstCreated = mkdirSync(folder, { recursive: true });
      if (firstCreated !== undefined) undo.push(() => rmSync(firstCreated, { recursive: true, force: true }));
      for (const sub of WORKSPACE_SUBFOLDERS) {
        mkdirSync(join(folder, sub), { recursive: true });
        undo.push(() => rmSync(join(folder, sub), { recursive: true, force: true }));
      }
      writeManifest(folder, { id, name: input.name, mode: input.mode, createdAt });
      undo.push(() => rmSync(join(folder, 'workspace.json'), { force: true }));
      const row = this.deps.repo.insert({ id, name: input.name, mode: input.mode, folder, createdAt });
      this.deps.events.emit('workspaces.changed', { mode: input.mode });
      return this.toWorkspace(row);
    } catch (error) {
      undo.run(this.deps.log);
      throw ioFailure('create the workspace folder', error, 'folder');
    }
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

    const renamed = this.deps.repo.rename(row.id, input.name, this.now());
    if (hasManifest(row.folder)) {
      try {
        writeManifest(row.folder, { id: row.id, name: input.name, mode: row.mode, createdAt: row.createdAt });
      } catch (error) {
        this.deps.repo.rename(row.id, row.name, row.updatedAt);
        throw ioFailure('rename the workspace (writing workspace.json)', error, 'name');
      }
    }
    this.deps.events.emit('workspaces.changed', { mode: row.mode });
    return this.toWorkspace(renamed);
  }

  /**
   * Removes the workspace from the library. Its folder is kept unless `deleteFiles` is set,
   * and even then it goes to the OS trash, so the user can always get it back.
   */
  async remove(input: { id: string; deleteFiles: boolean }): Promise<{ removed: Workspace; filesTrashed: boolean }> {
    const row = this.require(input.id);
    const removed = this.toWorkspace(row);
    let filesTrashed = false;
    if (input.deleteFiles && existsSync(row.folder)) {
      try {
        await this.deps.trashItem(row.folder);
        filesTrashed = true;
      } catch (error) {
        throw ioFailure('move the workspace folder to the trash (the workspace was kept)', error, 'deleteFiles');
      }
    }
    this.deps.repo.remove(row.id);
    this.deps.events.emit('workspaces.changed', { mode: row.mode });
    return { removed, filesTrashed };
  }

  /**
   * Re-attaches a workspace folder through its `workspace.json`: after removing it from the
   * library, after moving the folder, or on another machine.
   */
  attach(input: { folder: string; mode: ModeId }): Workspace {
    const folder = this.absoluteFolder(input.folder);
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
    let row: WorkspaceRow;
    if (known && known.folder === folder) {
      row = known;
    } else if (known) {
      // Same workspace, new place: the folder was moved. Keep its history, follow the folder.
      row = this.deps.repo.relocate(known.id, folder, this.now());
    } else {
      row = this.deps.repo.insert({ id: manifest.id, name: manifest.name, mode: manifest.mode, folder, createdAt: manifest.createdAt });
    }
    this.deps.events.emit('workspaces.changed', { mode: row.mode });
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

  private workspacesRoot(): string {
    return this.deps.settings.get().workspacesRoot ?? join(this.deps.homeDir ?? homedir(), 'WokGen');
  }

  private absoluteFolder(folder: string): string {
    if (!isAbsolute(folder)) throw new AppFailure('invalid_input', 'Choose a full folder path (it must be absolute).', 'folder');
    return resolve(folder);
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
  return isDirectory(path) && readdirSync(path).length === 0;
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
