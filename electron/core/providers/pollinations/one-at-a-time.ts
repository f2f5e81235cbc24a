/**
 * Runs tasks strictly one after another, in arrival order; a waiter can leave through its
 * AbortSignal without letting the next one start early. Pollinations asks anonymous clients
 * for one image request at a time per IP — per *machine*, not per client object — so the
 * client shares one of these across every instance.
 */
export class OneAtATime {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    let started = false;
    try {
      await waitOrAbort(previous, signal);
      started = true;
      return await task();
    } finally {
      // A waiter that gave up hands its turn on only once the one before it has finished.
      if (started) release();
      else void previous.then(release);
    }
  }
}

function waitOrAbort(promise: Promise<void>, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    void promise.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}
