/**
 * Atomic file writes: a reader (or a crash) never sees half a file.
 *
 * Write to a temp file in the same directory (same filesystem, so `rename` is atomic),
 * fsync it, rename over the target, then fsync the directory so the rename itself survives
 * a power cut (a no-op on Windows, where directories cannot be opened for fsync).
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync, constants as fsConstants } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { errnoCode } from './errno';
import { resolveInside } from './path-containment';

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file (exports never overwrite silently). */
  readonly noOverwrite?: boolean;
  /** Create missing parent folders (default). Off where a vanished folder must stay vanished. */
  readonly createParents?: boolean;
  /**
   * fsync the file and its folder (default). Off only for caches that are rebuilt when lost
   * (thumbnails): still atomic — never half a file — but not guaranteed to survive a power cut.
   */
  readonly durable?: boolean;
  /** Permission bits of the new file (default 0o644); secrets files use 0o600 (owner only). */
  readonly mode?: number;
}

/** Writes `data` to the absolute `target`; the parent folder is created if needed. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const dir = dirname(target);
  if (options.createParents ?? true) mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // O_EXCL: the temp name must be ours alone.
  const fd = openSync(temp, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY, options.mode ?? 0o644);
  try {
    let offset = 0;
    while (offset < bytes.byteLength) offset += writeSync(fd, bytes, offset, bytes.byteLength - offset);
    if (options.durable ?? true) fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    if (options.noOverwrite) publishWithoutOverwrite(temp, target);
    else renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  if (options.durable ?? true) fsyncDirectory(dir);
}

/** Same as `writeFileAtomicSync`, with the target given relative to a root it must stay in. */
export function writeFileInsideSync(root: string, relativePath: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): string {
  const target = resolveInside(root, relativePath);
  writeFileAtomicSync(target, data, options);
  return target;
}

/**
 * Moves the finished file `temp` to `target` unless `target` exists (EEXIST, nothing replaced).
 * `link` fails atomically with EEXIST when the target exists, so nothing is ever replaced.
 * Filesystems without hard links (FAT, some network mounts) fall back to an exclusive
 * reservation of the name followed by the rename. Both paths must be on one filesystem.
 */
export function publishWithoutOverwrite(temp: string, target: string): void {
  try {
    linkSync(temp, target);
    rmSync(temp, { force: true });
    return;
  } catch (error) {
    if (errnoCode(error) === 'EEXIST') throw error;
  }
  const reserve = openSync(target, fsConstants.O_CREAT | fsConstants.O_EXCL | fsConstants.O_WRONLY);
  closeSync(reserve);
  try {
    renameSync(temp, target);
  } catch (error) {
    // Do not leave the empty reservation behind as if it were the file.
    rmSync(target, { force: true });
    throw error;
  }
}

/**
 * Makes an already written file durable: its data, then (once per folder, by the caller)
 * the folder entry. Opened read-write because Windows' FlushFileBuffers needs write access.
 */
export function fsyncFileSync(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** fsync a folder so a rename or link into it survives a power cut (a no-op on Windows). */
export function fsyncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems (network mounts) refuse directory fsync; the rename already happened.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
