import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assetResponseHeaders, resolveAssetRequest } from './asset-file-server';

let root: string;
let folder: string;
const folderOf = (id: string) => (id === 'ws1' ? folder : undefined);

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wokgen-assetsrv-'));
  folder = join(root, 'ws');
  mkdirSync(join(folder, 'assets'), { recursive: true });
  writeFileSync(join(folder, 'assets', 'a b.png'), 'png');
  writeFileSync(join(folder, 'assets', 'notes.txt'), 'txt');
  writeFileSync(join(root, 'secret.png'), 'nope');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('resolveAssetRequest', () => {
  it('serves an image inside a known workspace', () => {
    expect(resolveAssetRequest('ws1/assets/a%20b.png', folderOf)).toEqual({ file: join(folder, 'assets', 'a b.png'), mime: 'image/png' });
  });

  it.each([
    ['unknown workspace', 'ws2/assets/a%20b.png'],
    ['traversal', 'ws1/../secret.png'],
    ['encoded traversal', 'ws1/%2e%2e/secret.png'],
    ['encoded slash traversal', 'ws1/assets%2F..%2F..%2Fsecret.png'],
    ['not an image', 'ws1/assets/notes.txt'],
    ['missing file', 'ws1/assets/none.png'],
    ['a folder', 'ws1/assets'],
    ['bad encoding', 'ws1/assets/%E0%A4%A.png'],
    ['no path', 'ws1'],
  ])('refuses %s', (_label, path) => {
    expect(resolveAssetRequest(path, folderOf)).toBeNull();
  });

  it('refuses a symlink that leads out of the workspace', () => {
    symlinkSync(join(root, 'secret.png'), join(folder, 'assets', 'link.png'));
    expect(resolveAssetRequest('ws1/assets/link.png', folderOf)).toBeNull();
  });

  it('sandboxes SVG responses', () => {
    expect(assetResponseHeaders('image/svg+xml')['Content-Security-Policy']).toContain('sandbox');
    expect(assetResponseHeaders('image/png')['Content-Security-Policy']).toBeUndefined();
  });
});
