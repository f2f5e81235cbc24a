/**
 * The app's ProviderRegistry: every provider client the core was built with, each behind a
 * `ProviderSource` that says whether it may be routed to *right now* — enabled in settings,
 * key present (cached; the keychain is async and routing is not), server detected (ComfyUI,
 * local LLM), signed in (hosted). Routing (stage 7) only ever sees the available ones.
 */
import type { Provider, ProviderCapabilities, ProviderId, ProviderRegistry } from './provider';

export interface ProviderSource {
  readonly id: ProviderId;
  /** The client; its capabilities may change when settings do (models, base URL). */
  provider(): Provider;
  /** Configured and reachable now; must be cheap and synchronous (cache async checks). */
  isAvailable(): boolean;
}

export class LiveProviderRegistry implements ProviderRegistry {
  private readonly sources = new Map<ProviderId, ProviderSource>();

  constructor(sources: ReadonlyArray<ProviderSource> = []) {
    for (const source of sources) this.add(source);
  }

  /** Adds or replaces the source for its provider id. */
  add(source: ProviderSource): void {
    this.sources.set(source.id, source);
  }

  available(): ReadonlyArray<ProviderCapabilities> {
    return [...this.sources.values()].filter((s) => s.isAvailable()).map((s) => s.provider().capabilities);
  }

  /** Only an available provider is handed out: a provider disabled mid-queue is not used. */
  get(id: ProviderId): Provider | undefined {
    const source = this.sources.get(id);
    return source?.isAvailable() ? source.provider() : undefined;
  }

  ids(): ReadonlyArray<ProviderId> {
    return [...this.sources.keys()];
  }
}
