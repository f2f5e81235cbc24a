/**
 * Which folders may become workspaces. The renderer is untrusted (a compromised page could
 * send any path), so the core decides: never a filesystem root, the home folder or one of its
 * ancestors, the app's own data folder, a network (UNC) path, or a folder inside — or
 * containing — another workspace (trashing one would take the other with it).
 */
import { isAbsolute, parse, resolve } from 'node:path';
import { AppFailure } from '../../../shared/errors';
import { isPathInside, realpathOfExistingPrefix } from '../fs/path-containment';

export interface FolderPolicy {
  readonly homeDir: string;
  /** Folders that belong to the app (user-data, the app itself): never a workspace, never inside one. */
  readonly protectedDirs: ReadonlyArray<string>;
}

/**
 * The absolute, symlink-resolved form of a folder the user gave, so one folder always has
 * one spelling in the library. Windows UNC paths are refused before any filesystem call:
 * touching `\\host\share` makes Windows authenticate to that host (NTLM hash leak).
 */
export function canonicalFolder(folder: string, field = 'folder'): string {
  if (/^(\\\\|\/\/)/.test(folder)) {
    throw new AppFailure('invalid_input', 'Network paths (\\\\server\\share) cannot hold a workspace. Use a local folder or a mapped drive.', field);
  }
  if (!isAbsolute(folder)) throw new AppFailure('invalid_input', 'Choose a full folder path (it must be absolute).', field);
  return realpathOfExistingPrefix(resolve(folder));
}

export function assertAcceptableWorkspaceFolder(folder: string, policy: FolderPolicy, otherWorkspaces: ReadonlyArray<{ name: string; folder: string }>): void {
  if (parse(folder).root === folder) {
    throw new AppFailure('invalid_input', 'A drive or filesystem root cannot be a workspace. Choose or create a folder inside it.', 'folder');
  }
  const home = realpathOfExistingPrefix(resolve(policy.homeDir));
  if (isPathInside(home, folder)) {
    throw new AppFailure('invalid_input', 'Your home folder (or a folder containing it) cannot be a workspace. Choose a folder inside it.', 'folder');
  }
  for (const dir of policy.protectedDirs) {
    const real = realpathOfExistingPrefix(resolve(dir));
    if (isPathInside(folder, real) || isPathInside(real, folder)) {
      throw new AppFailure('invalid_input', "This folder belongs to WokGen Studio's own data. Choose another folder.", 'folder');
    }
  }
  for (const other of otherWorkspaces) {
    if (isPathInside(folder, other.folder)) {
      throw new AppFailure('conflict', `This folder is inside the workspace "${other.name}". Workspaces cannot be nested.`, 'folder');
    }
    if (isPathInside(other.folder, folder)) {
      throw new AppFailure('conflict', `This folder contains the workspace "${other.name}". Workspaces cannot be nested.`, 'folder');
    }
  }
}
