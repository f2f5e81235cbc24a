/**
 * Per-provider concurrency: a local ComfyUI runs one prompt at a time, a cloud API up to its
 * declared limit. Waiters queue in order (a newcomer never overtakes them) and can give up
 * through their AbortSignal. A freed slot is handed straight to the next waiter, so the count
 * never exceeds the limit, not even for a tick.
 */
interface Waiter {
  readonly grant: (release: () => void) => void;
  readonly signal: AbortSignal;
  readonly onAbort: () => void;
}

export class KeyedSemaphore {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Waiter[]>();

  /** Resolves with a release function once a slot for `key` is free. */
  acquire(key: string, limit: number, signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    // A limit of 0 or NaN would make every caller wait forever (and its job never finish).
    const max = Math.max(1, Math.floor(limit) || 1);
    const queue = this.waiting.get(key) ?? [];
    if ((this.active.get(key) ?? 0) < max && queue.length === 0) {
      this.active.set(key, (this.active.get(key) ?? 0) + 1);
      return Promise.resolve(this.releaser(key, max));
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        signal,
        onAbort: () => {
          const q = this.waiting.get(key) ?? [];
          const index = q.indexOf(waiter);
          if (index >= 0) q.splice(index, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      queue.push(waiter);
      this.waiting.set(key, queue);
    });
  }

  inUse(key: string): number {
    return this.active.get(key) ?? 0;
  }

  private releaser(key: string, max: number): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.get(key)?.shift();
      if (next) {
        // Hand the slot over directly: `active` stays the same.
        next.signal.removeEventListener('abort', next.onAbort);
        next.grant(this.releaser(key, max));
        return;
      }
      this.active.set(key, (this.active.get(key) ?? 1) - 1);
    };
  }
}
