/**
 * The text of a code asset (the UI/UX studio's output), for the studio's code view and its
 * sandboxed preview. The asset file server serves images only; code crosses IPC as text,
 * read from inside the workspace folder (path containment) and capped in size.
 */
import { readFile, stat } from 'node:fs/promises';
import { AppFailure } from '../../../shared/errors';
import type { Asset } from '../../../shared/library';
import { resolveInside } from '../fs/path-containment';

/** Far above any generated component or page (the UI/UX engine caps answers lower still). */
export const CODE_READ_MAX_BYTES = 512 * 1024;

export interface CodeAssetText {
  readonly code: string;
  readonly relativePath: string;
}

export async function readCodeAsset(asset: Asset | undefined, folderOf: (workspaceId: string) => string): Promise<CodeAssetText> {
  if (asset === undefined) throw new AppFailure('not_found', 'This asset is not in the library.', 'assetId');
  if (asset.kind !== 'code') throw new AppFailure('invalid_input', 'Only code assets have text to show.', 'assetId');
  let bytes: Buffer;
  try {
    const path = resolveInside(folderOf(asset.workspaceId), asset.relativePath);
    // Size first: an oversized file (a stray build artefact renamed .html) is refused without
    // ever being read into memory.
    if ((await stat(path)).size > CODE_READ_MAX_BYTES) throw tooLarge();
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    throw new AppFailure('not_found', 'The code file is missing from the workspace folder.', 'assetId');
  }
  // Checked again after the read: the file may have grown between stat and read.
  if (bytes.byteLength > CODE_READ_MAX_BYTES) throw tooLarge();
  return { code: bytes.toString('utf8'), relativePath: asset.relativePath };
}

function tooLarge(): AppFailure {
  return new AppFailure('invalid_input', `The code file is larger than ${CODE_READ_MAX_BYTES / 1024} KB; open it from the workspace folder.`, 'assetId');
}
