import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Asset } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';
import { TestCore } from '../testing/test-core';
import { IMPORT_MAX_BYTES, sniffImageType } from './import-image';
import { formatForExtension } from './asset-formats';
import { readEmbeddedMetadata } from './embedded-metadata';

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 4, background: '#ff000080' } }).png().toBuffer();

describe('importing an image into a workspace', () => {
  let t: TestCore;
  let ws: Workspace;
  beforeEach(async () => {
    t = new TestCore();
    const created = await t.call('workspaces.create', { name: 'Sprites', mode: 'pixel' });
    if (!created.ok) throw new Error(created.error.message);
    ws = created.value as Workspace;
  });
  afterEach(async () => t.dispose());

  it('stores a dropped file as a PNG asset of the workspace, with its metadata and a job that says import', async () => {
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#00ff00' } }).jpeg().toBuffer();
    const result = await t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'bytes', name: 'hero.jpg', base64: bytes.toString('base64') } });
    expect(result).toMatchObject({ ok: true, value: { kind: 'image', mime: 'image/png', width: 40, height: 30, workspaceId: ws.id } });
    const asset = (result as { value: Asset }).value;
    const file = join(ws.folder, asset.relativePath);
    expect(existsSync(file)).toBe(true);
    const pngFormat = formatForExtension('png');
    if (pngFormat === undefined) throw new Error('no png format');
    expect(readEmbeddedMetadata(readFileSync(file), pngFormat).metadata).toMatchObject({ tool: 'import', extra: { importedFrom: 'hero.jpg' } });
    expect(t.core.services.library.jobs.get(asset.jobId ?? '')).toMatchObject({ tool: 'import', status: 'succeeded' });
  });

  it('reads a file chosen in the open dialog in main', async () => {
    const path = join(t.homeDir, 'sprite.png');
    writeFileSync(path, await png(16, 16));
    t.nextFile = path;
    expect(await t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'dialog' } })).toMatchObject({ ok: true, value: { width: 16, height: 16 } });
  });

  it('answers cancelled when the dialog is closed, and writes nothing', async () => {
    t.nextFile = null;
    expect(await t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'dialog' } })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('refuses what is not an image, a damaged image, a huge file and an unknown workspace — with clear messages', async () => {
    const call = (base64: string) => t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'bytes', name: 'x.png', base64 } });
    expect(await call(Buffer.from('<svg onload="alert(1)"/>').toString('base64'))).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /not a PNG, JPEG, WebP or GIF/ } });
    const truncated = (await png(64, 64)).subarray(0, 60);
    expect(await call(truncated.toString('base64'))).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /could not be read/ } });
    const big = join(t.homeDir, 'big.png');
    writeFileSync(big, Buffer.alloc(IMPORT_MAX_BYTES + 1));
    t.nextFile = big;
    expect(await t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'dialog' } })).toMatchObject({ ok: false, error: { message: /larger than 20 MB/ } });
    expect(
      await t.call('assets.importImage', { workspaceId: '00000000-0000-4000-8000-000000000000', source: { from: 'bytes', name: 'a.png', base64: (await png(2, 2)).toString('base64') } }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const page = t.core.services.library.assets.page(ws.id, { limit: 10, cursor: null, starredOnly: false });
    expect(page.items).toHaveLength(0);
  });

  it('records the job and the asset in one transaction: no orphan import job when the asset row fails', async () => {
    const library = t.core.services.library;
    const fail = vi.spyOn(library.assets, 'insertMany').mockImplementation(() => {
      throw new Error('disk full');
    });
    const result = await t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'bytes', name: 'a.png', base64: (await png(4, 4)).toString('base64') } });
    fail.mockRestore();
    expect(result).toMatchObject({ ok: false });
    expect(library.jobs.listByWorkspace(ws.id, 10)).toEqual([]);
    expect(readdirSync(join(ws.folder, 'assets'), { recursive: true }).filter((name) => String(name).endsWith('.png'))).toEqual([]);
  });

  it('refuses a workspace whose folder vanished, without recreating it', async () => {
    renameSync(ws.folder, `${ws.folder}-unplugged`);
    const result = await t.call('assets.importImage', { workspaceId: ws.id, source: { from: 'bytes', name: 'a.png', base64: (await png(4, 4)).toString('base64') } });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', message: /folder is missing/ } });
    expect(existsSync(ws.folder)).toBe(false);
  });

  it('tells image types by their bytes, not their names', () => {
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageType(Buffer.from('RIFF0000WEBPVP8 '))).toBe('webp');
    expect(sniffImageType(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffImageType(Buffer.from('<svg'))).toBeNull();
  });
});
