import { describe, expect, it } from 'vitest';
import type { Result } from '../../../shared/errors';
import { GALLERY_PAGE_MAX, type Asset, type AssetPage, type Job } from '../../../shared/library';
import { anAsset as anAssetOf, createFakeWokgen, deferred, flush, ok } from '../testing/fakeWokgen';
import { createLibraryStore, isAfterCursor, mergeFirstPage, NO_ASSETS, selectWorkspaceAssets } from './library';

const WS = '00000000-0000-4000-8000-0000000000aa';

const anAsset = (id: string): Asset => anAssetOf(id, WS);

describe('library store', () => {
  it('loads the first page of a workspace', async () => {
    const fake = createFakeWokgen({ 'library.assets': () => ok({ items: [anAsset('a')], nextCursor: null }) });
    const store = createLibraryStore({ api: fake.api });
    expect(selectWorkspaceAssets(WS)(store.getState())).toBe(NO_ASSETS);

    await store.getState().loadAssets(WS);

    expect(fake.callsTo('library.assets')).toEqual([{ workspaceId: WS }]);
    expect(selectWorkspaceAssets(WS)(store.getState())).toMatchObject({ status: 'ready', items: [anAsset('a')] });
    expect(selectWorkspaceAssets(null)(store.getState())).toBe(NO_ASSETS);
  });

  it('a prefetched first page is joined by the gallery that mounts for it: one request, not two', async () => {
    const page = deferred<Result<AssetPage>>();
    const fake = createFakeWokgen({ 'library.assets': () => page.promise });
    const store = createLibraryStore({ api: fake.api });
    store.getState().prefetchAssets(WS);
    expect(selectWorkspaceAssets(WS)(store.getState()).status).toBe('loading');
    const mounted = store.getState().loadAssets(WS);
    page.resolve(ok({ items: [anAsset('a')], nextCursor: null }));
    await mounted;
    expect(fake.callsTo('library.assets')).toHaveLength(1);
    expect(selectWorkspaceAssets(WS)(store.getState())).toMatchObject({ status: 'ready', items: [anAsset('a')] });
    // Joined once: the next load (Try again, a filter) asks again.
    await store.getState().loadAssets(WS);
    expect(fake.callsTo('library.assets')).toHaveLength(2);
  });

  it('a prefetch leaves a gallery that already shows assets alone (the studio clicked may be the open one)', async () => {
    const fake = createFakeWokgen({ 'library.assets': () => ok({ items: [anAsset('a'), anAsset('b')], nextCursor: { createdAt: 1, id: 'b' } }) });
    const store = createLibraryStore({ api: fake.api });
    await store.getState().loadAssets(WS);
    const shown = selectWorkspaceAssets(WS)(store.getState());
    store.getState().prefetchAssets(WS);
    expect(fake.callsTo('library.assets')).toHaveLength(1);
    expect(selectWorkspaceAssets(WS)(store.getState())).toBe(shown);
  });

  it('a prefetch is not joined when the filter changed since, or when it is too old', async () => {
    let clock = 0;
    const fake = createFakeWokgen({ 'library.assets': () => ok({ items: [anAsset('a')], nextCursor: null }) });
    const store = createLibraryStore({ api: fake.api, now: () => clock });
    store.getState().prefetchAssets(WS);
    await store.getState().setFilter(WS, { starredOnly: true });
    expect(fake.callsTo('library.assets')).toEqual([{ workspaceId: WS }, { workspaceId: WS, filter: { starredOnly: true } }]);

    // Too old: a studio that took over 2 s to show its gallery asks again.
    const later = createLibraryStore({ api: fake.api, now: () => clock });
    later.getState().prefetchAssets(WS);
    clock += 2_001;
    await later.getState().loadAssets(WS);
    expect(fake.callsTo('library.assets')).toHaveLength(4);
  });

  it('keeps an error for the gallery to show', async () => {
    const fake = createFakeWokgen({
      'library.assets': () => ({ ok: false, error: { code: 'not_found', message: 'No such workspace.' } }),
    });
    const store = createLibraryStore({ api: fake.api });
    await store.getState().loadAssets(WS);
    expect(selectWorkspaceAssets(WS)(store.getState())).toMatchObject({ status: 'error', error: { message: 'No such workspace.' } });
  });

  it('drops an answer overtaken by a newer load', async () => {
    const slow = deferred<Result<AssetPage>>();
    let call = 0;
    const fake = createFakeWokgen({
      'library.assets': () => (++call === 1 ? slow.promise : ok({ items: [anAsset('new')], nextCursor: null })),
    });
    const store = createLibraryStore({ api: fake.api });
    const first = store.getState().loadAssets(WS);
    await store.getState().loadAssets(WS);
    slow.resolve(ok({ items: [anAsset('old')], nextCursor: null }));
    await first;
    expect(selectWorkspaceAssets(WS)(store.getState()).items.map((a) => a.id)).toEqual(['new']);
  });

  it('loads more with the keyset cursor and appends', async () => {
    const cursor = { createdAt: 5, id: 'b' };
    const fake = createFakeWokgen({
      'library.assets': (input) =>
        input.cursor ? ok({ items: [anAsset('c')], nextCursor: null }) : ok({ items: [anAsset('a'), anAsset('b')], nextCursor: cursor }),
    });
    const store = createLibraryStore({ api: fake.api });
    await store.getState().loadAssets(WS);
    await store.getState().loadMore(WS);
    expect(fake.callsTo('library.assets')).toEqual([{ workspaceId: WS }, { workspaceId: WS, cursor, limit: GALLERY_PAGE_MAX }]);
    expect(selectWorkspaceAssets(WS)(store.getState())).toMatchObject({ nextCursor: null, status: 'ready' });
    expect(selectWorkspaceAssets(WS)(store.getState()).items.map((a) => a.id)).toEqual(['a', 'b', 'c']);
    await store.getState().loadMore(WS);
    expect(fake.callsTo('library.assets')).toHaveLength(2);
  });

  it('reloads the first page when a job of a loaded workspace succeeds', async () => {
    const fake = createFakeWokgen({ 'library.assets': () => ok({ items: [anAsset('a')], nextCursor: null }) });
    const store = createLibraryStore({ api: fake.api });
    await store.getState().loadAssets(WS);
    const stop = store.getState().start();
    const job = { id: 'j', workspaceId: WS } as Job;
    fake.emit('jobs.succeeded', { job, assets: [] });
    fake.emit('jobs.succeeded', { job: { ...job, workspaceId: '00000000-0000-4000-8000-0000000000bb' }, assets: [] });
    await flush();
    expect(fake.callsTo('library.assets')).toHaveLength(2);
    stop();
    expect(fake.listenerCount('jobs.succeeded')).toBe(0);
  });

  it('refreshes when a cancelled job kept finished slots, not when it kept none', async () => {
    const fake = createFakeWokgen({ 'library.assets': () => ok({ items: [anAsset('a')], nextCursor: null }) });
    const store = createLibraryStore({ api: fake.api });
    await store.getState().loadAssets(WS);
    const stop = store.getState().start();
    const job = { id: 'j', workspaceId: WS } as Job;
    fake.emit('jobs.cancelled', { job, assets: [] });
    await flush();
    expect(fake.callsTo('library.assets')).toHaveLength(1);
    fake.emit('jobs.cancelled', { job, assets: [anAsset('kept')] });
    await flush();
    expect(fake.callsTo('library.assets')).toHaveLength(2);
    stop();
    expect(fake.listenerCount('jobs.cancelled')).toBe(0);
  });

  it('keeps the pages loaded beyond the first when a job succeeds (new assets go on top)', async () => {
    const at = (id: string, createdAt: number): Asset => ({ ...anAsset(id), createdAt });
    let fresh = false;
    const fake = createFakeWokgen({
      'library.assets': (input) => {
        if (input.cursor) return ok({ items: [at('c', 3), at('d', 2)], nextCursor: { createdAt: 2, id: 'd' } });
        return fresh
          ? ok({ items: [at('new', 9), at('a', 5)], nextCursor: { createdAt: 5, id: 'a' } })
          : ok({ items: [at('a', 5), at('b', 4)], nextCursor: { createdAt: 4, id: 'b' } });
      },
    });
    const store = createLibraryStore({ api: fake.api });
    await store.getState().loadAssets(WS);
    await store.getState().loadMore(WS);
    const stop = store.getState().start();
    fresh = true;
    fake.emit('jobs.succeeded', { job: { id: 'j', workspaceId: WS } as Job, assets: [] });
    await flush();
    const state = selectWorkspaceAssets(WS)(store.getState());
    expect(state.items.map((a) => a.id)).toEqual(['new', 'a', 'b', 'c', 'd']);
    expect(state.nextCursor).toEqual({ createdAt: 2, id: 'd' });
    expect(state.status).toBe('ready');
    stop();
  });
});

describe('first-page merge', () => {
  const at = (id: string, createdAt: number): Asset => ({ ...anAsset(id), createdAt });
  const loaded = { status: 'ready' as const, items: [at('b', 5), at('a', 5), at('z', 4)], nextCursor: { createdAt: 4, id: 'z' }, error: null };

  it('orders by created time then id, both descending', () => {
    expect(isAfterCursor(at('x', 4), { createdAt: 5, id: 'a' })).toBe(true);
    expect(isAfterCursor(at('a', 5), { createdAt: 5, id: 'b' })).toBe(true);
    expect(isAfterCursor(at('b', 5), { createdAt: 5, id: 'b' })).toBe(false);
    expect(isAfterCursor(at('c', 6), { createdAt: 5, id: 'b' })).toBe(false);
  });

  it('replaces everything when the fresh page is the whole library', () => {
    expect(mergeFirstPage(loaded, { items: [at('n', 9)], nextCursor: null })).toEqual({ items: [at('n', 9)], nextCursor: null });
  });

  it('keeps the older loaded rows and their cursor, without repeating rows', () => {
    const merged = mergeFirstPage(loaded, { items: [at('n', 9), at('b', 5)], nextCursor: { createdAt: 5, id: 'b' } });
    expect(merged.items.map((a) => a.id)).toEqual(['n', 'b', 'a', 'z']);
    expect(merged.nextCursor).toEqual({ createdAt: 4, id: 'z' });
  });

  it('takes the page cursor when nothing older was loaded', () => {
    const merged = mergeFirstPage(loaded, { items: [at('n', 9), at('b', 5), at('a', 5), at('z', 4)], nextCursor: { createdAt: 4, id: 'z' } });
    expect(merged.items.map((a) => a.id)).toEqual(['n', 'b', 'a', 'z']);
    expect(merged.nextCursor).toEqual({ createdAt: 4, id: 'z' });
  });
});
