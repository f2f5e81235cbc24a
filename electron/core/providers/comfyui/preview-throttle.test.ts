import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PreviewThrottle } from './preview-throttle';

describe('PreviewThrottle', () => {
  let now = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    now = 0;
  });
  afterEach(() => vi.useRealTimers());

  const advance = (ms: number) => {
    now += ms;
    vi.advanceTimersByTime(ms);
  };

  it('forwards the first at once, holds the newest inside the window, sends it when the window opens', () => {
    const sent: number[] = [];
    const throttle = new PreviewThrottle<number>((n) => sent.push(n), 100, () => now);
    throttle.push(1);
    expect(sent).toEqual([1]);
    advance(30);
    throttle.push(2);
    advance(30);
    throttle.push(3);
    expect(sent).toEqual([1]);
    advance(40);
    expect(sent).toEqual([1, 3]);
    advance(150);
    throttle.push(4);
    expect(sent).toEqual([1, 3, 4]);
  });

  it('never exceeds 10 per second under a 100/s flood, and ends on the newest', () => {
    const sentAt: number[] = [];
    const sent: number[] = [];
    const throttle = new PreviewThrottle<number>((n) => (sent.push(n), sentAt.push(now)), 100, () => now);
    for (let i = 0; i < 100; i += 1) {
      throttle.push(i);
      advance(10);
    }
    advance(100);
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(100);
    expect(sentAt.filter((t) => t < 1000).length).toBeLessThanOrEqual(10);
    expect(sent.at(-1)).toBe(99);
  });

  it('dispose drops a held frame', () => {
    const sent: number[] = [];
    const throttle = new PreviewThrottle<number>((n) => sent.push(n), 100, () => now);
    throttle.push(1);
    throttle.push(2);
    throttle.dispose();
    advance(200);
    expect(sent).toEqual([1]);
  });
});
