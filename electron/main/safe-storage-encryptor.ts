/**
 * The core's Encryptor port on Electron's safeStorage
 * (https://www.electronjs.org/docs/latest/api/safe-storage), async forms only: the
 * synchronous ones are deprecated in Electron 45 and removed in 46.
 *
 * On Linux safeStorage falls back to `basic_text` — a hard-coded password — when it finds no
 * keyring; the docs say to detect that with `getSelectedStorageBackend()`. We report it as
 * plain text so the core refuses it unless the user explicitly accepts it.
 */
import { safeStorage } from 'electron';
import type { Encryptor } from '../core/secrets/encryptor';

const PLATFORM_BACKENDS: Readonly<Record<string, string>> = { darwin: 'macOS Keychain', win32: 'Windows DPAPI' };

export function createSafeStorageEncryptor(platform: NodeJS.Platform = process.platform): Encryptor {
  const backendName = (): string => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : (PLATFORM_BACKENDS[platform] ?? platform));
  return {
    isEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    backendName,
    // `unknown` is only ever reported before `ready`; main asks after it.
    isPlainText: () => platform === 'linux' && backendName() === 'basic_text',
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (cipher) => (await safeStorage.decryptStringAsync(Buffer.from(cipher))).result,
  };
}
