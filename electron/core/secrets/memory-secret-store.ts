import type { SecretStorageStatus } from '../../../shared/secret-storage';
import { assertValidAccount, type SecretStore } from './secret-store';

/** In-memory secrets for unit tests and the end-to-end harness; never used by the app. */
export class MemorySecretStore implements SecretStore {
  readonly backend = 'memory (tests only)';
  private readonly secrets = new Map<string, string>();

  status(): SecretStorageStatus {
    return { kind: 'memory', label: this.backend, usable: true, plainTextOffered: false };
  }

  async get(account: string): Promise<string | null> {
    assertValidAccount(account);
    return this.secrets.get(account) ?? null;
  }

  async set(account: string, secret: string): Promise<void> {
    assertValidAccount(account);
    if (secret.length === 0) throw new Error('Refusing to store an empty secret.');
    this.secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    assertValidAccount(account);
    return this.secrets.delete(account);
  }

  async accounts(): Promise<ReadonlyArray<string>> {
    return [...this.secrets.keys()].sort();
  }
}
