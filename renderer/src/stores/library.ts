/**
 * The assets of each workspace, newest first, one page at a time (keyset cursor). The
 * virtualised gallery asks for the next page as its last rows come into view.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { Asset, AssetCursor, AssetPage } from '../../../shared/library';
import type { LoadStatus } from './status';

export interface WorkspaceAssets {
  readonly status: LoadStatus;
  readonly items: ReadonlyArray<Asset>;
  readonly nextCursor: AssetCursor | null;
  readonly error: AppError | null;
}

export const NO_ASSETS: WorkspaceAssets = { status: 'idle', items: [], nextCursor: null, error: null };

export interface LibraryState {
  readonly assets: Readonly<Record<string, WorkspaceAssets>>;
  /** Loads the first page again (the gallery shows errors inline, so no toast). */
  loadAssets(workspaceId: string): Promise<Result<AssetPage>>;
  /** Appends the next page (keyset cursor); does nothing when there is none or one is loading. */
  loadMore(workspaceId: string): Promise<void>;
  /** Reloads the first page of a loaded workspace when one of its jobs succeeds. */
  start(): Unsubscribe;
}

export interface LibraryDeps {
  readonly api: WokgenApi;
}

export const selectWorkspaceAssets =
  (workspaceId: string | null) =>
  (state: LibraryState): WorkspaceAssets =>
    (workspaceId === null ? undefined : state.assets[workspaceId]) ?? NO_ASSETS;

export function createLibraryStore({ api }: LibraryDeps) {
  const ticket: Record<string, number> = {};
  return create<LibraryState>()((set, get) => {
    const put = (workspaceId: string, next: (current: WorkspaceAssets) => WorkspaceAssets): void => {
      set((s) => ({ assets: { ...s.assets, [workspaceId]: next(s.assets[workspaceId] ?? NO_ASSETS) } }));
    };
    return {
      assets: {},
      async loadAssets(workspaceId) {
        const mine = (ticket[workspaceId] ?? 0) + 1;
        ticket[workspaceId] = mine;
        put(workspaceId, (current) => ({ ...current, status: 'loading' }));
        const result = await api.library.assets({ workspaceId });
        if (ticket[workspaceId] !== mine) return result;
        put(workspaceId, (current) =>
          result.ok
            ? { status: 'ready', items: result.value.items, nextCursor: result.value.nextCursor, error: null }
            : { ...current, status: 'error', error: result.error },
        );
        return result;
      },
      async loadMore(workspaceId) {
        const current = get().assets[workspaceId];
        if (current === undefined || current.nextCursor === null || current.status === 'loading') return;
        const mine = (ticket[workspaceId] ?? 0) + 1;
        ticket[workspaceId] = mine;
        put(workspaceId, (c) => ({ ...c, status: 'loading' }));
        const result = await api.library.assets({ workspaceId, cursor: current.nextCursor });
        if (ticket[workspaceId] !== mine) return;
        put(workspaceId, (c) => {
          if (!result.ok) return { ...c, status: 'error', error: result.error };
          // A Set keeps appending linear at 10k+ assets (rows already shown are not repeated).
          const known = new Set(c.items.map((a) => a.id));
          return {
            status: 'ready',
            items: [...c.items, ...result.value.items.filter((a) => !known.has(a.id))],
            nextCursor: result.value.nextCursor,
            error: null,
          };
        });
      },
      start() {
        return api.on('jobs.succeeded', ({ job }) => {
          if (get().assets[job.workspaceId] !== undefined) void get().loadAssets(job.workspaceId);
        });
      },
    };
  });
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
