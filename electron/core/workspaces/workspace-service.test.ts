import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
    const locked = join(t.root, 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o500);
    try {
      const result = await t.call('workspaces.create', { name: 'Nope', mode: 'pixel', folder: join(locked, 'ws') });
      // root ignores permission bits; only assert the clean failure where the OS enforces them.
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'io_failed', field: 'folder' });
        expect(result.error.message).toMatch(/permission denied/);
        expect(readdirSync(locked)).toEqual([]);
        expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'pixel' }))).toEqual([]);
      } else {
        expect(process.getuid?.()).toBe(0);
      }
    } finally {
      chmodSync(locked, 0o700);
    }
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

  it('survives a restart on the same data folder', async () => {
    const ws = value<Workspace>(await t.call('workspaces.create', { name: 'Persist', mode: 'uiux' }));
    t.restart();
    expect(value<Workspace[]>(await t.call('workspaces.list', { mode: 'uiux' }))).toEqual([ws]);
  });
});
