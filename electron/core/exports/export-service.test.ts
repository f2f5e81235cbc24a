import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportResult, WokpackSummary } from '../../../shared/exports';
import type { Asset } from '../../../shared/library';
import type { Workspace } from '../../../shared/workspace';
import { formatForExtension } from '../assets/asset-formats';
import { readEmbeddedMetadata } from '../assets/embedded-metadata';
import { applyRebuild, rebuildWorkspaceRows } from '../assets/rebuild-library';
import { metadataInput, pixelArtPng } from '../assets/testing';
import { writeAssetFiles } from '../assets/asset-writer';
import { newRowId } from '../library/row-id';
import { TestCore } from '../testing/test-core';

let t: TestCore;

beforeEach(() => {
  t = new TestCore();
});
afterEach(async () => {
  await t.dispose();
});

async function value<T>(promise: Promise<unknown>): Promise<T> {
  const result = (await promise) as { ok: boolean; value?: T; error?: unknown };
  if (!result.ok) throw new Error(`call failed: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

async function workspace(mode: Workspace['mode'], name: string): Promise<Workspace> {
  return value<Workspace>(t.call('workspaces.create', { name, mode }));
}

/** Real asset files written by the real writer, rows made by the real rebuild. */
async function addPixelAssets(ws: Workspace, count: number): Promise<Asset[]> {
  for (let i = 0; i < count; i += 1) {
    await writeAssetFiles({
      workspaceFolder: ws.folder,
      metadata: metadataInput({ workspaceId: ws.id, mode: ws.mode, prompt: `hero ${i}, pixel art`, createdAt: Date.UTC(2026, 0, 1, 0, 0, i) }),
      processed: { bytes: await pixelArtPng(16, 4 + i * 4), mime: 'image/png', extension: 'png', width: 16, height: 16 },
    });
  }
  applyRebuild(t.core.services.library, await rebuildWorkspaceRows(ws.folder, ws.id));
  return t.core.services.library.assets.page(ws.id, { limit: 200 }).items;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

const exportId = () => `exp-${newRowId()}`;

describe('exports service', () => {
  it('lists exactly each mode’s formats, with .wokpack in every mode', async () => {
    const pixel = await value<Array<{ id: string }>>(t.call('exports.formats', { mode: 'pixel' }));
    expect(pixel.map((f) => f.id)).toEqual(['png', 'gif', 'sprite-strip', 'sprite-sheet', 'palette-gpl', 'palette-hex', 'zip', 'wokpack']);
    const business = await value<Array<{ id: string }>>(t.call('exports.formats', { mode: 'business' }));
    expect(business.map((f) => f.id)).toEqual(['png', 'brand-kit', 'social', 'favicon', 'wokpack']);
    for (const mode of ['uiux', 'vector', 'emoji'] as const) {
      const formats = await value<Array<{ id: string }>>(t.call('exports.formats', { mode }));
      expect(formats.at(-1)?.id).toBe('wokpack');
    }
  });

  it('exports a selection into the workspace exports folder as a zip, with progress events', async () => {
    const ws = await workspace('pixel', 'Heroes');
    const assets = await addPixelAssets(ws, 3);
    const id = exportId();
    const result = await value<ExportResult>(
      t.call('exports.run', { exportId: id, workspaceId: ws.id, assets: assets.map((a) => a.id), format: 'png', options: { scales: ['8'] }, destination: 'workspace' }),
    );
    expect(result.file.startsWith(join(ws.folder, 'exports'))).toBe(true);
    expect(result.file.endsWith('.zip')).toBe(true);
    expect(result.assetCount).toBe(3);
    const listing = Object.keys(unzipSync(readFileSync(result.file))).sort();
    expect(listing).toEqual(['hero-0.png', 'hero-1.png', 'hero-2.png']);
    expect(listing).toEqual([...result.entries].sort());
    const first = unzipSync(readFileSync(result.file))['hero-0.png'];
    expect((await sharp(first).metadata()).width).toBe(128);
    const progress = t.events.filter((e) => e.event === 'exports.progress').map((e) => e.payload as { exportId: string; phase: string; done: number; total: number });
    expect(progress.every((p) => p.exportId === id)).toBe(true);
    expect(progress).toContainEqual({ exportId: id, phase: 'rendering', done: 3, total: 3 });
    expect(progress.at(-1)).toEqual({ exportId: id, phase: 'writing', done: 1, total: 1 });
  });

  it('writes one asset’s single file as it is, and a whole workspace with `all`', async () => {
    const ws = await workspace('pixel', 'Solo');
    const [asset] = await addPixelAssets(ws, 2);
    const one = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [asset!.id], format: 'gif', destination: 'workspace' }));
    expect(one.file.endsWith('.gif')).toBe(true);
    expect((await sharp(readFileSync(one.file)).metadata()).format).toBe('gif');
    const all = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: 'all', format: 'palette-hex', destination: 'workspace' }));
    expect(readFileSync(all.file, 'utf8').trim().split('\n').length).toBeGreaterThanOrEqual(4);
  });

  it('exports the whole animation as a GIF when one of its frames is selected, and only that frame as PNG', async () => {
    const ws = await workspace('pixel', 'Anim');
    const jobId = newRowId();
    for (let frame = 0; frame < 3; frame += 1) {
      await writeAssetFiles({
        workspaceFolder: ws.folder,
        metadata: metadataInput({ workspaceId: ws.id, jobId, slot: frame, extra: { group: { type: 'frames', jobId, frame, count: 3, fps: 8 } } }),
        processed: { bytes: await pixelArtPng(16, 4 + frame * 4), mime: 'image/png', extension: 'png', width: 16, height: 16 },
      });
    }
    applyRebuild(t.core.services.library, await rebuildWorkspaceRows(ws.folder, ws.id));
    const middle = t.core.services.library.assets.listByJob(jobId)[1]!;
    const gif = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [middle.id], format: 'gif', destination: 'workspace' }));
    expect(gif.assetCount).toBe(3);
    const meta = await sharp(readFileSync(gif.file), { pages: -1 }).metadata();
    expect(meta.pages).toBe(3);
    // 8 fps = 125 ms; GIF stores hundredths of a second, so 130.
    expect(meta.delay).toEqual([130, 130, 130]);
    const png = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [middle.id], format: 'png', destination: 'workspace' }));
    expect(png.assetCount).toBe(1);
  });

  it('saves where the save dialog says and never overwrites: a taken name becomes "name (2)"', async () => {
    const ws = await workspace('pixel', 'Dialog');
    const assets = await addPixelAssets(ws, 1);
    const outDir = join(t.root, 'out');
    mkdirSync(outDir);
    const taken = join(outDir, 'sprite.png');
    writeFileSync(taken, 'keep me');
    t.nextSaveFile = taken;
    const result = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [assets[0]!.id], format: 'png', destination: 'dialog' }));
    expect(result.file).toBe(join(outDir, 'sprite (2).png'));
    expect(result.renamed).toBe(true);
    expect(readFileSync(taken, 'utf8')).toBe('keep me');
    expect(listFiles(outDir)).toEqual(['sprite (2).png', 'sprite.png']);
  });

  it('writes nothing when the save dialog is cancelled', async () => {
    const ws = await workspace('pixel', 'Cancelled');
    const assets = await addPixelAssets(ws, 1);
    rmSync(join(ws.folder, 'exports'), { recursive: true }); // the user removed it
    t.nextSaveFile = null;
    const result = await t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [assets[0]!.id], format: 'png', destination: 'dialog' });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(listFiles(join(ws.folder, 'exports'))).toEqual([]);
    // Not even the exports folder is created for an export that was not written.
    expect(existsSync(join(ws.folder, 'exports'))).toBe(false);
  });

  it('refuses assets deleted from the gallery (soft delete) and leaves them out of a whole-workspace export', async () => {
    const ws = await workspace('pixel', 'Deleted');
    const assets = await addPixelAssets(ws, 2);
    t.core.services.library.assets.markDeleted(ws.id, [assets[0]!.id], Date.now());
    const result = await t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [assets[0]!.id], format: 'wokpack', destination: 'workspace' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found', field: 'assets' } });
    const all = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: 'all', format: 'wokpack', destination: 'workspace' }));
    expect(all.assetCount).toBe(1);
  });

  it('refuses a format of another mode, bad options and assets of another workspace, naming the field', async () => {
    const ws = await workspace('pixel', 'Strict');
    const other = await workspace('pixel', 'Other');
    const [mine] = await addPixelAssets(ws, 1);
    const [theirs] = await addPixelAssets(other, 1);
    const run = (patch: Record<string, unknown>) =>
      t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [mine!.id], format: 'png', destination: 'workspace', ...patch });
    expect(await run({ format: 'favicon' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'format' } });
    expect(await run({ options: { scales: ['5'] } })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'options.scales.0' } });
    expect(await run({ assets: [theirs!.id] })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'assets' } });
    expect(await run({ assets: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'assets' } });
  });

  it('cancels a running export and writes nothing', async () => {
    const ws = await workspace('pixel', 'Stop');
    const assets = await addPixelAssets(ws, 3);
    const id = exportId();
    const running = t.call('exports.run', { exportId: id, workspaceId: ws.id, assets: assets.map((a) => a.id), format: 'zip', destination: 'workspace' });
    expect(await t.call('exports.cancel', { exportId: id })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(listFiles(join(ws.folder, 'exports'))).toEqual([]);
    expect(await t.call('exports.cancel', { exportId: id })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('reveals only files it exported', async () => {
    const ws = await workspace('pixel', 'Reveal');
    const assets = await addPixelAssets(ws, 1);
    const result = await value<ExportResult>(t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: [assets[0]!.id], format: 'png', destination: 'workspace' }));
    expect(await t.call('exports.reveal', { file: result.file })).toEqual({ ok: true, value: { revealed: true } });
    expect(t.revealed).toEqual([result.file]);
    expect(await t.call('exports.reveal', { file: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('.wokpack round trip', () => {
  async function packOf(ws: Workspace, assets: ReadonlyArray<Asset>): Promise<string> {
    const result = await value<ExportResult>(
      t.call('exports.run', { exportId: exportId(), workspaceId: ws.id, assets: assets.map((a) => a.id), format: 'wokpack', destination: 'workspace' }),
    );
    expect(result.file.endsWith('.wokpack')).toBe(true);
    return result.file;
  }

  it('exports a selection and imports it into a workspace of another mode only when confirmed, recording the source mode', async () => {
    const pixel = await workspace('pixel', 'Sprites');
    const assets = await addPixelAssets(pixel, 3);
    t.core.services.library.assets.setStarred(assets[1]!.id, true);
    const packFile = await packOf(pixel, assets);
    const listing = Object.keys(unzipSync(readFileSync(packFile))).sort();
    expect(listing).toEqual(['assets/1-hero-2.png', 'assets/2-hero-1.png', 'assets/3-hero-0.png', 'manifest.json']);
    const manifest = JSON.parse(new TextDecoder().decode(unzipSync(readFileSync(packFile))['manifest.json'])) as { formatVersion: number; assets: Array<{ sourceMode: string; metadata: { prompt: string } }> };
    expect(manifest.formatVersion).toBe(1);
    expect(manifest.assets.map((a) => a.sourceMode)).toEqual(['pixel', 'pixel', 'pixel']);
    expect(manifest.assets[0]!.metadata.prompt).toBe('hero 2, pixel art');

    const business = await workspace('business', 'Brand');
    t.nextFile = packFile;
    const summary = await value<WokpackSummary>(t.call('wokpack.choose', { workspaceId: business.id }));
    expect(summary).toMatchObject({ assetCount: 3, modes: { pixel: 3 }, crossMode: true });
    expect(await t.call('wokpack.import', { token: summary.token, workspaceId: business.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', field: 'allowCrossMode' },
    });
    expect(t.core.services.library.assets.countByWorkspace(business.id)).toBe(0);

    const imported = await value<{ imported: number; assetIds: string[] }>(t.call('wokpack.import', { token: summary.token, workspaceId: business.id, allowCrossMode: true }));
    expect(imported.imported).toBe(3);
    expect(t.events.some((e) => e.event === 'wokpack.imported')).toBe(true);
    expect(t.events.filter((e) => e.event === 'exports.progress').map((e) => e.payload)).toContainEqual({ exportId: summary.token, phase: 'importing', done: 3, total: 3 });
    const rows = t.core.services.library.assets.page(business.id, { limit: 10 }).items;
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.metadata['sourceMode']).toBe('pixel');
      expect(row.jobId).toBeNull();
      expect(assets.map((a) => a.id)).not.toContain(row.id);
      const thumbnail = row.metadata['thumbnailPath'];
      expect(typeof thumbnail === 'string' && existsSync(join(business.folder, thumbnail))).toBe(true);
      const embedded = readEmbeddedMetadata(readFileSync(join(business.folder, row.relativePath)), formatForExtension('png')!).metadata;
      expect(embedded).toMatchObject({ assetId: row.id, workspaceId: business.id, mode: 'business', extra: { sourceMode: 'pixel' } });
    }
    expect(rows.filter((row) => row.starred)).toHaveLength(1);
    // No staging folder is left, and the token is spent.
    expect(readdirSync(join(business.folder, '.wokgen')).filter((name) => name.startsWith('import-'))).toEqual([]);
    expect(await t.call('wokpack.import', { token: summary.token, workspaceId: business.id, allowCrossMode: true })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    // The imported files survive a rebuild of the library from the folder.
    const rebuilt = await rebuildWorkspaceRows(business.folder, business.id);
    expect(rebuilt.assets).toHaveLength(3);
  });

  it('imports into a workspace of the same mode without asking', async () => {
    const a = await workspace('pixel', 'A');
    const packFile = await packOf(a, await addPixelAssets(a, 2));
    const b = await workspace('pixel', 'B');
    t.nextFile = packFile;
    const summary = await value<WokpackSummary>(t.call('wokpack.choose', { workspaceId: b.id }));
    expect(summary.crossMode).toBe(false);
    expect(await value<{ imported: number }>(t.call('wokpack.import', { token: summary.token, workspaceId: b.id }))).toMatchObject({ imported: 2 });
  });

  it('spends the token when an import starts: two concurrent imports of one pack import it once', async () => {
    const a = await workspace('pixel', 'Twice src');
    const packFile = await packOf(a, await addPixelAssets(a, 2));
    const b = await workspace('pixel', 'Twice dst');
    t.nextFile = packFile;
    const summary = await value<WokpackSummary>(t.call('wokpack.choose', { workspaceId: b.id }));
    const results = await Promise.all([
      t.call('wokpack.import', { token: summary.token, workspaceId: b.id }),
      t.call('wokpack.import', { token: summary.token, workspaceId: b.id }),
    ]);
    expect(results.filter((r) => (r as { ok: boolean }).ok)).toHaveLength(1);
    expect(results).toContainEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'not_found' }) }));
    expect(t.core.services.library.assets.countByWorkspace(b.id)).toBe(2);
  });

  it('remembers a chosen pack by its hash, not its bytes: a file changed before the import is refused', async () => {
    const a = await workspace('pixel', 'Swap src');
    const packFile = await packOf(a, await addPixelAssets(a, 1));
    const other = await packOf(a, await addPixelAssets(a, 2));
    const b = await workspace('pixel', 'Swap dst');
    t.nextFile = packFile;
    const summary = await value<WokpackSummary>(t.call('wokpack.choose', { workspaceId: b.id }));
    writeFileSync(packFile, readFileSync(other)); // swapped after the user saw the summary
    expect(await t.call('wokpack.import', { token: summary.token, workspaceId: b.id })).toMatchObject({ ok: false, error: { field: 'file', message: expect.stringContaining('changed since it was chosen') } });
    expect(t.core.services.library.assets.countByWorkspace(b.id)).toBe(0);
  });

  it('cancels a running import through exports.cancel with its token, importing nothing', async () => {
    const a = await workspace('pixel', 'Cancel src');
    const packFile = await packOf(a, await addPixelAssets(a, 3));
    const b = await workspace('pixel', 'Cancel dst');
    t.nextFile = packFile;
    const summary = await value<WokpackSummary>(t.call('wokpack.choose', { workspaceId: b.id }));
    let settled = false;
    const running = t.call('wokpack.import', { token: summary.token, workspaceId: b.id }).finally(() => (settled = true));
    let cancelled = false;
    while (!settled && !cancelled) {
      cancelled = (await value<{ cancelled: boolean }>(t.call('exports.cancel', { exportId: summary.token }))).cancelled;
      await new Promise((resolve) => setImmediate(resolve)); // let the import's I/O run
    }
    expect(cancelled).toBe(true);
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(t.core.services.library.assets.countByWorkspace(b.id)).toBe(0);
  });

  function craftedPack(files: Record<string, Uint8Array>): string {
    const file = join(t.root, `crafted-${newRowId()}.wokpack`);
    writeFileSync(file, zipSync(files));
    return file;
  }

  async function validPackParts(): Promise<{ manifest: Record<string, unknown>; png: Uint8Array }> {
    const a = await workspace('pixel', `Src ${newRowId().slice(-6)}`);
    const packFile = await packOf(a, await addPixelAssets(a, 1));
    const files = unzipSync(readFileSync(packFile));
    return { manifest: JSON.parse(new TextDecoder().decode(files['manifest.json'])) as Record<string, unknown>, png: files['assets/1-hero-0.png']! };
  }

  it('refuses a zip-slip pack and writes nothing anywhere', async () => {
    const { manifest, png } = await validPackParts();
    const target = await workspace('pixel', 'Victim');
    t.nextFile = craftedPack({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'assets/1-hero-0.png': png, '../../evil.png': png });
    const outsideData = () => listFiles(t.root).filter((file) => !file.startsWith('data/'));
    const before = outsideData();
    const result = await t.call('wokpack.choose', { workspaceId: target.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'file', message: expect.stringContaining('outside the pack') } });
    expect(outsideData()).toEqual(before);
    expect(t.core.services.library.assets.countByWorkspace(target.id)).toBe(0);
  });

  it('refuses a manifest path that escapes, an unknown version and a tampered file', async () => {
    const { manifest, png } = await validPackParts();
    const target = await workspace('pixel', 'Strict target');
    const attempt = async (files: Record<string, Uint8Array>) => {
      t.nextFile = craftedPack(files);
      return t.call('wokpack.choose', { workspaceId: target.id });
    };
    const assets = manifest['assets'] as Array<Record<string, unknown>>;
    const escaping = { ...manifest, assets: [{ ...assets[0], file: '../1-hero-0.png' }] };
    expect(await attempt({ 'manifest.json': strToU8(JSON.stringify(escaping)), 'assets/1-hero-0.png': png })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const future = { ...manifest, formatVersion: 2 };
    expect(await attempt({ 'manifest.json': strToU8(JSON.stringify(future)), 'assets/1-hero-0.png': png })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('newer WokGen Studio') },
    });
    const tampered = png.slice();
    tampered[tampered.length - 20] = (tampered[tampered.length - 20] ?? 0) ^ 0xff;
    expect(await attempt({ 'manifest.json': strToU8(JSON.stringify(manifest)), 'assets/1-hero-0.png': tampered })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('checksum') },
    });
    expect(await attempt({ 'assets/1-hero-0.png': png })).toMatchObject({ ok: false, error: { message: expect.stringContaining('manifest.json') } });
    t.nextFile = join(t.root, 'not-a-pack.wokpack');
    writeFileSync(t.nextFile, 'hello');
    expect(await t.call('wokpack.choose', { workspaceId: target.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('not a .wokpack') } });
  });
});
