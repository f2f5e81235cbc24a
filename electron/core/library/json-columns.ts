/**
 * Defensive readers for the JSON text columns.
 *
 * A row can hold a value written by an older build, a hand edit or a torn disk write; one
 * bad cell must degrade to an empty value, never throw and take a whole gallery page or
 * history list down with it.
 */
import { JobAttemptSchema, JobErrorSchema, type JobAttempt, type JobError } from '../../../shared/library';

function tryParse(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A JSON object, or `{}` for anything else (corrupt text, arrays, scalars, null). */
export function readObject(text: string | null): Record<string, unknown> {
  const value = tryParse(text);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** Attempts that still match the DTO; anything unreadable is dropped rather than guessed. */
export function readAttempts(text: string | null): JobAttempt[] {
  const value = tryParse(text);
  if (!Array.isArray(value)) return [];
  const attempts: JobAttempt[] = [];
  for (const item of value) {
    const parsed = JobAttemptSchema.safeParse(item);
    if (parsed.success) attempts.push(parsed.data);
  }
  return attempts;
}

/**
 * NULL stays null (no error). A present but unreadable value still means the job failed
 * somewhere, so it becomes a generic error instead of silently looking error-free.
 */
export function readJobError(text: string | null): JobError | null {
  if (text === null) return null;
  const parsed = JobErrorSchema.safeParse(tryParse(text));
  return parsed.success
    ? parsed.data
    : { stage: 'unknown', code: 'unreadable', message: 'The error details of this job could not be read.' };
}
