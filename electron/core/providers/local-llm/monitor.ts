/**
 * Keeps the local LLM picture current: probes the targets at start, every `intervalMs`, and on
 * demand (Settings → "Detect again"), and picks the server and model a code job will use — the
 * model set in Settings when a server has it, else the first server with a model. Listeners
 * hear only real changes, not every tick.
 */
import type { LocalLlmServer, LocalLlmStatus } from '../../../../shared/provider-status';
import type { FetchLike } from '../http/provider-http';
import { type LocalLlmTarget, probeLocalLlm } from './detect';

export const LOCAL_LLM_POLL_MS = 30_000;

export interface LocalLlmMonitorOptions {
  readonly targets: () => ReadonlyArray<LocalLlmTarget>;
  /** The model chosen in Settings (local-llm standard model), or null for "the first one". */
  readonly preferredModel: () => string | null;
  readonly onChange: (status: LocalLlmStatus) => void;
  readonly fetch?: FetchLike;
  readonly now?: () => number;
  readonly intervalMs?: number;
}

export function selectLocalModel(servers: ReadonlyArray<LocalLlmServer>, preferred: string | null): LocalLlmStatus['selected'] {
  const usable = servers.filter((s) => s.reachable && s.models.length > 0);
  const withPreferred = preferred === null ? undefined : usable.find((s) => s.models.includes(preferred));
  if (withPreferred && preferred !== null) return { baseUrl: withPreferred.baseUrl, model: preferred };
  const first = usable[0];
  const model = first?.models[0];
  return first && model !== undefined ? { baseUrl: first.baseUrl, model } : null;
}

export class LocalLlmMonitor {
  private current: LocalLlmStatus = { checkedAt: null, servers: [], selected: null };
  private inFlight: Promise<LocalLlmStatus> | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private controller = new AbortController();

  constructor(private readonly options: LocalLlmMonitorOptions) {}

  status(): LocalLlmStatus {
    return this.current;
  }

  /** Probes every target now; concurrent callers share one probe. */
  detect(): Promise<LocalLlmStatus> {
    if (this.controller.signal.aborted) this.controller = new AbortController();
    if (this.inFlight === null) {
      const probe: Promise<LocalLlmStatus> = this.probe().finally(() => {
        if (this.inFlight === probe) this.inFlight = null;
      });
      this.inFlight = probe;
    }
    return this.inFlight;
  }

  /** Re-picks the model (the preferred model changed) without probing. */
  reselect(): void {
    this.publish({ ...this.current, selected: selectLocalModel(this.current.servers, this.options.preferredModel()) });
  }

  start(): void {
    if (this.timer !== undefined) return;
    // A monitor stopped earlier (local LLM switched off) starts again with live probes.
    if (this.controller.signal.aborted) this.controller = new AbortController();
    void this.detect().catch(() => undefined);
    this.timer = setInterval(() => void this.detect().catch(() => undefined), this.options.intervalMs ?? LOCAL_LLM_POLL_MS);
    // Never keep the process alive for a background probe.
    this.timer.unref?.();
  }

  /** Stops the timer and any probe in flight (switched off, or the app quits). */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
    this.controller.abort();
    // The aborted probe is not shared with a later detect().
    this.inFlight = null;
  }

  private async probe(): Promise<LocalLlmStatus> {
    const servers = await Promise.all(this.options.targets().map((target) => probeLocalLlm(target, this.controller.signal, this.options.fetch)));
    const next: LocalLlmStatus = { checkedAt: (this.options.now ?? Date.now)(), servers, selected: selectLocalModel(servers, this.options.preferredModel()) };
    this.publish(next);
    return next;
  }

  private publish(next: LocalLlmStatus): void {
    const changed = JSON.stringify({ ...this.current, checkedAt: null }) !== JSON.stringify({ ...next, checkedAt: null });
    this.current = next;
    if (changed) this.options.onChange(next);
  }
}
