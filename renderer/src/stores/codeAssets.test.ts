import { describe, expect, it } from 'vitest';
import { createFakeWokgen } from '../testing/fakeWokgen';
import { createCodeAssetsStore, selectCode } from './codeAssets';

describe('code assets store', () => {
  it('loads an asset’s text once and keeps it', async () => {
    const fake = createFakeWokgen({ 'assets.readCode': ({ assetId }) => ({ ok: true, value: { code: `<p>${assetId}</p>`, relativePath: 'assets/a.html' } }) });
    const store = createCodeAssetsStore({ api: fake.api });
    await store.getState().load('a1');
    await store.getState().load('a1');
    expect(selectCode('a1')(store.getState())).toEqual({ status: 'ready', code: '<p>a1</p>', error: null });
    expect(fake.calls.filter((c) => c.channel === 'assets.readCode')).toHaveLength(1);
  });

  it('keeps the error and tries again on the next load', async () => {
    let fail = true;
    const fake = createFakeWokgen({
      'assets.readCode': () => (fail ? { ok: false, error: { code: 'not_found', message: 'The code file is missing.' } } : { ok: true, value: { code: 'x', relativePath: 'a.html' } }),
    });
    const store = createCodeAssetsStore({ api: fake.api });
    await store.getState().load('a1');
    expect(selectCode('a1')(store.getState())).toMatchObject({ status: 'error', error: { message: 'The code file is missing.' } });
    fail = false;
    await store.getState().load('a1');
    expect(selectCode('a1')(store.getState()).code).toBe('x');
  });
});
