/**
 * The poll loop of the asynchronous APIs (fal's queue, Replicate's predictions): ask for the
 * status every `pollIntervalMs` until the job is done, within a whole-job budget. A poll that
 * fails on the way (unreachable, 5xx) is retried with backoff inside that budget. Whatever
 * stops the loop early — the user cancels, the budget runs out, a poll keeps failing — the remote job
 * is cancelled too (best effort; cancelling a finished job is harmless), so it is never left
 * running and billing; then the error is `cancelled`, `timeout` or the poll's own.
 */
import { ProviderError } from '../provider';
import type { ClientSetup } from './client-setup';
import { HttpStatusError } from './errors';

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

/** Longest pause between two status polls after failed ones (the backoff doubles up to this). */
export const MAX_POLL_BACKOFF_MS = 30_000;

/**
 * A status poll that failed on the way (no answer, a timeout, a 5xx or 429 from the API) says
 * nothing about the job, which is most likely still running and paid for: poll again rather
 * than cancel it. A failed job, a refused key or an answer we cannot read is final.
 */
function isTransientPollError(error: unknown): error is ProviderError {
  if (!(error instanceof ProviderError)) return false;
  if (error.kind === 'unreachable' || error.kind === 'timeout') return true;
  return error instanceof HttpStatusError && (error.status >= 500 || error.status === 429 || error.status === 408);
}

export async function runRemoteJob<T>(job: RemoteJob<T>): Promise<T> {
  const { http, clock, pollIntervalMs, jobTimeoutMs } = job.io;
  const deadline = clock.now() + jobTimeoutMs;
  let failedPolls = 0;
  try {
    for (;;) {
      let result: PollResult<T>;
      try {
        result = await job.poll();
        failedPolls = 0;
      } catch (error) {
        if (job.signal.aborted || !isTransientPollError(error)) throw error;
        // Back off (doubling, or the API's Retry-After) while the job's budget allows; past
        // it, give up with the poll's own error (then the job is cancelled below).
        failedPolls += 1;
        const backoff = Math.max(error.retryAfterMs ?? 0, Math.min(MAX_POLL_BACKOFF_MS, pollIntervalMs * 2 ** (failedPolls - 1)));
        if (clock.now() + backoff >= deadline) throw error;
        await clock.sleep(backoff, job.signal);
        continue;
      }
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
