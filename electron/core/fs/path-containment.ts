/**
 * Path containment: nothing is read or written outside the folder it belongs to.
 *
 * Pattern from Signal Desktop's `ts/util/isPathInside.node.ts` (resolve both sides, compare
 * with `parent + sep`), extended to symlinks: the deepest existing ancestor of the target is
 * resolved with `realpath`, so a symlink inside a workspace pointing elsewhere is caught.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { AppFailure } from '../../../shared/errors';

/** Lexical check: is `candidate` equal to or inside `parent` (both absolute)? */
export function isPathInside(candidate: string, parent: string): boolean {
  const rel = relative(resolve(parent), resolve(candidate));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/** `realpath` of the deepest part of `target` that exists, with the rest appended. */
export function realpathOfExistingPrefix(target: string): string {
  let existing = target;
  const tail: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) break;
    tail.unshift(existing.slice(parent.length).replace(/^[\\/]+/, ''));
    existing = parent;
  }
  const real = existsSync(existing) ? realpathSync.native(existing) : existing;
  return tail.length === 0 ? real : resolve(real, ...tail);
}

/**
 * Resolves `relativePath` inside `root` and proves it stays there, following symlinks.
 * Throws `path_outside_workspace` for absolute paths, `..` escapes and symlink escapes.
 */
export function resolveInside(root: string, relativePath: string): string {
  if (relativePath.length === 0 || relativePath.includes('\u0000')) {
    throw new AppFailure('path_outside_workspace', 'The file name is empty or contains NUL.', 'path');
  }
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) {
    throw new AppFailure('path_outside_workspace', `"${relativePath}" is an absolute path; only paths inside the workspace are allowed.`, 'path');
  }
  // NTFS alternate data streams (`a.png:hidden`) write where no file manager shows them.
  if (process.platform === 'win32' && relativePath.includes(':')) {
    throw new AppFailure('path_outside_workspace', `"${relativePath}" contains ":", which Windows treats as a hidden data stream.`, 'path');
  }
  const lexical = resolve(root, relativePath);
  if (!isPathInside(lexical, root) || lexical === resolve(root)) {
    throw new AppFailure('path_outside_workspace', `"${relativePath}" points outside the workspace folder.`, 'path');
  }
  const realRoot = realpathOfExistingPrefix(resolve(root));
  const realTarget = realpathOfExistingPrefix(lexical);
  if (!isPathInside(realTarget, realRoot)) {
    throw new AppFailure('path_outside_workspace', `"${relativePath}" leads outside the workspace folder through a symbolic link.`, 'path');
  }
  return lexical;
}
