import { describe, expect, it } from 'vitest';
import { emit, formatFigure, meetsTarget } from './emit';
import { median, percentile, seededRandom } from './stats';

describe('bench helpers', () => {
  it('computes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile(samples, 0)).toBe(1);
    expect(median([3, 1, 2])).toBe(2);
    expect(() => percentile([], 50)).toThrow();
  });

  it('repeats the same sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const first = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(first);
  });

  it('prints exactly one JSON object per figure, in a fixed key order', () => {
    const lines: string[] = [];
    emit({ name: 'x.y_ms', value: 1.23456, unit: 'ms', target: 2, better: 'lower' }, (l) => lines.push(l));
    expect(lines).toEqual(['{"name":"x.y_ms","value":1.235,"unit":"ms","target":2,"better":"lower"}\n']);
    expect(formatFigure({ name: 'a', value: 10, unit: 'rows/s', target: 5, better: 'higher' })).not.toContain('\n');
    expect(meetsTarget({ name: 'a', value: 10, unit: 'u', target: 5, better: 'higher' })).toBe(true);
    expect(meetsTarget({ name: 'a', value: 10, unit: 'u', target: 5, better: 'lower' })).toBe(false);
  });
});
