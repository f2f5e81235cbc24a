/**
 * Secrets (API keys, account tokens) live only in the main process, in the OS keychain.
 * The renderer never receives a secret: at most `describeSecret` — configured + last four.
 */
import type { SecretStorageStatus } from '../../../shared/secret-storage';

export const SECRET_SERVICE = 'WokGen Studio';

export interface SecretStore {
  /** Which backend holds the secrets, shown in Settings (e.g. "OS keychain"). */
  readonly backend: string;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Resolves true when something was deleted. */
  delete(account: string): Promise<boolean>;
  accounts(): Promise<ReadonlyArray<string>>;
  /**
   * Deletes every entry; resolves how many there were. Only the plain-text file store has it:
   * withdrawing consent to plain-text storage must not leave keys on disk (security review item 3).
   */
  purge?(): Promise<number>;
  /** Where keys are kept and whether saving works now (Settings → Providers); see `storageStatusOf`. */
  status?(): SecretStorageStatus;
}

/** A store's status; one without `status()` is taken to be the OS keychain. */
export function storageStatusOf(store: SecretStore): SecretStorageStatus {
  return store.status?.() ?? { kind: 'keychain', label: store.backend, usable: true, plainTextOffered: false };
}

export interface SecretDescription {
  readonly configured: boolean;
  /** Last four characters, only for secrets long enough that this reveals little. */
  readonly last4: string | null;
}

export function describeSecret(secret: string | null): SecretDescription {
  if (secret === null || secret.length === 0) return { configured: false, last4: null };
  return { configured: true, last4: secret.length >= 12 ? secret.slice(-4) : null };
}

/** Accounts are provider ids like `together` or `account.refresh-token`; keep them boring. */
export function assertValidAccount(account: string): void {
  if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(account)) throw new Error(`Invalid secret account name: ${account}`);
}
