/**
 * Job rows: one per generation request, written by the pipeline as it moves through its
 * stages and read by the history list and the search box.
 *
 * Reads and inserts are statements prepared once per library (the history and search are
 * hot, the seeder inserts in bulk); `update` uses drizzle's builder because its column set
 * depends on the patch.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Job, JobAttempt, JobError, JobStatus } from '../../../shared/library';
import type { ModeId } from '../../../shared/modes';
import type { LibraryDb } from './db';
import { toFtsQuery } from './fts-query';
import { readAttempts, readJobError, readObject } from './json-columns';
import { jobs } from './schema';

export interface NewJob {
  readonly id: string;
  readonly workspaceId: string;
  readonly mode: ModeId;
  readonly tool: string;
  readonly preset?: string | null;
  readonly prompt: string;
  readonly negativePrompt?: string | null;
  readonly provider?: string | null;
  /** Defaults to `queued`. */
  readonly status?: JobStatus;
  readonly seed?: number | null;
  readonly params?: Record<string, unknown>;
  readonly attempts?: ReadonlyArray<JobAttempt>;
  readonly error?: JobError | null;
  readonly createdAt: number;
  readonly startedAt?: number | null;
  readonly finishedAt?: number | null;
}

/** What changes while a job runs; identity, prompt and params are fixed at insert. */
export type JobPatch = Partial<
  Pick<Job, 'status' | 'provider' | 'attempts' | 'error' | 'seed' | 'negativePrompt' | 'startedAt' | 'finishedAt'>
>;

export interface JobsRepo {
  insert(job: NewJob): Job;
  /** All or nothing, in one transaction (imports, re-attach, the bench seeder). */
  insertMany(jobs: ReadonlyArray<NewJob>): void;
  get(id: string): Job | undefined;
  /** The updated job, or `undefined` when no such job. */
  update(id: string, patch: JobPatch): Job | undefined;
  /** Start-up sweep: jobs left queued/running by a previous run become `interrupted`. */
  markUnfinishedInterrupted(now: number): number;
  /** Newest first. */
  listByWorkspace(workspaceId: string, limit: number): Job[];
  /** Jobs of one workspace whose prompt (or negative) matches raw user text, best first. */
  search(workspaceId: string, query: string, limit: number): Job[];
}

export const INTERRUPTED_ERROR: JobError = {
  stage: 'run',
  code: 'interrupted',
  message: 'The app closed while this job was in progress.',
};

/** History and search never return more than this many rows at once. */
export const JOBS_LIST_MAX = 500;

/** bm25 column weights (prompt, negative): a hit in what the user asked for ranks first. */
const BM25_WEIGHTS = '1.0, 0.2';

/** A jobs row as the prepared statements return it (aliases match the DTO's names). */
interface JobRow {
  id: string;
  workspaceId: string;
  mode: ModeId;
  tool: string;
  preset: string | null;
  prompt: string;
  negativePrompt: string | null;
  provider: string | null;
  status: JobStatus;
  seed: number | null;
  paramsJson: string;
  attemptsJson: string;
  errorJson: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
}

const JOB_COLUMNS = `j.id, j.workspace_id AS workspaceId, j.mode, j.tool, j.preset, j.prompt,
  j.negative_prompt AS negativePrompt, j.provider, j.status, j.seed, j.params_json AS paramsJson,
  j.attempts_json AS attemptsJson, j.error_json AS errorJson, j.created_at AS createdAt,
  j.started_at AS startedAt, j.finished_at AS finishedAt`;

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    mode: row.mode,
    tool: row.tool,
    preset: row.preset,
    prompt: row.prompt,
    negativePrompt: row.negativePrompt,
    provider: row.provider,
    status: row.status,
    seed: row.seed,
    params: readObject(row.paramsJson),
    attempts: readAttempts(row.attemptsJson),
    error: readJobError(row.errorJson),
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

function toInsertParams(job: NewJob): JobRow {
  return {
    id: job.id,
    workspaceId: job.workspaceId,
    mode: job.mode,
    tool: job.tool,
    preset: job.preset ?? null,
    prompt: job.prompt,
    negativePrompt: job.negativePrompt ?? null,
    provider: job.provider ?? null,
    status: job.status ?? 'queued',
    seed: job.seed ?? null,
    paramsJson: JSON.stringify(job.params ?? {}),
    attemptsJson: JSON.stringify(job.attempts ?? []),
    errorJson: job.error ? JSON.stringify(job.error) : null,
    createdAt: job.createdAt,
    startedAt: job.startedAt ?? null,
    finishedAt: job.finishedAt ?? null,
  };
}

function clampLimit(limit: number): number {
  return Math.min(Math.max(Math.trunc(limit) || 1, 1), JOBS_LIST_MAX);
}

export function createJobsRepo({ orm, sqlite }: LibraryDb): JobsRepo {
  const insertStmt = sqlite.prepare<[JobRow], void>(
    `INSERT INTO jobs (id, workspace_id, mode, tool, preset, prompt, negative_prompt, provider, status, seed,
       params_json, attempts_json, error_json, created_at, started_at, finished_at)
     VALUES (@id, @workspaceId, @mode, @tool, @preset, @prompt, @negativePrompt, @provider, @status, @seed,
       @paramsJson, @attemptsJson, @errorJson, @createdAt, @startedAt, @finishedAt)`,
  );
  const getStmt = sqlite.prepare<[string], JobRow>(`SELECT ${JOB_COLUMNS} FROM jobs j WHERE j.id = ?`);
  const listStmt = sqlite.prepare<[string, number], JobRow>(
    `SELECT ${JOB_COLUMNS} FROM jobs j WHERE j.workspace_id = ?
     ORDER BY j.created_at DESC, j.id DESC LIMIT ?`,
  );
  // Search, shaped by measurement (bench: 100k jobs over 20 workspaces, common words match
  // ~20k rows). A plain join checks every FTS hit against its jobs row (a table read per
  // hit: ~22 ms for a common word). Instead: take the workspace's rowids from the covering
  // (workspace_id, created_at) index once, let FTS drive (CROSS JOIN keeps it the outer
  // loop; handing FTS5 a `rowid IN (…)` constraint instead measured seconds, not ms) and
  // test each hit against that set (SQLite adds a Bloom filter and an automatic index:
  // ~6 ms). Costs grow with the workspace's size rather than with hits elsewhere. bm25
  // is computed only for the workspace's hits, and the jobs rows are read for the top
  // `limit` only. rowid DESC (recorded later first) makes ties deterministic.
  const searchStmt = sqlite.prepare<[string, string, number], JobRow>(
    `WITH in_workspace(rid) AS MATERIALIZED (SELECT rowid FROM jobs WHERE workspace_id = ?),
     hits AS (
       SELECT jobs_fts.rowid AS rid, bm25(jobs_fts, ${BM25_WEIGHTS}) AS score
       FROM jobs_fts CROSS JOIN in_workspace ON in_workspace.rid = jobs_fts.rowid
       WHERE jobs_fts MATCH ?
       ORDER BY score, rid DESC
       LIMIT ?
     )
     SELECT ${JOB_COLUMNS} FROM hits JOIN jobs j ON j.rowid = hits.rid
     ORDER BY hits.score, hits.rid DESC`,
  );
  const insertAll = sqlite.transaction((rows: ReadonlyArray<NewJob>) => {
    for (const job of rows) insertStmt.run(toInsertParams(job));
  });

  const repo: JobsRepo = {
    insert(job) {
      const row = toInsertParams(job);
      insertStmt.run(row);
      return toJob(row);
    },

    insertMany(rows) {
      insertAll(rows);
    },

    get(id) {
      const row = getStmt.get(id);
      return row ? toJob(row) : undefined;
    },

    update(id, patch) {
      const set: Partial<typeof jobs.$inferInsert> = {};
      if (patch.status !== undefined) set.status = patch.status;
      if (patch.provider !== undefined) set.provider = patch.provider;
      if (patch.attempts !== undefined) set.attemptsJson = JSON.stringify(patch.attempts);
      if (patch.error !== undefined) set.errorJson = patch.error === null ? null : JSON.stringify(patch.error);
      if (patch.seed !== undefined) set.seed = patch.seed;
      if (patch.negativePrompt !== undefined) set.negativePrompt = patch.negativePrompt;
      if (patch.startedAt !== undefined) set.startedAt = patch.startedAt;
      if (patch.finishedAt !== undefined) set.finishedAt = patch.finishedAt;
      // drizzle refuses an empty SET; an empty patch is a read.
      if (Object.keys(set).length === 0) return repo.get(id);
      const changed = orm.update(jobs).set(set).where(eq(jobs.id, id)).run().changes;
      return changed > 0 ? repo.get(id) : undefined;
    },

    markUnfinishedInterrupted(now) {
      return orm
        .update(jobs)
        .set({ status: 'interrupted', finishedAt: now, errorJson: JSON.stringify(INTERRUPTED_ERROR) })
        .where(inArray(jobs.status, ['queued', 'running']))
        .run().changes;
    },

    listByWorkspace(workspaceId, limit) {
      return listStmt.all(workspaceId, clampLimit(limit)).map(toJob);
    },

    search(workspaceId, query, limit) {
      const match = toFtsQuery(query);
      if (match === null) return [];
      return searchStmt.all(workspaceId, match, clampLimit(limit)).map(toJob);
    },
  };
  return repo;
}
