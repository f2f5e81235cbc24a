/**
 * The poll loop of the asynchronous APIs (fal's queue, Replicate's predictions): ask for the
 * status every `pollIntervalMs` until the job is done, within a whole-job budget. Whatever
 * stops the loop early — the user cancels, the budget runs out, a poll fails — the remote job
 * is cancelled too (best effort; cancelling a finished job is harmless), so it is never left
 * running and billing; then the error is `cancelled`, `timeout` or the poll's own.
 */
import { ProviderError } from '../provider';
import type { ClientSetup } from './client-setup';

export type PollResult<T> = { readonly done: true; readonly value: T } | { readonly done: false };

export interface RemoteJob<T> {
  readonly io: Pick<ClientSetup, 'http' | 'clock' | 'pollIntervalMs' | 'jobTimeoutMs'>;
  readonly signal: AbortSignal;
  /** One status request; `done` with the value when finished (throws on a failed job). */
  poll(): Promise<PollResult<T>>;
  /** The provider's cancel call (fal: PUT cancel_url; Replicate: POST urls.cancel). */
  readonly cancel: { readonly url: string; readonly method: 'PUT' | 'POST'; readonly headers: Readonly<Record<string, string>>; readonly secrets: ReadonlyArray<string> };
}

/** How long a best-effort cancel may take after the job's own signal has already aborted. */
export const CANCEL_TIMEOUT_MS = 10_000;

export async function runRemoteJob<T>(job: RemoteJob<T>): Promise<T> {
  const { http, clock, pollIntervalMs, jobTimeoutMs } = job.io;
  const deadline = clock.now() + jobTimeoutMs;
  try {
    for (;;) {
      const result = await job.poll();
      if (result.done) return result.value;
      if (clock.now() >= deadline) {
        throw new ProviderError('timeout', `${http.label} did not finish within ${Math.ceil(jobTimeoutMs / 1000)} s; the request was cancelled.`);
      }
      await clock.sleep(pollIntervalMs, job.signal);
    }
  } catch (error) {
    // The job's own signal may have aborted: the cancel gets a fresh one and its own short limit.
    await http.json({ ...job.cancel, signal: new AbortController().signal, timeoutMs: CANCEL_TIMEOUT_MS }).catch(() => undefined);
    if (job.signal.aborted) throw new ProviderError('cancelled', 'Cancelled.');
    throw error;
  }
}
