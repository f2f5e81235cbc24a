/**
 * Which SecretStore holds the keys, decided once at start-up by main (issue 5 §4):
 *
 * 1. the OS keychain through keytar, when it answers;
 * 2. otherwise a file encrypted with Electron safeStorage, when safeStorage has a real OS key;
 * 3. safeStorage's Linux `basic_text` backend encrypts with a hard-coded password — as good as
 *    plain text — so it is used only while the user has explicitly accepted it
 *    (setting `allowPlainTextSecrets`, confirmed in Settings → Providers);
 * 4. otherwise nowhere: keys cannot be saved, and Settings says why.
 *
 * The consent is read on every call, so accepting (or withdrawing) it takes effect at once.
 */
import type { SecretStorageStatus } from '../../../shared/secret-storage';
import type { Encryptor } from './encryptor';
import { EncryptedFileSecretStore } from './encrypted-file-secret-store';
import type { Logger } from '../ports';
import type { SecretStore } from './secret-store';

/** Saving a key was refused because no acceptable storage exists; the message says what to do. */
export class SecretStorageRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStorageRefusedError';
  }
}

const NO_KEYCHAIN_HINT = 'Install and unlock a keyring (GNOME Keyring or KWallet) and restart WokGen Studio';

export interface ChooseSecretStoreInput {
  readonly keychain: SecretStore & { isAvailable(): Promise<boolean> };
  /** null where the shell has no safeStorage (plain Node). */
  readonly encryptor: Encryptor | null;
  /** The encrypted file's path (in the data folder). */
  readonly file: string;
  /** The user's consent to safeStorage's plain-text backend, read at every call. */
  readonly allowPlainText: () => boolean;
  readonly log?: Logger;
}

export async function chooseSecretStore(input: ChooseSecretStoreInput): Promise<SecretStore> {
  if (await input.keychain.isAvailable()) return input.keychain;
  const { encryptor } = input;
  if (encryptor === null || !(await encryptor.isEncryptionAvailable())) {
    input.log?.warn('no OS keychain and no safeStorage: API keys cannot be saved');
    return new UnavailableSecretStore(`${NO_KEYCHAIN_HINT}; this system offers no other secure storage.`);
  }
  const file = new EncryptedFileSecretStore(input.file, encryptor, input.log);
  if (!encryptor.isPlainText()) {
    input.log?.info('no OS keychain: API keys go to a safeStorage-encrypted file', { backend: encryptor.backendName() });
    return withStatus(file, { kind: 'encrypted-file', label: file.backend, usable: true, plainTextOffered: false });
  }
  input.log?.warn('no OS keychain and safeStorage offers only plain text: keys are kept only with the user’s consent');
  return new ConsentGatedSecretStore(file, input.allowPlainText);
}

function withStatus(store: SecretStore, status: SecretStorageStatus): SecretStore {
  return {
    backend: store.backend,
    get: (account) => store.get(account),
    set: (account, secret) => store.set(account, secret),
    delete: (account) => store.delete(account),
    accounts: () => store.accounts(),
    status: () => status,
  };
}

/** Plain-text file storage that behaves as empty (and refuses to save) until the user consents. */
class ConsentGatedSecretStore implements SecretStore {
  readonly backend = 'Plain-text file (no keyring found)';

  constructor(
    private readonly file: EncryptedFileSecretStore,
    private readonly consented: () => boolean,
  ) {}

  status(): SecretStorageStatus {
    return { kind: 'plain-text-file', label: this.backend, usable: this.consented(), plainTextOffered: true };
  }

  async get(account: string): Promise<string | null> {
    return this.consented() ? this.file.get(account) : null;
  }

  async set(account: string, secret: string): Promise<void> {
    if (!this.consented()) {
      throw new SecretStorageRefusedError(
        `No secure place to keep API keys: no OS keychain was found and this system can only store them in plain text. ${NO_KEYCHAIN_HINT}, or accept plain-text storage in Settings → Providers.`,
      );
    }
    await this.file.set(account, secret);
  }

  /** Removing is always allowed: withdrawing consent must not strand a key on disk. */
  delete(account: string): Promise<boolean> {
    return this.file.delete(account);
  }

  async accounts(): Promise<ReadonlyArray<string>> {
    return this.consented() ? this.file.accounts() : [];
  }

  /** Called when consent is withdrawn: nothing may stay readable on disk, whatever `consented()` says. */
  purge(): Promise<number> {
    return this.file.purge();
  }
}

class UnavailableSecretStore implements SecretStore {
  readonly backend = 'None available';

  constructor(private readonly reason: string) {}

  status(): SecretStorageStatus {
    return { kind: 'unavailable', label: this.backend, usable: false, plainTextOffered: false };
  }

  async get(): Promise<string | null> {
    return null;
  }

  async set(): Promise<void> {
    throw new SecretStorageRefusedError(`API keys cannot be saved: ${this.reason}`);
  }

  async delete(): Promise<boolean> {
    return false;
  }

  async accounts(): Promise<ReadonlyArray<string>> {
    return [];
  }
}
