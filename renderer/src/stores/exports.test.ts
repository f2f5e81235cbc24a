import { describe, expect, it } from 'vitest';
import type { ExportFormatInfo, WokpackSummary } from '../../../shared/exports';
import { createFakeWokgen, deferred, ok } from '../testing/fakeWokgen';
import { createExportsStore, fileNameOf } from './exports';
import type { ToastInput } from './toasts';

const PNG: ExportFormatInfo = { id: 'png', label: 'PNG', description: 'd', extension: 'png', options: [] };
const WS = '00000000-0000-4000-8000-000000000001';

function setup() {
  const fake = createFakeWokgen();
  const toasts: ToastInput[] = [];
  const imported: string[] = [];
  const store = createExportsStore({ api: fake.api, notify: (t) => void toasts.push(t), onImported: (id) => void imported.push(id), newId: () => 'exp-00000001' });
  return { fake, toasts, imported, store };
}

describe('exports store', () => {
  it('loads a mode’s formats once', async () => {
    const { fake, store } = setup();
    fake.handlers['exports.formats'] = () => ok([PNG]);
    await store.getState().loadFormats('pixel');
    await store.getState().loadFormats('pixel');
    expect(store.getState().formats.pixel).toEqual({ status: 'ready', items: [PNG] });
    expect(fake.callsTo('exports.formats')).toEqual([{ mode: 'pixel' }]);
  });

  it('tracks the running export’s progress and ends with a toast that reveals the file', async () => {
    const { fake, store, toasts } = setup();
    const answer = deferred<void>();
    fake.handlers['exports.run'] = async () => {
      await answer.promise;
      return ok({ exportId: 'exp-00000001', file: '/out/heroes-png.zip', renamed: true, bytes: 10, assetCount: 2, entries: ['a.png', 'b.png'], notes: ['Quantised.'] });
    };
    fake.handlers['exports.reveal'] = () => ok({ revealed: true as const });
    const stop = store.getState().start();
    const running = store.getState().run({ workspaceId: WS, assets: ['a', 'b'], format: PNG, options: { scales: ['1'] }, destination: 'dialog' });
    expect(store.getState().running).toMatchObject({ exportId: 'exp-00000001', progress: null });
    fake.emit('exports.progress', { exportId: 'exp-00000001', phase: 'rendering', done: 1, total: 2 });
    fake.emit('exports.progress', { exportId: 'someone-else', phase: 'rendering', done: 9, total: 9 });
    expect(store.getState().running?.progress).toEqual({ exportId: 'exp-00000001', phase: 'rendering', done: 1, total: 2 });
    answer.resolve();
    expect((await running).ok).toBe(true);
    expect(store.getState().running).toBeNull();
    expect(fake.callsTo('exports.run')).toEqual([{ exportId: 'exp-00000001', workspaceId: WS, assets: ['a', 'b'], format: 'png', options: { scales: ['1'] }, destination: 'dialog' }]);
    expect(toasts[0]).toMatchObject({ tone: 'success', title: 'Exported 2 assets as PNG', message: 'heroes-png.zip — The name was taken, so it was saved as heroes-png.zip. Quantised.' });
    toasts[0]?.action?.run();
    expect(fake.callsTo('exports.reveal')).toEqual([{ file: '/out/heroes-png.zip' }]);
    stop();
  });

  it('cancels the running export and shows no error for a cancel', async () => {
    const { fake, store, toasts } = setup();
    const answer = deferred<void>();
    fake.handlers['exports.run'] = async () => {
      await answer.promise;
      return { ok: false, error: { code: 'cancelled', message: 'The export was cancelled; nothing was written.' } };
    };
    fake.handlers['exports.cancel'] = () => ok({ cancelled: true });
    const running = store.getState().run({ workspaceId: WS, assets: 'all', format: PNG, options: {}, destination: 'workspace' });
    await store.getState().cancel();
    expect(fake.callsTo('exports.cancel')).toEqual([{ exportId: 'exp-00000001' }]);
    answer.resolve();
    await running;
    expect(toasts).toEqual([]);
    expect(fake.callsTo('exports.run')[0]).toMatchObject({ assets: 'all' });
  });

  it('imports a chosen pack and reloads the gallery when the core says it was imported', async () => {
    const { fake, store, toasts, imported } = setup();
    const summary: WokpackSummary = { token: 'a'.repeat(32), fileName: 'sprites.wokpack', assetCount: 3, modes: { pixel: 3 }, crossMode: true, exportedAt: 1 };
    fake.handlers['wokpack.choose'] = () => ok(summary);
    const answer = deferred<void>();
    fake.handlers['wokpack.import'] = async () => {
      await answer.promise;
      return ok({ workspaceId: WS, imported: 3, assetIds: ['x', 'y', 'z'] });
    };
    const stop = store.getState().start();
    expect(await store.getState().choosePack(WS)).toEqual(ok(summary));
    const importing = store.getState().importPack(summary, WS, true);
    fake.emit('exports.progress', { exportId: summary.token, phase: 'importing', done: 2, total: 3 });
    expect(store.getState().importing).toEqual({ token: summary.token, progress: { exportId: summary.token, phase: 'importing', done: 2, total: 3 } });
    answer.resolve();
    await importing;
    expect(store.getState().importing).toBeNull();
    expect(fake.callsTo('wokpack.import')).toEqual([{ token: summary.token, workspaceId: WS, allowCrossMode: true }]);
    expect(toasts.at(-1)).toMatchObject({ tone: 'success', message: '3 assets from sprites.wokpack added to the gallery.' });
    fake.emit('wokpack.imported', { workspaceId: WS, count: 3 });
    expect(imported).toEqual([WS]);
    stop();
    expect(fake.listenerCount('wokpack.imported')).toBe(0);
  });

  it('stops a running import through exports.cancel with the pack token, saying nothing was added', async () => {
    const { fake, store, toasts } = setup();
    const summary: WokpackSummary = { token: 'b'.repeat(32), fileName: 'big.wokpack', assetCount: 90, modes: { pixel: 90 }, crossMode: false, exportedAt: 1 };
    const answer = deferred<void>();
    fake.handlers['wokpack.import'] = async () => {
      await answer.promise;
      return { ok: false, error: { code: 'cancelled', message: 'The import was cancelled; nothing was imported.' } };
    };
    fake.handlers['exports.cancel'] = () => {
      answer.resolve();
      return ok({ cancelled: true });
    };
    const importing = store.getState().importPack(summary, WS, false);
    await store.getState().cancelImport();
    await importing;
    expect(fake.callsTo('exports.cancel')).toEqual([{ exportId: summary.token }]);
    expect(store.getState().importing).toBeNull();
    expect(toasts.at(-1)).toMatchObject({ tone: 'info', title: 'Import stopped', message: 'Nothing was added to the workspace.' });
  });

  it('shows why a pack was refused', async () => {
    const { fake, store, toasts } = setup();
    fake.handlers['wokpack.choose'] = () => ({ ok: false, error: { code: 'invalid_input', message: 'The pack holds a file named "../x", which points outside the pack; nothing was imported.', field: 'file' } });
    await store.getState().choosePack(WS);
    expect(toasts[0]).toMatchObject({ tone: 'error', title: 'This pack cannot be imported' });
  });

  it('names files on any OS', () => {
    expect(fileNameOf('C:\\Users\\a\\x.zip')).toBe('x.zip');
    expect(fileNameOf('/home/a/x.zip')).toBe('x.zip');
  });
});
