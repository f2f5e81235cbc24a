/**
 * `workspace.json`: the manifest that makes a folder a workspace. It carries the id, name
 * and mode so the folder can be re-attached on another machine and its rows rebuilt.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppFailure } from '../../../shared/errors';
import {
  WORKSPACE_MANIFEST_FILE,
  WORKSPACE_MANIFEST_FORMAT,
  WorkspaceManifestSchema,
  type WorkspaceManifest,
} from '../../../shared/workspace';
import { writeFileAtomicSync } from '../fs/atomic-write';

export function manifestPath(folder: string): string {
  return join(folder, WORKSPACE_MANIFEST_FILE);
}

export function hasManifest(folder: string): boolean {
  return existsSync(manifestPath(folder));
}

export function writeManifest(folder: string, manifest: Omit<WorkspaceManifest, 'format' | 'app'>, options: { createFolder?: boolean } = {}): void {
  const full: WorkspaceManifest = { format: WORKSPACE_MANIFEST_FORMAT, app: 'wokgen-studio', ...manifest };
  writeFileAtomicSync(manifestPath(folder), `${JSON.stringify(full, null, 2)}\n`, { createParents: options.createFolder ?? true });
}

/** The manifest if the folder has a valid one, else null (missing, unreadable or invalid). */
export function readManifestIfPresent(folder: string): WorkspaceManifest | null {
  try {
    return readManifest(folder);
  } catch {
    return null;
  }
}

/** Reads and validates the manifest; every failure is a typed error about the `folder` field. */
export function readManifest(folder: string): WorkspaceManifest {
  const file = manifestPath(folder);
  if (!existsSync(file)) {
    throw new AppFailure('not_found', `This folder has no ${WORKSPACE_MANIFEST_FILE}, so it is not a WokGen workspace.`, 'folder');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new AppFailure('invalid_input', `${WORKSPACE_MANIFEST_FILE} in this folder is not valid JSON.`, 'folder');
  }
  const parsed = WorkspaceManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
    throw new AppFailure('invalid_input', `${WORKSPACE_MANIFEST_FILE} is not valid${where}: ${issue?.message ?? 'unknown problem'}`, 'folder');
  }
  return parsed.data;
}
