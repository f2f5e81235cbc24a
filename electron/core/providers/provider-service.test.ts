/**
 * Settings → Providers through the real IPC handlers of a real core, with Together answered by
 * its loopback test server: keys saved, replaced, tested and removed; settings merged; the
 * registry following availability — and no key anywhere in what leaves the core.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestCore } from '../testing/test-core';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { JsonFileSettingsStore } from '../settings/json-file-settings-store';
import type { EventName } from '../../../shared/ipc/contract';
import { TogetherTestServer } from './together/test-server';
import { startChatTestServer } from './text/testing/openai-compatible-server';
import { ProviderService } from './provider-service';
import { ProviderKeys } from './keys/provider-keys';
import { ProviderError } from './provider';
import { mkdtempSync, readFileSync } from 'node:fs';
import { silentLogger } from '../ports';
import { chooseSecretStore } from '../secrets/choose-secret-store';
import { fakeEncryptor } from '../secrets/testing';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let together: TogetherTestServer;
let t: TestCore;
const outputs: unknown[] = [];

beforeAll(async () => {
  together = await TogetherTestServer.start();
  t = new TestCore();
});
afterAll(async () => {
  await t.dispose();
  await together.close();
});

async function call(channel: string, payload: unknown) {
  const result = await t.call(channel, payload);
  outputs.push(result);
  return result;
}

async function value<T>(channel: string, payload: unknown): Promise<T> {
  const result = await call(channel, payload);
  if (!result.ok) throw new Error(`${channel} failed: ${result.error.message}`);
  return result.value as T;
}

type Status = { id: string; key: { configured: boolean; last4: string | null } | null; available: boolean; enabled: boolean; baseUrl: string | null; hint: string | null; models: { standard: string | null } };
type Overview = { providers: Status[]; storage: { kind: string; usable: boolean } };

describe('providers.* channels', () => {
  it('lists the providers with where keys live, no key configured yet', async () => {
    const overview = await value<Overview>('providers.list', {});
    expect(overview.storage).toMatchObject({ kind: 'memory', usable: true });
    const entry = overview.providers.find((p) => p.id === 'together');
    expect(entry).toMatchObject({ key: { configured: false, last4: null }, available: false, enabled: true, hint: expect.stringMatching(/API key/) });
    expect(overview.providers.find((p) => p.id === 'local-llm')).toMatchObject({ key: null, available: false });
  });

  it('refuses malformed keys with a typed error on "key" that never repeats them', async () => {
    for (const bad of ['', '   ', `${together.key} extra`, `${together.key}\n${together.key}`, 'x'.repeat(600)]) {
      const result = await call('providers.setKey', { id: 'together', key: bad });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'key' } });
      if (!result.ok && bad.trim().length >= 4) expect(result.error.message).not.toContain(bad.trim().slice(0, 20));
    }
    expect(await call('providers.setKey', { id: 'pollinations', key: together.key })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'id' } });
  });

  it('merges concurrent settings edits instead of letting one clobber the other', async () => {
    await Promise.all([
      call('providers.configure', { id: 'together', patch: { baseUrl: together.baseUrl } }),
      call('providers.configure', { id: 'together', patch: { standardModel: 'black-forest-labs/FLUX.1-schnell' } }),
      call('providers.configure', { id: 'fal', patch: { enabled: false } }),
    ]);
    const stored = t.core.services.settings.get().providers;
    expect(stored.together).toMatchObject({ baseUrl: together.baseUrl, standardModel: 'black-forest-labs/FLUX.1-schnell', enabled: true });
    expect(await call('providers.configure', { id: 'together', patch: { baseUrl: 'ftp://example.com' } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'patch.baseUrl' } });
    // An empty model field means "the default".
    expect(await value<Status>('providers.configure', { id: 'together', patch: { standardModel: '  ' } })).toMatchObject({ models: { standard: null } });
  });

  it('saves a key (trimmed), shows only its last four, and makes the provider routable', async () => {
    const status = await value<Status>('providers.setKey', { id: 'together', key: `  ${together.key}\n` });
    expect(status).toMatchObject({ key: { configured: true, last4: together.key.slice(-4) }, available: true, hint: null });
    expect(await t.core.services.ports.secrets.get('together')).toBe(together.key);
    expect(t.core.services.providers.registry().available().map((c) => c.id)).toContain('together');
    const changed = t.events.filter((e) => e.event === ('providers.changed' as EventName));
    expect(changed.length).toBeGreaterThan(0);
  });

  it('tests the saved key, and a pasted one before saving it', async () => {
    expect(await value('providers.testKey', { id: 'together' })).toEqual({ outcome: 'valid', message: 'The provider accepted this key.' });
    const wrong = 'tgp_v1_definitely-wrong-key-000000';
    const verdict = await value<{ outcome: string; message: string }>('providers.testKey', { id: 'together', key: wrong });
    expect(verdict.outcome).toBe('invalid');
    expect(verdict.message).toMatch(/401/);
    // Together overloaded is not a refused key: it could not be checked.
    together.failNext(1, 503);
    expect(await value<{ outcome: string; message: string }>('providers.testKey', { id: 'together' })).toMatchObject({ outcome: 'unverified', message: expect.stringMatching(/503/) });
  });

  it('generates code through Together’s chat once the key is saved (one provider, two endpoints)', async () => {
    const provider = t.core.services.providers.registry().get('together');
    expect(provider?.capabilities.capabilities.has('code')).toBe(true);
    expect(provider?.capabilities.capabilities.has('generate')).toBe(true);
  });

  it('removes the key: not configured, not routable', async () => {
    const status = await value<Status>('providers.removeKey', { id: 'together' });
    expect(status).toMatchObject({ key: { configured: false, last4: null }, available: false });
    expect(await t.core.services.ports.secrets.get('together')).toBeNull();
    expect(t.core.services.providers.registry().available().map((c) => c.id)).not.toContain('together');
    expect(await call('providers.testKey', { id: 'together' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'key' } });
  });

  it('turning a provider off takes it out of routing even with a key', async () => {
    await value('providers.setKey', { id: 'together', key: together.key });
    await value('providers.configure', { id: 'together', patch: { enabled: false } });
    expect(t.core.services.providers.registry().get('together')).toBeUndefined();
    await value('providers.configure', { id: 'together', patch: { enabled: true } });
    expect(t.core.services.providers.registry().get('together')).toBeDefined();
  });

  it('keeps Pollinations (public, no key) off until the user turns it on', async () => {
    const overview = await value<Overview>('providers.list', {});
    expect(overview.providers.map((p) => p.id)).toEqual(['together', 'fal', 'replicate', 'huggingface', 'pollinations', 'local-llm']);
    expect(overview.providers.find((p) => p.id === 'pollinations')).toMatchObject({ enabled: false, available: false, key: null, hint: expect.stringMatching(/prompts are sent/) });
    expect(await value<Status>('providers.configure', { id: 'pollinations', patch: { enabled: true } })).toMatchObject({ enabled: true, available: true });
    expect(t.core.services.providers.registry().available().map((c) => c.id)).toContain('pollinations');
    await value('providers.configure', { id: 'pollinations', patch: { enabled: false } });
  });

  it('finds a local server at a custom address, given as its root or its /v1 base', async () => {
    const lmstudio = await startChatTestServer('lmstudio');
    try {
      for (const url of [lmstudio.url, `${lmstudio.baseUrl}/`]) {
        await value('providers.configure', { id: 'local-llm', patch: { baseUrl: url } });
        const status = await value<{ servers: Array<{ kind: string; reachable: boolean; models: string[] }>; selected: { model: string } | null }>('providers.detectLocalLlm', {});
        expect(status.servers).toEqual([expect.objectContaining({ kind: 'custom', reachable: true, models: lmstudio.controls.models })]);
        expect(status.selected?.model).toBe(lmstudio.controls.models[0]);
      }
      expect(t.core.services.providers.registry().get('local-llm')?.capabilities.capabilities.has('code')).toBe(true);
    } finally {
      await value('providers.configure', { id: 'local-llm', patch: { baseUrl: null } });
      await lmstudio.close();
    }
  });

  it('reports the local LLM with no servers to probe (tests probe nothing they did not start)', async () => {
    expect(await value('providers.detectLocalLlm', {})).toMatchObject({ servers: [], selected: null });
    expect(await value('providers.localLlmStatus', {})).toMatchObject({ servers: [], selected: null });
  });

  it('never lets a key reach an IPC answer or an event', () => {
    const everything = JSON.stringify([outputs, t.events]);
    expect(everything).not.toContain(together.key);
    expect(everything).not.toContain('tgp_v1_definitely-wrong-key-000000');
    expect(everything).not.toContain(together.key.slice(0, -4));
  });
});

describe('ProviderService logs', () => {
  it('never writes a key to the log, whatever fails', async () => {
    const lines: string[] = [];
    const log = { info: (m: string, d?: object) => lines.push(m + JSON.stringify(d)), warn: (m: string, d?: object) => lines.push(m + JSON.stringify(d)), error: (m: string, d?: object) => lines.push(m + JSON.stringify(d)) };
    const secrets = new MemorySecretStore();
    const settings = new JsonFileSettingsStore(join(mkdtempSync(join(tmpdir(), 'wokgen-ps-')), 'settings.json'));
    const service = new ProviderService({ settings, secrets, events: { emit: (e, p) => lines.push(e + JSON.stringify(p)) }, log, localLlmTargets: [] });
    await service.start();
    service.configure('together', { baseUrl: together.baseUrl });
    const key = 'tgp_v1_logged-never-0123456789abcd';
    await service.setKey('together', key);
    await service.testKey('together');
    // A failing keychain write: the message is logged and returned — without the key.
    secrets.set = async () => {
      throw new Error(`keychain refused ${key}`);
    };
    await expect(service.setKey('together', key)).rejects.toMatchObject({ code: 'io_failed', field: 'key' });
    await expect(service.setKey('together', key)).rejects.not.toThrow(key);
    service.stop();
    expect(lines.join('\n')).not.toContain(key);
    expect(lines.length).toBeGreaterThan(2);
  });
});

describe('plain-text key storage', () => {
  it('refuses to save keys until the user consents, then keeps them and says where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wokgen-ps-plain-'));
    const settings = new JsonFileSettingsStore(join(dir, 'settings.json'));
    const noKeychain = Object.assign(new MemorySecretStore(), { isAvailable: async () => false });
    const secrets = await chooseSecretStore({ keychain: noKeychain, encryptor: fakeEncryptor({ backend: 'basic_text', plainText: true }), file: join(dir, 'secrets.enc.json'), allowPlainText: () => settings.get().allowPlainTextSecrets });
    const emitted: unknown[] = [];
    const service = new ProviderService({ settings, secrets, events: { emit: (_e, p) => emitted.push(p) }, log: silentLogger, localLlmTargets: [] });
    await service.start();
    expect(service.list().storage).toMatchObject({ kind: 'plain-text-file', usable: false, plainTextOffered: true });
    await expect(service.setKey('together', 'tgp_v1_plain_0123456789')).rejects.toMatchObject({ code: 'io_failed', field: 'key', message: expect.stringMatching(/plain text/) });

    settings.update({ allowPlainTextSecrets: true });
    await vi.waitFor(() => expect(service.list().storage.usable).toBe(true));
    expect((await service.setKey('together', 'tgp_v1_plain_0123456789')).key).toEqual({ configured: true, last4: '6789' });
    expect(readFileSync(join(dir, 'secrets.enc.json'), 'utf8')).not.toContain('tgp_v1_plain_0123456789');

    // Withdrawing consent deletes the key from the file (security review item 3), not just hides it.
    settings.update({ allowPlainTextSecrets: false });
    await vi.waitFor(() => expect(service.keys.has('together')).toBe(false));
    await vi.waitFor(() => expect((JSON.parse(readFileSync(join(dir, 'secrets.enc.json'), 'utf8')) as { secrets: object }).secrets).toEqual({}));
    settings.update({ allowPlainTextSecrets: true });
    await vi.waitFor(() => expect(service.list().storage.usable).toBe(true));
    expect(await secrets.get('together')).toBeNull();
    service.stop();
  });
});

describe('ProviderKeys.test', () => {
  const keys = (verify: (key: string, signal: AbortSignal) => Promise<{ valid: true } | { valid: false; reason: string }>, testTimeoutMs = 1_000) => {
    const secrets = new MemorySecretStore();
    return new ProviderKeys({ secrets, log: { info() {}, warn() {}, error() {} }, verifier: () => verify, testTimeoutMs });
  };
  const key = 'key-under-test-0123456789';

  it('says it could not check when the provider does not answer in time', async () => {
    const hung = (_key: string, signal: AbortSignal) => new Promise<never>((_resolve, reject) => signal.addEventListener('abort', () => reject(new ProviderError('cancelled', 'Cancelled.'))));
    expect(await keys(hung, 50).test('together', key)).toMatchObject({ outcome: 'unverified', message: expect.stringMatching(/did not answer/) });
  });

  it('reports an unreachable provider as not checked, and scrubs the key from any message', async () => {
    const offline = async () => {
      throw new ProviderError('unreachable', `Could not reach it with ${key}`);
    };
    const verdict = await keys(offline).test('together', key);
    expect(verdict.outcome).toBe('unverified');
    expect(verdict.message).not.toContain(key);
    const refused = async () => ({ valid: false as const, reason: `Invalid API key ${key}` });
    expect((await keys(refused).test('together', key)).message).not.toContain(key);
  });
});

describe('a key follows its address only within the same origin (security review item 1)', () => {
  const other = () => together.baseUrl.replace(/:(\d+)/, (_m, port: string) => `:${Number(port) === 65535 ? 65534 : Number(port) + 1}`);

  it('refuses plain http to another host, a ?query and a #fragment', async () => {
    for (const bad of ['http://example.com/v1', 'http://192.168.1.20:8080', `${together.baseUrl}?x=1`, `${together.baseUrl}#top`]) {
      expect(await call('providers.configure', { id: 'together', patch: { baseUrl: bad } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'patch.baseUrl' } });
    }
    for (const good of ['https://api.example.com/v1', 'http://localhost:9/v1', 'http://[::1]:9/v1']) {
      expect(await call('providers.configure', { id: 'together', patch: { baseUrl: good } })).toMatchObject({ ok: true });
    }
    await value('providers.configure', { id: 'together', patch: { baseUrl: together.baseUrl } });
  });

  it('keeps the key for a path change on the same origin', async () => {
    await value('providers.setKey', { id: 'together', key: together.key });
    const status = await value<Status>('providers.configure', { id: 'together', patch: { baseUrl: `${together.baseUrl}/` } });
    expect(status.key).toMatchObject({ configured: true });
    expect(await t.core.services.ports.secrets.get('together')).toBe(together.key);
    await value('providers.configure', { id: 'together', patch: { baseUrl: together.baseUrl } });
  });

  it('providers.configure to another origin removes the key and says why', async () => {
    await value('providers.setKey', { id: 'together', key: together.key });
    const status = await value<Status>('providers.configure', { id: 'together', patch: { baseUrl: other() } });
    expect(status).toMatchObject({ key: { configured: false }, available: false, hint: expect.stringMatching(/Key removed because the address changed/) });
    await vi.waitFor(async () => expect(await t.core.services.ports.secrets.get('together')).toBeNull());
  });

  it('settings.update replacing providers wholesale removes the key too', async () => {
    await value('providers.configure', { id: 'together', patch: { baseUrl: together.baseUrl } });
    await value('providers.setKey', { id: 'together', key: together.key });
    const providers = { ...t.core.services.settings.get().providers, together: { ...t.core.services.settings.get().providers.together!, baseUrl: 'https://evil.example/v1' } };
    await value('settings.update', { providers });
    await vi.waitFor(async () => expect(await t.core.services.ports.secrets.get('together')).toBeNull());
    const overview = await value<Overview>('providers.list', {});
    expect(overview.providers.find((p) => p.id === 'together')).toMatchObject({ key: { configured: false }, hint: expect.stringMatching(/address changed/) });
    await value('providers.configure', { id: 'together', patch: { baseUrl: together.baseUrl } });
  });
});

describe('shutdown', () => {
  it('a stop() while start() still reads the keychain: nothing starts or is announced afterwards', async () => {
    const secrets = new MemorySecretStore();
    let release: () => void = () => undefined;
    const keychainAnswered = new Promise<void>((resolve) => (release = resolve));
    const read = secrets.get.bind(secrets);
    secrets.get = async (account) => {
      await keychainAnswered;
      return read(account);
    };
    const settings = new JsonFileSettingsStore(join(mkdtempSync(join(tmpdir(), 'wokgen-ps-stop-')), 'settings.json'));
    settings.update({ providers: { 'local-llm': { enabled: true, baseUrl: null, standardModel: null, hdModel: null } } });
    const emitted: string[] = [];
    const service = new ProviderService({ settings, secrets, events: { emit: (event) => emitted.push(event) }, log: silentLogger, localLlmTargets: [] });
    const startMonitor = vi.spyOn(service.localLlm, 'start');
    const starting = service.start();
    service.stop();
    release();
    await starting;
    expect(startMonitor).not.toHaveBeenCalled();
    expect(emitted).toEqual([]);
  });
});
