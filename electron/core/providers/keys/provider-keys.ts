/**
 * API keys per provider (issue 5 §4): save (validated, trimmed), replace, remove, test — and a
 * synchronous "key present" cache, because `ProviderSource.isAvailable()` (routing) is sync
 * and the keychain is not. The cache is filled at start and updated on every save/remove.
 *
 * Keys stay here and in the SecretStore: callers get `{ configured, last4 }`, test outcomes and
 * typed errors, none of which ever contains the key (proved by provider-service.test.ts).
 */
import { AppFailure } from '../../../../shared/errors';
import { KEYED_PROVIDER_IDS, type KeyTestResult } from '../../../../shared/provider-status';
import type { Logger } from '../../ports';
import { SecretStorageRefusedError } from '../../secrets/choose-secret-store';
import { describeSecret, type SecretDescription, type SecretStore } from '../../secrets/secret-store';
import type { VerifyKeyResult } from '../http/cloud-client';
import { redact } from '../http/errors';
import { ProviderError, type ProviderId } from '../provider';
import { parseApiKey } from './api-key';

/** Providers that need the user's own key (Pollinations needs none; the hosted account signs in). */
export const KEYED_PROVIDERS = KEYED_PROVIDER_IDS;
export type KeyedProviderId = (typeof KEYED_PROVIDERS)[number];

export function isKeyedProvider(id: ProviderId): id is KeyedProviderId {
  return (KEYED_PROVIDERS as ReadonlyArray<ProviderId>).includes(id);
}

/**
 * A client's cheap authenticated call (each keyed client has `verifyKey`): `{ valid: false,
 * reason }` for a refused key; a thrown ProviderError when the provider could not be asked.
 */
export type KeyVerifier = (key: string, signal: AbortSignal) => Promise<VerifyKeyResult>;

/** How long "Test key" waits for the provider before saying it could not check. */
export const KEY_TEST_TIMEOUT_MS = 15_000;

export interface ProviderKeysDeps {
  readonly secrets: SecretStore;
  readonly log: Logger;
  /** The verifier for a provider, looked up at test time (base URLs may have changed). */
  readonly verifier: (id: KeyedProviderId) => KeyVerifier | undefined;
  readonly testTimeoutMs?: number;
}

const NOT_CONFIGURED: SecretDescription = { configured: false, last4: null };

export class ProviderKeys {
  private readonly cache = new Map<KeyedProviderId, SecretDescription>();

  constructor(private readonly deps: ProviderKeysDeps) {}

  /** Reads every provider's key once (start-up); a keychain that fails leaves them unconfigured. */
  async refresh(): Promise<void> {
    await Promise.all(KEYED_PROVIDERS.map(async (id) => this.cache.set(id, describeSecret(await this.get(id)))));
  }

  /** Sync: is a key stored for this provider (as of the last refresh/save/remove)? */
  has(id: ProviderId): boolean {
    return isKeyedProvider(id) && (this.cache.get(id)?.configured ?? false);
  }

  describe(id: KeyedProviderId): SecretDescription {
    return this.cache.get(id) ?? NOT_CONFIGURED;
  }

  /** The key itself, for the provider's own client only. Null when absent or unreadable. */
  async get(id: KeyedProviderId): Promise<string | null> {
    try {
      return await this.deps.secrets.get(id);
    } catch (error) {
      this.deps.log.warn('a provider key could not be read', { provider: id, error: error instanceof Error ? error.name : 'unknown' });
      return null;
    }
  }

  async set(id: KeyedProviderId, raw: string): Promise<SecretDescription> {
    const key = parseApiKey(raw);
    try {
      await this.deps.secrets.set(id, key);
    } catch (error) {
      throw this.storageFailure(error, key, 'saved');
    }
    const description = describeSecret(key);
    this.cache.set(id, description);
    this.deps.log.info('provider key saved', { provider: id });
    return description;
  }

  /**
   * The provider's address moved to another origin: its key must not follow (security review
   * item 1). Routing stops using it at once (the sync cache), then the store forgets it.
   */
  async dropForAddressChange(id: KeyedProviderId): Promise<void> {
    this.cache.set(id, NOT_CONFIGURED);
    await this.remove(id).catch((error: unknown) => this.deps.log.warn('a provider key could not be removed after its address changed', { provider: id, error: error instanceof Error ? error.name : 'unknown' }));
  }

  async remove(id: KeyedProviderId): Promise<boolean> {
    let removed: boolean;
    try {
      removed = await this.deps.secrets.delete(id);
    } catch (error) {
      throw this.storageFailure(error, null, 'removed');
    }
    this.cache.set(id, NOT_CONFIGURED);
    if (removed) this.deps.log.info('provider key removed', { provider: id });
    return removed;
  }

  /**
   * "Test key": the stored key, or `candidate` (typed but not saved yet), through the client's
   * cheap authenticated call, bounded by a timeout. Never throws for the provider's answer.
   */
  async test(id: KeyedProviderId, candidate?: string): Promise<KeyTestResult> {
    const key = candidate === undefined ? await this.get(id) : parseApiKey(candidate);
    if (key === null) throw new AppFailure('not_found', 'No key is saved for this provider. Paste one first.', 'key');
    const verify = this.deps.verifier(id);
    if (!verify) return { outcome: 'unverified', message: 'This provider cannot check keys yet.' };
    const timeoutMs = this.deps.testTimeoutMs ?? KEY_TEST_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      const verdict = await verify(key, timeout);
      if (verdict.valid) return { outcome: 'valid', message: 'The provider accepted this key.' };
      return { outcome: 'invalid', message: redact(verdict.reason, [key]) };
    } catch (error) {
      if (timeout.aborted) return { outcome: 'unverified', message: `The provider did not answer within ${Math.round(timeoutMs / 1000)} s; the key was not checked.` };
      const message = redact(error instanceof Error ? error.message : String(error), [key]);
      if (!(error instanceof ProviderError)) {
        this.deps.log.warn('key test failed unexpectedly', { provider: id, error: message });
        return { outcome: 'unverified', message: 'The key could not be checked (unexpected error; see the log).' };
      }
      switch (error.kind) {
        case 'unauthorised':
          return { outcome: 'invalid', message };
        case 'out_of_credits':
          // The provider knew the key — it is valid, the account just cannot pay.
          return { outcome: 'valid', message: `The key works, but: ${message}` };
        default:
          return { outcome: 'unverified', message: `The key was not checked: ${message}` };
      }
    }
  }

  private storageFailure(error: unknown, key: string | null, verb: 'saved' | 'removed'): AppFailure {
    if (error instanceof AppFailure) return error;
    const detail = redact(error instanceof Error ? error.message : String(error), key === null ? [] : [key]);
    this.deps.log.warn(`provider key could not be ${verb}`, { error: detail });
    if (error instanceof SecretStorageRefusedError) return new AppFailure('io_failed', detail, 'key');
    return new AppFailure('io_failed', `The key could not be ${verb}: ${detail}`, 'key');
  }
}
