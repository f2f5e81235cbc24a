/**
 * Per-provider concurrency: a local ComfyUI runs one prompt at a time, a cloud API up to its
 * declared limit. Waiters queue in order and can give up through their AbortSignal.
 */
export class KeyedSemaphore {
  private readonly active = new Map<string, number>();
  private readonly waiting = new Map<string, Array<{ resolve: () => void; reject: (error: unknown) => void; signal: AbortSignal; onAbort: () => void }>>();

  /** Resolves with a release function once a slot for `key` is free. */
  async acquire(key: string, limit: number, signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    if ((this.active.get(key) ?? 0) < limit) return this.take(key, limit);
    await new Promise<void>((resolve, reject) => {
      const queue = this.waiting.get(key) ?? [];
      const entry = {
        resolve,
        reject,
        signal,
        onAbort: () => {
          const q = this.waiting.get(key) ?? [];
          const index = q.indexOf(entry);
          if (index >= 0) q.splice(index, 1);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', entry.onAbort, { once: true });
      queue.push(entry);
      this.waiting.set(key, queue);
    });
    return this.take(key, limit);
  }

  inUse(key: string): number {
    return this.active.get(key) ?? 0;
  }

  private take(key: string, limit: number): () => void {
    this.active.set(key, (this.active.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active.set(key, (this.active.get(key) ?? 1) - 1);
      this.wakeNext(key, limit);
    };
  }

  private wakeNext(key: string, limit: number): void {
    const queue = this.waiting.get(key);
    if (!queue || queue.length === 0 || (this.active.get(key) ?? 0) >= limit) return;
    const next = queue.shift();
    if (!next) return;
    next.signal.removeEventListener('abort', next.onAbort);
    next.resolve();
  }
}
