/**
 * The poll loop of the asynchronous APIs (fal's queue, Replicate's predictions): ask for the
 * status every `pollIntervalMs` until the job is done, within a whole-job budget. When the
 * user cancels — or the budget runs out — the remote job is cancelled too (best effort: the
 * provider stops billing for it), then the error is `cancelled` / `timeout`.
 */
import { ProviderError } from '../provider';
import type { Clock } from './clock';

export type PollResult<T> = { readonly done: true; readonly value: T } | { readonly done: false };

export interface RemoteJob<T> {
  readonly label: string;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly pollIntervalMs: number;
  readonly jobTimeoutMs: number;
  /** One status request; `done` with the value when finished (throws on a failed job). */
  poll(): Promise<PollResult<T>>;
  /** Asks the provider to stop the job; never throws. */
  cancel(): Promise<void>;
}

/** How long a best-effort cancel may take after the job's own signal has already aborted. */
export const CANCEL_TIMEOUT_MS = 10_000;

export async function runRemoteJob<T>(job: RemoteJob<T>): Promise<T> {
  const deadline = job.clock.now() + job.jobTimeoutMs;
  try {
    for (;;) {
      const result = await job.poll();
      if (result.done) return result.value;
      if (job.clock.now() >= deadline) {
        throw new ProviderError('timeout', `${job.label} did not finish within ${Math.ceil(job.jobTimeoutMs / 1000)} s; the request was cancelled.`);
      }
      await job.clock.sleep(job.pollIntervalMs, job.signal);
    }
  } catch (error) {
    const timedOut = error instanceof ProviderError && error.kind === 'timeout';
    if (job.signal.aborted || timedOut) await job.cancel();
    if (job.signal.aborted) throw new ProviderError('cancelled', 'Cancelled.');
    throw error;
  }
}
