/**
 * A job's inpaint mask, kept in its workspace folder (`.wokgen/masks/<jobId>.png`) so Retry,
 * Re-run and Remix can send the same mask in any later session: the request names the earlier
 * job (`maskFromJobId`) instead of carrying the PNG, and main reads the file back.
 *
 * The job row records the relative path (`params.maskPath`); the file is written before the job
 * is queued, so a job whose row says it has a mask always had one on disk.
 */
import { readFileSync } from 'node:fs';
import { AppFailure } from '../../../shared/errors';
import type { Job } from '../../../shared/library';
import { maskPath } from '../assets/asset-paths';
import { writeFileInsideSync } from '../fs/atomic-write';
import { ioFailure } from '../fs/errno';
import { resolveInside } from '../fs/path-containment';

/** The 8-byte PNG signature (PNG spec §5.2): the mask a provider gets must be a PNG. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const REPAINT = 'paint a new one';

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
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolveInside(workspace.folder, relative));
  } catch {
    throw new AppFailure('not_found', `The mask of that job is no longer in the workspace folder — ${REPAINT}.`, 'maskFromJobId');
  }
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new AppFailure('invalid_input', `The stored mask of that job is not a PNG image any more — ${REPAINT}.`, 'maskFromJobId');
  }
  return bytes;
}
