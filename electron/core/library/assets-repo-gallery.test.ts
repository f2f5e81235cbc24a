/**
 * The gallery's filtered pages, starring a selection and the soft delete behind Undo.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Asset, AssetCursor, AssetFilter } from '../../../shared/library';
import { TempLibraries, makeAsset, makeJob, makeWorkspace } from './testing';

const temp = new TempLibraries();
afterEach(() => temp.cleanup());

type Lib = ReturnType<TempLibraries['fresh']>;

function walkAll(library: Lib, workspaceId: string, filter: AssetFilter, limit = 2): Asset[] {
  const items: Asset[] = [];
  let cursor: AssetCursor | null = null;
  let pages = 0;
  do {
    const page = library.assets.page(workspaceId, { limit, cursor, filter });
    items.push(...page.items);
    cursor = page.nextCursor;
    if ((pages += 1) > 100) throw new Error('pagination does not terminate');
  } while (cursor);
  return items;
}

/** Two workspaces; ws has jobs of two tools, providers and statuses, prompts to search. */
function seeded() {
  const library = temp.fresh();
  const ws = library.workspaces.insert(makeWorkspace());
  const other = library.workspaces.insert(makeWorkspace());
  const jobs = [
    library.jobs.insert(makeJob(ws.id, { tool: 'sprite', preset: 'rpg', provider: 'comfyui', status: 'succeeded', prompt: 'a red dragon', createdAt: 1 })),
    library.jobs.insert(makeJob(ws.id, { tool: 'tileset', preset: 'rpg', provider: 'together', status: 'succeeded', prompt: 'grass tiles', createdAt: 2 })),
    library.jobs.insert(makeJob(ws.id, { tool: 'sprite', preset: 'scifi', provider: 'together', status: 'cancelled', prompt: 'blue dragon ship', createdAt: 3 })),
  ];
  const otherJob = library.jobs.insert(makeJob(other.id, { tool: 'sprite', prompt: 'a red dragon', createdAt: 4 }));
  const assets: Asset[] = [];
  let t = 100;
  for (const job of jobs) {
    for (let slot = 0; slot < 2; slot += 1) {
      const row = makeAsset(ws.id, job.id, { slot, createdAt: (t += 1) });
      library.assets.insertMany([row]);
      assets.push(library.assets.get(row.id)!);
    }
  }
  library.assets.insertMany([makeAsset(other.id, otherJob.id, { createdAt: 500 })]);
  return { library, ws, other, jobs, assets };
}

const ids = (items: ReadonlyArray<Asset>): string[] => items.map((a) => a.id);
const newestFirst = (items: ReadonlyArray<Asset>): string[] => ids([...items].sort((a, b) => b.createdAt - a.createdAt));

describe('assets repo: gallery filters', () => {
  it('filters by tool, preset, provider and status, newest first, across pages', () => {
    const { library, ws, jobs, assets } = seeded();
    const of = (jobIds: string[]) => newestFirst(assets.filter((a) => jobIds.includes(a.jobId!)));
    expect(ids(walkAll(library, ws.id, { tool: 'sprite' }))).toEqual(of([jobs[0]!.id, jobs[2]!.id]));
    expect(ids(walkAll(library, ws.id, { preset: 'rpg' }))).toEqual(of([jobs[0]!.id, jobs[1]!.id]));
    expect(ids(walkAll(library, ws.id, { provider: 'together' }))).toEqual(of([jobs[1]!.id, jobs[2]!.id]));
    expect(ids(walkAll(library, ws.id, { status: 'cancelled' }))).toEqual(of([jobs[2]!.id]));
    expect(ids(walkAll(library, ws.id, { tool: 'sprite', provider: 'together' }))).toEqual(of([jobs[2]!.id]));
    expect(walkAll(library, ws.id, { tool: 'nothing-like-this' })).toEqual([]);
  });

  it('searches prompts with FTS5 inside the workspace only, and combines search with facets and starred', () => {
    const { library, ws, jobs, assets } = seeded();
    const dragons = walkAll(library, ws.id, { query: 'dragon' });
    expect(ids(dragons)).toEqual(newestFirst(assets.filter((a) => a.jobId === jobs[0]!.id || a.jobId === jobs[2]!.id)));
    expect(dragons.every((a) => a.workspaceId === ws.id)).toBe(true);
    expect(ids(walkAll(library, ws.id, { query: 'dragon', tool: 'sprite', provider: 'comfyui' }))).toEqual(
      newestFirst(assets.filter((a) => a.jobId === jobs[0]!.id)),
    );
    library.assets.setStarredMany(ws.id, [assets[5]!.id], true);
    expect(ids(walkAll(library, ws.id, { query: 'dragon', starredOnly: true }))).toEqual([assets[5]!.id]);
    // Text with no searchable word finds nothing instead of everything.
    expect(walkAll(library, ws.id, { query: '"*' })).toEqual([]);
    // Whitespace only is no search at all.
    expect(walkAll(library, ws.id, { query: '  ' })).toHaveLength(assets.length);
  });

  it('offers as facets only what the workspace’s live assets were made with', () => {
    const { library, ws, jobs, assets } = seeded();
    expect(library.assets.facets(ws.id)).toEqual({ tools: ['sprite', 'tileset'], presets: ['rpg', 'scifi'], providers: ['comfyui', 'together'] });
    library.assets.markDeleted(ws.id, ids(assets.filter((a) => a.jobId === jobs[1]!.id)), 9);
    expect(library.assets.facets(ws.id).tools).toEqual(['sprite']);
  });
});

describe('assets repo: star and soft delete', () => {
  it('stars a selection of one workspace and leaves other workspaces alone', () => {
    const { library, ws, other, assets } = seeded();
    const otherAsset = library.assets.page(other.id, { limit: 5 }).items[0]!;
    const updated = library.assets.setStarredMany(ws.id, [assets[0]!.id, assets[1]!.id, otherAsset.id], true);
    expect(ids(updated)).toEqual([assets[0]!.id, assets[1]!.id]);
    expect(updated.every((a) => a.starred)).toBe(true);
    expect(library.assets.get(otherAsset.id)!.starred).toBe(false);
    expect(library.assets.setStarredMany(ws.id, [assets[0]!.id], false)[0]!.starred).toBe(false);
  });

  it('hides soft-deleted assets from every read and brings them back exactly', () => {
    const { library, ws, jobs, assets } = seeded();
    const victim = assets[1]!;
    expect(library.assets.markDeleted(ws.id, [victim.id], 777)).toBe(1);
    expect(library.assets.markDeleted(ws.id, [victim.id], 778)).toBe(0);
    expect(ids(walkAll(library, ws.id, {}))).not.toContain(victim.id);
    expect(ids(walkAll(library, ws.id, { query: 'dragon' }))).not.toContain(victim.id);
    expect(ids(library.assets.listByJob(jobs[0]!.id))).toEqual([assets[0]!.id]);
    expect(library.assets.countByWorkspace(ws.id)).toBe(assets.length - 1);
    expect(library.assets.listLive(ws.id, [victim.id])).toEqual([]);
    expect(library.assets.deletedAt(victim.id)).toBe(777);
    expect(library.assets.listDeleted()).toEqual([{ asset: victim, deletedAt: 777 }]);

    expect(library.assets.unmarkDeleted(ws.id, [victim.id])).toBe(1);
    expect(library.assets.get(victim.id)).toEqual(victim);
    expect(library.assets.deletedAt(victim.id)).toBeNull();
    expect(ids(walkAll(library, ws.id, {}))).toContain(victim.id);
  });

  it('purges only soft-deleted rows', () => {
    const { library, ws, assets } = seeded();
    library.assets.markDeleted(ws.id, [assets[0]!.id], 1);
    expect(library.assets.purge([assets[0]!.id, assets[1]!.id])).toBe(1);
    expect(library.assets.get(assets[0]!.id)).toBeUndefined();
    expect(library.assets.get(assets[1]!.id)).toBeDefined();
    expect(library.assets.deletedAt('nope')).toBeUndefined();
  });

  it('does not delete across workspaces', () => {
    const { library, other, assets } = seeded();
    expect(library.assets.markDeleted(other.id, [assets[0]!.id], 1)).toBe(0);
    expect(library.assets.deletedAt(assets[0]!.id)).toBeNull();
  });
});
