import { afterEach, describe, expect, it } from 'vitest';
import { AssetSchema, GALLERY_PAGE_MAX, type Asset, type AssetCursor } from '../../../shared/library';
import type { AssetPageQuery } from './assets-repo';
import { TempLibraries, makeAsset, makeJob, makeWorkspace } from './testing';

const temp = new TempLibraries();
afterEach(() => temp.cleanup());

type Lib = ReturnType<TempLibraries['fresh']>;

/** Follows nextCursor until the end; guards against a cursor that never advances. */
function walk(library: Lib, workspaceId: string, query: Omit<AssetPageQuery, 'cursor'>): { items: Asset[]; pages: number } {
  const items: Asset[] = [];
  let cursor: AssetCursor | null = null;
  let pages = 0;
  do {
    const page = library.assets.page(workspaceId, { ...query, cursor });
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
    if (pages > 1_000) throw new Error('pagination does not terminate');
  } while (cursor);
  return { items, pages };
}

/** The order the gallery promises: newest first, id descending among equal timestamps. */
function expectedOrder(rows: ReadonlyArray<{ id: string; createdAt: number }>): string[] {
  return [...rows]
    .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .map((r) => r.id);
}

/** Deterministic shuffled ids so insertion order, id order and time order all differ. */
function scrambledId(i: number): string {
  return `a-${((i * 7919) % 10007).toString(36).padStart(4, '0')}-${i}`;
}

describe('assets repo', () => {
  it('round-trips an asset as the shared DTO', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const job = library.jobs.insert(makeJob(ws.id));
    const input = makeAsset(ws.id, job.id, { id: 'a1', slot: 2, kind: 'svg', mime: 'image/svg+xml', width: null, height: null, metadata: { seed: 5 }, starred: true });
    library.assets.insertMany([input]);
    const read = library.assets.get('a1');
    expect(AssetSchema.parse(read)).toEqual({ ...input, metadata: { seed: 5 }, starred: true });
    expect(library.assets.get('nope')).toBeUndefined();
  });

  it('inserts a batch all or nothing', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const rows = [makeAsset(ws.id, null), makeAsset(ws.id, null, { kind: 'audio' as never }), makeAsset(ws.id, null)];
    expect(() => library.assets.insertMany(rows)).toThrow(/CHECK/);
    expect(library.assets.countByWorkspace(ws.id)).toBe(0);
    expect(() => library.assets.insertMany([makeAsset('no-such-workspace', null)])).toThrow(/FOREIGN KEY/);
  });

  it('walks every asset exactly once, newest first, across timestamp ties', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const other = library.workspaces.insert(makeWorkspace());
    // 137 assets, 5 per millisecond: ties straddle most page boundaries.
    const rows = Array.from({ length: 137 }, (_, i) => makeAsset(ws.id, null, { id: scrambledId(i), createdAt: 10_000 + Math.floor(i / 5) }));
    library.assets.insertMany(rows);
    library.assets.insertMany(Array.from({ length: 20 }, (_, i) => makeAsset(other.id, null, { createdAt: 10_000 + i })));

    for (const limit of [1, 7, 10, 60, 137, 200]) {
      const { items, pages } = walk(library, ws.id, { limit });
      expect(items.map((a) => a.id)).toEqual(expectedOrder(rows));
      expect(pages).toBe(Math.ceil(137 / limit));
    }
    expect(library.assets.countByWorkspace(ws.id)).toBe(137);
  });

  it('returns no cursor on the last page, even when it is exactly full', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    library.assets.insertMany(Array.from({ length: 20 }, (_, i) => makeAsset(ws.id, null, { createdAt: i })));
    const first = library.assets.page(ws.id, { limit: 10 });
    expect(first.nextCursor).toEqual({ createdAt: first.items[9]?.createdAt, id: first.items[9]?.id });
    const second = library.assets.page(ws.id, { limit: 10, cursor: first.nextCursor });
    expect(second.items).toHaveLength(10);
    expect(second.nextCursor).toBeNull();
    expect(library.assets.page('empty', { limit: 10 })).toEqual({ items: [], nextCursor: null });
  });

  it('clamps the page size', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    library.assets.insertMany(Array.from({ length: GALLERY_PAGE_MAX + 5 }, (_, i) => makeAsset(ws.id, null, { createdAt: i })));
    expect(library.assets.page(ws.id, { limit: 0 }).items).toHaveLength(1);
    expect(library.assets.page(ws.id, { limit: 10_000 }).items).toHaveLength(GALLERY_PAGE_MAX);
  });

  it('walks only starred assets when asked, and follows setStarred', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const rows = Array.from({ length: 90 }, (_, i) =>
      makeAsset(ws.id, null, { id: scrambledId(i), createdAt: 500 + Math.floor(i / 4), starred: i % 3 === 0 }),
    );
    library.assets.insertMany(rows);
    const starred = rows.filter((r) => r.starred);
    expect(walk(library, ws.id, { limit: 7, starredOnly: true }).items.map((a) => a.id)).toEqual(expectedOrder(starred));

    const target = rows[1];
    if (!target) throw new Error('fixture');
    expect(library.assets.setStarred(target.id, true)).toBe(true);
    const after = walk(library, ws.id, { limit: 7, starredOnly: true }).items;
    expect(after.map((a) => a.id)).toEqual(expectedOrder([...starred, target]));
    expect(after.every((a) => a.starred)).toBe(true);
    expect(library.assets.setStarred(target.id, false)).toBe(true);
    expect(library.assets.get(target.id)?.starred).toBe(false);
    expect(library.assets.setStarred('nope', true)).toBe(false);
  });

  it('reads a page through corrupt metadata', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    library.assets.insertMany([makeAsset(ws.id, null, { id: 'bad', metadata: { a: 1 } }), makeAsset(ws.id, null, { id: 'good', metadata: { b: 2 } })]);
    library.sqlite.prepare(`UPDATE assets SET metadata_json = '{{{' WHERE id = 'bad'`).run();
    const page = library.assets.page(ws.id, { limit: 10 });
    expect(Object.fromEntries(page.items.map((a) => [a.id, a.metadata]))).toEqual({ bad: {}, good: { b: 2 } });
  });

  it('removes a job’s assets with the job, keeping imported ones', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const job = library.jobs.insert(makeJob(ws.id));
    library.assets.insertMany([makeAsset(ws.id, job.id), makeAsset(ws.id, job.id), makeAsset(ws.id, null, { id: 'imported' })]);
    library.sqlite.prepare('DELETE FROM jobs WHERE id = ?').run(job.id);
    expect(library.assets.page(ws.id, { limit: 10 }).items.map((a) => a.id)).toEqual(['imported']);
  });

  it('serves gallery pages from the index without sorting', () => {
    const library = temp.fresh();
    const plan = (sql: string) =>
      (library.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('w', 1, 'x', 10) as { detail: string }[]).map((r) => r.detail).join('\n');
    const after = plan(`SELECT id FROM assets WHERE workspace_id = ? AND (created_at, id) < (?, ?) ORDER BY created_at DESC, id DESC LIMIT ?`);
    expect(after).toMatch(/USING (COVERING )?INDEX assets_gallery_idx \(workspace_id=\? AND \(created_at,id\)<\(\?,\?\)\)/);
    expect(after).not.toMatch(/TEMP B-TREE/);
  });
});
