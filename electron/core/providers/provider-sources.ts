/**
 * ProviderSources for the cloud clients and the local LLM, built from settings (enabled, base
 * URL, models) and the key cache (issue 5 §4). A client is rebuilt only when its own settings
 * change; availability is a cheap synchronous check, as routing needs.
 */
import { providerSettings, type ProviderSettings } from '../../../shared/providers';
import type { SettingsStore } from '../settings/settings-store';
import type { CloudClient, CloudClientEntry, CloudProviderId } from './cloud-clients';
import type { FetchLike } from './http/provider-http';
import type { KeyVerifier, ProviderKeys } from './keys/provider-keys';
import { kindForStatus } from './http/errors';
import { DEFAULT_RATE_LIMITS } from './http/rate-limits';
import { TokenBucket } from './http/token-bucket';
import { isKeyedProvider } from './keys/provider-keys';
import { createLocalLlmProvider } from './local-llm/local-llm-provider';
import type { LocalLlmMonitor } from './local-llm/monitor';
import { ProviderError, type Provider, type ProviderId } from './provider';
import type { ProviderSource } from './provider-registry';
import type { ChatProvider } from './text/chat-provider';

/** A provider's settings with its own defaults (Pollinations starts off). */
export function effectiveSettings(settings: SettingsStore, id: ProviderId, entry?: Pick<CloudClientEntry, 'defaultOff'>): ProviderSettings {
  const stored = settings.get().providers[id];
  if (stored) return stored;
  const defaults = providerSettings({}, id);
  return entry?.defaultOff ? { ...defaults, enabled: false } : defaults;
}

export class CloudSource implements ProviderSource {
  private built: { readonly signature: string; readonly client: CloudClient } | undefined;
  /**
   * The provider's rate limit is per account, not per client object: one bucket for this id
   * outlives every rebuild, so a base-URL or model change does not forget a 429's slow-down.
   */
  private readonly bucket: TokenBucket;

  constructor(
    readonly id: CloudProviderId,
    readonly entry: CloudClientEntry,
    private readonly settings: SettingsStore,
    private readonly keys: ProviderKeys,
    private readonly fetchImpl?: FetchLike,
  ) {
    this.bucket = new TokenBucket(DEFAULT_RATE_LIMITS[id]);
  }

  settingsNow(): ProviderSettings {
    return effectiveSettings(this.settings, this.id, this.entry);
  }

  isAvailable(): boolean {
    return this.settingsNow().enabled && (!this.entry.needsKey || this.keys.has(this.id));
  }

  provider(): Provider {
    return this.client().provider;
  }

  /**
   * "Test key" through the client's `verifyKey`, told apart by what the provider actually
   * answered: only a 401/403 means the key was refused. A 5xx, a timeout or no connection means
   * the key could not be checked (thrown as that kind, which ProviderKeys reports as such).
   */
  verifier(): KeyVerifier | undefined {
    if (!this.client().verifyKey) return undefined;
    return async (key, signal) => {
      const seen = { requests: 0, status: undefined as number | undefined };
      const base = this.fetchImpl ?? fetch;
      const { baseUrl, standardModel, hdModel } = this.settingsNow();
      const probe = this.entry.create({
        baseUrl,
        models: { standard: standardModel, hd: hdModel },
        getKey: async () => key,
        fetch: async (input, init) => {
          seen.requests += 1;
          const response = await base(input, init);
          seen.status = response.status;
          return response;
        },
      });
      const verdict = await (probe.verifyKey ?? (async () => ({ valid: true as const })))(key, signal);
      // No request at all: the client refused the key's shape itself — a real "invalid".
      if (verdict.valid || seen.requests === 0 || seen.status === 401 || seen.status === 403) return verdict;
      throw new ProviderError(seen.status === undefined ? 'unreachable' : kindForStatus(seen.status), verdict.reason);
    };
  }

  /** The client as configured now (rebuilt when base URL or models changed). */
  client(): CloudClient {
    const { baseUrl, standardModel, hdModel } = this.settingsNow();
    const signature = JSON.stringify([baseUrl, standardModel, hdModel]);
    if (this.built?.signature !== signature) {
      const id = this.id;
      const client = this.entry.create({
        baseUrl,
        models: { standard: standardModel, hd: hdModel },
        // Read at the moment of use: a replaced key applies to the next request.
        getKey: async () => (isKeyedProvider(id) ? this.keys.get(id) : null),
        limits: { bucket: this.bucket },
        ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}),
      });
      this.built = { signature, client };
    }
    return this.built.client;
  }
}

export class LocalLlmSource implements ProviderSource {
  readonly id = 'local-llm' as const;
  private built: { readonly signature: string; readonly provider: ChatProvider | null } | undefined;

  constructor(
    private readonly settings: SettingsStore,
    readonly monitor: LocalLlmMonitor,
    private readonly fetchImpl?: FetchLike,
  ) {}

  settingsNow(): ProviderSettings {
    return effectiveSettings(this.settings, this.id);
  }

  isAvailable(): boolean {
    return this.settingsNow().enabled && this.current() !== null;
  }

  provider(): Provider {
    const provider = this.current();
    // The registry asks only after isAvailable() said yes, in the same synchronous turn.
    if (provider === null) throw new Error('No local LLM server is available.');
    return provider;
  }

  private current(): ChatProvider | null {
    const selected = this.monitor.status().selected;
    const hdModel = this.settingsNow().hdModel;
    const signature = JSON.stringify([selected, hdModel]);
    if (this.built?.signature !== signature) {
      this.built = { signature, provider: createLocalLlmProvider({ monitor: this.monitor, hdModel, ...(this.fetchImpl ? { fetch: this.fetchImpl } : {}) }) };
    }
    return this.built.provider;
  }
}
