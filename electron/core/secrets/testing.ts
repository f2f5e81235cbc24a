/** Test doubles for the secrets layer (never used by the app). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Encryptor } from './encryptor';

/**
 * A reversible stand-in for safeStorage: a marker plus the bytes XOR-ed, so a test can prove
 * the plain value never reaches the file, and can make decryption fail like a changed OS key.
 */
export function fakeEncryptor(options: { backend?: string; plainText?: boolean; available?: boolean; key?: number } = {}): Encryptor & { key: number } {
  const marker = Buffer.from('FAKE1');
  return {
    key: options.key ?? 0x5a,
    isEncryptionAvailable: async () => options.available ?? true,
    backendName: () => options.backend ?? 'gnome_libsecret',
    isPlainText: () => options.plainText ?? false,
    async encrypt(plain) {
      const bytes = Buffer.from(plain, 'utf8').map((b) => b ^ this.key);
      return Buffer.concat([marker, Buffer.from([this.key]), bytes]);
    },
    async decrypt(cipher) {
      const buffer = Buffer.from(cipher);
      if (!buffer.subarray(0, marker.length).equals(marker) || buffer[marker.length] !== this.key) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(buffer.subarray(marker.length + 1).map((b) => b ^ this.key)).toString('utf8');
    },
  };
}

/** A fresh secrets-file path inside a new temporary folder. */
export function tempSecretsFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'wokgen-secrets-')), 'secrets.enc.json');
}
