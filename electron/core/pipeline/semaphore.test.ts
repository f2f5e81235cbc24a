import { describe, expect, it } from 'vitest';
import { slotSeed } from './seeds';
import { KeyedSemaphore } from './semaphore';

describe('KeyedSemaphore', () => {
  it('admits up to the limit per key, then queues in order', async () => {
    const s = new KeyedSemaphore();
    const signal = new AbortController().signal;
    const a = await s.acquire('comfyui', 1, signal);
    const order: string[] = [];
    const b = s.acquire('comfyui', 1, signal).then((release) => (order.push('b'), release));
    const c = s.acquire('comfyui', 1, signal).then((release) => (order.push('c'), release));
    const other = await s.acquire('fal', 1, signal);
    expect(s.inUse('comfyui')).toBe(1);
    a();
    (await b)();
    (await c)();
    other();
    expect(order).toEqual(['b', 'c']);
    expect(s.inUse('comfyui')).toBe(0);
  });

  it('lets a waiter give up through its signal without taking a slot', async () => {
    const s = new KeyedSemaphore();
    const first = await s.acquire('k', 1, new AbortController().signal);
    const controller = new AbortController();
    const waiting = s.acquire('k', 1, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    first();
    expect(s.inUse('k')).toBe(0);
    const again = await s.acquire('k', 1, new AbortController().signal);
    expect(s.inUse('k')).toBe(1);
    again();
  });
});

describe('slotSeed', () => {
  it('offsets by 137 per slot and wraps in the provider range', () => {
    expect([0, 1, 2, 3].map((i) => slotSeed(1000, i))).toEqual([1000, 1137, 1274, 1411]);
    expect(slotSeed(0xffff_ffff, 1)).toBe(136);
    expect(slotSeed(2_147_483_600, 1, 2_147_483_647)).toBe(89);
  });
});

describe('KeyedSemaphore hand-off', () => {
  it('never lets a newcomer overtake a waiter or exceed the limit', async () => {
    const s = new KeyedSemaphore();
    const signal = new AbortController().signal;
    const first = await s.acquire('comfy', 1, signal);
    const waiter = s.acquire('comfy', 1, signal);
    first();
    const newcomer = s.acquire('comfy', 1, signal);
    expect(s.inUse('comfy')).toBe(1);
    const w = await waiter;
    expect(s.inUse('comfy')).toBe(1);
    w();
    (await newcomer)();
    expect(s.inUse('comfy')).toBe(0);
  });

  it('treats a nonsense limit as 1 instead of waiting forever', async () => {
    const s = new KeyedSemaphore();
    const release = await s.acquire('x', 0, new AbortController().signal);
    release();
    expect(s.inUse('x')).toBe(0);
  });
});
