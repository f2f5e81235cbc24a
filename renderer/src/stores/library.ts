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

/** Whether `asset` comes after the keyset `cursor` (created_at DESC, id DESC). */
export function isAfterCursor(asset: Pick<Asset, 'createdAt' | 'id'>, cursor: AssetCursor): boolean {
  return asset.createdAt < cursor.createdAt || (asset.createdAt === cursor.createdAt && asset.id < cursor.id);
}

/**
 * A fresh first page merged over what is loaded: the page replaces the newest rows, and the
 * rows loaded beyond it (older than the page's cursor) stay, with their cursor — so a new
 * asset at the top does not throw away 10k rows and the scroll position.
 */
export function mergeFirstPage(current: WorkspaceAssets, page: AssetPage): Pick<WorkspaceAssets, 'items' | 'nextCursor'> {
  const boundary = page.nextCursor;
  if (boundary === null) return { items: page.items, nextCursor: null };
  const fresh = new Set(page.items.map((a) => a.id));
  const older = current.items.filter((a) => !fresh.has(a.id) && isAfterCursor(a, boundary));
  return older.length === 0 ? { items: page.items, nextCursor: boundary } : { items: [...page.items, ...older], nextCursor: current.nextCursor };
}

export const NO_ASSETS: WorkspaceAssets = { status: 'idle', items: [], nextCursor: null, error: null };

export interface LibraryState {
  readonly assets: Readonly<Record<string, WorkspaceAssets>>;
  /** Loads the first page again (the gallery shows errors inline, so no toast). */
  loadAssets(workspaceId: string): Promise<Result<AssetPage>>;
  /** Appends the next page (keyset cursor); does nothing when there is none or one is loading. */
  loadMore(workspaceId: string): Promise<void>;
  /** Fetches the first page again and merges it over the loaded rows (keeps the pages beyond it). */
  refreshNewest(workspaceId: string): Promise<void>;
  /** Refreshes the newest rows of a loaded workspace when one of its jobs succeeds. */
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
      async refreshNewest(workspaceId) {
        const current = get().assets[workspaceId];
        if (current === undefined || current.items.length === 0) {
          await get().loadAssets(workspaceId);
          return;
        }
        const mine = (ticket[workspaceId] ?? 0) + 1;
        ticket[workspaceId] = mine;
        const result = await api.library.assets({ workspaceId });
        if (ticket[workspaceId] !== mine) return;
        put(workspaceId, (c) =>
          result.ok ? { status: 'ready', ...mergeFirstPage(c, result.value), error: null } : { ...c, status: 'error', error: result.error },
        );
      },
      start() {
        const refresh = (workspaceId: string) => {
          if (get().assets[workspaceId] !== undefined) void get().refreshNewest(workspaceId);
        };
        const offSucceeded = api.on('jobs.succeeded', ({ job }) => refresh(job.workspaceId));
        // A cancelled batch keeps the slots that had finished: they belong in the gallery too.
        const offCancelled = api.on('jobs.cancelled', ({ job, assets }) => {
          if (assets.length > 0) refresh(job.workspaceId);
        });
        return () => {
          offSucceeded();
          offCancelled();
        };
      },
    };
  });
}

export type LibraryStore = ReturnType<typeof createLibraryStore>;
