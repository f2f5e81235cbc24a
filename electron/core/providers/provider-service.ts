/**
 * Settings → Providers in the core (issue 5 §4–5): every provider's status (never a key), keys
 * saved/replaced/removed/tested, per-provider settings merged here so two quick edits cannot
 * clobber each other, the local LLM monitor, and the registry the pipeline routes through.
 * Every change is announced as `providers.changed` with the whole overview.
 */
import { AppFailure } from '../../../shared/errors';
import type { ConfigurableProviderId, KeyTestResult, LocalLlmStatus, ProviderConfigPatch, ProviderStatus, ProvidersOverview } from '../../../shared/provider-status';
import { PROVIDER_LABELS, type ProviderSettings } from '../../../shared/providers';
import { originOf } from '../../../shared/url-rules';
import type { Settings } from '../../../shared/settings';
import type { EventSink, Logger } from '../ports';
import { storageStatusOf, type SecretStore } from '../secrets/secret-store';
import type { SettingsStore } from '../settings/settings-store';
import { CLOUD_CLIENTS, type CloudClientEntry, type CloudProviderId } from './cloud-clients';
import type { FetchLike } from './http/provider-http';
import { isKeyedProvider, type KeyedProviderId, ProviderKeys } from './keys/provider-keys';
import { DEFAULT_LOCAL_LLM_TARGETS, type LocalLlmTarget } from './local-llm/detect';
import { LocalLlmMonitor } from './local-llm/monitor';
import { CloudSource, LocalLlmSource } from './provider-sources';
import { LiveProviderRegistry, type ProviderSource } from './provider-registry';

export interface ProviderServiceDeps {
  readonly settings: SettingsStore;
  readonly secrets: SecretStore;
  readonly events: EventSink;
  readonly log: Logger;
  /** Every provider request goes through this (the e2e harness passes a loopback-only fetch). */
  readonly fetch?: FetchLike;
  /** Where to look for local LLM servers when no base URL is set (default Ollama + LM Studio). */
  readonly localLlmTargets?: ReadonlyArray<LocalLlmTarget>;
  /** The cloud clients (default: the app's table); tests pass their own. */
  readonly cloudClients?: Partial<Record<CloudProviderId, CloudClientEntry>>;
}

export class ProviderService {
  readonly keys: ProviderKeys;
  readonly localLlm: LocalLlmMonitor;
  private readonly cloud = new Map<CloudProviderId, CloudSource>();
  private readonly local: LocalLlmSource;
  private unsubscribe: (() => void) | undefined;
  /** stop() ran: a start() still awaiting the keychain must not start anything after it. */
  private stopped = false;

  constructor(private readonly deps: ProviderServiceDeps) {
    const { settings } = deps;
    this.keys = new ProviderKeys({ secrets: deps.secrets, log: deps.log, verifier: (id) => this.cloud.get(id)?.verifier() });
    for (const [id, entry] of Object.entries(deps.cloudClients ?? CLOUD_CLIENTS) as Array<[CloudProviderId, CloudClientEntry]>) {
      this.cloud.set(id, new CloudSource(id, entry, settings, this.keys, deps.fetch));
    }
    this.localLlm = new LocalLlmMonitor({
      targets: () => {
        const custom = this.local.settingsNow().baseUrl;
        // People paste the OpenAI base (`…/v1`) as often as the server root: accept both.
        return custom === null ? (deps.localLlmTargets ?? DEFAULT_LOCAL_LLM_TARGETS) : [{ kind: 'custom', label: 'Your server', url: custom.replace(/\/v1\/?$/, '').replace(/\/+$/, '') }];
      },
      preferredModel: () => this.local.settingsNow().standardModel,
      onChange: () => this.announce(),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    this.local = new LocalLlmSource(settings, this.localLlm, deps.fetch);
  }

  /** The sources for the pipeline's registry (others — ComfyUI, hosted — are added beside them). */
  sources(): ReadonlyArray<ProviderSource> {
    return [...this.cloud.values(), this.local];
  }

  registry(): LiveProviderRegistry {
    return new LiveProviderRegistry(this.sources());
  }

  /** Reads the keys, starts looking for local servers, follows settings changes. */
  async start(): Promise<void> {
    if (this.stopped) return;
    this.unsubscribe = this.deps.settings.onDidChange((next) => this.settingsChanged(next));
    this.lastProviders = JSON.stringify([this.deps.settings.get().providers, this.deps.settings.get().allowPlainTextSecrets]);
    await this.keys.refresh();
    // The app may have quit while the keychain answered (services.ts starts this unawaited).
    if (this.stopped) return;
    if (this.local.settingsNow().enabled) this.localLlm.start();
    this.announce();
  }

  stop(): void {
    this.stopped = true;
    this.unsubscribe?.();
    this.localLlm.stop();
  }

  list(): ProvidersOverview {
    const providers = [...[...this.cloud.values()].map((source) => this.cloudStatus(source)), this.localStatus()];
    return { providers, storage: storageStatusOf(this.deps.secrets), localLlm: this.localLlm.status() };
  }

  async setKey(id: KeyedProviderId, key: string): Promise<ProviderStatus> {
    const source = this.requireCloud(id);
    await this.keys.set(id, key);
    this.keyRemovedNotice.delete(id);
    this.announce();
    return this.cloudStatus(source);
  }

  async removeKey(id: KeyedProviderId): Promise<ProviderStatus> {
    const source = this.requireCloud(id);
    await this.keys.remove(id);
    this.announce();
    return this.cloudStatus(source);
  }

  testKey(id: KeyedProviderId, candidate?: string): Promise<KeyTestResult> {
    this.requireCloud(id);
    return this.keys.test(id, candidate);
  }

  configure(id: ConfigurableProviderId, patch: ProviderConfigPatch): ProviderStatus {
    const current = id === 'local-llm' ? this.local.settingsNow() : this.requireCloud(id).settingsNow();
    const next: ProviderSettings = {
      ...current,
      ...(patch.enabled === undefined ? {} : { enabled: patch.enabled }),
      ...(patch.baseUrl === undefined ? {} : { baseUrl: patch.baseUrl }),
      ...(patch.standardModel === undefined ? {} : { standardModel: blankToNull(patch.standardModel) }),
      ...(patch.hdModel === undefined ? {} : { hdModel: blankToNull(patch.hdModel) }),
    };
    const all = this.deps.settings.get().providers;
    // Merged here, in one synchronous step: two cards saving at once never undo each other.
    this.deps.settings.update({ providers: { ...all, [id]: next } });
    return id === 'local-llm' ? this.localStatus() : this.cloudStatus(this.requireCloud(id));
  }

  detectLocalLlm(): Promise<LocalLlmStatus> {
    return this.localLlm.detect();
  }

  private lastProviders = '';
  /** Providers whose key was removed because their address moved (shown as the card's hint). */
  private readonly keyRemovedNotice = new Map<KeyedProviderId, string>();

  private settingsChanged(next: Settings): void {
    const signature = JSON.stringify([next.providers, next.allowPlainTextSecrets]);
    if (signature === this.lastProviders) return;
    const before = this.lastProviders;
    this.lastProviders = signature;
    this.dropKeysWhoseOriginMoved(before === '' ? {} : (JSON.parse(before) as [Record<string, ProviderSettings | undefined>])[0], next);
    const local = this.local.settingsNow();
    const localBefore = (JSON.parse(before || '[{}]') as [Record<string, ProviderSettings | undefined>])[0]['local-llm'];
    if (local.enabled) this.localLlm.start();
    else this.localLlm.stop();
    if (local.enabled && (localBefore?.baseUrl ?? null) !== local.baseUrl) void this.localLlm.detect().catch(() => undefined);
    else if ((localBefore?.standardModel ?? null) !== local.standardModel) this.localLlm.reselect();
    void this.refreshKeysThenAnnounce(next, before);
  }

  /**
   * A key belongs to the origin it was saved for: when a keyed provider's base URL moves to
   * another origin — through `configure` or a whole `settings.update` — the key is removed
   * rather than sent to the new address (security review item 1). Same-origin path edits keep it.
   */
  private dropKeysWhoseOriginMoved(before: Record<string, ProviderSettings | undefined>, next: Settings): void {
    for (const source of this.cloud.values()) {
      if (!isKeyedProvider(source.id) || !this.keys.has(source.id)) continue;
      const fallback = source.entry.defaultBaseUrl;
      const was = originOf(before[source.id]?.baseUrl ?? fallback);
      const now = originOf(next.providers[source.id]?.baseUrl ?? fallback);
      if (was === now) continue;
      const id = source.id as KeyedProviderId;
      this.keyRemovedNotice.set(id, `Key removed because the address changed (now ${now ?? 'the default'}). Add the key for the new address.`);
      void this.keys.dropForAddressChange(id).then(() => this.announce());
    }
  }

  /** Accepting plain-text storage changes which keys are readable: re-read them. */
  private async refreshKeysThenAnnounce(next: Settings, before: string): Promise<void> {
    const consentBefore = before === '' ? next.allowPlainTextSecrets : (JSON.parse(before) as [unknown, boolean])[1];
    // Consent withdrawn: the plain-text file is emptied, not just hidden (security review item 3).
    if (consentBefore && !next.allowPlainTextSecrets) {
      const purged = await this.deps.secrets.purge?.().catch((error: unknown) => {
        this.deps.log.error('plain-text keys could not be deleted after consent was withdrawn', { error: error instanceof Error ? error.name : 'unknown' });
        return 0;
      });
      if (purged) this.deps.log.info('plain-text keys deleted after consent was withdrawn', { count: purged });
    }
    if (consentBefore !== next.allowPlainTextSecrets) await this.keys.refresh();
    this.announce();
  }

  private announce(): void {
    this.deps.events.emit('providers.changed', this.list());
  }

  private requireCloud(id: ConfigurableProviderId): CloudSource {
    const source = id === 'local-llm' ? undefined : this.cloud.get(id);
    if (!source) throw new AppFailure('not_found', `${PROVIDER_LABELS[id]} is not available in this build.`, 'id');
    return source;
  }

  private cloudStatus(source: CloudSource): ProviderStatus {
    const settings = source.settingsNow();
    const { entry } = source;
    const keyed = isKeyedProvider(source.id);
    const key = keyed ? this.keys.describe(source.id as KeyedProviderId) : null;
    const available = source.isAvailable();
    let hint: string | null = null;
    if (!settings.enabled) hint = source.id === 'pollinations' ? 'Off. Turn it on to use Pollinations’ free public service (your prompts are sent to it).' : 'Turned off.';
    else if (entry.needsKey && !key?.configured) hint = (keyed ? this.keyRemovedNotice.get(source.id as KeyedProviderId) : undefined) ?? 'Add your API key to use it.';
    return {
      id: source.id,
      label: PROVIDER_LABELS[source.id],
      kind: entry.kind,
      makes: [...entry.makes],
      enabled: settings.enabled,
      baseUrl: settings.baseUrl,
      defaultBaseUrl: entry.defaultBaseUrl,
      keyUrl: entry.keyUrl ?? null,
      models: { standard: settings.standardModel, hd: settings.hdModel },
      defaultModels: { standard: entry.defaultModels.standard, hd: entry.defaultModels.hd ?? null },
      key: key === null ? null : { configured: key.configured, last4: key.last4 },
      available,
      hint: available ? null : hint,
    };
  }

  private localStatus(): ProviderStatus {
    const settings = this.local.settingsNow();
    const status = this.localLlm.status();
    const available = this.local.isAvailable();
    let hint: string | null = null;
    if (!settings.enabled) hint = 'Turned off.';
    else if (status.selected === null) hint = status.checkedAt === null ? 'Looking for Ollama and LM Studio…' : 'No local server with a model was found. Start Ollama or LM Studio, then Detect again.';
    return {
      id: 'local-llm',
      label: PROVIDER_LABELS['local-llm'],
      kind: 'On this computer, free, works offline',
      makes: ['code'],
      enabled: settings.enabled,
      baseUrl: settings.baseUrl,
      defaultBaseUrl: null,
      keyUrl: null,
      models: { standard: settings.standardModel, hd: settings.hdModel },
      defaultModels: { standard: status.selected?.model ?? 'the first model found', hd: null },
      key: null,
      available,
      hint: available ? null : hint,
    };
  }
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === '' ? null : value.trim();
}
