import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError, Result } from '../../../shared/errors';
import type { Workspace } from '../../../shared/workspace';
import { TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(() => {
  t = new TestCore();
});
afterEach(() => t.dispose());

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}
function failure(result: Result<unknown>): AppError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('workspaces.create', () => {
  it('creates the folder, its manifest and the row, under ~/WokGen/<mode>/<name> by default', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: '  Dungeon Tiles ', mode: 'pixel' }));
    expect(ws).toMatchObject({ name: 'Dungeon Tiles', mode: 'pixel', missing: false });
    expect(ws.folder).toBe(join(t.homeDir, 'WokGen', 'pixel', 'Dungeon Tiles'));
    expect(readdirSync(ws.folder).sort()).toEqual(['assets', 'exports', 'workspace.json']);
    const manifest = JSON.parse(readFileSync(join(ws.folder, 'workspace.json'), 'utf8'));
    expect(manifest).toEqual({ format: 1, app: 'wokgen-studio', id: ws.id, name: 'Dungeon Tiles', mode: 'pixel', createdAt: ws.createdAt });
    expect(t.events).toContainEqual({ event: 'workspaces.changed', payload: { mode: 'pixel' } });
  });

  it('lists per mode only', async () => {
    await t.call('workspaces.create', { name: 'A', mode: 'pixel' });
    await t.call('workspaces.create', { name: 'B', mode: 'business' });
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' })).map((w) => w.name)).toEqual(['A']);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'business' })).map((w) => w.name)).toEqual(['B']);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'emoji' }))).toEqual([]);
  });

  it('suggests a free folder when the default one is taken', async () => {
    await t.call('workspaces.create', { name: 'Icons', mode: 'vector' });
    const { folder } = value<{ folder: string }>(await t.call('workspaces.suggestFolder', { mode: 'vector', name: 'Icons' }));
    expect(folder).toBe(join(t.homeDir, 'WokGen', 'vector', 'Icons (2)'));
    const second = value<Workspace>(await t.call('workspaces.create', { name: 'Icons', mode: 'vector' }));
    expect(second.folder).toBe(folder);
  });

  it('uses the configured workspaces root', async () => {
    const root = join(t.root, 'Studio Projects');
    await t.call('settings.update', { workspacesRoot: root });
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Brand', mode: 'business' }));
    expect(ws.folder).toBe(join(root, 'business', 'Brand'));
  });

  it.each([
    [{ name: '', mode: 'pixel' }, 'name', /cannot be empty/],
    [{ name: 'x'.repeat(41), mode: 'pixel' }, 'name', /at most 40/],
    [{ name: 'a/b', mode: 'pixel' }, 'name', /cannot contain/],
    [{ name: 'ok', mode: 'photo' }, 'mode', /./],
    [{ name: 'ok', mode: 'pixel', folder: 'relative/path' }, 'folder', /absolute/],
    [{ name: 'ok', mode: 'pixel', extra: 1 }, 'extra', /Unknown field/],
    [{ name: 42, mode: 'pixel' }, 'name', /./],
    [null, 'name', /./],
  ])('refuses %j with a typed error on the field and creates nothing', async (payload, field, message) => {
    const error = failure(await t.call('workspaces.create', payload));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
    expect(existsSync(join(t.homeDir, 'WokGen'))).toBe(false);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))).toEqual([]);
  });

  it('refuses a non-empty folder, a folder holding a workspace, and a folder already in use', async () => {
    const busy = join(t.root, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'notes.txt'), 'mine');
    const notEmpty = failure(await t.call('workspaces.create', { name: 'X', mode: 'pixel', folder: busy }));
    expect(notEmpty).toMatchObject({ code: 'conflict', field: 'folder' });
    expect(readdirSync(busy)).toEqual(['notes.txt']);

    const first = value<Workspace>(await t.call('workspaces.create', { name: 'First', mode: 'pixel' }));
    const inUse = failure(await t.call('workspaces.create', { name: 'Second', mode: 'pixel', folder: first.folder }));
    expect(inUse).toMatchObject({ code: 'conflict', field: 'folder' });
    expect(inUse.message).toMatch(/"First" already uses/);
  });

  it('leaves no folder and no row when the disk refuses the write', async () => {
    // A path through a regular file fails with ENOTDIR for every user, root included.
    const file = join(t.root, 'plain-file');
    writeFileSync(file, 'x');
    const error = failure(await t.call('workspaces.create', { name: 'Nope', mode: 'pixel', folder: join(file, 'ws') }));
    expect(error).toMatchObject({ code: 'io_failed', field: 'folder' });
    expect(error.message).toMatch(/ENOTDIR/);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))).toEqual([]);
  });

  it('reports a permission refusal as io_failed on the folder (where the OS enforces it)', async (ctx) => {
    if (process.getuid?.() === 0) {
      console.warn('[skipped] permission test: running as root, which ignores folder permission bits');
      ctx.skip('running as root, which ignores folder permission bits');
    }
    const locked = join(t.root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      const error = failure(await t.call('workspaces.create', { name: 'Nope', mode: 'pixel', folder: join(locked, 'ws') }));
      expect(error).toMatchObject({ code: 'io_failed', field: 'folder' });
      expect(error.message).toMatch(/permission denied/);
      expect(readdirSync(locked)).toEqual([]);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('keeps no row when a listener fails after the insert — and reports success, since the workspace exists', async () => {
    const emit = t.core.services.ports.events.emit;
    (t.core.services.ports.events as { emit: unknown }).emit = () => {
      throw new Error('listener exploded');
    };
    try {
      const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Solid', mode: 'pixel' }));
      expect(existsSync(join(ws.folder, 'workspace.json'))).toBe(true);
    } finally {
      (t.core.services.ports.events as { emit: unknown }).emit = emit;
    }
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' })).map((w) => w.name)).toEqual(['Solid']);
  });

  it.each([
    ['a filesystem root', () => '/', /root/],
    ['the home folder', () => t.homeDir, /home folder/],
    ['a folder containing the home folder', () => t.root, /home folder/],
    ["the app's data folder", () => join(t.dataDir, 'ws'), /own data/],
    ['a network path', () => '\\\\evil-host\\share\\ws', /Network paths/],
  ])('refuses %s as a workspace folder', async (_label, folder, message) => {
    const error = failure(await t.call('workspaces.create', { name: 'Bad', mode: 'pixel', folder: folder() }));
    expect(error.field).toBe('folder');
    expect(error.message).toMatch(message);
  });

  it('refuses nesting a workspace inside another, or around another', async () => {
    const outer = value<Workspace>(await t.call('workspaces.create', { name: 'Outer', mode: 'pixel' }));
    const inside = failure(await t.call('workspaces.create', { name: 'Inner', mode: 'emoji', folder: join(outer.folder, 'assets', 'inner') }));
    expect(inside).toMatchObject({ code: 'conflict', field: 'folder' });
    expect(inside.message).toMatch(/inside the workspace "Outer"/);
    const around = failure(await t.call('workspaces.create', { name: 'Around', mode: 'emoji', folder: join(t.homeDir, 'WokGen', 'pixel', 'new-parent', '..') }));
    expect(around.message).toMatch(/contains the workspace "Outer"/);
  });

  it('stores one spelling per folder: a symlinked path resolves to the real folder', async () => {
    const real = join(t.root, 'real-parent');
    mkdirSync(real);
    symlinkSync(real, join(t.root, 'alias'));
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Linked', mode: 'pixel', folder: join(t.root, 'alias', 'ws') }));
    expect(ws.folder).toBe(join(real, 'ws'));
    const again = failure(await t.call('workspaces.create', { name: 'Twice', mode: 'pixel', folder: join(real, 'ws') }));
    expect(again.message).toMatch(/"Linked" already uses/);
  });

  it('rolls back the folder when the row cannot be inserted', async () => {
    // Same id twice forces the insert to fail after the folder was made.
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'One', mode: 'pixel' }));
    const service = t.core.services.workspaces as unknown as { newId: () => string };
    service.newId = () => ws.id;
    const target = join(t.root, 'fresh', 'nested', 'ws');
    const error = failure(await t.call('workspaces.create', { name: 'Two', mode: 'pixel', folder: target }));
    expect(error.code).toBe('io_failed');
    expect(existsSync(join(t.root, 'fresh'))).toBe(false);
  });
});

describe('workspaces.update', () => {
  it('renames in the library and in workspace.json', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Old', mode: 'emoji' }));
    const renamed = value<Workspace>(await t.call('workspaces.update', { id: ws.id, name: 'New name' }));
    expect(renamed.name).toBe('New name');
    expect(JSON.parse(readFileSync(join(ws.folder, 'workspace.json'), 'utf8')).name).toBe('New name');
  });

  it("refuses to rename into a folder that now holds another workspace's manifest", async () => {
    const a = value<Workspace>(await t.call('workspaces.create', { name: 'A', mode: 'emoji' }));
    const b = value<Workspace>(await t.call('workspaces.create', { name: 'B', mode: 'emoji' }));
    const parked = join(t.root, 'parked');
    renameSync(a.folder, parked);
    renameSync(b.folder, a.folder);
    const error = failure(await t.call('workspaces.update', { id: a.id, name: 'A2' }));
    expect(error).toMatchObject({ code: 'conflict', field: 'name' });
    expect(JSON.parse(readFileSync(join(a.folder, 'workspace.json'), 'utf8')).id).toBe(b.id);
  });

  it('renames a workspace whose folder is missing in the library only, without re-creating the folder', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Gone', mode: 'emoji' }));
    renameSync(ws.folder, join(t.root, 'elsewhere'));
    expect(value<Workspace>(await t.call('workspaces.update', { id: ws.id, name: 'Still gone' }))).toMatchObject({ name: 'Still gone', missing: true });
    expect(existsSync(ws.folder)).toBe(false);
  });

  it("never changes a workspace's mode, and says what to do instead", async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Sprites', mode: 'pixel' }));
    const error = failure(await t.call('workspaces.update', { id: ws.id, mode: 'business' }));
    expect(error).toMatchObject({ code: 'mode_immutable', field: 'mode' });
    expect(error.message).toMatch(/Pixel workspace.*\.wokpack/);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))[0]?.mode).toBe('pixel');
  });

  it('answers not_found for an unknown id and invalid_input for a malformed one', async () => {
    expect(failure(await t.call('workspaces.update', { id: crypto.randomUUID(), name: 'x' }))).toMatchObject({ code: 'not_found', field: 'id' });
    expect(failure(await t.call('workspaces.update', { id: 'nope', name: 'x' }))).toMatchObject({ code: 'invalid_input', field: 'id' });
  });
});

describe('workspaces.remove and attach', () => {
  it('removes from the library but keeps the files, then re-attaches through workspace.json', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Kit', mode: 'business' }));
    const removed = value<{ filesTrashed: boolean }>(await t.call('workspaces.remove', { id: ws.id }));
    expect(removed.filesTrashed).toBe(false);
    expect(existsSync(join(ws.folder, 'workspace.json'))).toBe(true);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'business' }))).toEqual([]);

    const attached = value<Workspace>(await t.call('workspaces.attach', { folder: ws.folder, mode: 'business' }));
    expect(attached).toMatchObject({ id: ws.id, name: 'Kit', mode: 'business', folder: ws.folder, createdAt: ws.createdAt });
  });

  it('moves the folder to the trash only when asked', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Gone', mode: 'vector' }));
    const removed = value<{ filesTrashed: boolean }>(await t.call('workspaces.remove', { id: ws.id, deleteFiles: true }));
    expect(removed.filesTrashed).toBe(true);
    expect(existsSync(ws.folder)).toBe(false);
    expect(existsSync(join(t.trashDir, 'Gone', 'workspace.json'))).toBe(true);
  });

  it('never trashes a folder that no longer holds this workspace', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Moved', mode: 'vector' }));
    renameSync(ws.folder, join(t.root, 'moved-away'));
    mkdirSync(ws.folder);
    writeFileSync(join(ws.folder, 'precious.txt'), 'not a workspace');
    const error = failure(await t.call('workspaces.remove', { id: ws.id, deleteFiles: true }));
    expect(error).toMatchObject({ code: 'conflict', field: 'deleteFiles' });
    expect(readFileSync(join(ws.folder, 'precious.txt'), 'utf8')).toBe('not a workspace');
    expect(existsSync(t.trashDir)).toBe(false);
  });

  it('never trashes through a symbolic link', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Linky', mode: 'vector' }));
    const target = join(t.root, 'real-target');
    renameSync(ws.folder, target);
    symlinkSync(target, ws.folder);
    const error = failure(await t.call('workspaces.remove', { id: ws.id, deleteFiles: true }));
    expect(error.message).toMatch(/symbolic link/);
    expect(existsSync(join(target, 'workspace.json'))).toBe(true);
  });

  it('keeps the workspace when the trash refuses', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Stays', mode: 'vector' }));
    t.trashFails = true;
    const error = failure(await t.call('workspaces.remove', { id: ws.id, deleteFiles: true }));
    expect(error).toMatchObject({ code: 'io_failed', field: 'deleteFiles' });
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'vector' }))).toHaveLength(1);
  });

  it('follows a moved folder and marks a missing one', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Roamer', mode: 'pixel' }));
    const moved = join(t.root, 'moved-here');
    renameSync(ws.folder, moved);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))[0]?.missing).toBe(true);
    const attached = value<Workspace>(await t.call('workspaces.attach', { folder: moved, mode: 'pixel' }));
    expect(attached).toMatchObject({ id: ws.id, folder: moved, missing: false });
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))).toHaveLength(1);
  });

  it('refuses a folder of another mode, a folder without manifest, and a broken manifest', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Pixels', mode: 'pixel' }));
    const otherMode = failure(await t.call('workspaces.attach', { folder: ws.folder, mode: 'emoji' }));
    expect(otherMode).toMatchObject({ code: 'conflict', field: 'folder' });
    expect(otherMode.message).toMatch(/Pixel workspace.*Pixel studio/);

    const plain = join(t.root, 'plain');
    mkdirSync(plain);
    expect(failure(await t.call('workspaces.attach', { folder: plain, mode: 'pixel' }))).toMatchObject({ code: 'not_found', field: 'folder' });

    writeFileSync(join(plain, 'workspace.json'), '{"format":1,"app":"wokgen-studio","id":"x"}');
    expect(failure(await t.call('workspaces.attach', { folder: plain, mode: 'pixel' }))).toMatchObject({ code: 'invalid_input', field: 'folder' });
    writeFileSync(join(plain, 'workspace.json'), '{not json');
    expect(failure(await t.call('workspaces.attach', { folder: plain, mode: 'pixel' })).message).toMatch(/not valid JSON/);
  });

  it('refuses to attach a copy while the original is still attached', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Original', mode: 'pixel' }));
    const copy = join(t.root, 'copy');
    cpSync(ws.folder, copy, { recursive: true });
    const error = failure(await t.call('workspaces.attach', { folder: copy, mode: 'pixel' }));
    expect(error).toMatchObject({ code: 'conflict', field: 'folder' });
    expect(error.message).toMatch(/copy of "Original"/);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))[0]?.folder).toBe(ws.folder);
  });

  it('re-attaching the same folder twice is harmless', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Twice', mode: 'pixel' }));
    expect(value<Workspace>(await t.call('workspaces.attach', { folder: ws.folder, mode: 'pixel' }))).toEqual(ws);
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))).toHaveLength(1);
  });

  it('survives a restart on the same data folder', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Persist', mode: 'uiux' }));
    await t.restart();
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'uiux' }))).toEqual([ws]);
  });
});

describe('re-attaching restores history from the files', () => {
  it('brings back jobs and assets from the metadata inside the asset files', async () => {
    const { writeAssetFiles } = await import('../assets/asset-writer');
    const sharp = (await import('sharp')).default;
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Travels', mode: 'pixel' }));
    const png = await sharp({ create: { width: 32, height: 32, channels: 4, background: '#a78bfa' } }).png().toBuffer();
    const jobId = crypto.randomUUID();
    const assetId = crypto.randomUUID();
    await writeAssetFiles({
      workspaceFolder: ws.folder,
      metadata: { assetId, jobId, workspaceId: ws.id, mode: 'pixel', tool: 'generate', preset: 'rpg_icon', prompt: 'a gem', negativePrompt: 'blur', seed: 7, provider: 'comfyui', model: 'sd15', steps: 20, guidance: 7.5, width: 512, height: 512, slot: 0, createdAt: Date.now() },
      processed: { bytes: png, mime: 'image/png', extension: 'png', width: 32, height: 32 },
    });
    // Another machine: the library knows nothing of this workspace.
    await t.call('workspaces.remove', { id: ws.id });
    expect(t.core.services.library.assets.listByJob(jobId)).toEqual([]);

    value<Workspace>(await t.call('workspaces.attach', { folder: ws.folder, mode: 'pixel' }));
    const page = value<{ items: Array<{ id: string }> }>(await t.call('library.assets', { workspaceId: ws.id }));
    expect(page.items.map((a) => a.id)).toEqual([assetId]);
    expect(t.core.services.library.jobs.get(jobId)).toMatchObject({ prompt: 'a gem', status: 'succeeded', seed: 7 });
  });
});
