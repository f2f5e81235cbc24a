/**
 * Main's choice of secret storage with Electron and keytar stood in: no keychain + a Linux
 * keyring behind safeStorage → encrypted file; no keyring at all (basic_text) → refused
 * until the setting is on.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/ports';
import { MemorySecretStore } from '../core/secrets/memory-secret-store';
import { storageStatusOf } from '../core/secrets/secret-store';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';

const safeStorage = {
  backend: 'gnome_libsecret',
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptStringAsync: async (plain: string) => Buffer.from(plain, 'utf8').reverse(),
  decryptStringAsync: async (cipher: Buffer) => ({ result: Buffer.from(cipher).reverse().toString('utf8'), shouldReEncrypt: false }),
};
vi.mock('electron', () => ({ default: { safeStorage }, safeStorage }));
/** A keychain without a Secret Service: it answers "not available", like keytar on a bare Linux box. */
const noKeychain = Object.assign(new MemorySecretStore(), { isAvailable: async () => false });

const { chooseAppSecretStore } = await import('./app-secret-store');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function settingsWith(allowPlainTextSecrets: boolean) {
  let current: Settings = { ...DEFAULT_SETTINGS, allowPlainTextSecrets };
  return {
    get: () => current,
    update: (patch: Partial<Settings>) => (current = { ...current, ...patch }),
    onDidChange: () => () => undefined,
  };
}

describe('chooseAppSecretStore', () => {
  it('keeps keys in a safeStorage-encrypted file in the user-data folder when keytar has no keychain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wokgen-main-secrets-'));
    dirs.push(dir);
    safeStorage.backend = 'kwallet5';
    const store = await chooseAppSecretStore(dir, settingsWith(false), silentLogger, noKeychain);
    expect(storageStatusOf(store)).toMatchObject({ kind: 'encrypted-file', usable: true, label: 'Encrypted file (safeStorage: kwallet5)' });
    await store.set('together', 'plain-key-value-1234');
    expect(readFileSync(join(dir, 'secrets.enc.json'), 'utf8')).not.toContain('plain-key-value-1234');
    expect(await store.get('together')).toBe('plain-key-value-1234');
  });

  it('refuses safeStorage’s plain-text backend until the user accepts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wokgen-main-secrets-'));
    dirs.push(dir);
    safeStorage.backend = 'basic_text';
    const settings = settingsWith(false);
    const store = await chooseAppSecretStore(dir, settings, silentLogger, noKeychain);
    expect(storageStatusOf(store)).toMatchObject({ kind: 'plain-text-file', usable: false, plainTextOffered: true });
    await expect(store.set('together', 'plain-key-value-1234')).rejects.toThrow(/plain text/);
    settings.update({ allowPlainTextSecrets: true });
    await store.set('together', 'plain-key-value-1234');
    expect(await store.get('together')).toBe('plain-key-value-1234');
  });
});
