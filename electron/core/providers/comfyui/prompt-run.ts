/**
 * One prompt on ComfyUI, from `POST /prompt` to its output images (the flow of
 * script_examples/websockets_api_example.py, made robust the way Krita AI Diffusion's client is):
 *
 * - events for our prompt id drive progress; `progress {value,max}` of each sampler node gives the
 *   fraction; previews are throttled; `execution_success` ends it (outputs from `executed`, else
 *   from `/history/{id}`); `execution_error` / `execution_interrupted` fail it with the reason;
 * - while the socket is down, `/history/{id}` is polled; a server that does not answer for
 *   `unreachableAfterMs` fails the job as `unreachable` (retryable: the pipeline falls back);
 *   a server that answers but has neither the prompt queued nor in history restarted and lost it;
 * - no event for `stallMs` while connected is a `timeout`;
 * - the caller's abort interrupts it when running, or deletes it from ComfyUI's queue when not.
 * Every path settles: a job is never left waiting on a server that went away.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../ports';
import { ProviderError, type ProviderProgress } from '../provider';
import type { ComfyUiClient, HistoryEntry, ImageRef } from './comfyui-client';
import type { ComfyUiSocket } from './comfyui-socket';
import type { ComfyFrame } from './frames';
import { isSamplerClass, nodeActivity, RUNNING_WITHOUT_EVENTS, samplerActivity, WAITING_IN_QUEUE } from './node-activity';
import { PreviewThrottle } from './preview-throttle';
import type { Graph } from './workflows/graph';

export interface RunTiming {
  /** How long to wait for the socket before relying on polling alone. */
  readonly socketWaitMs: number;
  readonly pollMs: number;
  readonly unreachableAfterMs: number;
  readonly stallMs: number;
  readonly previewIntervalMs: number;
  /** How long a finished run's history entry may take to appear before "no image" is final. */
  readonly historyWaitMs: number;
  /** While our prompt waits behind others: how often `/queue` is asked whether it is still there. */
  readonly pendingCheckMs: number;
}

export const DEFAULT_RUN_TIMING: RunTiming = {
  socketWaitMs: 3_000,
  pollMs: 1_000,
  unreachableAfterMs: 8_000,
  stallMs: 10 * 60_000,
  previewIntervalMs: 100,
  historyWaitMs: 10_000,
  pendingCheckMs: 5_000,
};

export interface RunDeps {
  readonly client: ComfyUiClient;
  readonly socket: ComfyUiSocket;
  readonly clientId: string;
  readonly log: Logger;
  readonly timing?: Partial<RunTiming>;
  /** Called when a preview frame arrives (before throttling) — the bench measures latency from here. */
  readonly onFrameArrived?: (at: number) => void;
}

export interface RunResult {
  readonly promptId: string;
  readonly images: ReadonlyArray<ImageRef>;
}

/** A run's events that raced ahead of POST /prompt's answer are few; this only bounds memory. */
const MAX_EARLY_FRAMES = 1_000;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

export function runPrompt(deps: RunDeps, graph: Graph, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<RunResult> {
  const timing = { ...DEFAULT_RUN_TIMING, ...deps.timing };
  /** Ours until POST /prompt answers; then the server's, should it have ignored ours (older ComfyUI). */
  let promptId: string = randomUUID();
  /** Events for other prompt ids seen before that answer: one may be ours under the server's id. */
  const early: ComfyFrame[] = [];
  const samplers = Object.keys(graph).filter((id) => isSamplerClass(graph[id]!.class_type));
  const samplerDone = new Set<string>();
  const images: ImageRef[] = [];
  let started = false;
  /** ComfyUI accepted the prompt: only from then on can "neither queued nor in history" mean lost. */
  let queued = false;
  let settled = false;
  let fraction = 0;
  let step: number | undefined;
  let total: number | undefined;
  let activity: string | undefined;
  /** The current state, for every progress report (previews included). */
  const current = (): ProviderProgress => ({
    fraction,
    ...(step === undefined ? {} : { step }),
    ...(total === undefined ? {} : { total }),
    ...(activity === undefined ? {} : { activity }),
  });
  /** A new phase: reported at once (phases change a handful of times per run). */
  const enterPhase = (phrase: string) => {
    if (phrase === activity) return;
    activity = phrase;
    onProgress(current());
  };
  const cleanups: Array<() => void> = [];

  return new Promise<RunResult>((resolve, reject) => {
    const throttle = new PreviewThrottle<{ bytes: Uint8Array; mime: string }>(
      (preview) => onProgress({ ...current(), preview }),
      timing.previewIntervalMs,
    );
    cleanups.push(() => throttle.dispose());

    const settle = (outcome: { ok: RunResult } | { error: unknown }) => {
      if (settled) return;
      settled = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
      if ('ok' in outcome) resolve(outcome.ok);
      else reject(outcome.error);
    };

    const succeed = () => {
      if (settled) return;
      if (images.length > 0) return settle({ ok: { promptId, images: [...images] } });
      readingHistory ??= outputsFromHistory();
    };

    // No `executed` images seen (a missed event): history has the outputs — but ComfyUI writes
    // it only after `execution_success` (execution.py sends success inside execute; main.py's
    // task_done stores history, then sends `executing null`), so an empty answer means "not yet".
    let readingHistory: Promise<void> | undefined;
    const outputsFromHistory = async (): Promise<void> => {
      const until = performance.now() + timing.historyWaitMs;
      while (!settled) {
        try {
          const entry = await deps.client.history(promptId, signal);
          if (entry) return settle(fromHistory(entry));
        } catch (error) {
          return settle({ error });
        }
        if (performance.now() >= until) {
          return settle({ error: new ProviderError('provider_failure', 'ComfyUI finished but reported no image (does the workflow end in a SaveImage node?).') });
        }
        await sleep(timing.pollMs);
      }
    };

    const fromHistory = (entry: HistoryEntry): { ok: RunResult } | { error: unknown } => {
      const messages = entry.status?.messages ?? [];
      const failure = messages.find(([name]) => name === 'execution_error' || name === 'execution_interrupted');
      if (entry.status?.status_str === 'error' || failure) {
        return { error: failure ? describeFailure(failure[0], failure[1]) : new ProviderError('provider_failure', 'ComfyUI reports that this job failed.') };
      }
      const found = Object.values(entry.outputs).flatMap((o) => o.images ?? []);
      if (found.length === 0) return { error: new ProviderError('provider_failure', 'ComfyUI finished but reported no image (does the workflow end in a SaveImage node?).') };
      return { ok: { promptId, images: found } };
    };

    const describeFailure = (name: string, data: Record<string, unknown>): ProviderError => {
      if (name === 'execution_interrupted') {
        // Our own interrupts (abort, stall watchdog) settle before this arrives: so someone stopped
        // it in ComfyUI (its Cancel button, another client). Not retryable — falling back to a
        // possibly paid cloud provider is not what stopping a run means — but not a user cancel of
        // this job either (the signal is not aborted), so the job fails with this message.
        const where = data['node_type'] ? ` at node ${str(data['node_id'])} (${str(data['node_type'])})` : '';
        return new ProviderError('cancelled', `The job was interrupted in ComfyUI${where} (stopped there, not in WokGen) — it was not sent to another provider. Generate again to re-run it.`);
      }
      const message = str(data['exception_message']).trim() || 'no message';
      const where = data['node_type'] ? ` in node ${str(data['node_id'])} (${str(data['node_type'])})` : '';
      const hint = /out of memory|OutOfMemory/i.test(`${message} ${str(data['exception_type'])}`) ? ' Try a smaller size or batch, or free VRAM in ComfyUI.' : '';
      return new ProviderError('provider_failure', `ComfyUI failed${where}: ${message}.${hint}`);
    };

    // Takes our prompt off the server: running → interrupt (with our id, so nobody else's prompt
    // stops); not started → delete it from the queue, or it would run later for nobody.
    const cancelOnServer = () => {
      const cancel = started ? deps.client.interrupt(promptId) : deps.client.deleteQueued(promptId).then(() => deps.client.interrupt(promptId));
      void cancel.catch((error: unknown) => deps.log.warn('comfyui: cancel request failed', { error: String(error) }));
    };

    // While the socket is up. Running: the stall watchdog, reset by every event for our prompt.
    // Still queued: no watchdog — someone else's run may take hours, and ComfyUI sends nothing
    // for a waiting prompt — but `/queue` is asked now and then whether it is still there.
    let stallTimer: NodeJS.Timeout | undefined;
    let pendingTimer: NodeJS.Timeout | undefined;
    const watch = () => {
      if (settled || !deps.socket.isOpen) return;
      if (started) {
        clearTimeout(pendingTimer);
        pendingTimer = undefined;
        clearTimeout(stallTimer);
        stallTimer = setTimeout(() => {
          cancelOnServer();
          settle({ error: new ProviderError('timeout', `ComfyUI sent nothing about this job for ${Math.round(timing.stallMs / 1000)} s; it looks stuck.`) });
        }, timing.stallMs);
        return;
      }
      pendingTimer ??= setTimeout(() => {
        pendingTimer = undefined;
        if (settled || started || !deps.socket.isOpen) return;
        void check().finally(() => {
          if (deps.socket.isOpen) watch();
        });
      }, timing.pendingCheckMs);
    };
    const unwatch = () => {
      clearTimeout(stallTimer);
      clearTimeout(pendingTimer);
      pendingTimer = undefined;
    };
    cleanups.push(unwatch);

    const onFrame = (frame: ComfyFrame) => {
      if (settled) return;
      if (frame.kind === 'preview') {
        if (frame.promptId === promptId || (frame.promptId === null && started)) {
          deps.onFrameArrived?.(performance.now());
          throttle.push({ bytes: frame.bytes, mime: frame.mime });
        }
        return;
      }
      if (frame.kind !== 'event') return;
      const { type, data } = frame;
      if (data['prompt_id'] !== promptId) {
        if (!queued && typeof data['prompt_id'] === 'string' && early.length < MAX_EARLY_FRAMES) early.push(frame);
        return;
      }
      switch (type) {
        case 'execution_start':
        case 'execution_cached':
          started = true;
          break;
        case 'executing': {
          started = true;
          const node = data['node'];
          if (node === null) succeed();
          else if (typeof node === 'string' && graph[node]) {
            const sampler = samplers.indexOf(node);
            if (sampler < 0) {
              // Steps belong to a sampler: "Decoding the image, step 30/30" would be wrong.
              step = undefined;
              total = undefined;
            }
            enterPhase(sampler >= 0 ? samplerActivity(sampler, samplers.length) : nodeActivity(graph[node].class_type));
          }
          break;
        }
        case 'progress': {
          const value = Number(data['value']);
          const max = Number(data['max']);
          if (!(max > 0) || !Number.isFinite(value)) break;
          const node = str(data['node']);
          if (value >= max && node) samplerDone.add(node);
          const done = samplers.filter((id) => samplerDone.has(id) && id !== node).length;
          fraction = Math.min(1, (done + Math.min(1, value / max)) / Math.max(1, samplers.length));
          step = value;
          total = max;
          // Steps again after a reconnect: ComfyUI does not repeat `executing` for the running node.
          if (activity === RUNNING_WITHOUT_EVENTS || activity === WAITING_IN_QUEUE) {
            const sampler = samplers.indexOf(node);
            activity = sampler >= 0 ? samplerActivity(sampler, samplers.length) : 'Sampling';
          }
          onProgress(current());
          break;
        }
        case 'executed': {
          const output = data['output'] as { images?: unknown } | undefined;
          if (Array.isArray(output?.images)) {
            for (const image of output.images as Array<Record<string, unknown>>) {
              if (typeof image['filename'] === 'string') images.push({ filename: image['filename'], subfolder: str(image['subfolder']), type: str(image['type']) || 'output' });
            }
          }
          break;
        }
        case 'execution_success':
          // Settles at once when `executed` gave the images; otherwise reads history (above).
          succeed();
          break;
        case 'execution_error':
        case 'execution_interrupted':
          settle({ error: signal.aborted ? signal.reason : describeFailure(type, data) });
          break;
      }
      watch();
    };

    // While the socket is down: poll history (and the queue, to notice a restart that lost us).
    let unreachableSince: number | undefined;
    let pollTimer: NodeJS.Timeout | undefined;
    const check = async (): Promise<void> => {
      if (settled) return;
      try {
        const entry = await deps.client.history(promptId, signal);
        unreachableSince = undefined;
        if (entry) return settle(fromHistory(entry));
        const queue = await deps.client.queue(signal);
        // An answer we cannot read says nothing: ask again next time rather than call it lost.
        if (queue === null) return;
        if (queue.running.includes(promptId)) {
          // Its start may have been missed (socket down or reconnecting): it is running now.
          started = true;
          if (!deps.socket.isOpen) enterPhase(RUNNING_WITHOUT_EVENTS);
          return;
        }
        if (queue.pending.includes(promptId)) return;
        // Finished between the two calls?
        const again = await deps.client.history(promptId, signal);
        if (again) return settle(fromHistory(again));
        settle({ error: new ProviderError('unreachable', 'ComfyUI restarted and lost this job, or it was removed from ComfyUI\'s queue (it is neither queued nor in its history).') });
      } catch (error) {
        if (settled || signal.aborted) return;
        if (error instanceof ProviderError && (error.kind === 'unreachable' || error.kind === 'timeout')) {
          unreachableSince ??= performance.now();
          if (performance.now() - unreachableSince >= timing.unreachableAfterMs) {
            settle({ error: new ProviderError('unreachable', `ComfyUI at ${deps.client.baseUrl} stopped answering while generating (${error.message})`) });
          }
          return;
        }
        settle({ error });
      }
    };
    const poll = () => {
      pollTimer = undefined;
      if (settled || deps.socket.isOpen) return;
      void check().finally(() => {
        if (!settled && !deps.socket.isOpen) pollTimer = setTimeout(poll, timing.pollMs);
      });
    };
    const onState = (open: boolean) => {
      // Before the POST answers, a socket change means nothing for this prompt (it is not queued yet).
      if (settled || !queued) return;
      if (open) {
        // Events may have been missed while it was down: ask once.
        clearTimeout(pollTimer);
        pollTimer = undefined;
        void check().finally(watch);
      } else {
        unwatch();
        pollTimer ??= setTimeout(poll, 0);
      }
    };
    cleanups.push(deps.socket.onFrame(onFrame), deps.socket.onState(onState), () => clearTimeout(pollTimer));

    const onAbort = () => {
      cancelOnServer();
      settle({ error: signal.reason });
    };
    if (signal.aborted) return settle({ error: signal.reason });
    signal.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => signal.removeEventListener('abort', onAbort));

    void (async () => {
      const open = await deps.socket.ensureOpen(timing.socketWaitMs);
      if (settled) return;
      const answer = await deps.client.queuePrompt(graph, deps.clientId, promptId, signal);
      // Servers older than client-supplied prompt ids (server.py L690) make their own: follow it.
      if (answer.promptId !== promptId) {
        deps.log.info('comfyui: the server chose its own prompt id', { promptId: answer.promptId });
        promptId = answer.promptId;
      }
      queued = true;
      // Until ComfyUI starts it (its own UI or other clients may have work queued ahead).
      if (!started) enterPhase(WAITING_IN_QUEUE);
      for (const frame of early.splice(0)) onFrame(frame);
      if (settled) return;
      if (open && deps.socket.isOpen) watch();
      else onState(false);
    })().catch((error: unknown) => settle({ error }));
  });
}
