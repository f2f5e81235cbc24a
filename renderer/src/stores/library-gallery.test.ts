/**
 * The library store's gallery side: filters sent to the core, star, delete with an Undo
 * toast that restores in place, re-run/remix from the job's stored request.
 */
import { describe, expect, it } from 'vitest';
import type { GenerateRequestInput } from '../../../shared/generation';
import type { Asset, Job } from '../../../shared/library';
import { anAsset as anAssetOf, createFakeWokgen, ok } from '../testing/fakeWokgen';
import { compactFilter, createLibraryStore, insertInOrder, isFiltered, LARGE_DELETE, selectFilter, selectWorkspaceAssets } from './library';
import type { ToastInput } from './toasts';

const WS = '00000000-0000-4000-8000-0000000000aa';

const anAsset = (id: string, createdAt: number, extra: Partial<Asset> = {}): Asset => anAssetOf(id, WS, { jobId: 'job-1', createdAt, ...extra });

const JOB: Job = {
  id: 'job-1',
  workspaceId: WS,
  mode: 'pixel',
  tool: 'sprite',
  preset: 'rpg',
  prompt: 'a knight, photorealistic',
  negativePrompt: 'blurry',
  provider: 'comfyui',
  status: 'succeeded',
  seed: 4242,
  params: { size: 256, batch: 2, hd: false, userPrompt: 'a knight', controls: { outline: 'bold' } },
  attempts: [],
  error: null,
  createdAt: 1,
  startedAt: 2,
  finishedAt: 3,
};

const ids = (items: ReadonlyArray<Asset>) => items.map((a) => a.id);

function setup(items: Asset[]) {
  const toasts: ToastInput[] = [];
  const submitted: GenerateRequestInput[] = [];
  const fake = createFakeWokgen({ 'library.assets': () => ok({ items, nextCursor: null }) });
  const store = createLibraryStore({
    api: fake.api,
    notify: (t) => toasts.push(t),
    submit: async (request) => {
      submitted.push(request);
      return ok({ ...JOB, id: 'job-2', seed: request.seed ?? 7 });
    },
  });
  return { fake, store, toasts, submitted };
}

describe('library store: filters', () => {
  it('sends only the filter fields that are set, and reloads from the first page', async () => {
    const { fake, store } = setup([anAsset('a', 3)]);
    await store.getState().loadAssets(WS);
    await store.getState().setFilter(WS, { query: '  dragon ', tool: undefined, starredOnly: false });
    await store.getState().setFilter(WS, { tool: 'sprite' });
    expect(fake.callsTo('library.assets')).toEqual([
      { workspaceId: WS },
      { workspaceId: WS, filter: { query: 'dragon' } },
      { workspaceId: WS, filter: { query: 'dragon', tool: 'sprite' } },
    ]);
    await store.getState().clearFilter(WS);
    expect(fake.callsTo('library.assets').at(-1)).toEqual({ workspaceId: WS });
    expect(selectFilter(WS)(store.getState())).toEqual({});
  });

  it('knows an empty filter from a real one', () => {
    expect(isFiltered({})).toBe(false);
    expect(isFiltered({ query: ' ', starredOnly: false })).toBe(false);
    expect(isFiltered({ starredOnly: true })).toBe(true);
    expect(compactFilter({ status: 'failed', query: '' })).toEqual({ status: 'failed' });
  });
});

describe('library store: star and delete', () => {
  it('updates starred cards from the answer; under "Starred only" an unstarred card leaves', async () => {
    const { fake, store } = setup([anAsset('a', 3), anAsset('b', 2)]);
    fake.handlers['library.star'] = (input) => ok({ assets: input.assetIds.map((id) => anAsset(id, id === 'a' ? 3 : 2, { starred: input.starred })) });
    await store.getState().loadAssets(WS);
    await store.getState().star(WS, ['a'], true);
    expect(selectWorkspaceAssets(WS)(store.getState()).items.map((a) => a.starred)).toEqual([true, false]);
    await store.getState().setFilter(WS, { starredOnly: true });
    fake.handlers['library.assets'] = () => ok({ items: [anAsset('a', 3, { starred: true })], nextCursor: null });
    await store.getState().loadAssets(WS);
    await store.getState().star(WS, ['a'], false);
    expect(selectWorkspaceAssets(WS)(store.getState()).items).toEqual([]);
  });

  it('removes deleted cards, offers Undo, and Undo puts them back in order', async () => {
    const { fake, store, toasts } = setup([anAsset('c', 3), anAsset('b', 2), anAsset('a', 1)]);
    fake.handlers['library.delete'] = (input) => ok({ deleted: [...input.assetIds] });
    fake.handlers['library.restore'] = (input) => ok({ restored: input.assetIds.map((id) => anAsset(id, id === 'b' ? 2 : 1)) });
    fake.handlers['library.facets'] = () => ok({ tools: [], presets: [], providers: [] });
    await store.getState().loadAssets(WS);
    await store.getState().deleteAssets(WS, ['b']);
    expect(ids(selectWorkspaceAssets(WS)(store.getState()).items)).toEqual(['c', 'a']);
    const undo = toasts.find((t) => t.action?.label === 'Undo');
    expect(undo).toMatchObject({ title: 'Deleted', message: '1 asset moved to the workspace trash.' });
    undo!.action!.run();
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('library.restore')).toEqual([{ workspaceId: WS, assetIds: ['b'] }]);
    expect(ids(selectWorkspaceAssets(WS)(store.getState()).items)).toEqual(['c', 'b', 'a']);
  });

  it('announces a large delete before it finishes', async () => {
    const { fake, store, toasts } = setup([]);
    fake.handlers['library.delete'] = (input) => ok({ deleted: [...input.assetIds] });
    fake.handlers['library.facets'] = () => ok({ tools: [], presets: [], providers: [] });
    const many = Array.from({ length: LARGE_DELETE }, (_, i) => `a${i}`);
    await store.getState().deleteAssets(WS, many);
    expect(toasts[0]).toEqual({ tone: 'info', message: `Deleting ${LARGE_DELETE} assets…` });
    expect(toasts[1]).toMatchObject({ title: 'Deleted', message: `${LARGE_DELETE} assets moved to the workspace trash.` });
    await store.getState().deleteAssets(WS, ['b']);
    expect(toasts).toHaveLength(3);
  });

  it('shows a failed delete as an error toast and keeps the cards', async () => {
    const { fake, store, toasts } = setup([anAsset('a', 1)]);
    fake.handlers['library.delete'] = () => ({ ok: false, error: { code: 'not_found', message: 'The workspace folder is missing; re-attach it first.' } });
    await store.getState().loadAssets(WS);
    await store.getState().deleteAssets(WS, ['a']);
    expect(ids(selectWorkspaceAssets(WS)(store.getState()).items)).toEqual(['a']);
    expect(toasts).toEqual([{ tone: 'error', title: 'Not deleted', message: 'The workspace folder is missing; re-attach it first.' }]);
  });

  it('restores only what belongs in the loaded range', () => {
    const loaded = [anAsset('d', 4), anAsset('c', 3)];
    expect(ids(insertInOrder(loaded, { createdAt: 3, id: 'c' }, [anAsset('x', 1), anAsset('y', 5)]))).toEqual(['y', 'd', 'c']);
    expect(ids(insertInOrder(loaded, null, [anAsset('x', 1)]))).toEqual(['d', 'c', 'x']);
    expect(insertInOrder(loaded, null, [anAsset('d', 4)])).toBe(loaded);
  });
});

describe('library store: re-run and remix', () => {
  it('re-runs the job’s request with its seed, remixes with a new one', async () => {
    const { fake, store, submitted } = setup([]);
    fake.handlers['jobs.get'] = () => ok({ job: JOB, assets: [] });
    const asset = anAsset('a', 1);
    expect((await store.getState().rerun(asset, 'same-seed')).ok).toBe(true);
    expect((await store.getState().rerun(asset, 'new-seed')).ok).toBe(true);
    expect(fake.callsTo('jobs.get')).toEqual([{ jobId: 'job-1' }, { jobId: 'job-1' }]);
    expect(submitted[0]).toMatchObject({ mode: 'pixel', workspaceId: WS, tool: 'sprite', preset: 'rpg', prompt: 'a knight', size: 256, batch: 2, seed: 4242, controls: { outline: 'bold' } });
    expect(submitted[1]).toMatchObject({ prompt: 'a knight', seed: null });
  });

  it('re-runs and remixes an earlier session’s inpaint job with its stored mask (by reference)', async () => {
    const { fake, store, submitted } = setup([]);
    const inpaint: Job = { ...JOB, tool: 'inpaint', params: { ...JOB.params, batch: 1, inputAssetId: 'asset-9', maskPath: '.wokgen/masks/job-1.png' } };
    fake.handlers['jobs.get'] = () => ok({ job: inpaint, assets: [] });
    await store.getState().rerun(anAsset('a', 1), 'same-seed');
    await store.getState().rerun(anAsset('a', 1), 'new-seed');
    expect(submitted[0]).toMatchObject({ tool: 'inpaint', inputAssetId: 'asset-9', maskFromJobId: 'job-1', seed: 4242 });
    expect(submitted[1]).toMatchObject({ tool: 'inpaint', inputAssetId: 'asset-9', maskFromJobId: 'job-1', seed: null });
  });

  it('prefers the exact request this session submitted (with the user’s own negative prompt)', async () => {
    const fake = createFakeWokgen({ 'jobs.get': () => ok({ job: JOB, assets: [] }) });
    const submitted: GenerateRequestInput[] = [];
    const exact: GenerateRequestInput = { mode: 'pixel', workspaceId: WS, tool: 'generate', prompt: 'a knight', negativePrompt: 'no swords', seed: 4242 };
    const store = createLibraryStore({
      api: fake.api,
      requestOf: (job) => (job.id === 'job-1' ? exact : ({} as GenerateRequestInput)),
      submit: async (request) => {
        submitted.push(request);
        return ok(JOB);
      },
    });
    await store.getState().rerun(anAsset('a', 1), 'new-seed');
    expect(submitted).toEqual([{ ...exact, seed: null }]);
  });

  it('explains that an imported asset has no request to run again', async () => {
    const { store, toasts, submitted } = setup([]);
    const result = await store.getState().rerun(anAsset('a', 1, { jobId: null }), 'new-seed');
    expect(result.ok).toBe(false);
    expect(submitted).toEqual([]);
    expect(toasts[0]).toMatchObject({ tone: 'error', title: 'Not remixed' });
  });

  it('reveals and drags through the core, reporting failures', async () => {
    const { fake, store, toasts } = setup([]);
    fake.handlers['library.reveal'] = () => ({ ok: false, error: { code: 'not_found', message: 'The asset’s file is missing from the workspace folder.' } });
    fake.handlers['library.startDrag'] = () => ok({ started: true as const });
    await store.getState().reveal('a');
    store.getState().startDrag('a');
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.callsTo('library.startDrag')).toEqual([{ assetId: 'a' }]);
    expect(toasts).toEqual([{ tone: 'error', title: 'Not shown in the file manager', message: 'The asset’s file is missing from the workspace folder.' }]);
  });
});
