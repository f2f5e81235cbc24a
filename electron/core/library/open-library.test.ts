import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { INTERRUPTED_ERROR } from './jobs-repo';
import { DEFAULT_MIGRATIONS_DIR, openLibrary } from './open-library';
import { TempLibraries, makeAsset, makeJob, makeWorkspace } from './testing';

const temp = new TempLibraries();
const MIGRATION_COUNT = (
  JSON.parse(readFileSync(path.join(DEFAULT_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }
).entries.length;
afterEach(() => temp.cleanup());

function names(sqlite: Database.Database, type: 'table' | 'trigger' | 'index'): string[] {
  return sqlite
    .prepare<[string], { name: string }>(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`)
    .all(type)
    .map((r) => r.name);
}

describe('openLibrary', () => {
  it('creates the schema from scratch with every migration', () => {
    const file = temp.newFile();
    expect(existsSync(file)).toBe(false);
    const { library, interruptedJobs } = temp.open(file);

    expect(interruptedJobs).toBe(0);
    expect(names(library.sqlite, 'table')).toEqual(expect.arrayContaining(['workspaces', 'jobs', 'assets', 'jobs_fts']));
    expect(names(library.sqlite, 'trigger')).toEqual([
      'jobs_fts_after_delete',
      'jobs_fts_after_insert',
      'jobs_fts_after_update',
      'workspaces_mode_immutable',
    ]);
    expect(names(library.sqlite, 'index')).toEqual(
      expect.arrayContaining([
        'assets_gallery_idx',
        'assets_gallery_starred_idx',
        'jobs_workspace_created_idx',
        'jobs_status_idx',
        'workspaces_folder_unique',
      ]),
    );
    const applied = library.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(MIGRATION_COUNT);
    const starred = library.sqlite.prepare(`SELECT sql FROM sqlite_master WHERE name = 'assets_gallery_starred_idx'`).get() as { sql: string };
    expect(starred.sql).toMatch(/WHERE "starred" = 1$/);
  });

  it('re-opens an existing library without re-applying migrations or losing rows', () => {
    const file = temp.newFile();
    const first = temp.open(file).library;
    const ws = first.workspaces.insert(makeWorkspace());
    first.jobs.insert(makeJob(ws.id, { status: 'succeeded', prompt: 'castle on a hill' }));
    first.close();

    const again = temp.open(file).library;
    const applied = again.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(MIGRATION_COUNT);
    expect(again.workspaces.get(ws.id)).toEqual(ws);
    expect(again.jobs.search(ws.id, 'castle', 10)).toHaveLength(1);
    again.close();
    // A third open is as quiet as the second.
    expect(() => temp.open(file)).not.toThrow();
  });

  it('upgrades a library created by an older build, keeping its rows', () => {
    // An older build = the same migrations folder with only the first two entries.
    const file = temp.newFile();
    const oldDir = path.join(path.dirname(file), 'old-migrations');
    cpSync(DEFAULT_MIGRATIONS_DIR, oldDir, { recursive: true });
    const journalPath = path.join(oldDir, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 2) }));

    // Rows written with plain SQL: today's repositories prepare statements for columns an
    // older schema does not have yet (assets.deleted_at), which is what the upgrade adds.
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: oldDir });
    const ws = makeWorkspace();
    const job = makeJob(ws.id, { status: 'succeeded', prompt: 'lighthouse at dusk' });
    old.prepare('INSERT INTO workspaces (id, name, mode, folder, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(ws.id, ws.name, ws.mode, ws.folder, ws.createdAt, ws.createdAt);
    old.prepare('INSERT INTO jobs (id, workspace_id, mode, tool, prompt, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(job.id, ws.id, job.mode, job.tool, job.prompt, 'succeeded', job.createdAt);
    for (const [i, asset] of [makeAsset(ws.id, job.id, { starred: true }), makeAsset(ws.id, job.id)].entries()) {
      old
        .prepare('INSERT INTO assets (id, job_id, workspace_id, slot, kind, relative_path, mime, bytes, starred, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(asset.id, job.id, ws.id, i, asset.kind, asset.relativePath, asset.mime, asset.bytes, asset.starred ? 1 : 0, asset.createdAt);
    }
    old.close();

    const { library } = temp.open(file);
    const applied = library.sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
    expect(applied.n).toBe(MIGRATION_COUNT);
    expect(library.assets.page(ws.id, { limit: 10, starredOnly: true }).items).toHaveLength(1);
    expect(library.jobs.search(ws.id, 'lighthouse', 10).map((j) => j.id)).toEqual([job.id]);
  });

  it('configures FTS5 merging for a write-heavy index', () => {
    const { sqlite } = temp.fresh();
    expect(sqlite.prepare(`SELECT v FROM jobs_fts_config WHERE k = 'automerge'`).get()).toEqual({ v: 8 });
  });

  it('sets the connection pragmas', () => {
    const { sqlite } = temp.fresh();
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
  });

  it('keeps an implicit rowid on jobs for the FTS index', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const job = library.jobs.insert(makeJob(ws.id));
    const row = library.sqlite.prepare('SELECT rowid AS r FROM jobs WHERE id = ?').get(job.id) as { r: number };
    expect(row.r).toBeGreaterThan(0);
  });

  it('marks jobs left queued or running as interrupted, and nothing else', () => {
    const file = temp.newFile();
    const library = temp.open(file).library;
    const ws = library.workspaces.insert(makeWorkspace());
    const queued = library.jobs.insert(makeJob(ws.id, { status: 'queued' }));
    const running = library.jobs.insert(makeJob(ws.id, { status: 'running', startedAt: 2_100 }));
    const done = library.jobs.insert(makeJob(ws.id, { status: 'succeeded', finishedAt: 2_500 }));
    const failed = library.jobs.insert(
      makeJob(ws.id, { status: 'failed', error: { stage: 'dispatch', code: 'timeout', message: 'slow' } }),
    );
    library.close();

    const reopened = temp.open(file, () => 99_000);
    expect(reopened.interruptedJobs).toBe(2);
    const jobs = reopened.library.jobs;
    for (const id of [queued.id, running.id]) {
      expect(jobs.get(id)).toMatchObject({ status: 'interrupted', finishedAt: 99_000, error: INTERRUPTED_ERROR });
    }
    expect(jobs.get(running.id)?.startedAt).toBe(2_100);
    expect(jobs.get(done.id)).toMatchObject({ status: 'succeeded', finishedAt: 2_500, error: null });
    expect(jobs.get(failed.id)?.error).toEqual({ stage: 'dispatch', code: 'timeout', message: 'slow' });
    reopened.library.close();

    expect(temp.open(file).interruptedJobs).toBe(0);
  });

  it('fails loudly, and releases the file, when the migrations folder is wrong', () => {
    const file = temp.newFile();
    expect(() => openLibrary({ file, migrationsDir: path.join(path.dirname(file), 'nope') })).toThrow(/_journal\.json/);
    // The handle was closed: a real open of the same file works (and would not on Windows otherwise).
    expect(() => temp.open(file)).not.toThrow();
  });

  it('resolves the default migrations folder beside the module', () => {
    expect(existsSync(path.join(DEFAULT_MIGRATIONS_DIR, 'meta', '_journal.json'))).toBe(true);
  });

  it('opens a database created by another connection and shares it under WAL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wokgen-library-'));
    try {
      const file = path.join(dir, 'library.sqlite');
      const { library } = openLibrary({ file });
      const ws = library.workspaces.insert(makeWorkspace());
      library.jobs.insert(makeJob(ws.id));
      library.assets.insertMany([makeAsset(ws.id, null)]);
      // A second reader sees committed rows while the first connection stays open.
      const reader = new Database(file, { readonly: true });
      expect((reader.prepare('SELECT count(*) AS n FROM assets').get() as { n: number }).n).toBe(1);
      reader.close();
      library.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
