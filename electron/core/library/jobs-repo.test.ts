import { afterEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/library';
import { JobSchema } from '../../../shared/library';
import { TempLibraries, makeJob, makeWorkspace } from './testing';

const temp = new TempLibraries();
afterEach(() => temp.cleanup());

function ftsIntegrityCheck(library: ReturnType<TempLibraries['fresh']>): void {
  // rank = 1 makes FTS5 compare its index against the content table (jobs), not just itself.
  library.sqlite.exec(`INSERT INTO jobs_fts(jobs_fts, rank) VALUES ('integrity-check', 1)`);
}

describe('jobs repo: rows', () => {
  it('round-trips every field as the shared Job DTO', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace({ mode: 'business' }));
    const job = library.jobs.insert({
      id: 'job-full',
      workspaceId: ws.id,
      mode: 'business',
      tool: 'logo',
      preset: 'minimal',
      prompt: 'a fox logo',
      negativePrompt: 'blurry, watermark',
      provider: 'together',
      status: 'failed',
      seed: 1234,
      params: { width: 1024, steps: 30, nested: { a: [1, 2] } },
      attempts: [{ provider: 'together', startedAt: 1, finishedAt: 2, ok: false, error: 'rate limited', model: 'black-forest-labs/FLUX.1-schnell', slot: 0, errorKind: 'rate_limited' }],
      error: { stage: 'dispatch', code: 'rate_limited', message: 'Too many requests' },
      createdAt: 100,
      startedAt: 110,
      finishedAt: 120,
    });
    const read = library.jobs.get('job-full');
    expect(read).toEqual(job);
    expect(JobSchema.parse(read)).toEqual(job);
  });

  it('fills defaults for a minimal new job', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const job = library.jobs.insert(makeJob(ws.id, { id: 'job-min' }));
    expect(library.jobs.get('job-min')).toEqual<Job>({
      ...job,
      preset: null,
      negativePrompt: null,
      provider: null,
      status: 'queued',
      seed: null,
      params: {},
      attempts: [],
      error: null,
      startedAt: null,
      finishedAt: null,
    });
    expect(library.jobs.get('nope')).toBeUndefined();
  });

  it('refuses an unknown status and a job without a workspace', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    expect(() => library.jobs.insert(makeJob(ws.id, { status: 'paused' as never }))).toThrow(/CHECK/);
    expect(() => library.jobs.insert(makeJob('no-such-workspace'))).toThrow(/FOREIGN KEY/);
  });

  it('updates the running fields and leaves the rest', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const job = library.jobs.insert(makeJob(ws.id, { seed: 7 }));
    const attempts = [{ provider: 'fal', startedAt: 5, finishedAt: 6, ok: true, error: null, model: 'fal-ai/flux/schnell', slot: 1, errorKind: null }];
    const updated = library.jobs.update(job.id, {
      status: 'succeeded',
      provider: 'fal',
      attempts,
      startedAt: 5,
      finishedAt: 6,
      negativePrompt: 'lowres',
    });
    expect(updated).toEqual({ ...job, status: 'succeeded', provider: 'fal', attempts, startedAt: 5, finishedAt: 6, negativePrompt: 'lowres' });
    expect(library.jobs.update(job.id, { error: { stage: 'persist', code: 'io', message: 'disk full' }, seed: null })).toMatchObject({
      error: { stage: 'persist', code: 'io', message: 'disk full' },
      seed: null,
    });
    expect(library.jobs.update(job.id, { error: null })?.error).toBeNull();
    expect(library.jobs.update(job.id, {})).toEqual(library.jobs.get(job.id));
    expect(library.jobs.update('nope', { status: 'failed' })).toBeUndefined();
  });

  it('lists a workspace newest first, within the limit', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const other = library.workspaces.insert(makeWorkspace());
    library.jobs.insertMany([10, 30, 20, 40].map((t) => makeJob(ws.id, { id: `j${t}`, createdAt: t })));
    library.jobs.insert(makeJob(other.id, { createdAt: 50 }));
    expect(library.jobs.listByWorkspace(ws.id, 3).map((j) => j.id)).toEqual(['j40', 'j30', 'j20']);
    expect(library.jobs.listByWorkspace(ws.id, 100)).toHaveLength(4);
  });

  it('inserts a batch all or nothing', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const good = makeJob(ws.id, { id: 'dup' });
    expect(() => library.jobs.insertMany([good, makeJob(ws.id), { ...good }])).toThrow(/UNIQUE/);
    expect(library.jobs.listByWorkspace(ws.id, 10)).toEqual([]);
  });

  it('reads corrupt JSON columns as empty values instead of throwing', () => {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const job = library.jobs.insert(makeJob(ws.id, { params: { ok: true } }));
    library.sqlite
      .prepare(`UPDATE jobs SET params_json = '{"broken', attempts_json = '[{"provider":1}, 3, "x"]', error_json = 'nope' WHERE id = ?`)
      .run(job.id);
    const read = library.jobs.get(job.id);
    expect(read?.params).toEqual({});
    expect(read?.attempts).toEqual([]);
    expect(read?.error).toMatchObject({ code: 'unreadable' });

    library.sqlite.prepare(`UPDATE jobs SET params_json = '[1,2]', attempts_json = '{}' WHERE id = ?`).run(job.id);
    expect(library.jobs.get(job.id)).toMatchObject({ params: {}, attempts: [] });
    // One bad row does not break a list or a search either.
    expect(library.jobs.listByWorkspace(ws.id, 10)).toHaveLength(1);
    expect(library.jobs.search(ws.id, 'knight', 10)).toHaveLength(1);
  });
});

describe('jobs repo: search', () => {
  function seeded() {
    const library = temp.fresh();
    const ws = library.workspaces.insert(makeWorkspace());
    const other = library.workspaces.insert(makeWorkspace());
    const add = (id: string, prompt: string, negativePrompt: string | null = null, workspaceId = ws.id) =>
      library.jobs.insert(makeJob(workspaceId, { id, prompt, negativePrompt }));
    add('dragon', 'a red dragon breathing fire over a castle');
    add('knight', 'a knight in silver armour, red cape');
    add('cafe', 'cozy café interior, isometric');
    add('neg-only', 'a green forest', 'dragon, blurry');
    add('quotes', 'sign that says "open" near the door');
    add('elsewhere', 'a red dragon sleeping', null, other.id);
    return { library, ws, other };
  }
  const ids = (jobs: Job[]) => jobs.map((j) => j.id);

  it('finds jobs by prompt words, all words required', () => {
    const { library, ws } = seeded();
    expect(ids(library.jobs.search(ws.id, 'castle', 10))).toEqual(['dragon']);
    expect(ids(library.jobs.search(ws.id, 'red', 10)).sort()).toEqual(['dragon', 'knight']);
    expect(ids(library.jobs.search(ws.id, 'red cape', 10))).toEqual(['knight']);
    expect(ids(library.jobs.search(ws.id, 'RED   Dragon', 10))).toEqual(['dragon']);
    expect(library.jobs.search(ws.id, 'submarine', 10)).toEqual([]);
  });

  it('matches the last word as a prefix while typing', () => {
    const { library, ws } = seeded();
    expect(ids(library.jobs.search(ws.id, 'kni', 10))).toEqual(['knight']);
    expect(ids(library.jobs.search(ws.id, 'silver arm', 10))).toEqual(['knight']);
    // Only the last word is a prefix: "sil" alone before another word must match whole.
    expect(library.jobs.search(ws.id, 'sil armour', 10)).toEqual([]);
  });

  it('ignores case and diacritics', () => {
    const { library, ws } = seeded();
    expect(ids(library.jobs.search(ws.id, 'CAFE', 10))).toEqual(['cafe']);
    expect(ids(library.jobs.search(ws.id, 'café', 10))).toEqual(['cafe']);
  });

  it('ranks a prompt hit above a negative-prompt hit', () => {
    const { library, ws } = seeded();
    expect(ids(library.jobs.search(ws.id, 'dragon', 10))).toEqual(['dragon', 'neg-only']);
  });

  it('stays inside the workspace', () => {
    const { library, ws, other } = seeded();
    expect(ids(library.jobs.search(other.id, 'dragon', 10))).toEqual(['elsewhere']);
    expect(ids(library.jobs.search(ws.id, 'sleeping', 10))).toEqual([]);
    expect(library.jobs.search('no-such-workspace', 'dragon', 10)).toEqual([]);
  });

  it('respects the limit', () => {
    const { library, ws } = seeded();
    expect(library.jobs.search(ws.id, 'a', 1)).toHaveLength(1);
  });

  it.each([
    ['"open"', ['quotes']],
    ['"open', ['quotes']],
    ['open"', ['quotes']],
    ['dragon*', ['dragon', 'neg-only']],
    ['*', []],
    ['NEAR(red dragon)', []], // "near" is just a word here, and no dragon prompt has it
    ['near door', ['quotes']],
    ['-blurry', ['neg-only']],
    ['red -knight', ['knight']], // no exclusion operator: both words must appear
    ['(castle)', ['dragon']],
    ['castle OR knight', []],
    ['castle AND fire', []],
    ['prompt:castle', []],
    ['^castle', ['dragon']],
    ["it's a' dragon", []],
    ['"*"-()^:+', []],
    ['', []],
  ])('treats %j as plain words', (query, expected) => {
    const { library, ws } = seeded();
    expect(() => library.jobs.search(ws.id, query, 10)).not.toThrow();
    expect(ids(library.jobs.search(ws.id, query, 10))).toEqual(expected);
  });

  it('follows updates, deletes and raw edits of the indexed text', () => {
    const { library, ws } = seeded();
    library.jobs.update('neg-only', { negativePrompt: 'lowres' });
    expect(ids(library.jobs.search(ws.id, 'dragon', 10))).toEqual(['dragon']);
    expect(ids(library.jobs.search(ws.id, 'lowres', 10))).toEqual(['neg-only']);

    library.sqlite.prepare(`UPDATE jobs SET prompt = 'a blue whale' WHERE id = 'knight'`).run();
    expect(library.jobs.search(ws.id, 'knight', 10)).toEqual([]);
    expect(ids(library.jobs.search(ws.id, 'whale', 10))).toEqual(['knight']);

    library.sqlite.prepare(`DELETE FROM jobs WHERE id = 'dragon'`).run();
    expect(library.jobs.search(ws.id, 'castle', 10)).toEqual([]);

    // Status-only updates skip the FTS trigger but must not desync anything either.
    library.jobs.update('cafe', { status: 'running' });
    expect(() => ftsIntegrityCheck(library)).not.toThrow();
  });
});
