/**
 * Secrets in the OS keychain through keytar (macOS Keychain, Windows Credential Vault,
 * libsecret/Secret Service on Linux), one account per provider under the service
 * "WokGen Studio". keytar is N-API, so the same binary loads in Node (tests) and Electron.
 *
 * keytar is loaded on first use, not at import: a machine without a usable keychain must
 * still start the app and say so, rather than crash at start-up.
 */
import type * as KeytarModule from 'keytar';
import { SECRET_SERVICE, assertValidAccount, type SecretStore } from './secret-store';

type Keytar = typeof KeytarModule;

export class KeychainUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The OS keychain is not available: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'KeychainUnavailableError';
  }
}

export class KeytarSecretStore implements SecretStore {
  readonly backend = 'OS keychain';
  private keytar: Keytar | undefined;

  constructor(private readonly service: string = SECRET_SERVICE) {}

  async get(account: string): Promise<string | null> {
    assertValidAccount(account);
    return this.call((k) => k.getPassword(this.service, account));
  }

  async set(account: string, secret: string): Promise<void> {
    assertValidAccount(account);
    if (secret.length === 0) throw new Error('Refusing to store an empty secret.');
    await this.call((k) => k.setPassword(this.service, account, secret));
  }

  async delete(account: string): Promise<boolean> {
    assertValidAccount(account);
    return this.call((k) => k.deletePassword(this.service, account));
  }

  async accounts(): Promise<ReadonlyArray<string>> {
    const credentials = await this.call((k) => k.findCredentials(this.service));
    return credentials.map((c) => c.account).sort();
  }

  /** Resolves true when the keychain answers a harmless read; used to pick a fallback. */
  async isAvailable(): Promise<boolean> {
    try {
      await this.call((k) => k.findCredentials(this.service));
      return true;
    } catch {
      return false;
    }
  }

  private async call<T>(operation: (keytar: Keytar) => Promise<T>): Promise<T> {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy load, see the header comment
      this.keytar ??= require('keytar') as Keytar;
      return await operation(this.keytar);
    } catch (error) {
      throw new KeychainUnavailableError(error);
    }
  }
}
