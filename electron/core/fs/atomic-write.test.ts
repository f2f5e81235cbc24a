import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomicSync, writeFileInsideSync } from './atomic-write';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'wokgen-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomicSync', () => {
  it('writes the whole file, creates parents, and leaves no temp file behind', () => {
    const target = join(dir, 'a', 'b', 'manifest.json');
    writeFileAtomicSync(target, '{"ok":true}');
    expect(readFileSync(target, 'utf8')).toBe('{"ok":true}');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['manifest.json']);
  });

  it('replaces an existing file in one step', () => {
    const target = join(dir, 'x.bin');
    writeFileAtomicSync(target, new Uint8Array([1, 2, 3]));
    writeFileAtomicSync(target, new Uint8Array([9]));
    expect([...readFileSync(target)]).toEqual([9]);
  });

  it('never overwrites when asked not to, and cleans up its temp file', () => {
    const target = join(dir, 'export.png');
    writeFileSync(target, 'original');
    expect(() => writeFileAtomicSync(target, 'new', { noOverwrite: true })).toThrow(/EEXIST/);
    expect(readFileSync(target, 'utf8')).toBe('original');
    expect(readdirSync(dir)).toEqual(['export.png']);
  });

  it('fails cleanly when the target is a directory, leaving no temp file', () => {
    mkdirSync(join(dir, 'taken'));
    expect(() => writeFileAtomicSync(join(dir, 'taken'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});

describe('writeFileInsideSync', () => {
  it('writes inside the root and refuses escapes without touching the disk', () => {
    const root = join(dir, 'ws');
    mkdirSync(root);
    writeFileInsideSync(root, 'assets/one.txt', '1');
    expect(readFileSync(join(root, 'assets', 'one.txt'), 'utf8')).toBe('1');
    expect(() => writeFileInsideSync(root, '../escape.txt', 'x')).toThrow(/outside the workspace/);
    symlinkSync(dir, join(root, 'up'));
    expect(() => writeFileInsideSync(root, 'up/escape.txt', 'x')).toThrow(/symbolic link/);
    expect(readdirSync(dir).sort()).toEqual(['ws']);
  });
});
