import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRowId } from './row-id';

describe('newRowId', () => {
  it('is a version 7 uuid that zod accepts', () => {
    const id = newRowId();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(z.string().uuid().safeParse(id).success).toBe(true);
  });

  it('starts with the millisecond timestamp, so ids sort by creation time', () => {
    const ms = Date.UTC(2026, 10, 25, 12, 0, 0, 123);
    expect(newRowId(ms).replace(/-/g, '').slice(0, 12)).toBe(ms.toString(16).padStart(12, '0'));
    const ids = [1, 2, 1_000, 2 ** 40, 2 ** 47].map((t) => newRowId(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs between calls in the same millisecond and honours an injected random source', () => {
    expect(newRowId(5)).not.toBe(newRowId(5));
    const zeros = newRowId(0, (b) => b.fill(0));
    expect(zeros).toBe('00000000-0000-7000-8000-000000000000');
    const ones = newRowId(0, (b) => b.fill(0xff));
    expect(ones).toBe('00000000-0000-7fff-bfff-ffffffffffff');
  });
});
