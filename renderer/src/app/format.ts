import type { Job } from '../../../shared/library';

/** Human sizes for file listings: 512 B, 1.5 KB, 12 MB (1024-based, like file managers on most OSes). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** How long a job has run: from start (or queueing) to its end, or to `now` while queued or running. */
export function elapsedMs(job: Pick<Job, 'status' | 'createdAt' | 'startedAt' | 'finishedAt'>, now: number): number {
  const start = job.startedAt ?? job.createdAt;
  const active = job.status === 'queued' || job.status === 'running';
  const end = job.finishedAt ?? (active ? now : start);
  return Math.max(0, end - start);
}

/** Durations for the queue: 0.4 s, 12 s, 2 min 05 s. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, ms) / 1000;
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.floor(seconds)} s`;
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
