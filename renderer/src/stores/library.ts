/**
 * The assets of each workspace, newest first, one page at a time (keyset cursor). The
 * virtualised gallery asks for the next page as its last rows come into view. Each
 * workspace has its own filter (facets + prompt search, applied in the core), and the
 * gallery's actions (star, delete with Undo, re-run, remix, reveal, drag out) live here.
 */
import { create } from 'zustand';
import type { AppError, Result } from '../../../shared/errors';
import type { Unsubscribe, WokgenApi } from '../../../shared/ipc/api';
import type { GenerateRequestInput } from '../../../shared/generation';
import { GALLERY_PAGE_MAX, type Asset, type AssetCursor, type AssetFacets, type AssetFilter, type AssetPage, type Job } from '../../../shared/library';
import { requestFromJob } from './jobs';
import type { LoadStatus } from './status';
import type { Notify } from './toasts';

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

export const NO_FILTER: AssetFilter = {};
export const NO_FACETS: AssetFacets = { tools: [], presets: [], providers: [] };

/** The filter without its empty fields (what the core is sent; `{}` = no filter). */
export function compactFilter(filter: AssetFilter): AssetFilter {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === false || (typeof value === 'string' && value.trim() === '')) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out as AssetFilter;
}

export const isFiltered = (filter: AssetFilter): boolean => Object.keys(compactFilter(filter)).length > 0;

/** Where `asset` belongs in a newest-first list (created_at DESC, id DESC). */
function comesBefore(a: Pick<Asset, 'createdAt' | 'id'>, b: Pick<Asset, 'createdAt' | 'id'>): boolean {
  return a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
}

/**
 * Restored assets put back where they were: each one that falls inside the loaded range
 * (not beyond the cursor) is inserted in order; the rest come with later pages.
 */
export function insertInOrder(items: ReadonlyArray<Asset>, nextCursor: AssetCursor | null, restored: ReadonlyArray<Asset>): ReadonlyArray<Asset> {
  const known = new Set(items.map((a) => a.id));
  const fresh = restored.filter((a) => !known.has(a.id) && (nextCursor === null || !isAfterCursor(a, nextCursor)));
  if (fresh.length === 0) return items;
  return [...items, ...fresh].sort((a, b) => (comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0));
}

/** What the gallery's actions need besides the API: toasts (with Undo) and the jobs store's submit. */
export interface GalleryEffects {
  readonly notify?: Notify;
  /** Submits a generation through the jobs store (so the queue shows it and Retry knows it). */
  readonly submit?: (request: GenerateRequestInput) => Promise<Result<Job>>;
  /**
   * The request a job was submitted with (the jobs store keeps this session's exactly, with
   * the user's own negative prompt); defaults to the one rebuilt from the job row.
   */
  readonly requestOf?: (job: Job) => GenerateRequestInput;
}

export interface LibraryState {
  readonly assets: Readonly<Record<string, WorkspaceAssets>>;
  /** Each workspace's gallery filter (empty = everything). */
  readonly filters: Readonly<Record<string, AssetFilter>>;
  /** The filter menus' values per workspace. */
  readonly facets: Readonly<Record<string, AssetFacets>>;
  /** Changes the filter and reloads the first page. */
  setFilter(workspaceId: string, patch: Partial<AssetFilter>): Promise<void>;
  clearFilter(workspaceId: string): Promise<void>;
  loadFacets(workspaceId: string): Promise<void>;
  /** Stars or unstars assets; the cards update from the answer. */
  star(workspaceId: string, ids: ReadonlyArray<string>, starred: boolean): Promise<Result<{ assets: Asset[] }>>;
  /** Deletes assets (files to the workspace trash) and offers Undo in a toast. */
  deleteAssets(workspaceId: string, ids: ReadonlyArray<string>): Promise<Result<{ deleted: string[] }>>;
  /** Undo: brings deleted assets back where they were. */
  restoreAssets(workspaceId: string, ids: ReadonlyArray<string>): Promise<Result<{ restored: Asset[] }>>;
  /** Submits the asset's job again: the same request and seed (re-run) or a new seed (remix). */
  rerun(asset: Asset, variant: 'same-seed' | 'new-seed'): Promise<Result<Job>>;
  reveal(assetId: string): Promise<void>;
  /** Starts a native drag of the asset's file (called from the card's dragstart). */
  startDrag(assetId: string): void;
  /**
   * Loads the first page again (the gallery shows errors inline, so no toast). Joins a page
   * `prefetchAssets` started moments ago for the same query instead of asking twice.
   */
  loadAssets(workspaceId: string): Promise<Result<AssetPage>>;
  /**
   * Starts loading a workspace's first page as its studio is opened (the sidebar click, the
   * mode shortcut), so the round trip runs while the studio renders instead of after it.
   */
  prefetchAssets(workspaceId: string): void;
  /** Appends the next page (keyset cursor); does nothing when there is none or one is loading. */
  loadMore(workspaceId: string): Promise<void>;
  /** A page of the workspace's assets ignoring the gallery filter (the image picker must see every image). */
  browseUnfiltered(workspaceId: string, cursor: AssetCursor | null): Promise<Result<AssetPage>>;
  /** Fetches the first page again and merges it over the loaded rows (keeps the pages beyond it). */
  refreshNewest(workspaceId: string): Promise<void>;
  /** Refreshes the newest rows of a loaded workspace when one of its jobs succeeds. */
  start(): Unsubscribe;
}

export interface LibraryDeps extends GalleryEffects {
  readonly api: WokgenApi;
  /** The clock a prefetched page's age is read from (tests set it). */
  readonly now?: () => number;
}

export const selectWorkspaceAssets =
  (workspaceId: string | null) =>
  (state: LibraryState): WorkspaceAssets =>
    (workspaceId === null ? undefined : state.assets[workspaceId]) ?? NO_ASSETS;

export const selectFilter =
  (workspaceId: string | null) =>
  (state: LibraryState): AssetFilter =>
    (workspaceId === null ? undefined : state.filters[workspaceId]) ?? NO_FILTER;

export const selectFacets =
  (workspaceId: string | null) =>
  (state: LibraryState): AssetFacets =>
    (workspaceId === null ? undefined : state.facets[workspaceId]) ?? NO_FACETS;

const plural = (n: number, one: string): string => (n === 1 ? `1 ${one}` : `${n} ${one}s`);

/** From this many assets a delete announces itself before it finishes. */
export const LARGE_DELETE = 200;

/** How long a prefetched first page may wait for the gallery that asked for it to mount. */
const PREFETCH_JOIN_MS = 2_000;

export function createLibraryStore({ api, notify = () => undefined, submit, requestOf = requestFromJob, now = Date.now }: LibraryDeps) {
  const ticket: Record<string, number> = {};
  /** First pages started by `prefetchAssets`, each joined by at most one `loadAssets`. */
  const prefetched = new Map<string, { readonly key: string; readonly at: number; readonly page: Promise<Result<AssetPage>> }>();
  return create<LibraryState>()((set, get) => {
    const put = (workspaceId: string, next: (current: WorkspaceAssets) => WorkspaceAssets): void => {
      set((s) => ({ assets: { ...s.assets, [workspaceId]: next(s.assets[workspaceId] ?? NO_ASSETS) } }));
    };
    /** The page query for a workspace: its filter only when there is one. */
    const query = (workspaceId: string): { workspaceId: string; filter?: AssetFilter } => {
      const filter = compactFilter(get().filters[workspaceId] ?? NO_FILTER);
      return Object.keys(filter).length === 0 ? { workspaceId } : { workspaceId, filter };
    };
    /** The first page, replacing what is shown; an older request's late answer never overwrites a newer one. */
    const loadFirstPage = async (workspaceId: string): Promise<Result<AssetPage>> => {
      const mine = (ticket[workspaceId] ?? 0) + 1;
      ticket[workspaceId] = mine;
      put(workspaceId, (current) => ({ ...current, status: 'loading' }));
      const result = await api.library.assets(query(workspaceId));
      if (ticket[workspaceId] !== mine) return result;
      put(workspaceId, (current) =>
        result.ok
          ? { status: 'ready', items: result.value.items, nextCursor: result.value.nextCursor, error: null }
          : { ...current, status: 'error', error: result.error },
      );
      return result;
    };
    const reportError = (title: string, result: Result<unknown>): void => {
      if (!result.ok && result.error.code !== 'cancelled') notify({ tone: 'error', title, message: result.error.message });
    };
    return {
      assets: {},
      filters: {},
      facets: {},
      async setFilter(workspaceId, patch) {
        set((s) => ({ filters: { ...s.filters, [workspaceId]: { ...(s.filters[workspaceId] ?? NO_FILTER), ...patch } } }));
        await get().loadAssets(workspaceId);
      },
      async clearFilter(workspaceId) {
        set((s) => ({ filters: { ...s.filters, [workspaceId]: NO_FILTER } }));
        await get().loadAssets(workspaceId);
      },
      async loadFacets(workspaceId) {
        const result = await api.library.facets({ workspaceId });
        if (result.ok) set((s) => ({ facets: { ...s.facets, [workspaceId]: result.value } }));
      },
      async star(workspaceId, ids, starred) {
        const result = await api.library.star({ workspaceId, assetIds: [...ids], starred });
        if (!result.ok) {
          reportError(starred ? 'Not starred' : 'Not unstarred', result);
          return result;
        }
        const updated = new Map(result.value.assets.map((a) => [a.id, a]));
        const starredOnly = get().filters[workspaceId]?.starredOnly === true;
        put(workspaceId, (c) => ({
          ...c,
          // Under "Starred only" an unstarred card leaves the view at once.
          items: c.items.flatMap((a) => {
            const next = updated.get(a.id) ?? a;
            return starredOnly && !next.starred ? [] : [next];
          }),
        }));
        return result;
      },
      async deleteAssets(workspaceId, ids) {
        // Thousands of files take a few seconds to move: say it is under way.
        if (ids.length >= LARGE_DELETE) notify({ tone: 'info', message: `Deleting ${plural(ids.length, 'asset')}…` });
        const result = await api.library.delete({ workspaceId, assetIds: [...ids] });
        if (!result.ok) {
          reportError('Not deleted', result);
          return result;
        }
        const gone = new Set(result.value.deleted);
        if (gone.size === 0) return result;
        put(workspaceId, (c) => ({ ...c, items: c.items.filter((a) => !gone.has(a.id)) }));
        const deleted = result.value.deleted;
        notify({
          tone: 'info',
          title: 'Deleted',
          message: `${plural(deleted.length, 'asset')} moved to the workspace trash.`,
          action: { label: 'Undo', run: () => void get().restoreAssets(workspaceId, deleted) },
        });
        void get().loadFacets(workspaceId);
        return result;
      },
      async restoreAssets(workspaceId, ids) {
        const result = await api.library.restore({ workspaceId, assetIds: [...ids] });
        if (!result.ok) {
          reportError('Not restored', result);
          return result;
        }
        put(workspaceId, (c) => ({ ...c, items: insertInOrder(c.items, c.nextCursor, result.value.restored) }));
        notify({ tone: 'success', message: `${plural(result.value.restored.length, 'asset')} restored.` });
        void get().loadFacets(workspaceId);
        return result;
      },
      async rerun(asset, variant) {
        const title = variant === 'same-seed' ? 'Not re-run' : 'Not remixed';
        if (asset.jobId === null || submit === undefined) {
          const failure: Result<Job> = { ok: false, error: { code: 'not_found', message: 'This asset was imported: there is no request to run again.' } };
          reportError(title, failure);
          return failure;
        }
        const found = await api.jobs.get({ jobId: asset.jobId });
        if (!found.ok) {
          reportError(title, found);
          return found;
        }
        const request = requestOf(found.value.job);
        // Re-run: the stored seed (the result comes out the same on a deterministic provider);
        // remix: null = the pipeline picks a new random seed and shows it after the run.
        const result = await submit({ ...request, seed: variant === 'same-seed' ? found.value.job.seed : null } as GenerateRequestInput);
        reportError(title, result);
        return result;
      },
      async reveal(assetId) {
        reportError('Not shown in the file manager', await api.library.reveal({ assetId }));
      },
      startDrag(assetId) {
        void api.library.startDrag({ assetId }).then((result) => reportError('Not dragged', result));
      },
      async loadAssets(workspaceId) {
        const early = prefetched.get(workspaceId);
        prefetched.delete(workspaceId);
        // Joined only when it asked for what is wanted now (same filter) and only just now.
        if (early !== undefined && early.key === JSON.stringify(query(workspaceId)) && now() - early.at <= PREFETCH_JOIN_MS) return early.page;
        return loadFirstPage(workspaceId);
      },
      prefetchAssets(workspaceId) {
        // Only a gallery with nothing to show yet: one already held is on screen at once (its
        // studio refreshes it on mount), and reloading it here would drop the pages scrolled into
        // when the studio clicked is the one already open.
        if ((get().assets[workspaceId]?.items.length ?? 0) > 0) return;
        prefetched.set(workspaceId, { key: JSON.stringify(query(workspaceId)), at: now(), page: loadFirstPage(workspaceId) });
      },
      async browseUnfiltered(workspaceId, cursor) {
        return api.library.assets({ workspaceId, cursor, limit: GALLERY_PAGE_MAX });
      },
      async loadMore(workspaceId) {
        const current = get().assets[workspaceId];
        if (current === undefined || current.nextCursor === null || current.status === 'loading') return;
        const mine = (ticket[workspaceId] ?? 0) + 1;
        ticket[workspaceId] = mine;
        put(workspaceId, (c) => ({ ...c, status: 'loading' }));
        // Later pages are the largest the core serves: a fast scroll through 10k assets then
        // costs 50 round trips and re-renders instead of 170 (the first page stays small, for speed).
        const result = await api.library.assets({ ...query(workspaceId), cursor: current.nextCursor, limit: GALLERY_PAGE_MAX });
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
        const result = await api.library.assets(query(workspaceId));
        if (ticket[workspaceId] !== mine) return;
        put(workspaceId, (c) =>
          result.ok ? { status: 'ready', ...mergeFirstPage(c, result.value), error: null } : { ...c, status: 'error', error: result.error },
        );
      },
      start() {
        const refresh = (workspaceId: string) => {
          if (get().assets[workspaceId] === undefined) return;
          void get().refreshNewest(workspaceId);
          if (get().facets[workspaceId] !== undefined) void get().loadFacets(workspaceId);
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
