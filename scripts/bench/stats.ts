/** Small statistics helpers for the bench suites. */

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: ReadonlyArray<number>, p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1] as number;
}

export function median(samples: ReadonlyArray<number>): number {
  return percentile(samples, 50);
}

/**
 * mulberry32: a tiny seeded PRNG. The data set must be the same on every run so figures
 * compare across commits; Math.random() would change the prompts, and so the timings.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
