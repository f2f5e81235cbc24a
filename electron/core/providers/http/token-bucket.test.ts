import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock';
import { TokenBucket } from './token-bucket';

const live = () => new AbortController().signal;

describe('TokenBucket', () => {
  it('hands out the burst at once, then one token per interval', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 2, perMinute: 60 }, clock);
    await bucket.take(live());
    await bucket.take(live());
    expect(clock.sleeps).toEqual([]);
    await bucket.take(live());
    // 60/min → one token per second.
    expect(clock.sleeps).toEqual([1000]);
    expect(clock.now()).toBe(1000);
  });

  it('refills with elapsed time, never above capacity', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 3, perMinute: 60 }, clock);
    for (let i = 0; i < 3; i += 1) await bucket.take(live());
    clock.advance(60_000);
    expect(bucket.state().tokens).toBe(3);
  });

  it('a 429 blocks until Retry-After has passed and halves the rate', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 5, perMinute: 60 }, clock);
    bucket.throttled(7_000);
    expect(bucket.state()).toMatchObject({ tokens: 0, perMinute: 30, blockedUntil: 7_000 });
    await bucket.take(live());
    expect(clock.now()).toBeGreaterThanOrEqual(7_000);
    expect(clock.sleeps[0]).toBe(7_000);
  });

  it('a 429 without Retry-After waits one (slowed) token interval', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 1, perMinute: 60 }, clock);
    bucket.throttled();
    expect(bucket.state().blockedUntil).toBe(2_000);
  });

  it('repeated 429s slow down to an eighth, successes win the rate back step by step', () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 1, perMinute: 80 }, clock);
    for (let i = 0; i < 10; i += 1) bucket.throttled(0);
    expect(bucket.state().perMinute).toBe(10);
    bucket.succeeded();
    expect(bucket.state().perMinute).toBe(20);
    for (let i = 0; i < 20; i += 1) bucket.succeeded();
    expect(bucket.state().perMinute).toBe(80);
  });

  it('a waiting request gives up when its signal aborts', async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ capacity: 1, perMinute: 1 }, clock);
    await bucket.take(live());
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(bucket.take(controller.signal)).rejects.toThrow('cancelled by the user');
  });

  it('refuses a bucket that could never hand out a token', () => {
    expect(() => new TokenBucket({ capacity: 0, perMinute: 10 })).toThrow(RangeError);
    expect(() => new TokenBucket({ capacity: 1, perMinute: 0 })).toThrow(RangeError);
  });
});
