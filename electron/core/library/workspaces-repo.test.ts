import { afterEach, describe, expect, it } from 'vitest';
import { AppFailure } from '../../../shared/errors';
import { TempLibraries, makeAsset, makeJob, makeWorkspace } from './testing';

const temp = new TempLibraries();
afterEach(() => temp.cleanup());

function count(library: ReturnType<TempLibraries['fresh']>, table: string): number {
  return (library.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}

describe('workspaces repo', () => {
  it('inserts and reads back by id and by folder', () => {
    const { workspaces } = temp.fresh();
    const row = workspaces.insert(makeWorkspace({ name: 'Sprites', mode: 'pixel', folder: '/data/sprites', createdAt: 42 }));
    expect(row).toMatchObject({ name: 'Sprites', mode: 'pixel', folder: '/data/sprites', createdAt: 42, updatedAt: 42 });
    expect(workspaces.get(row.id)).toEqual(row);
    expect(workspaces.getByFolder('/data/sprites')).toEqual(row);
    expect(workspaces.get('missing')).toBeUndefined();
    expect(workspaces.getByFolder('/data/other')).toBeUndefined();
  });

  it('refuses a second workspace on the same folder', () => {
    const { workspaces } = temp.fresh();
    workspaces.insert(makeWorkspace({ folder: '/data/shared' }));
    expect(() => workspaces.insert(makeWorkspace({ folder: '/data/shared' }))).toThrow(/UNIQUE/);
  });

  it('refuses an unknown mode', () => {
    const { workspaces } = temp.fresh();
    expect(() => workspaces.insert(makeWorkspace({ mode: 'audio' as never }))).toThrow(/CHECK/);
  });

  it('lists one mode, sorted by name case-insensitively', () => {
    const { workspaces } = temp.fresh();
    for (const name of ['banana', 'Apple', 'cherry', 'apricot']) workspaces.insert(makeWorkspace({ name, mode: 'emoji' }));
    workspaces.insert(makeWorkspace({ name: 'Aardvark', mode: 'vector' }));
    expect(workspaces.listByMode('emoji').map((w) => w.name)).toEqual(['Apple', 'apricot', 'banana', 'cherry']);
    expect(workspaces.listByMode('vector').map((w) => w.name)).toEqual(['Aardvark']);
    expect(workspaces.listByMode('uiux')).toEqual([]);
  });

  it('renames and relocates, bumping updatedAt', () => {
    const { workspaces } = temp.fresh();
    const row = workspaces.insert(makeWorkspace({ createdAt: 10 }));
    expect(workspaces.rename(row.id, 'New name', 20)).toEqual({ ...row, name: 'New name', updatedAt: 20 });
    expect(workspaces.relocate(row.id, '/moved/here', 30)).toEqual({ ...row, name: 'New name', folder: '/moved/here', updatedAt: 30 });
    expect(workspaces.get(row.id)?.folder).toBe('/moved/here');
  });

  it('reports a missing workspace on rename/relocate as not_found', () => {
    const { workspaces } = temp.fresh();
    expect(() => workspaces.rename('missing', 'x', 1)).toThrow(AppFailure);
    try {
      workspaces.relocate('missing', '/x', 1);
      expect.unreachable();
    } catch (error) {
      expect((error as AppFailure).code).toBe('not_found');
    }
  });

  it('never lets a workspace change mode, even through raw SQL', () => {
    const library = temp.fresh();
    const row = library.workspaces.insert(makeWorkspace({ mode: 'pixel' }));
    const update = library.sqlite.prepare('UPDATE workspaces SET mode = ? WHERE id = ?');
    expect(() => update.run('vector', row.id)).toThrow('workspace mode is immutable');
    expect(library.workspaces.get(row.id)?.mode).toBe('pixel');
    // Writing the same mode is not a change; other columns stay editable.
    expect(() => update.run('pixel', row.id)).not.toThrow();
    expect(() => library.sqlite.prepare('UPDATE workspaces SET name = ? WHERE id = ?').run('ok', row.id)).not.toThrow();
  });

  it('removes a workspace with its jobs, assets and search entries, and nothing else', () => {
    const library = temp.fresh();
    const doomed = library.workspaces.insert(makeWorkspace());
    const kept = library.workspaces.insert(makeWorkspace());
    for (const ws of [doomed, kept]) {
      const job = library.jobs.insert(makeJob(ws.id, { prompt: 'goblin archer' }));
      library.assets.insertMany([makeAsset(ws.id, job.id), makeAsset(ws.id, job.id, { slot: 1 }), makeAsset(ws.id, null)]);
    }

    expect(library.workspaces.remove(doomed.id)).toBe(true);
    expect(library.workspaces.get(doomed.id)).toBeUndefined();
    expect(count(library, 'jobs')).toBe(1);
    expect(count(library, 'assets')).toBe(3);
    expect(library.assets.countByWorkspace(doomed.id)).toBe(0);
    expect(library.jobs.search(doomed.id, 'goblin', 10)).toEqual([]);
    expect(library.jobs.search(kept.id, 'goblin', 10)).toHaveLength(1);
    // The external-content index matches the jobs table exactly (the delete trigger ran on cascade).
    expect(() => library.sqlite.exec(`INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)`)).not.toThrow();

    expect(library.workspaces.remove(doomed.id)).toBe(false);
  });
});
