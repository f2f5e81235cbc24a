/**
 * At most one preview per `intervalMs` per job reaches the studio (issue 4: ≤ 10/s). A frame that
 * arrives inside the window is held and replaced by any newer one, then sent when the window
 * opens — the studio always ends on the newest preview, and a fast sampler cannot flood IPC.
 */
export const PREVIEW_INTERVAL_MS = 100;

export class PreviewThrottle<T> {
  private last = Number.NEGATIVE_INFINITY;
  private pending: T | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly forward: (item: T) => void,
    private readonly intervalMs = PREVIEW_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(item: T): void {
    const t = this.now();
    const wait = this.last + this.intervalMs - t;
    if (wait <= 0 && this.timer === undefined) {
      this.last = t;
      this.forward(item);
      return;
    }
    this.pending = item;
    this.timer ??= setTimeout(() => this.flush(), Math.max(0, wait));
  }

  /** Stops: a held frame is dropped (the job is over; its result replaces any preview). */
  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    // Timers may fire a little early: never forward inside the window, wait out the rest.
    const wait = this.last + this.intervalMs - this.now();
    if (wait > 0) {
      this.timer = setTimeout(() => this.flush(), wait);
      return;
    }
    const item = this.pending;
    this.pending = undefined;
    if (item === undefined) return;
    this.last = this.now();
    this.forward(item);
  }
}
