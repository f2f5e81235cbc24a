/**
 * Turns Node's filesystem errors into messages a user can act on. The raw errno code is
 * kept in the text for support, the advice comes first.
 */
import { AppFailure } from '../../../shared/errors';

const ADVICE: Readonly<Record<string, string>> = {
  EACCES: 'permission denied — choose a folder you can write to',
  EPERM: 'the operation is not permitted — check the folder permissions',
  ENOSPC: 'the disk is full — free some space and try again',
  EROFS: 'the disk is read-only',
  ENOENT: 'the folder or file does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'a file with that name already exists',
  EISDIR: 'the path is a folder, not a file',
  ENAMETOOLONG: 'the path is too long',
  EBUSY: 'the file is in use by another program',
};

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Wraps a filesystem error as an `io_failed` AppFailure with an actionable message. */
export function ioFailure(action: string, error: unknown, field?: string): AppFailure {
  if (error instanceof AppFailure) return error;
  const code = errnoCode(error);
  const advice = code ? (ADVICE[code] ?? `system error ${code}`) : error instanceof Error ? error.message : String(error);
  return new AppFailure('io_failed', `Could not ${action}: ${advice}${code ? ` (${code})` : ''}.`, field);
}
