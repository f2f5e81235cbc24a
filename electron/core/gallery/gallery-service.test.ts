import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import type { Asset } from '../../../shared/library';
import { TRASH_DIR, moveAssetToTrash } from '../assets/asset-trash';
import { TempLibraries, makeAsset, makeJob, makeWorkspace } from '../library/testing';
import { silentLogger, type ShellPort } from '../ports';
import { GalleryService } from './gallery-service';

const temp = new TempLibraries();
const folders: string[] = [];
afterEach(() => {
  temp.cleanup();
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

function write(folder: string, relativePath: string, text: string): void {
  const path = join(folder, relativePath);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A workspace on a real temporary disk with two assets whose three files each exist. */
function setup() {
  const library = temp.fresh();
  const folder = mkdtempSync(join(tmpdir(), 'wokgen-gallery-'));
  folders.push(folder);
  const ws = library.workspaces.insert(makeWorkspace({ folder }));
  const job = library.jobs.insert(makeJob(ws.id, { status: 'succeeded' }));
  const assets: Asset[] = [];
  for (const slot of [0, 1]) {
    const id = `asset-${slot}`;
    const files = { relativePath: `assets/2026-11/${id}.png`, thumbnailPath: `.wokgen/thumbnails/${id}.webp`, originalPath: `assets/2026-11/${id}.original.png` };
    write(folder, files.relativePath, `png ${slot}`);
    write(folder, files.thumbnailPath, `webp ${slot}`);
    write(folder, files.originalPath, `original ${slot}`);
    library.assets.insertMany([
      makeAsset(ws.id, job.id, { id, slot, relativePath: files.relativePath, metadata: { thumbnailPath: files.thumbnailPath, originalPath: files.originalPath } }),
    ]);
    assets.push(library.assets.get(id)!);
  }
  const revealed: string[] = [];
  const dragged: Array<{ file: string; icon: string | null }> = [];
  const shell: ShellPort = { openExternal: async () => undefined, showItemInFolder: (p) => revealed.push(p), trashItem: async () => undefined };
  const gallery = new GalleryService({
    library,
    folderOf: (id) => {
      const row = library.workspaces.get(id);
      if (!row) throw new AppFailure('not_found', 'no workspace', 'id');
      return row.folder;
    },
    shell,
    drag: { startDrag: (file, icon) => dragged.push({ file, icon }) },
    log: silentLogger,
    now: () => 5_000,
  });
  const filesOf = (asset: Asset): string[] => [asset.relativePath, asset.metadata['thumbnailPath'] as string, asset.metadata['originalPath'] as string];
  return { library, folder, ws, job, assets, gallery, revealed, dragged, filesOf };
}

describe('gallery service: delete and undo', () => {
  it('moves every file of the asset into the workspace trash and hides the row; undo restores both exactly', async () => {
    const { library, folder, ws, assets, gallery, filesOf } = setup();
    const [first] = assets;
    expect(await gallery.delete(ws.id, [first!.id])).toEqual({ deleted: [first!.id] });
    for (const file of filesOf(first!)) {
      expect(existsSync(join(folder, file))).toBe(false);
      expect(existsSync(join(folder, TRASH_DIR, first!.id, file))).toBe(true);
    }
    expect(library.assets.page(ws.id, { limit: 10 }).items.map((a) => a.id)).toEqual([assets[1]!.id]);

    const { restored } = await gallery.restore(ws.id, [first!.id]);
    expect(restored).toEqual([first]);
    for (const file of filesOf(first!)) expect(existsSync(join(folder, file))).toBe(true);
    expect(readFileSync(join(folder, first!.relativePath), 'utf8')).toBe('png 0');
    expect(existsSync(join(folder, TRASH_DIR, first!.id))).toBe(false);
    expect(library.assets.get(first!.id)).toEqual(first);
  });

  it('deletes a selection, ignores ids of other workspaces and files already gone', async () => {
    const { library, folder, ws, assets, gallery } = setup();
    const otherWs = library.workspaces.insert(makeWorkspace());
    rmSync(join(folder, assets[1]!.metadata['originalPath'] as string));
    expect((await gallery.delete(ws.id, [assets[0]!.id, assets[1]!.id, 'unknown'])).deleted).toEqual([assets[0]!.id, assets[1]!.id]);
    await expect(gallery.delete(otherWs.id, [assets[0]!.id])).rejects.toMatchObject({ code: 'not_found' });
    expect(library.assets.countByWorkspace(ws.id)).toBe(0);
    expect((await gallery.restore(ws.id, [assets[0]!.id, assets[1]!.id])).restored.map((a) => a.id)).toEqual([assets[0]!.id, assets[1]!.id]);
  });

  it('refuses to recreate a missing workspace folder', async () => {
    const { folder, ws, assets, gallery } = setup();
    rmSync(folder, { recursive: true, force: true });
    await expect(gallery.delete(ws.id, [assets[0]!.id])).rejects.toMatchObject({ code: 'not_found', field: 'workspaceId' });
    expect(existsSync(folder)).toBe(false);
  });
});

describe('gallery service: start-up recovery', () => {
  it('purges deleted assets with their trashed files', async () => {
    const { library, folder, ws, assets, gallery } = setup();
    await gallery.delete(ws.id, [assets[0]!.id]);
    expect(await gallery.recover()).toEqual({ rolledBack: 0, restored: 0, purged: 1 });
    expect(library.assets.get(assets[0]!.id)).toBeUndefined();
    expect(existsSync(join(folder, TRASH_DIR, assets[0]!.id))).toBe(false);
    expect(library.assets.get(assets[1]!.id)).toBeDefined();
  });

  it('rolls back a delete whose files moved but whose row was never marked (crash in between)', async () => {
    const { library, folder, ws, assets, gallery, filesOf } = setup();
    await moveAssetToTrash(folder, assets[0]!);
    expect(await gallery.recover()).toEqual({ rolledBack: 1, restored: 0, purged: 0 });
    for (const file of filesOf(assets[0]!)) expect(existsSync(join(folder, file))).toBe(true);
    expect(library.assets.page(ws.id, { limit: 10 }).items).toHaveLength(2);
  });

  it('finishes an undo whose files came back but whose row was still marked', async () => {
    const { library, folder, ws, assets, gallery } = setup();
    await gallery.delete(ws.id, [assets[0]!.id]);
    // Crash mid-undo: one file back in place, the others still in the trash, row still deleted.
    const file = assets[0]!.relativePath;
    mkdirSync(dirname(join(folder, file)), { recursive: true });
    writeFileSync(join(folder, file), readFileSync(join(folder, TRASH_DIR, assets[0]!.id, file)));
    rmSync(join(folder, TRASH_DIR, assets[0]!.id, file));
    expect(await gallery.recover()).toEqual({ rolledBack: 0, restored: 1, purged: 0 });
    expect(library.assets.deletedAt(assets[0]!.id)).toBeNull();
    expect(existsSync(join(folder, assets[0]!.metadata['thumbnailPath'] as string))).toBe(true);
  });
});

describe('gallery service: reveal and drag', () => {
  it('reveals and drags the asset’s own file, with its thumbnail as the drag image', () => {
    const { folder, assets, gallery, revealed, dragged } = setup();
    gallery.reveal(assets[0]!.id);
    gallery.startDrag(assets[0]!.id);
    expect(revealed).toEqual([join(folder, assets[0]!.relativePath)]);
    expect(dragged).toEqual([{ file: join(folder, assets[0]!.relativePath), icon: join(folder, assets[0]!.metadata['thumbnailPath'] as string) }]);
  });

  it('refuses a path that leads outside the workspace, a deleted asset and a missing file', async () => {
    const { library, folder, ws, job, assets, gallery, revealed } = setup();
    library.assets.insertMany([makeAsset(ws.id, job.id, { id: 'escape', relativePath: '../outside.png' })]);
    expect(() => gallery.reveal('escape')).toThrow(expect.objectContaining({ code: 'path_outside_workspace' }));
    await gallery.delete(ws.id, [assets[0]!.id]);
    expect(() => gallery.startDrag(assets[0]!.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    rmSync(join(folder, assets[1]!.relativePath));
    expect(() => gallery.reveal(assets[1]!.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(revealed).toEqual([]);
  });
});
