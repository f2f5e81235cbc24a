import { describe, expect, it } from 'vitest';
import { chooseSecretStore, SecretStorageRefusedError } from './choose-secret-store';
import { MemorySecretStore } from './memory-secret-store';
import { storageStatusOf, type SecretStore } from './secret-store';
import { fakeEncryptor, tempSecretsFile } from './testing';

function keychain(available: boolean): SecretStore & { isAvailable(): Promise<boolean> } {
  const store = new MemorySecretStore();
  return Object.assign(store, { isAvailable: async () => available, status: undefined });
}

describe('chooseSecretStore', () => {
  it('uses the OS keychain whenever it answers', async () => {
    const chain = keychain(true);
    const chosen = await chooseSecretStore({ keychain: chain, encryptor: fakeEncryptor(), file: tempSecretsFile(), allowPlainText: () => false });
    expect(chosen).toBe(chain);
    expect(storageStatusOf(chosen).kind).toBe('keychain');
  });

  it('falls back to a safeStorage-encrypted file when there is no keychain', async () => {
    const chosen = await chooseSecretStore({ keychain: keychain(false), encryptor: fakeEncryptor({ backend: 'kwallet5' }), file: tempSecretsFile(), allowPlainText: () => false });
    expect(storageStatusOf(chosen)).toEqual({ kind: 'encrypted-file', label: 'Encrypted file (safeStorage: kwallet5)', usable: true, plainTextOffered: false });
    await chosen.set('together', 'key-abcdefgh12345');
    expect(await chosen.get('together')).toBe('key-abcdefgh12345');
  });

  it('refuses the plain-text backend until the user accepts it, and follows the consent live', async () => {
    let consent = false;
    const file = tempSecretsFile();
    const chosen = await chooseSecretStore({ keychain: keychain(false), encryptor: fakeEncryptor({ backend: 'basic_text', plainText: true }), file, allowPlainText: () => consent });
    expect(storageStatusOf(chosen)).toMatchObject({ kind: 'plain-text-file', usable: false, plainTextOffered: true });
    await expect(chosen.set('together', 'key-abcdefgh12345')).rejects.toThrow(SecretStorageRefusedError);
    await expect(chosen.set('together', 'key-abcdefgh12345')).rejects.toThrow(/accept plain-text storage in Settings → Providers/);
    expect(await chosen.accounts()).toEqual([]);

    consent = true;
    expect(storageStatusOf(chosen).usable).toBe(true);
    await chosen.set('together', 'key-abcdefgh12345');
    expect(await chosen.get('together')).toBe('key-abcdefgh12345');

    consent = false;
    expect(await chosen.get('together')).toBeNull();
    // Removing still works without consent, so withdrawing it never strands a key on disk.
    expect(await chosen.delete('together')).toBe(true);
  });

  it('reports nowhere to keep keys when neither a keychain nor safeStorage exists', async () => {
    for (const encryptor of [null, fakeEncryptor({ available: false })]) {
      const chosen = await chooseSecretStore({ keychain: keychain(false), encryptor, file: tempSecretsFile(), allowPlainText: () => true });
      expect(storageStatusOf(chosen)).toMatchObject({ kind: 'unavailable', usable: false });
      await expect(chosen.set('together', 'key-abcdefgh12345')).rejects.toThrow(/cannot be saved/);
      expect(await chosen.get('together')).toBeNull();
    }
  });
});
