import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { patternPng, TempFolders } from '../../assets/testing';
import { sourceOf, testContext } from '../testing';
import type { NewAsset } from '../../library/assets-repo';
import { STALE_STAGE_MS, importPack } from './import-pack';
import { DEFAULT_PACK_LIMITS, isUnsafeEntryName } from './manifest';
import { readPack } from './read-pack';
import { wokpackExporter } from './write-pack';

const folders = new TempFolders();
afterEach(() => folders.cleanup());

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

async function pack(extra: Array<{ bytes: Uint8Array; name: string; path: string; kind: 'image' | 'svg' }> = []): Promise<Uint8Array> {
  const sources = [
    sourceOf(await patternPng(24, 24), 'one', { metadata: { prompt: 'one', tool: 'generate', seed: 7 } }),
    sourceOf(await patternPng(16, 16), 'two', { metadata: { prompt: 'two', seed: 'not a number' } }),
    ...extra.map((e) => sourceOf(e.bytes, e.name, { relativePath: e.path, kind: e.kind, mime: e.kind === 'svg' ? 'image/svg+xml' : 'image/png' })),
  ];
  const out = await wokpackExporter('emoji').run(sources, {}, testContext());
  return out.files[0]!.bytes;
}

describe('.wokpack reading', () => {
  it('round-trips the manifest and files', async () => {
    const read = await readPack(await pack());
    expect(read.manifest).toMatchObject({ formatVersion: 1, source: { mode: 'emoji', workspaceName: 'Test Workspace' } });
    expect(read.entries.map((e) => e.asset.file)).toEqual(['assets/1-one.png', 'assets/2-two.png']);
    expect(read.modes).toEqual({ emoji: 2 });
  });

  it('refuses entries over the size limits before inflating them', async () => {
    const bytes = await pack();
    await expect(readPack(bytes, { ...DEFAULT_PACK_LIMITS, maxEntryBytes: 100 })).rejects.toThrow(/over the 1 KB limit for one file/);
    await expect(readPack(bytes, { ...DEFAULT_PACK_LIMITS, maxTotalBytes: 100 })).rejects.toThrow(/would unpack to/);
    await expect(readPack(bytes, { ...DEFAULT_PACK_LIMITS, maxPackBytes: 100 })).rejects.toThrow(/over the/);
    await expect(readPack(bytes, { ...DEFAULT_PACK_LIMITS, maxAssets: 1 })).rejects.toThrow(/at most 1/);
  });

  it('has limits sized for asset packs, not gigabytes (security review #2)', () => {
    expect(DEFAULT_PACK_LIMITS.maxPackBytes).toBeLessThanOrEqual(256 * 1024 * 1024);
    expect(DEFAULT_PACK_LIMITS.maxTotalBytes).toBeLessThanOrEqual(512 * 1024 * 1024);
    expect(DEFAULT_PACK_LIMITS.maxEntryBytes).toBeLessThanOrEqual(DEFAULT_PACK_LIMITS.maxTotalBytes);
  });

  it('unpacks without holding the event loop: other work runs while a pack is read', async () => {
    const bytes = await pack();
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));
    const read = await readPack(bytes);
    // A synchronous unzip would resolve before any macrotask could run.
    expect(otherWorkRan).toBe(true);
    expect(read.entries.length).toBeGreaterThan(0);
  });

  it('refuses every kind of escaping entry name', () => {
    for (const name of ['../x.png', 'a/../../x.png', '/etc/passwd', 'C:/x.png', 'a\\..\\x.png', 'assets/./x.png', 'a\u0000b']) expect(isUnsafeEntryName(name), name).toBe(true);
    expect(isUnsafeEntryName('assets/1-one.png')).toBe(false);
  });

  it('refuses a pack whose manifest lists a file twice or a file that is missing', async () => {
    const files = unzipSync(await pack());
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json'])) as { assets: Array<Record<string, unknown>> };
    const twice = { ...manifest, assets: [manifest.assets[0], manifest.assets[0]] };
    await expect(readPack(zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(twice)) }))).rejects.toThrow(/twice/);
    const { ['assets/2-two.png']: _gone, ...rest } = files;
    await expect(readPack(zipSync(rest))).rejects.toThrow(/not in the pack/);
  });
});

describe('.wokpack import is all or nothing', () => {
  it('imports with new ids, the target mode, the source mode recorded, and invalid metadata fields dropped', async () => {
    const ws = folders.workspace(undefined, 'pixel');
    const rows: NewAsset[] = [];
    await importPack({ pack: await readPack(await pack()), workspace: { id: ws.id, mode: 'pixel', folder: ws.folder }, allowCrossMode: true, insertRows: (r) => void rows.push(...r), packName: 'p.wokpack', now: Date.UTC(2026, 0, 2) });
    expect(rows).toHaveLength(2);
    expect(rows[0]!.metadata).toMatchObject({ mode: 'pixel', sourceMode: 'emoji', prompt: 'one', seed: 7, extra: { sourceMode: 'emoji', importedFrom: { pack: 'p.wokpack' } } });
    expect(rows[1]!.metadata).toMatchObject({ prompt: 'two', seed: null });
    for (const row of rows) expect(existsSync(join(ws.folder, row.relativePath))).toBe(true);
  });

  it('leaves the workspace exactly as it was when the rows cannot be stored', async () => {
    const ws = folders.workspace(undefined, 'emoji');
    const before = listFiles(ws.folder);
    await expect(
      importPack({
        pack: await readPack(await pack()),
        workspace: { id: ws.id, mode: 'emoji', folder: ws.folder },
        allowCrossMode: false,
        insertRows: () => {
          throw new Error('SQLITE_FULL: database or disk is full');
        },
        packName: 'p.wokpack',
        now: Date.now(),
      }),
    ).rejects.toMatchObject({ code: 'io_failed' });
    expect(listFiles(ws.folder)).toEqual(before);
    expect(readdirSync(join(ws.folder, '.wokgen')).filter((name) => name.startsWith('import-'))).toEqual([]);
  });

  it('leaves nothing behind when a later asset cannot be written', async () => {
    const ws = folders.workspace(undefined, 'emoji');
    const before = listFiles(ws.folder);
    const broken = await pack([{ bytes: strToU8('this is not an svg'), name: 'broken', path: 'assets/x/broken.svg', kind: 'svg' }]);
    const inserted: NewAsset[] = [];
    await expect(
      importPack({ pack: await readPack(broken), workspace: { id: ws.id, mode: 'emoji', folder: ws.folder }, allowCrossMode: false, insertRows: (r) => void inserted.push(...r), packName: 'p', now: Date.now() }),
    ).rejects.toMatchObject({ code: 'invalid_input', field: 'file', message: expect.stringMatching(/broken\.svg is not a readable SVG.*nothing was imported/) });
    expect(inserted).toEqual([]);
    expect(listFiles(ws.folder)).toEqual(before);
  });

  it('sanitises an SVG from a pack and trusts the file, not the manifest, for its kind', async () => {
    const ws = folders.workspace(undefined, 'emoji');
    const evil = strToU8('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4" fill="red"/></svg>');
    const rows: NewAsset[] = [];
    const read = await readPack(await pack([{ bytes: evil, name: 'evil', path: 'assets/x/evil.svg', kind: 'svg' }]));
    const lying = { ...read, entries: read.entries.map((entry, index) => (index === 0 ? { ...entry, asset: { ...entry.asset, kind: 'code' as const } } : entry)) };
    await importPack({ pack: lying, workspace: { id: ws.id, mode: 'emoji', folder: ws.folder }, allowCrossMode: false, insertRows: (r) => void rows.push(...r), packName: 'p', now: Date.now() });
    expect(rows.map((row) => row.kind)).toEqual(['image', 'image', 'svg']);
    const svg = readFileSync(join(ws.folder, rows[2]!.relativePath), 'utf8');
    expect(svg).not.toContain('onload');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('<rect');
  });

  it('sweeps a staging folder an interrupted import left behind, but not a recent one', async () => {
    const ws = folders.workspace(undefined, 'emoji');
    const stale = join(ws.folder, '.wokgen', 'import-00000000000000aa');
    const fresh = join(ws.folder, '.wokgen', 'import-00000000000000bb');
    mkdirSync(join(stale, 'assets'), { recursive: true });
    mkdirSync(fresh, { recursive: true });
    const old = new Date(Date.now() - STALE_STAGE_MS - 60_000);
    utimesSync(stale, old, old);
    await importPack({ pack: await readPack(await pack()), workspace: { id: ws.id, mode: 'emoji', folder: ws.folder }, allowCrossMode: false, insertRows: () => undefined, packName: 'p', now: Date.now() });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it('asks before importing another mode’s assets', async () => {
    const ws = folders.workspace(undefined, 'vector');
    await expect(
      importPack({ pack: await readPack(await pack()), workspace: { id: ws.id, mode: 'vector', folder: ws.folder }, allowCrossMode: false, insertRows: () => undefined, packName: 'p', now: 1 }),
    ).rejects.toMatchObject({ code: 'conflict', field: 'allowCrossMode', message: expect.stringContaining('emoji mode') });
  });
});
