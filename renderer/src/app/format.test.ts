import { describe, expect, it } from 'vitest';
import { elapsedMs, formatBytes, formatElapsed } from './format';

describe('formatBytes', () => {
  it('uses the largest unit that keeps the number readable', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024)).toBe('20 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formatBytes(-1)).toBe('—');
  });
});

describe('elapsed time', () => {
  it('formats short and long durations', () => {
    expect(formatElapsed(400)).toBe('0.4 s');
    expect(formatElapsed(12_700)).toBe('12 s');
    expect(formatElapsed(125_000)).toBe('2 min 05 s');
    expect(formatElapsed(59_999)).toBe('59 s');
  });

  it('runs to now while active and stops at the end', () => {
    expect(elapsedMs({ status: 'queued', createdAt: 1000, startedAt: null, finishedAt: null }, 4000)).toBe(3000);
    expect(elapsedMs({ status: 'running', createdAt: 1000, startedAt: 2000, finishedAt: null }, 4000)).toBe(2000);
    expect(elapsedMs({ status: 'succeeded', createdAt: 1000, startedAt: 2000, finishedAt: 2500 }, 9000)).toBe(500);
    expect(elapsedMs({ status: 'interrupted', createdAt: 1000, startedAt: null, finishedAt: null }, 9000)).toBe(0);
  });
});
