import { describe, expect, it } from 'vitest';
import { createFakeWokgen, ok } from '../testing/fakeWokgen';
import { createAppInfoStore, type AppInfo } from './appInfo';

const info: AppInfo = {
  name: 'WokGen Studio',
  version: '0.1.0',
  platform: 'linux',
  dataDir: '/home/me/.config/WokGen Studio',
  versions: { electron: '45.0.0', node: '22.20.0', chrome: '142.0.0.0' },
};

describe('app info store', () => {
  it('loads the details once asked', async () => {
    const fake = createFakeWokgen({ 'app.info': () => ok(info) });
    const store = createAppInfoStore({ api: fake.api });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ info, status: 'ready', error: null });
  });

  it('keeps the error to show in place of the details', async () => {
    const fake = createFakeWokgen({ 'app.info': () => ({ ok: false, error: { code: 'internal', message: 'No.' } }) });
    const store = createAppInfoStore({ api: fake.api });
    await store.getState().load();
    expect(store.getState()).toMatchObject({ info: null, status: 'error', error: { message: 'No.' } });
  });
});
