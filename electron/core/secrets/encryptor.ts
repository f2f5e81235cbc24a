/**
 * The port the encrypted-file secret store needs from the shell: Electron's `safeStorage`
 * (https://www.electronjs.org/docs/latest/api/safe-storage), implemented in
 * `electron/main/safe-storage-encryptor.ts`. The core never imports Electron.
 *
 * Asynchronous because Electron 45 deprecates (and 46 removes) safeStorage's synchronous
 * `encryptString`/`decryptString`/`isEncryptionAvailable` in favour of the `…Async` forms.
 */
export interface Encryptor {
  /** False before the app is ready, or where the OS offers no key store at all. */
  isEncryptionAvailable(): Promise<boolean>;
  /**
   * Which OS key protects the data: on Linux safeStorage's selected backend (`gnome_libsecret`,
   * `kwallet5`, `basic_text`…), elsewhere the platform's (Keychain, DPAPI).
   */
  backendName(): string;
  /**
   * True when the "encryption" uses a hard-coded password (Linux `basic_text`): anyone who can
   * read the file can read the keys. Never used without the user's explicit consent.
   */
  isPlainText(): boolean;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(cipher: Uint8Array): Promise<string>;
}
