/**
 * Finds a local ComfyUI and says whether it can be used (issue 4 §1–2). Probes, in order, the
 * configured URL, 127.0.0.1:8188 (ComfyUI's default, comfy/cli_args.py) and 127.0.0.1:8000
 * (ComfyUI Desktop) with `GET /system_stats` — a 200 with `system.comfyui_version` proves it is
 * ComfyUI (Krita AI Diffusion connects the same way). Then the preflight: checkpoints
 * (`/models/checkpoints`, else the loader's list) and KSampler's samplers and schedulers.
 * Re-checks on a timer — every 30 s while connected, from 5 s with backoff while not — and on demand.
 */
import type { ComfyUiDevice, ComfyUiStatus } from '../../../../shared/comfyui';
import type { Logger } from '../../ports';
import { describeSecret } from '../../secrets/secret-store';
import { ProviderError } from '../provider';
import { ComfyUiClient, type SystemStats } from './comfyui-client';
import { tokenForUrl, type BoundToken } from './comfyui-token';

export const DEFAULT_PROBE_URLS: ReadonlyArray<string> = ['http://127.0.0.1:8188', 'http://127.0.0.1:8000'];

export interface DetectionTiming {
  readonly upMs: number;
  readonly downMinMs: number;
  readonly downMaxMs: number;
  readonly probeTimeoutMs: number;
}

export const DEFAULT_DETECTION_TIMING: DetectionTiming = { upMs: 30_000, downMinMs: 5_000, downMaxMs: 60_000, probeTimeoutMs: 2_000 };

export type ProbeResult = Omit<ComfyUiStatus, 'token' | 'checkedAt'>;

export const NO_CHECKPOINT_REASON =
  'ComfyUI is running but has no checkpoint installed — put a .safetensors file in ComfyUI/models/checkpoints, then Re-check.';

/** The probe order: the configured URL first, then the defaults, without duplicates. */
export function probeOrder(configured: string | null, defaults: ReadonlyArray<string>): string[] {
  const urls = [...(configured ? [configured] : []), ...defaults].map((u) => u.replace(/\/+$/, ''));
  return [...new Set(urls)];
}

function devicesOf(stats: SystemStats): ComfyUiDevice[] {
  return stats.devices.map((d) => ({ name: d.name, type: d.type, vramTotal: d.vram_total, vramFree: d.vram_free }));
}

const EMPTY = { version: null, os: null, devices: [], checkpoints: [], samplers: [], schedulers: [] };

type UrlOutcome =
  | { readonly kind: 'absent'; readonly detail: string }
  | { readonly kind: 'foreign'; readonly reason: string }
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'comfyui'; readonly result: ProbeResult };

async function probeUrl(url: string, token: string | null, timeoutMs: number, probed: string[]): Promise<UrlOutcome> {
  const client = new ComfyUiClient({ baseUrl: url, token });
  let stats: SystemStats;
  try {
    stats = await client.systemStats(timeoutMs);
  } catch (error) {
    if (error instanceof ProviderError && (error.kind === 'unreachable' || error.kind === 'timeout')) return { kind: 'absent', detail: error.message };
    if (error instanceof ProviderError && error.kind === 'unauthorised') return { kind: 'refused', reason: error.message };
    return { kind: 'foreign', reason: `Something answered at ${url}, but it is not ComfyUI (${error instanceof Error ? error.message : String(error)}). Check the port in Settings → Providers → ComfyUI.` };
  }
  const version = stats.system.comfyui_version;
  if (!version) {
    return { kind: 'foreign', reason: `Something answered at ${url}, but it is not ComfyUI (its /system_stats has no comfyui_version). Check the port in Settings → Providers → ComfyUI.` };
  }
  const base = { url, probed, version, os: stats.system.os ?? null, devices: devicesOf(stats) };
  try {
    const [checkpoints, lists] = await Promise.all([client.checkpoints(timeoutMs), client.samplers(timeoutMs)]);
    if (checkpoints.length === 0) {
      return { kind: 'comfyui', result: { ...EMPTY, ...base, ...lists, state: 'unusable', checkpoints, reason: NO_CHECKPOINT_REASON } };
    }
    return { kind: 'comfyui', result: { ...EMPTY, ...base, ...lists, state: 'connected', checkpoints, reason: null } };
  } catch (error) {
    return { kind: 'comfyui', result: { ...EMPTY, ...base, state: 'unusable', reason: `ComfyUI ${version} answered, but listing its models failed: ${error instanceof Error ? error.message : String(error)}` } };
  }
}

/**
 * One detection pass over `urls`; the first ComfyUI found decides. The token goes only to the
 * origin it was saved for (security review item 2): the default ports are probed without it.
 */
export async function detectComfyUi(urls: ReadonlyArray<string>, token: BoundToken | null, timeoutMs = DEFAULT_DETECTION_TIMING.probeTimeoutMs): Promise<ProbeResult> {
  const probed = [...urls];
  let firstProblem: { url: string; reason: string } | undefined;
  for (const url of urls) {
    const outcome = await probeUrl(url, tokenForUrl(token, url), timeoutMs, probed);
    if (outcome.kind === 'comfyui') return outcome.result;
    if (outcome.kind !== 'absent') firstProblem ??= { url, reason: outcome.reason };
  }
  if (firstProblem) return { ...EMPTY, state: 'unusable', url: firstProblem.url, probed, reason: firstProblem.reason };
  return {
    ...EMPTY,
    state: 'not_found',
    url: urls[0] ?? null,
    probed,
    reason: `ComfyUI is not running at ${urls.join(' or ')}. Start ComfyUI (port 8188; ComfyUI Desktop uses 8000) or enter its address in Settings → Providers → ComfyUI.`,
  };
}

export interface DetectionDeps {
  readonly urls: () => ReadonlyArray<string>;
  readonly token: () => Promise<BoundToken | null>;
  readonly onStatus: (status: ComfyUiStatus) => void;
  readonly log: Logger;
  readonly now?: () => number;
  readonly timing?: Partial<DetectionTiming>;
}

export class ComfyUiDetection {
  private current: ComfyUiStatus;
  private timer: NodeJS.Timeout | undefined;
  private failures = 0;
  private running: Promise<ComfyUiStatus> | undefined;
  /** The one check queued behind `running`, shared by every caller who asked meanwhile. */
  private next: Promise<ComfyUiStatus> | undefined;
  private closed = false;
  private readonly timing: DetectionTiming;

  constructor(private readonly deps: DetectionDeps) {
    this.timing = { ...DEFAULT_DETECTION_TIMING, ...deps.timing };
    const urls = [...deps.urls()];
    this.current = { ...EMPTY, state: 'not_found', url: urls[0] ?? null, probed: urls, reason: 'Looking for ComfyUI…', checkedAt: 0, token: { configured: false, last4: null } };
  }

  get status(): ComfyUiStatus {
    return this.current;
  }

  /** First check now, then on the timer. */
  start(): void {
    void this.recheck();
  }

  /**
   * Checks now and restarts the timer from here. Never two checks at once (each would arm a timer,
   * and the one overwritten would survive close()): with one under way — it may have read the old
   * token or address — a single follow-up check runs after it, shared by all who ask meanwhile.
   */
  recheck(): Promise<ComfyUiStatus> {
    if (!this.running) return this.run();
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = undefined;
        return this.run();
      });
    return this.next;
  }

  private run(): Promise<ComfyUiStatus> {
    const running = this.check().finally(() => {
      if (this.running === running) this.running = undefined;
    });
    this.running = running;
    return running;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async check(): Promise<ComfyUiStatus> {
    clearTimeout(this.timer);
    const token = await this.deps.token().catch(() => null);
    const result = await detectComfyUi(this.deps.urls(), token, this.timing.probeTimeoutMs);
    const next: ComfyUiStatus = { ...result, checkedAt: (this.deps.now ?? Date.now)(), token: describeSecret(token?.token ?? null) };
    const changed = JSON.stringify({ ...next, checkedAt: 0 }) !== JSON.stringify({ ...this.current, checkedAt: 0 });
    if (changed && next.state !== this.current.state) this.deps.log.info('comfyui: status', { state: next.state, url: next.url });
    this.current = next;
    this.failures = next.state === 'connected' ? 0 : this.failures + 1;
    if (changed) this.deps.onStatus(next);
    if (!this.closed) {
      const delay = next.state === 'connected' ? this.timing.upMs : Math.min(this.timing.downMaxMs, this.timing.downMinMs * 2 ** Math.max(0, this.failures - 1));
      this.timer = setTimeout(() => void this.recheck(), delay);
      this.timer.unref?.();
    }
    return next;
  }
}
