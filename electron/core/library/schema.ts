/**
 * The library's tables, declared once for drizzle-orm (queries) and drizzle-kit (migrations).
 *
 * Editing this file changes nothing at run time by itself: run `npm run db:generate` and
 * commit the generated migration. Things drizzle-kit cannot express (FTS5, triggers) live
 * in hand-written custom migrations beside the generated ones.
 */
import { sql, type SQL } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ASSET_KINDS, JOB_STATUSES } from '../../../shared/library';
import { MODE_IDS } from '../../../shared/modes';

/**
 * `'a', 'b', 'c'` for a CHECK constraint. Raw on purpose: drizzle-kit writes CHECK bodies
 * verbatim, so bound parameters would end up as literal `?`. The values are our own
 * constants (no quotes inside), never user input.
 */
function sqlList(values: ReadonlyArray<string>): SQL {
  return sql.raw(values.map((v) => `'${v}'`).join(', '));
}

export const workspaces = sqliteTable(
  'workspaces',
  {
    id: text('id').primaryKey(), // uuid, also written into the folder's workspace.json
    name: text('name').notNull(),
    // Fixed at creation; a trigger (migration fts_and_guards) rejects any UPDATE of it.
    mode: text('mode', { enum: MODE_IDS }).notNull(),
    // Absolute path; unique so two workspaces can never share (and overwrite) one folder.
    folder: text('folder').notNull().unique(),
    createdAt: integer('created_at').notNull(), // ms since epoch
    updatedAt: integer('updated_at').notNull(),
  },
  // Unqualified column names: SQLite rejects table-qualified names inside CHECK.
  () => [check('workspaces_mode_check', sql`"mode" IN (${sqlList(MODE_IDS)})`)],
);

/**
 * One row per generation request. Keeps SQLite's implicit rowid (no WITHOUT ROWID) because
 * the external-content FTS index `jobs_fts` points at rows by rowid.
 */
export const jobs = sqliteTable(
  'jobs',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    mode: text('mode', { enum: MODE_IDS }).notNull(),
    tool: text('tool').notNull(),
    preset: text('preset'),
    prompt: text('prompt').notNull(),
    // The negative as actually sent to the provider (after bank assembly and encoding).
    negativePrompt: text('negative_prompt'),
    provider: text('provider'), // the provider that produced the result, once known
    status: text('status', { enum: JOB_STATUSES }).notNull(),
    seed: integer('seed'),
    paramsJson: text('params_json').notNull().default('{}'), // JSON object
    attemptsJson: text('attempts_json').notNull().default('[]'), // JSON array of JobAttempt
    errorJson: text('error_json'), // JSON {stage, code, message} or NULL
    createdAt: integer('created_at').notNull(),
    startedAt: integer('started_at'),
    finishedAt: integer('finished_at'),
  },
  (t) => [
    // History list of one workspace, newest first.
    index('jobs_workspace_created_idx').on(t.workspaceId, sql`"created_at" DESC`),
    // Start-up sweep for jobs left queued/running touches only those rows.
    index('jobs_status_idx').on(t.status),
    check('jobs_mode_check', sql`"mode" IN (${sqlList(MODE_IDS)})`),
    check('jobs_status_check', sql`"status" IN (${sqlList(JOB_STATUSES)})`),
  ],
);

export const assets = sqliteTable(
  'assets',
  {
    id: text('id').primaryKey(),
    // Nullable: assets imported from another workspace or from disk have no job.
    jobId: text('job_id').references(() => jobs.id, { onDelete: 'cascade' }),
    workspaceId: text('workspace_id')
      .notNull()
      .references(() => workspaces.id, { onDelete: 'cascade' }),
    slot: integer('slot').notNull(), // batch slot within the job (0 = the base variant)
    kind: text('kind', { enum: ASSET_KINDS }).notNull(),
    relativePath: text('relative_path').notNull(), // inside the workspace folder
    mime: text('mime').notNull(),
    width: integer('width'),
    height: integer('height'),
    bytes: integer('bytes').notNull(),
    metadataJson: text('metadata_json').notNull().default('{}'),
    starred: integer('starred', { mode: 'boolean' }).notNull().default(false),
    createdAt: integer('created_at').notNull(),
    // Soft delete (gallery "Delete" with Undo): set when the files move to the workspace's
    // `.wokgen/trash/<id>/`; the row stays untouched so Undo restores it exactly. Rows still
    // set at the next start-up are purged with their trashed files.
    deletedAt: integer('deleted_at'),
  },
  (t) => [
    // Gallery keyset: WHERE workspace_id = ? AND (created_at, id) < cursor, newest first.
    index('assets_gallery_idx').on(t.workspaceId, sql`"created_at" DESC`, sql`"id" DESC`),
    // Same walk restricted to starred assets. Partial (only starred rows, a few percent)
    // rather than (workspace_id, starred, …) over every row: the same seek for the query,
    // a fraction of the size, and unstarred inserts (nearly all of them) skip it entirely.
    index('assets_gallery_starred_idx')
      .on(t.workspaceId, sql`"created_at" DESC`, sql`"id" DESC`)
      .where(sql`"starred" = 1`),
    // Deleting a job cascades to its assets; without this each delete scans the table.
    index('assets_job_idx').on(t.jobId),
    // The start-up purge finds soft-deleted rows without a scan; partial, so the (nearly
    // all) live rows never maintain it.
    index('assets_deleted_idx').on(t.deletedAt).where(sql`"deleted_at" IS NOT NULL`),
    check('assets_kind_check', sql`"kind" IN (${sqlList(ASSET_KINDS)})`),
    check('assets_starred_check', sql`"starred" IN (0, 1)`),
  ],
);

export type WorkspaceRecord = typeof workspaces.$inferSelect;
export type JobRecord = typeof jobs.$inferSelect;
export type AssetRecord = typeof assets.$inferSelect;
