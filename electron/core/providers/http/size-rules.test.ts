import { describe, expect, it } from 'vitest';
import { ProviderError } from '../provider';
import { fitSize } from './size-rules';

describe('fitSize', () => {
  it('snaps to the multiple', () => {
    expect(fitSize({ width: 1000, height: 700 }, { multiple: 16, min: 64, max: 1792 })).toEqual({ width: 1008, height: 704 });
  });

  it('scales down past the max side keeping the aspect', () => {
    expect(fitSize({ width: 4096, height: 2048 }, { multiple: 32, min: 256, max: 1440 })).toEqual({ width: 1440, height: 736 });
  });

  it('scales up below the min side', () => {
    expect(fitSize({ width: 32, height: 32 }, { multiple: 8, min: 256, max: 2048 })).toEqual({ width: 256, height: 256 });
  });

  it('keeps within a pixel budget', () => {
    const size = fitSize({ width: 2048, height: 2048 }, { multiple: 64, min: 256, max: 2048, maxPixels: 1024 * 1024 });
    expect(size.width * size.height).toBeLessThanOrEqual(1024 * 1024);
    expect(size.width % 64).toBe(0);
  });

  it('clamps an extreme aspect within both bounds', () => {
    const size = fitSize({ width: 5000, height: 10 }, { multiple: 16, min: 64, max: 1792 });
    expect(size).toEqual({ width: 1792, height: 64 });
  });

  it('refuses a size that is not a positive number, naming the field', () => {
    expect(() => fitSize({ width: Number.NaN, height: 10 }, { multiple: 8, min: 8, max: 64 })).toThrow(ProviderError);
    expect(() => fitSize({ width: 10, height: 0 }, { multiple: 8, min: 8, max: 64 })).toThrow(/height/);
  });
});
