import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Fallback } from './crc32';

describe('crc32', () => {
  it('gives the standard check value for "123456789" (native and fallback)', () => {
    const check = Buffer.from('123456789', 'ascii');
    expect(crc32(check)).toBe(0xcbf43926);
    expect(crc32Fallback(check)).toBe(0xcbf43926);
  });

  it('the table fallback agrees with the native one on random data', () => {
    for (const size of [0, 1, 13, 4096]) {
      const data = randomBytes(size);
      expect(crc32Fallback(data)).toBe(crc32(data));
    }
  });
});
