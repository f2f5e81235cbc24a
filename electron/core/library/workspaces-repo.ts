/**
 * Workspace rows. Low traffic (a handful of rows, touched on user actions), so this uses
 * drizzle's query builder throughout: readable and typed beats microseconds here.
 *
 * Whether the folder still exists on disk (`Workspace.missing`) is not stored; the
 * workspaces service checks the disk and adds it.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { AppFailure } from '../../../shared/errors';
import type { ModeId } from '../../../shared/modes';
import type { LibraryDb } from './db';
import { workspaces } from './schema';

export interface WorkspaceRow {
  readonly id: string;
  readonly name: string;
  readonly mode: ModeId;
  readonly folder: string;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export interface NewWorkspace {
  readonly id: string;
  readonly name: string;
  readonly mode: ModeId;
  readonly folder: string;
  readonly createdAt: number;
}

export interface WorkspacesRepo {
  /** Throws on a duplicate id or folder (UNIQUE); the service maps that to `conflict`. */
  insert(workspace: NewWorkspace): WorkspaceRow;
  get(id: string): WorkspaceRow | undefined;
  getByFolder(folder: string): WorkspaceRow | undefined;
  /** Sorted by name, case-insensitively, as the mode switcher lists them. */
  listByMode(mode: ModeId): WorkspaceRow[];
  /** Throws `not_found` when no such workspace (callers look the row up first). */
  rename(id: string, name: string, updatedAt: number): WorkspaceRow;
  /**
   * Points the row at the folder's new location (re-attach after a move). Throws
   * `not_found` when no such workspace, and SQLite's UNIQUE error when the folder is taken.
   */
  relocate(id: string, folder: string, updatedAt: number): WorkspaceRow;
  /** Deletes the workspace and, by cascade, its jobs and assets rows (not its files). */
  remove(id: string): boolean;
}

function found(row: WorkspaceRow | undefined): WorkspaceRow {
  if (!row) throw new AppFailure('not_found', 'This workspace no longer exists in the library.', 'id');
  return row;
}

export function createWorkspacesRepo({ orm }: LibraryDb): WorkspacesRepo {
  return {
    insert(workspace) {
      const row = { ...workspace, updatedAt: workspace.createdAt };
      orm.insert(workspaces).values(row).run();
      return row;
    },

    get(id) {
      return orm.select().from(workspaces).where(eq(workspaces.id, id)).get();
    },

    getByFolder(folder) {
      return orm.select().from(workspaces).where(eq(workspaces.folder, folder)).get();
    },

    listByMode(mode) {
      return orm
        .select()
        .from(workspaces)
        .where(eq(workspaces.mode, mode))
        // id breaks ties so two workspaces named alike keep a stable order.
        .orderBy(sql`${workspaces.name} COLLATE NOCASE`, asc(workspaces.id))
        .all();
    },

    rename(id, name, updatedAt) {
      return found(orm.update(workspaces).set({ name, updatedAt }).where(eq(workspaces.id, id)).returning().get());
    },

    relocate(id, folder, updatedAt) {
      return found(orm.update(workspaces).set({ folder, updatedAt }).where(eq(workspaces.id, id)).returning().get());
    },

    remove(id) {
      return orm.delete(workspaces).where(eq(workspaces.id, id)).run().changes > 0;
    },
  };
}
