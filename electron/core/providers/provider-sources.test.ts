import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../ports';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { JsonFileSettingsStore } from '../settings/json-file-settings-store';
import { CLOUD_CLIENTS, type CloudClientEntry } from './cloud-clients';
import type { CloudClientOptions } from './http/cloud-client';
import { TokenBucket } from './http/token-bucket';
import { ProviderKeys } from './keys/provider-keys';
import { CloudSource } from './provider-sources';

function source(id: 'together' | 'pollinations') {
  const settings = new JsonFileSettingsStore(join(mkdtempSync(join(tmpdir(), 'wokgen-src-')), 'settings.json'));
  const keys = new ProviderKeys({ secrets: new MemorySecretStore(), log: silentLogger, verifier: () => undefined });
  const entry = CLOUD_CLIENTS[id];
  if (!entry) throw new Error(`${id} missing from the client table`);
  return { settings, keys, source: new CloudSource(id, entry, settings, keys) };
}

describe('CloudSource', () => {
  it('keeps its client while the settings stay, and rebuilds it when base URL or models change', () => {
    const { settings, source: together } = source('together');
    const first = together.provider();
    expect(together.provider()).toBe(first);
    settings.update({ theme: 'light' });
    expect(together.provider()).toBe(first);
    settings.update({ providers: { together: { enabled: true, baseUrl: 'http://127.0.0.1:9/v1', standardModel: null, hdModel: null } } });
    const second = together.provider();
    expect(second).not.toBe(first);
    settings.update({ providers: { together: { enabled: true, baseUrl: 'http://127.0.0.1:9/v1', standardModel: 'my/flux', hdModel: null } } });
    expect(together.provider()).not.toBe(second);
    expect(together.provider().capabilities.models.standard).toBe('my/flux');
  });

  it('hands every rebuilt client the same rate-limit bucket, so a base-URL change keeps a 429’s slow-down', () => {
    const { settings, keys } = source('together');
    const built: CloudClientOptions[] = [];
    const entry = CLOUD_CLIENTS.together!;
    const recording: CloudClientEntry = { ...entry, create: (options) => (built.push(options), entry.create(options)) };
    const together = new CloudSource('together', recording, settings, keys);
    together.provider();
    settings.update({ providers: { together: { enabled: true, baseUrl: 'http://127.0.0.1:9/v1', standardModel: 'my/flux', hdModel: null } } });
    together.provider();
    expect(built).toHaveLength(2);
    const [first, second] = built.map((options) => options.limits?.bucket);
    expect(first).toBeInstanceOf(TokenBucket);
    expect(second).toBe(first);
  });

  it('is available only when enabled and keyed (a keyless provider only when enabled)', async () => {
    const { settings, keys, source: together } = source('together');
    expect(together.isAvailable()).toBe(false);
    await keys.set('together', 'tgp_v1_source_test_123456');
    expect(together.isAvailable()).toBe(true);
    settings.update({ providers: { together: { enabled: false, baseUrl: null, standardModel: null, hdModel: null } } });
    expect(together.isAvailable()).toBe(false);

    const { settings: s2, source: pollinations } = source('pollinations');
    expect(pollinations.isAvailable()).toBe(false);
    s2.update({ providers: { pollinations: { enabled: true, baseUrl: null, standardModel: null, hdModel: null } } });
    expect(pollinations.isAvailable()).toBe(true);
  });
});
