/**
 * Time, as a port: the token bucket and the async clients (fal queue, Replicate polling,
 * Hugging Face's model-loading wait) read the time and sleep through this, so their tests
 * drive a fake clock instead of waiting in real time.
 */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, Math.max(0, ms));
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};

/**
 * A clock for tests: `sleep` advances the time at once (no real waiting) and records each
 * wait, so a test can assert how long the code *would* have waited.
 */
export class ManualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = 0) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
    // Yield, so concurrent waiters interleave the way they would with real timers.
    await Promise.resolve();
    signal.throwIfAborted();
  }
}
