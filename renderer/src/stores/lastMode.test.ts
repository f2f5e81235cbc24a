import { describe, expect, it } from 'vitest';
import { DEFAULT_MODE, LAST_MODE_KEY, readLastMode, writeLastMode } from './lastMode';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => {
      data.set(key, value);
    },
  };
}

const broken = {
  getItem: (): string | null => {
    throw new Error('SecurityError');
  },
  setItem: (): void => {
    throw new Error('QuotaExceededError');
  },
};

describe('last mode', () => {
  it('defaults to Pixel', () => {
    expect(DEFAULT_MODE).toBe('pixel');
    expect(readLastMode(memoryStorage())).toBe('pixel');
    expect(readLastMode(null)).toBe('pixel');
  });

  it('round-trips a mode and ignores values that are not modes', () => {
    const storage = memoryStorage();
    writeLastMode('vector', storage);
    expect(storage.data.get(LAST_MODE_KEY)).toBe('vector');
    expect(readLastMode(storage)).toBe('vector');
    expect(readLastMode(memoryStorage({ [LAST_MODE_KEY]: 'photoshop' }))).toBe('pixel');
  });

  it('never throws when storage does', () => {
    expect(readLastMode(broken)).toBe('pixel');
    expect(() => writeLastMode('emoji', broken)).not.toThrow();
  });
});
