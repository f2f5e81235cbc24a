import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of';
import { isPathInside, resolveInside } from './path-containment';

let root: string;
let outside: string;
beforeEach(() => {
  const base = mkdtempSync(join(tmpdir(), 'wokgen-contain-'));
  root = join(base, 'workspace');
  outside = join(base, 'elsewhere');
  mkdirSync(join(root, 'assets'), { recursive: true });
  mkdirSync(outside);
});
afterEach(() => rmSync(join(root, '..'), { recursive: true, force: true }));

describe('isPathInside', () => {
  it('accepts the folder itself and its descendants only', () => {
    expect(isPathInside('/a/b', '/a/b')).toBe(true);
    expect(isPathInside('/a/b/c/d', '/a/b')).toBe(true);
    expect(isPathInside('/a/bc', '/a/b')).toBe(false);
    expect(isPathInside('/a', '/a/b')).toBe(false);
    expect(isPathInside('/a/b/../c', '/a/b')).toBe(false);
  });
});

describe('resolveInside', () => {
  it('resolves ordinary relative paths, existing or not', () => {
    expect(resolveInside(root, 'assets/a.png')).toBe(join(root, 'assets', 'a.png'));
    expect(resolveInside(root, 'new/deeper/file.json')).toBe(join(root, 'new', 'deeper', 'file.json'));
  });

  it('refuses .. escapes, absolute paths, drive letters, the root itself and NUL', () => {
    for (const bad of ['../x.png', 'assets/../../x.png', '/etc/passwd', 'C:\\x', '.', 'a\u0000b', '']) {
      expect(failureOf(() => resolveInside(root, bad)).code).toBe('path_outside_workspace');
    }
  });

  it('refuses a symlink inside the workspace that points outside', () => {
    symlinkSync(outside, join(root, 'assets', 'link'));
    const error = failureOf(() => resolveInside(root, 'assets/link/stolen.png'));
    expect(error.code).toBe('path_outside_workspace');
    expect(error.message).toMatch(/symbolic link/);
  });

  it('accepts a workspace root that is itself reached through a symlink', () => {
    const alias = join(outside, 'alias');
    symlinkSync(root, alias);
    expect(resolveInside(alias, 'assets/a.png')).toBe(join(alias, 'assets', 'a.png'));
  });
});
