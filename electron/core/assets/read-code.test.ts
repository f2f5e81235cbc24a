import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as fsPromises from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Asset } from '../../../shared/library';
import { CODE_READ_MAX_BYTES, readCodeAsset } from './read-code';

// readFile wrapped in a spy (still the real one) so a test can prove an oversized file is never read.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof fsPromises>();
  return { ...actual, readFile: vi.fn(actual.readFile) };
});

const codeAsset = (relativePath: string, overrides: Partial<Asset> = {}): Asset => ({
  id: 'a1',
  jobId: 'j1',
  workspaceId: 'w1',
  slot: 0,
  kind: 'code',
  relativePath,
  mime: 'text/html',
  width: null,
  height: null,
  bytes: 10,
  metadata: {},
  starred: false,
  createdAt: 1,
  ...overrides,
});

describe('readCodeAsset', () => {
  let root: string;
  let folder: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'wokgen-code-'));
    folder = join(root, 'ws');
    mkdirSync(join(folder, 'assets'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const folderOf = () => folder;

  it('returns the text of a code file inside the workspace', async () => {
    writeFileSync(join(folder, 'assets', 'hero.html'), '<section class="p-4">Hi</section>\n');
    await expect(readCodeAsset(codeAsset('assets/hero.html'), folderOf)).resolves.toEqual({
      code: '<section class="p-4">Hi</section>\n',
      relativePath: 'assets/hero.html',
    });
  });

  it('refuses unknown assets and assets that are not code, naming the field', async () => {
    await expect(readCodeAsset(undefined, folderOf)).rejects.toMatchObject({ code: 'not_found', field: 'assetId' });
    await expect(readCodeAsset(codeAsset('assets/a.png', { kind: 'image' }), folderOf)).rejects.toMatchObject({ code: 'invalid_input', field: 'assetId' });
  });

  it('never reads outside the workspace folder', async () => {
    writeFileSync(join(root, 'secret.html'), 'secret');
    await expect(readCodeAsset(codeAsset('../secret.html'), folderOf)).rejects.toMatchObject({ code: 'path_outside_workspace' });
    symlinkSync(join(root, 'secret.html'), join(folder, 'assets', 'link.html'));
    await expect(readCodeAsset(codeAsset('assets/link.html'), folderOf)).rejects.toMatchObject({ code: 'path_outside_workspace' });
  });

  it('says when the file is missing or too large', async () => {
    await expect(readCodeAsset(codeAsset('assets/gone.html'), folderOf)).rejects.toMatchObject({ code: 'not_found', message: /missing/ });
    writeFileSync(join(folder, 'assets', 'big.html'), 'x'.repeat(CODE_READ_MAX_BYTES + 1));
    await expect(readCodeAsset(codeAsset('assets/big.html'), folderOf)).rejects.toMatchObject({ code: 'invalid_input', message: /larger than/ });
  });

  it('refuses an oversized file from its size, without reading it into memory', async () => {
    writeFileSync(join(folder, 'assets', 'huge.html'), Buffer.alloc(CODE_READ_MAX_BYTES * 4, 0x78));
    vi.mocked(readFile).mockClear();
    await expect(readCodeAsset(codeAsset('assets/huge.html'), folderOf)).rejects.toMatchObject({ code: 'invalid_input', field: 'assetId' });
    expect(readFile).not.toHaveBeenCalled();
  });
});
