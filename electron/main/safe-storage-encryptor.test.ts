/**
 * Main's safeStorage wiring with Electron stood in: the plain-text backend is reported as
 * such (so the core refuses it without consent), and the async API is the one used.
 */
import { describe, expect, it, vi } from 'vitest';

const safeStorage = {
  backend: 'gnome_libsecret' as string,
  isAsyncEncryptionAvailable: vi.fn(async () => true),
  getSelectedStorageBackend: vi.fn(() => safeStorage.backend),
  encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(`enc:${plain}`)),
  decryptStringAsync: vi.fn(async (cipher: Buffer) => ({ result: cipher.toString('utf8').replace(/^enc:/, ''), shouldReEncrypt: false })),
  encryptString: vi.fn(() => {
    throw new Error('the deprecated synchronous API must not be used');
  }),
};
vi.mock('electron', () => ({ default: { safeStorage }, safeStorage }));

const { createSafeStorageEncryptor } = await import('./safe-storage-encryptor');

describe('createSafeStorageEncryptor', () => {
  it('round-trips through the async safeStorage API', async () => {
    const encryptor = createSafeStorageEncryptor('linux');
    expect(await encryptor.isEncryptionAvailable()).toBe(true);
    const cipher = await encryptor.encrypt('key-123');
    expect(await encryptor.decrypt(cipher)).toBe('key-123');
    expect(safeStorage.encryptString).not.toHaveBeenCalled();
  });

  it('flags Linux basic_text as plain text, and only that', () => {
    safeStorage.backend = 'basic_text';
    expect(createSafeStorageEncryptor('linux').isPlainText()).toBe(true);
    expect(createSafeStorageEncryptor('linux').backendName()).toBe('basic_text');
    safeStorage.backend = 'kwallet5';
    expect(createSafeStorageEncryptor('linux').isPlainText()).toBe(false);
    expect(createSafeStorageEncryptor('darwin').isPlainText()).toBe(false);
    expect(createSafeStorageEncryptor('darwin').backendName()).toBe('macOS Keychain');
    expect(createSafeStorageEncryptor('win32').backendName()).toBe('Windows DPAPI');
  });
});
