import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSecret, type SecretStore } from './secret-store';
import { MemorySecretStore } from './memory-secret-store';
import { KeytarSecretStore } from './keytar-secret-store';
import { EncryptedFileSecretStore } from './encrypted-file-secret-store';
import { fakeEncryptor, tempSecretsFile } from './testing';

/** The same behaviour is required of every SecretStore implementation. */
function secretStoreContract(name: string, make: () => SecretStore, available: () => boolean, reason: () => string) {
  describe(name, () => {
    it('round-trips set, get, accounts and delete', async (ctx) => {
      if (!available()) {
        console.warn(`[skipped] ${name}: ${reason()}`);
        ctx.skip(reason());
      }
      const store = make();
      const account = `test-${randomUUID().slice(0, 8)}`;
      expect(await store.get(account)).toBeNull();
      await store.set(account, 'sk-test-1234567890abcd');
      expect(await store.get(account)).toBe('sk-test-1234567890abcd');
      expect(await store.accounts()).toContain(account);
      await store.set(account, 'sk-replaced-0987654321zz');
      expect(await store.get(account)).toBe('sk-replaced-0987654321zz');
      expect(await store.delete(account)).toBe(true);
      expect(await store.delete(account)).toBe(false);
      expect(await store.get(account)).toBeNull();
    });

    it('refuses empty secrets and odd account names', async (ctx) => {
      if (!available()) ctx.skip(reason());
      const store = make();
      await expect(store.set('together', '')).rejects.toThrow(/empty/);
      await expect(store.get('../etc')).rejects.toThrow(/Invalid secret account/);
    });
  });
}

secretStoreContract('MemorySecretStore', () => new MemorySecretStore(), () => true, () => '');
secretStoreContract('EncryptedFileSecretStore (fake safeStorage)', () => new EncryptedFileSecretStore(tempSecretsFile(), fakeEncryptor()), () => true, () => '');

// The real keychain needs a Secret Service on Linux (gnome-keyring over D-Bus). `npm test`
// starts one through dbus-run-session when the machine has it; otherwise this says why it skips.
const keychainService = `WokGen Studio Test ${randomUUID().slice(0, 8)}`;
let keychainAvailable = false;
let keychainReason = 'not probed';
beforeAll(async () => {
  const probe = new KeytarSecretStore(keychainService);
  keychainAvailable = await probe.isAvailable();
  if (!keychainAvailable) {
    keychainReason = 'no usable OS keychain here (on Linux: run under dbus-run-session with gnome-keyring unlocked, as `npm test` does)';
  }
});
afterAll(async () => {
  if (!keychainAvailable) return;
  const store = new KeytarSecretStore(keychainService);
  for (const account of await store.accounts()) await store.delete(account);
});
secretStoreContract('KeytarSecretStore (OS keychain)', () => new KeytarSecretStore(keychainService), () => keychainAvailable, () => keychainReason);

describe('describeSecret', () => {
  it('reveals only configured and the last four characters of a long secret', () => {
    expect(describeSecret(null)).toEqual({ configured: false, last4: null });
    expect(describeSecret('')).toEqual({ configured: false, last4: null });
    expect(describeSecret('tok_abcdefgh1234')).toEqual({ configured: true, last4: '1234' });
    expect(describeSecret('short')).toEqual({ configured: true, last4: null });
  });
});
