import { copyFileSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newRowId, type NewAsset, type NewJob } from '../library';
import { TempLibraries } from '../library/testing';
import type { ModeId } from '../../../shared/modes';
import { writeAssetFiles, type WrittenAssetFiles } from './asset-writer';
import { embedPngMetadata, makeITxtChunk, setPngTextChunks } from './png-metadata';
import { applyRebuild, rebuildWorkspaceRows } from './rebuild-library';
import { fullMetadata, metadataInput, patternPng, TempFolders } from './testing';

const temp = new TempFolders();
const libraries = new TempLibraries();
afterEach(() => {
  temp.cleanup();
  libraries.cleanup();
});

let png: Buffer;
let original: Buffer;
beforeAll(async () => {
  png = await patternPng(64, 64);
  original = await patternPng(128, 128, 3);
});

const MARCH = Date.UTC(2025, 2, 14, 12);

/** The asset row the rebuild must produce for a file the writer wrote. */
function expectedAsset(workspaceId: string, written: WrittenAssetFiles, overrides: Partial<NewAsset> = {}): NewAsset {
  const m = written.metadata;
  return {
    id: m.assetId,
    jobId: m.jobId,
    workspaceId,
    slot: m.slot,
    kind: 'image',
    relativePath: written.relativePath,
    mime: 'image/png',
    width: 64,
    height: 64,
    bytes: written.bytes,
    metadata: { ...m, originalPath: written.originalRelativePath, thumbnailPath: written.thumbnailRelativePath },
    createdAt: m.createdAt,
    ...overrides,
  };
}

describe('rebuildWorkspaceRows', () => {
  it('turns a folder written by the writer back into the rows, and lists every file it skipped', async () => {
    const { folder, id } = temp.workspace();
    const outside = temp.make();
    const jobA = newRowId(MARCH);
    const jobB = newRowId(MARCH + 60_000);
    const write = (jobId: string, slot: number, seed: number, createdAt: number, extra: Partial<Parameters<typeof writeAssetFiles>[0]> = {}) =>
      writeAssetFiles({
        workspaceFolder: folder,
        metadata: metadataInput({ workspaceId: id, jobId, slot, seed, createdAt, prompt: `job ${jobId.slice(-4)}` }),
        processed: { bytes: png, mime: 'image/png', extension: 'png', width: 64, height: 64 },
        original: { bytes: original, mime: 'image/png' },
        ...extra,
      });
    const a0 = await write(jobA, 0, 100, MARCH);
    const a1 = await write(jobA, 1, 237, MARCH + 5);
    const b1 = await write(jobB, 1, 900, MARCH + 60_000, { original: { bytes: await sharp(original).jpeg().toBuffer(), mime: 'image/jpeg' } });

    // Everything that must not become a row.
    const month = join(folder, 'assets', '2025-03');
    writeFileSync(join(folder, 'assets', 'notes.txt'), 'my notes');
    writeFileSync(join(month, 'plain.png'), png);
    writeFileSync(join(month, 'broken.png'), readFileSync(join(folder, a0.relativePath)).subarray(0, 300));
    const foreign = embedPngMetadata(png, fullMetadata({ workspaceId: newRowId() }));
    writeFileSync(join(month, 'foreign.png'), foreign);
    writeFileSync(join(month, 'vector.png'), embedPngMetadata(png, fullMetadata({ workspaceId: id, mode: 'vector' })));
    writeFileSync(join(month, 'future.png'), futurePng(id));
    mkdirSync(join(folder, 'assets', 'copy'));
    copyFileSync(join(folder, a0.relativePath), join(folder, 'assets', 'copy', 'a0.png'));
    // Links are never followed, whether they point outside or at our own files.
    const outsidePng = join(outside, 'secret.png');
    writeFileSync(outsidePng, embedPngMetadata(png, fullMetadata({ workspaceId: id })));
    symlinkSync(outsidePng, join(folder, 'assets', 'link.png'));
    symlinkSync(outside, join(folder, 'assets', 'linkdir'));

    const rows = await rebuildWorkspaceRows(folder, id);

    const base = (written: WrittenAssetFiles) => written.metadata;
    const jobRow = (first: WrittenAssetFiles, seed: number | null): NewJob => ({
      id: base(first).jobId,
      workspaceId: id,
      mode: 'pixel',
      tool: 'generate',
      preset: 'character',
      prompt: base(first).prompt,
      negativePrompt: 'blurry, photorealistic',
      provider: 'comfyui',
      status: 'succeeded',
      seed,
      params: { model: 'sdxl-base', steps: 20, guidance: 7.5, sampler: 'euler', scheduler: null, width: 1024, height: 1024, rebuiltFromFiles: true },
      createdAt: base(first).createdAt,
    });
    // Job B has no slot 0, so its base seed cannot be known.
    expect(rows.jobs).toEqual([jobRow(a0, 100), jobRow(b1, null)]);
    expect(rows.assets).toEqual([expectedAsset(id, a0), expectedAsset(id, a1), expectedAsset(id, b1)].sort((x, y) => (x.jobId! < y.jobId! ? -1 : x.jobId! > y.jobId! ? 1 : x.slot - y.slot)));
    expect(rows.assets.find((r) => r.id === b1.metadata.assetId)?.metadata).toMatchObject({ originalPath: expect.stringMatching(/\.original\.jpg$/) });
    expect(rows.skipped.map((s) => [s.relativePath, s.reason])).toEqual([
      [`${a0.relativePath.replace('.png', '.original.png')}`, 'original'],
      [`${a1.relativePath.replace('.png', '.original.png')}`, 'original'],
      [`${b1.relativePath.replace('.png', '.original.jpg')}`, 'original'],
      ['assets/2025-03/broken.png', 'corrupt_file'],
      ['assets/2025-03/foreign.png', 'other_workspace'],
      ['assets/2025-03/future.png', 'invalid_metadata'],
      ['assets/2025-03/plain.png', 'no_metadata'],
      ['assets/2025-03/vector.png', 'mode_mismatch'],
      ['assets/copy/a0.png', 'duplicate_asset'],
      ['assets/link.png', 'symlink'],
      ['assets/linkdir', 'symlink'],
      ['assets/notes.txt', 'unsupported_type'],
    ].sort((x, y) => (x[0]! < y[0]! ? -1 : 1)));
    expect(rows.skipped.every((s) => s.detail.length > 0)).toBe(true);
  });

  it('rebuilds svg and code assets with their kinds and MIME types', async () => {
    for (const [mode, file] of [
      ['vector', { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>'), mime: 'image/svg+xml', extension: 'svg', width: 8, height: 8 }],
      ['uiux', { bytes: Buffer.from('<!DOCTYPE html>\n<p>hi</p>\n'), mime: 'text/html', extension: 'html', width: null, height: null }],
      ['uiux', { bytes: Buffer.from('.a { color: red }\n'), mime: 'text/css', extension: 'css', width: null, height: null }],
      ['uiux', { bytes: Buffer.from('export default function A() { return <div/>; }\n'), mime: 'text/tsx', extension: 'tsx', width: null, height: null }],
    ] as const) {
      const { folder, id } = temp.workspace(newRowId(), mode as ModeId);
      const written = await writeAssetFiles({ workspaceFolder: folder, metadata: metadataInput({ workspaceId: id, mode: mode as ModeId }), processed: file });
      const rows = await rebuildWorkspaceRows(folder, id);
      expect(rows.skipped).toEqual([]);
      expect(rows.assets).toEqual([
        {
          ...expectedAsset(id, written),
          kind: file.extension === 'svg' ? 'svg' : 'code',
          mime: file.mime,
          width: file.width,
          height: file.height,
          bytes: statSync(join(folder, written.relativePath)).size,
        },
      ]);
    }
  });

  it('an empty workspace has no rows; a folder of another workspace or without a manifest is refused', async () => {
    const { folder, id } = temp.workspace();
    expect(await rebuildWorkspaceRows(folder, id)).toEqual({ jobs: [], assets: [], skipped: [] });
    await expect(rebuildWorkspaceRows(folder, newRowId())).rejects.toMatchObject({ code: 'conflict' });
    await expect(rebuildWorkspaceRows(temp.make(), id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a symlinked assets folder is not walked', async () => {
    const { folder, id } = temp.workspace();
    const elsewhere = temp.make();
    mkdirSync(join(elsewhere, 'x'));
    writeFileSync(join(elsewhere, 'x', 'a.png'), embedPngMetadata(png, fullMetadata({ workspaceId: id })));
    symlinkSync(elsewhere, join(folder, 'assets'));
    expect(await rebuildWorkspaceRows(folder, id)).toEqual({ jobs: [], assets: [], skipped: [{ relativePath: 'assets', reason: 'symlink', detail: expect.any(String) }] });
  });
});

describe('applyRebuild', () => {
  it('inserts the rows into a real library in one go, reads back equal, and skips ids already there', async () => {
    const { folder, id } = temp.workspace();
    const jobId = newRowId(MARCH);
    const written: WrittenAssetFiles[] = [];
    for (const slot of [0, 1, 2]) {
      written.push(
        await writeAssetFiles({
          workspaceFolder: folder,
          metadata: metadataInput({ workspaceId: id, jobId, slot, createdAt: MARCH + slot }),
          processed: { bytes: png, mime: 'image/png', extension: 'png', width: 64, height: 64 },
        }),
      );
    }
    const rows = await rebuildWorkspaceRows(folder, id);
    const library = libraries.fresh();
    library.workspaces.insert({ id, name: 'My Workspace', mode: 'pixel', folder, createdAt: 1_000 });

    expect(applyRebuild(library, rows)).toEqual({ jobsInserted: 1, assetsInserted: 3, jobsSkipped: 0, assetsSkipped: 0 });
    const job = library.jobs.get(jobId);
    expect(job).toMatchObject({ ...rows.jobs[0], attempts: [], error: null, startedAt: null, finishedAt: null });
    const page = library.assets.page(id, { limit: 10 });
    expect(page.items.map((a) => a.id)).toEqual([...written].reverse().map((w) => w.metadata.assetId)); // newest first
    for (const expected of rows.assets) expect(library.assets.get(expected.id)).toEqual({ ...expected, starred: false });

    // Again: nothing new, nothing duplicated, and what the library knows better is kept.
    library.assets.setStarred(written[0]!.metadata.assetId, true);
    expect(applyRebuild(library, rows)).toEqual({ jobsInserted: 0, assetsInserted: 0, jobsSkipped: 1, assetsSkipped: 3 });
    expect(library.assets.countByWorkspace(id)).toBe(3);
    expect(library.assets.get(written[0]!.metadata.assetId)?.starred).toBe(true);
  });

  it('is all or nothing: a failing insert leaves no rows behind', async () => {
    const { folder, id } = temp.workspace();
    await writeAssetFiles({
      workspaceFolder: folder,
      metadata: metadataInput({ workspaceId: id }),
      processed: { bytes: png, mime: 'image/png', extension: 'png', width: 64, height: 64 },
    });
    const rows = await rebuildWorkspaceRows(folder, id);
    const library = libraries.fresh();
    library.workspaces.insert({ id, name: 'My Workspace', mode: 'pixel', folder, createdAt: 1_000 });
    // The job goes in first; a broken asset (a kind the schema's CHECK refuses) then fails.
    const broken = { jobs: rows.jobs, assets: rows.assets.map((a) => ({ ...a, kind: 'nonsense' as never })) };
    expect(() => applyRebuild(library, broken)).toThrow();
    expect(library.jobs.get(rows.jobs[0]!.id)).toBeUndefined();
    expect(library.assets.countByWorkspace(id)).toBe(0);
  });

  it('never hangs an asset on a job that belongs to another workspace', async () => {
    const { folder, id } = temp.workspace();
    await writeAssetFiles({
      workspaceFolder: folder,
      metadata: metadataInput({ workspaceId: id }),
      processed: { bytes: png, mime: 'image/png', extension: 'png', width: 64, height: 64 },
    });
    const rows = await rebuildWorkspaceRows(folder, id);
    const library = libraries.fresh();
    const otherId = newRowId();
    library.workspaces.insert({ id, name: 'Mine', mode: 'pixel', folder, createdAt: 1_000 });
    library.workspaces.insert({ id: otherId, name: 'Other', mode: 'pixel', folder: `${folder}-other`, createdAt: 1_000 });
    library.jobs.insert({ ...rows.jobs[0]!, workspaceId: otherId });
    expect(applyRebuild(library, rows)).toEqual({ jobsInserted: 0, assetsInserted: 0, jobsSkipped: 1, assetsSkipped: 1 });
  });
});

/** A PNG whose metadata claims a format version this app does not know. */
function futurePng(workspaceId: string): Buffer {
  const json = JSON.stringify({ ...fullMetadata({ workspaceId }), format: 9 });
  return setPngTextChunks(png, [{ keyword: 'wokgen', chunk: makeITxtChunk('wokgen', json) }]);
}
