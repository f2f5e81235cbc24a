/**
 * Streamed text as job progress, at most ~10 updates a second (issue 5 §3): each update crosses
 * IPC with the whole text so far, so a fast local model must not send one per token. The
 * latest text is never lost: the caller flushes once the answer is complete.
 */
import type { ProviderProgress } from '../provider';

export const TEXT_PROGRESS_INTERVAL_MS = 100;

export interface TextProgress {
  /** Records the text so far; forwards it when the interval has passed since the last update. */
  update(text: string): void;
  /** Forwards the final text (fraction 1), whatever the interval. */
  finish(text: string): void;
}

export function throttledTextProgress(
  onProgress: (progress: ProviderProgress) => void,
  /** Characters expected (from max_tokens); the fraction approaches but never reaches 1 early. */
  expectedChars: number,
  now: () => number = Date.now,
  intervalMs = TEXT_PROGRESS_INTERVAL_MS,
): TextProgress {
  let last = Number.NEGATIVE_INFINITY;
  return {
    update(text) {
      const t = now();
      if (t - last < intervalMs) return;
      last = t;
      onProgress({ fraction: Math.min(0.95, text.length / Math.max(1, expectedChars)), partialText: text });
    },
    finish(text) {
      onProgress({ fraction: 1, partialText: text });
    },
  };
}
