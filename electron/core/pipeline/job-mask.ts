/**
 * A job's inpaint mask, kept in its workspace folder (`.wokgen/masks/<jobId>.png`) so Retry,
 * Re-run and Remix can send the same mask in any later session: the request names the earlier
 * job (`maskFromJobId`) instead of carrying the PNG, and main reads the file back.
 *
 * The job row records the relative path (`params.maskPath`); the file is written before the job
 * is queued, so a job whose row says it has a mask always had one on disk.
 */
import { closeSync, fstatSync, openSync, readSync, constants as fsConstants } from 'node:fs';
import { AppFailure } from '../../../shared/errors';
import type { Job } from '../../../shared/library';
import { maskPath } from '../assets/asset-paths';
import { writeFileInsideSync } from '../fs/atomic-write';
import { ioFailure } from '../fs/errno';
import { resolveInside } from '../fs/path-containment';

/** The 8-byte PNG signature (PNG spec §5.2): the mask a provider gets must be a PNG. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const REPAINT = 'paint a new one';

/**
 * A stored mask is at most what a request may carry (`maskPngBase64`, 16 MB of base64 = 12 MB):
 * anything bigger was not written by us, and is not read into the main process.
 */
export const MAX_STORED_MASK_BYTES = 12_000_000;

/**
 * The file's bytes, read through one descriptor: opened without following a final symlink
 * (O_NOFOLLOW, where the OS has it), checked to be a regular file within the size limit, then
 * read — so what was checked is what is read.
 */
function readRegularFile(path: string, maxBytes: number): Buffer | 'missing' | 'not-a-file' | 'too-large' {
  let fd: number;
  try {
    fd = openSync(path, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'not-a-file' : 'missing';
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'not-a-file';
    if (stat.size > maxBytes) return 'too-large';
    const bytes = Buffer.alloc(stat.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, offset);
      if (read === 0) break;
      offset += read;
    }
    return bytes.subarray(0, offset);
  } finally {
    closeSync(fd);
  }
}

/** Stores `bytes` as the mask of `jobId`; returns the relative path for the job row. `field` names the request field it came from. */
export function storeJobMask(workspaceFolder: string, jobId: string, bytes: Uint8Array, field: 'maskPngBase64' | 'maskFromJobId'): string {
  const relative = maskPath(jobId);
  try {
    writeFileInsideSync(workspaceFolder, relative, bytes);
  } catch (error) {
    const failure = ioFailure('store the mask in the workspace folder', error, field);
    throw failure.field === field ? failure : new AppFailure(failure.code, failure.message, field);
  }
  return relative;
}

/**
 * The mask an earlier job of this workspace was submitted with. Refused, naming
 * `maskFromJobId`, when the job is unknown, belongs to another workspace, had no mask, or its
 * file is gone or no longer a PNG.
 */
export function readJobMask(jobs: { get(id: string): Job | undefined }, workspace: { readonly id: string; readonly folder: string }, jobId: string): Buffer {
  const job = jobs.get(jobId);
  if (!job || job.workspaceId !== workspace.id) {
    throw new AppFailure('not_found', `The job whose mask was asked for is not in this workspace — ${REPAINT}.`, 'maskFromJobId');
  }
  const relative = job.params['maskPath'];
  if (typeof relative !== 'string') {
    throw new AppFailure('invalid_input', 'That job was not made with a mask — paint one.', 'maskFromJobId');
  }
  // Only the job's own mask file: a row edited (or imported) to point at another file of the
  // workspace — an asset, another job's mask — must not turn it into a mask.
  if (relative !== maskPath(job.id)) {
    throw new AppFailure('invalid_input', `That job's record does not point at its own mask file — ${REPAINT}.`, 'maskFromJobId');
  }
  let path: string;
  try {
    path = resolveInside(workspace.folder, relative);
  } catch {
    throw new AppFailure('not_found', `The mask of that job is no longer in the workspace folder — ${REPAINT}.`, 'maskFromJobId');
  }
  const bytes = readRegularFile(path, MAX_STORED_MASK_BYTES);
  if (bytes === 'missing') throw new AppFailure('not_found', `The mask of that job is no longer in the workspace folder — ${REPAINT}.`, 'maskFromJobId');
  if (bytes === 'not-a-file') throw new AppFailure('invalid_input', `The mask of that job is not a plain file any more — ${REPAINT}.`, 'maskFromJobId');
  if (bytes === 'too-large') throw new AppFailure('invalid_input', `The stored mask of that job is larger than any mask WokGen writes — ${REPAINT}.`, 'maskFromJobId');
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new AppFailure('invalid_input', `The stored mask of that job is not a PNG image any more — ${REPAINT}.`, 'maskFromJobId');
  }
  return bytes;
}
