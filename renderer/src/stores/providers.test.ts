import { beforeEach, describe, expect, it } from 'vitest';
import type { ProvidersOverview, ProviderStatus } from '../../../shared/provider-status';
import { createFakeWokgen, ok, type FakeWokgen } from '../testing/fakeWokgen';
import { aProviderStatus } from '../testing/fixtures';
import { createProvidersStore, type ProvidersStore } from './providers';
import type { ToastInput } from './toasts';

const together: ProviderStatus = aProviderStatus();
const overview: ProvidersOverview = {
  providers: [together],
  storage: { kind: 'keychain', label: 'OS keychain', usable: true, plainTextOffered: false },
  localLlm: { checkedAt: null, servers: [], selected: null },
};

let fake: FakeWokgen;
let toasts: ToastInput[];
let store: ProvidersStore;
beforeEach(() => {
  fake = createFakeWokgen({ 'providers.list': () => ok(overview) });
  toasts = [];
  store = createProvidersStore({ api: fake.api, notify: (t) => toasts.push(t) });
});

describe('providers store', () => {
  it('loads the overview and follows providers.changed', async () => {
    await store.getState().load();
    expect(store.getState()).toMatchObject({ overview, status: 'ready' });
    const stop = store.getState().start();
    const configured = { ...together, key: { configured: true, last4: 'abcd' }, available: true, hint: null };
    fake.emit('providers.changed', { ...overview, providers: [configured] });
    expect(store.getState().overview?.providers[0]).toEqual(configured);
    stop();
  });

  it('saves a key: the card gets a typed error for bad input, the overview the new status, and an old test result is dropped', async () => {
    await store.getState().load();
    fake.handlers['providers.testKey'] = () => ok({ outcome: 'invalid' as const, message: 'Together AI answered 401.' });
    await store.getState().testKey('together', 'tgp_candidate_000000');
    expect(store.getState().tests.together?.outcome).toBe('invalid');

    fake.handlers['providers.setKey'] = ({ key }) =>
      key.includes(' ') ? { ok: false, error: { code: 'invalid_input', message: 'The key contains spaces.', field: 'key' } } : ok({ ...together, key: { configured: true, last4: '7890' }, available: true, hint: null });
    const refused = await store.getState().setKey('together', 'has space');
    expect(refused).toMatchObject({ ok: false, error: { field: 'key' } });
    expect(toasts).toEqual([]);
    await store.getState().setKey('together', 'tgp_good_key_1234567890');
    expect(store.getState().overview?.providers[0]?.key).toEqual({ configured: true, last4: '7890' });
    expect(store.getState().tests.together).toBeUndefined();
    expect(toasts.at(-1)).toMatchObject({ tone: 'success' });
  });

  it('never keeps the key it sent', async () => {
    await store.getState().load();
    fake.handlers['providers.setKey'] = () => ok({ ...together, key: { configured: true, last4: '7890' } });
    await store.getState().setKey('together', 'tgp_secret_value_1234567890');
    expect(JSON.stringify(store.getState())).not.toContain('tgp_secret_value');
  });
});
