/**
 * Secrets in one file in the data folder, each value encrypted with the shell's Encryptor
 * (Electron safeStorage). The fallback where keytar cannot reach an OS keychain (e.g. Linux
 * without a Secret Service). The file is written atomically with mode 0600 (owner only), and
 * operations are serialised so two concurrent saves cannot lose one another.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { writeFileAtomicSync } from '../fs/atomic-write';
import type { Logger } from '../ports';
import type { Encryptor } from './encryptor';
import { assertValidAccount, type SecretStore } from './secret-store';

export const SECRETS_FILE = 'secrets.enc.json';

interface SecretsFile {
  readonly format: 'wokgen-secrets';
  readonly version: 1;
  /** account → base64 of the Encryptor's ciphertext; the plain value never touches disk. */
  readonly secrets: Record<string, string>;
}

const EMPTY: SecretsFile = { format: 'wokgen-secrets', version: 1, secrets: {} };

/** The secrets file exists but the OS would not let us read it; it is left untouched. */
export class SecretsFileUnreadableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretsFileUnreadableError';
  }
}

export class EncryptedFileSecretStore implements SecretStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly encryptor: Encryptor,
    private readonly log?: Logger,
  ) {}

  get backend(): string {
    return `Encrypted file (safeStorage: ${this.encryptor.backendName()})`;
  }

  async get(account: string): Promise<string | null> {
    assertValidAccount(account);
    return this.serial(async () => {
      const cipher = this.read().secrets[account];
      if (cipher === undefined) return null;
      try {
        return await this.encryptor.decrypt(Buffer.from(cipher, 'base64'));
      } catch (error) {
        // The OS key changed (another keyring, another user): the value is unreadable, so it
        // counts as not configured; saving a new key replaces it.
        this.log?.warn('a stored secret could not be decrypted', { account, error: error instanceof Error ? error.name : 'unknown' });
        return null;
      }
    });
  }

  async set(account: string, secret: string): Promise<void> {
    assertValidAccount(account);
    if (secret.length === 0) throw new Error('Refusing to store an empty secret.');
    await this.serial(async () => {
      const current = this.read();
      const cipher = Buffer.from(await this.encryptor.encrypt(secret)).toString('base64');
      this.write({ ...current, secrets: { ...current.secrets, [account]: cipher } });
    });
  }

  async delete(account: string): Promise<boolean> {
    assertValidAccount(account);
    return this.serial(() => {
      const current = this.read();
      if (!(account in current.secrets)) return false;
      const rest = Object.fromEntries(Object.entries(current.secrets).filter(([name]) => name !== account));
      this.write({ ...current, secrets: rest });
      return true;
    });
  }

  async accounts(): Promise<ReadonlyArray<string>> {
    return this.serial(() => Object.keys(this.read().secrets).sort());
  }

  /** Every entry removed in one atomic write (the file stays, empty). */
  async purge(): Promise<number> {
    return this.serial(() => {
      const count = Object.keys(this.read().secrets).length;
      if (count > 0) this.write(EMPTY);
      return count;
    });
  }

  private serial<T>(operation: () => T | Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private read(): SecretsFile {
    if (!existsSync(this.file)) return EMPTY;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      // EACCES, EMFILE, EISDIR…: the file may be fine — setting it aside or starting empty would
      // lose every key on the next save (security review item 9). Say so instead.
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
      throw new SecretsFileUnreadableError(`The key file ${this.file} could not be read (${code}). Check its permissions or free some file handles, then try again; nothing was changed.`);
    }
    try {
      const parsed: unknown = JSON.parse(text);
      if (isSecretsFile(parsed)) return parsed;
      throw new Error('not a WokGen secrets file');
    } catch (error) {
      // Never overwrite what we cannot read: set it aside (the user may recover it) and start empty.
      const backup = `${this.file}.corrupt-${Date.now()}`;
      renameSync(this.file, backup);
      // Only the error's name: JSON.parse quotes the file's text in its message.
      this.log?.warn('secrets file was unreadable; set aside', { backup, error: error instanceof Error ? error.name : 'unknown' });
      return EMPTY;
    }
  }

  private write(content: SecretsFile): void {
    writeFileAtomicSync(this.file, `${JSON.stringify(content)}\n`, { mode: 0o600 });
  }
}

function isSecretsFile(value: unknown): value is SecretsFile {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<SecretsFile>;
  return (
    v.format === 'wokgen-secrets' &&
    v.version === 1 &&
    typeof v.secrets === 'object' &&
    v.secrets !== null &&
    Object.values(v.secrets).every((cipher) => typeof cipher === 'string')
  );
}
