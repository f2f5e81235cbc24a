/**
 * Workspaces per mode: each studio's list, the workspace it has open, and the actions on
 * them. Actions return the core's `Result`; failures that no form displays become toasts.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { MODE_IDS, type ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { notifyError, type Notify } from './toasts';
import type { LoadStatus } from './status';

export interface ModeWorkspaces {
  readonly status: LoadStatus;
  /** Sorted by name; kept while a reload runs so the picker never flashes empty. */
  readonly items: ReadonlyArray<Workspace>;
  readonly error: AppError | null;
}

export const NO_WORKSPACES: ModeWorkspaces = { status: 'idle', items: [], error: null };

export type RemoveOutcome = ChannelOutput<'workspaces.remove'>;

export interface CreateWorkspaceInput {
  readonly mode: ModeId;
  readonly name: string;
  /** Omitted = the core's default under the workspaces root. */
  readonly folder?: string;
}

export interface WorkspacesState {
  readonly lists: Partial<Record<ModeId, ModeWorkspaces>>;
  /** The open workspace of each studio; null = the mode has none. */
  readonly active: Partial<Record<ModeId, string | null>>;
  load(mode: ModeId): Promise<Result<ReadonlyArray<Workspace>>>;
  /**
   * Lists every mode's workspaces once, quietly, when the app opens: a studio opened later shows
   * its workspace at once (and asks for a fresh list in the background) instead of waiting for a
   * round trip before it can even ask for its gallery. Failures are left to the studio's own load.
   */
  warm(): Promise<void>;
  select(mode: ModeId, id: string): void;
  /** Errors are returned, not toasted: the create dialog shows them next to the field. */
  create(input: CreateWorkspaceInput): Promise<Result<Workspace>>;
  /** Errors are returned, not toasted: the rename dialog shows them. */
  rename(workspace: Workspace, name: string): Promise<Result<Workspace>>;
  /** Removes from the library; when the folder was kept, the toast offers Undo (re-attach). */
  remove(workspace: Workspace, deleteFiles: boolean): Promise<Result<RemoveOutcome>>;
  /** Puts a removed workspace back from its kept folder (the Undo of `remove`). */
  restore(workspace: Workspace): Promise<Result<Workspace>>;
  /** Asks for a folder, then attaches it to `mode`; a dismissed dialog returns `cancelled` quietly. */
  attach(mode: ModeId, defaultPath?: string): Promise<Result<Workspace>>;
  reveal(workspace: Workspace): Promise<Result<{ revealed: true }>>;
  suggestFolder(mode: ModeId, name: string): Promise<Result<string>>;
  chooseFolder(purpose: 'create' | 'attach', defaultPath?: string): Promise<Result<string>>;
  /** Follows `workspaces.changed` for every mode already loaded. */
  start(): Unsubscribe;
}

export interface WorkspacesDeps {
  readonly api: WokgenApi;
  readonly notify: Notify;
  /** The workspace a studio had open last time (from settings). */
  readonly remembered: (mode: ModeId) => string | undefined;
  readonly remember: (mode: ModeId, id: string | null) => void;
}

const byName = (a: Workspace, b: Workspace): number =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true }) || a.id.localeCompare(b.id);

export function sortWorkspaces(items: ReadonlyArray<Workspace>): ReadonlyArray<Workspace> {
  return [...items].sort(byName);
}

/** Replaces the workspace with the same id, or adds it; keeps the list sorted. */
export function upsertWorkspace(items: ReadonlyArray<Workspace>, workspace: Workspace): ReadonlyArray<Workspace> {
  return sortWorkspaces([...items.filter((w) => w.id !== workspace.id), workspace]);
}

/**
 * `fresh`, reusing the objects of `shown` that did not change (and `shown` itself when nothing
 * did), so a refresh that finds the same workspaces re-renders nothing.
 */
export function keepUnchanged(shown: ReadonlyArray<Workspace>, fresh: ReadonlyArray<Workspace>): ReadonlyArray<Workspace> {
  const byId = new Map(shown.map((w) => [w.id, w]));
  // Shallow: every field of a workspace is a primitive (WorkspaceSchema), and new fields are compared too.
  const same = (a: Workspace, b: Workspace): boolean => {
    const keys = Object.keys(b) as Array<keyof Workspace>;
    return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
  };
  const items = fresh.map((w) => {
    const old = byId.get(w.id);
    return old !== undefined && same(old, w) ? old : w;
  });
  return items.length === shown.length && items.every((w, i) => w === shown[i]) ? shown : items;
}

/** The preferred workspace if it still exists, else the first one, else null. */
export function resolveActiveId(items: ReadonlyArray<Workspace>, preferred: string | null | undefined): string | null {
  if (preferred != null && items.some((w) => w.id === preferred)) return preferred;
  return items[0]?.id ?? null;
}

/** Selector: the open workspace of a studio, or null. Returns objects from the list, so it is stable. */
export const selectActiveWorkspace =
  (mode: ModeId) =>
  (state: WorkspacesState): Workspace | null => {
    const id = state.active[mode];
    return state.lists[mode]?.items.find((w) => w.id === id) ?? null;
  };

export const selectModeWorkspaces =
  (mode: ModeId) =>
  (state: WorkspacesState): ModeWorkspaces =>
    state.lists[mode] ?? NO_WORKSPACES;

export function createWorkspacesStore({ api, notify, remembered, remember }: WorkspacesDeps) {
  /** Per-mode request counter: a slower, older `list` answer must not overwrite a newer one. */
  const ticket: Partial<Record<ModeId, number>> = {};

  return create<WorkspacesState>()((set, get) => {
    const setActive = (mode: ModeId, id: string | null): void => {
      set((s) => ({ active: { ...s.active, [mode]: id } }));
      if ((remembered(mode) ?? null) !== id) remember(mode, id);
    };

    const putInList = (workspace: Workspace): void => {
      set((s) => {
        const list = s.lists[workspace.mode] ?? { ...NO_WORKSPACES, status: 'ready' as const };
        return { lists: { ...s.lists, [workspace.mode]: { ...list, items: upsertWorkspace(list.items, workspace) } } };
      });
    };

    return {
      lists: {},
      active: {},

      async load(mode) {
        const mine = (ticket[mode] ?? 0) + 1;
        ticket[mode] = mine;
        // A list on screen stays as it is while it is refreshed: flipping it to 'loading' and back
        // would re-render the whole studio twice for a list that almost never changed.
        const held = get().lists[mode];
        if (held === undefined || held.status !== 'ready') {
          set((s) => ({ lists: { ...s.lists, [mode]: { ...(s.lists[mode] ?? NO_WORKSPACES), status: 'loading' } } }));
        }
        const result = await api.workspaces.list({ mode });
        if (ticket[mode] !== mine) return result;
        if (!result.ok) {
          set((s) => ({
            lists: { ...s.lists, [mode]: { ...(s.lists[mode] ?? NO_WORKSPACES), status: 'error', error: result.error } },
          }));
          notifyError(notify, result.error, 'Workspaces could not be loaded');
          return result;
        }
        const shown = get().lists[mode];
        const items = keepUnchanged(shown?.items ?? [], sortWorkspaces(result.value));
        // Same workspaces as shown: same objects, no update, so nothing that shows them re-renders.
        if (shown?.status !== 'ready' || shown.items !== items) {
          set((s) => ({ lists: { ...s.lists, [mode]: { status: 'ready', items, error: null } } }));
        }
        const active = resolveActiveId(items, get().active[mode] ?? remembered(mode));
        if (get().active[mode] !== active) setActive(mode, active);
        else if ((remembered(mode) ?? null) !== active) remember(mode, active);
        return { ok: true, value: items };
      },

      async warm() {
        await Promise.all(
          MODE_IDS.map(async (mode) => {
            if (get().lists[mode] !== undefined) return;
            const mine = (ticket[mode] ?? 0) + 1;
            ticket[mode] = mine;
            const result = await api.workspaces.list({ mode });
            // A studio's own load since then (or an error) wins: it shows its state and errors itself.
            if (ticket[mode] !== mine || !result.ok || get().lists[mode] !== undefined) return;
            const items = sortWorkspaces(result.value);
            // Shown, not remembered: only opening the studio (its own load) records a choice in settings.
            const active = resolveActiveId(items, get().active[mode] ?? remembered(mode));
            set((s) => ({ lists: { ...s.lists, [mode]: { status: 'ready', items, error: null } }, active: { ...s.active, [mode]: active } }));
          }),
        );
      },

      select(mode, id) {
        if (get().lists[mode]?.items.some((w) => w.id === id)) setActive(mode, id);
      },

      async create({ mode, name, folder }) {
        const result = await api.workspaces.create(folder === undefined ? { mode, name } : { mode, name, folder });
        if (result.ok) {
          putInList(result.value);
          // No success toast: the dialog closing on the new workspace says it, and a toast
          // naming it would linger into the next studio the user opens.
          setActive(mode, result.value.id);
        }
        return result;
      },

      async rename(workspace, name) {
        const result = await api.workspaces.update({ id: workspace.id, name });
        if (result.ok) putInList(result.value);
        return result;
      },

      async remove(workspace, deleteFiles) {
        const result = await api.workspaces.remove({ id: workspace.id, deleteFiles });
        if (!result.ok) {
          notifyError(notify, result.error, `“${workspace.name}” was not removed`);
          return result;
        }
        const { mode } = workspace;
        const items = (get().lists[mode]?.items ?? []).filter((w) => w.id !== workspace.id);
        set((s) => ({ lists: { ...s.lists, [mode]: { ...(s.lists[mode] ?? NO_WORKSPACES), items } } }));
        setActive(mode, resolveActiveId(items, get().active[mode]));
        notify(
          result.value.filesTrashed
            ? { tone: 'success', message: `Removed “${workspace.name}” and moved its folder to the trash.` }
            : {
                tone: 'success',
                message: `Removed “${workspace.name}” from the library. Its folder was kept.`,
                action: { label: 'Undo', run: () => void get().restore(workspace) },
              },
        );
        return result;
      },

      async restore(workspace) {
        const result = await api.workspaces.attach({ folder: workspace.folder, mode: workspace.mode });
        if (!result.ok) {
          notifyError(notify, result.error, `“${workspace.name}” could not be restored`);
          return result;
        }
        putInList(result.value);
        setActive(workspace.mode, result.value.id);
        return result;
      },

      async attach(mode, defaultPath) {
        const chosen = await get().chooseFolder('attach', defaultPath);
        if (!chosen.ok) {
          notifyError(notify, chosen.error, 'Folder not opened');
          return chosen;
        }
        const result = await api.workspaces.attach({ folder: chosen.value, mode });
        if (!result.ok) {
          notifyError(notify, result.error, 'Folder not attached');
          return result;
        }
        putInList(result.value);
        setActive(mode, result.value.id);
        return result;
      },

      async reveal(workspace) {
        const result = await api.workspaces.reveal({ id: workspace.id });
        if (!result.ok) notifyError(notify, result.error, 'Folder not shown');
        return result;
      },

      async suggestFolder(mode, name) {
        const result = await api.workspaces.suggestFolder({ mode, name });
        return result.ok ? { ok: true, value: result.value.folder } : result;
      },

      async chooseFolder(purpose, defaultPath) {
        const result = await api.workspaces.chooseFolder(
          defaultPath === undefined ? { purpose } : { purpose, defaultPath },
        );
        return result.ok ? { ok: true, value: result.value.folder } : result;
      },

      start() {
        return api.on('workspaces.changed', ({ mode }) => {
          // Modes never opened load when their studio first shows; no need to fetch them now.
          if (get().lists[mode]) void get().load(mode);
        });
      },
    };
  });
}

export type WorkspacesStore = ReturnType<typeof createWorkspacesStore>;
