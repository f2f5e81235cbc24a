/**
 * Asset rows: the gallery's index of files inside workspace folders.
 *
 * The gallery page is the hottest read in the app (every scroll), so it runs on
 * statements prepared once per library and pages by keyset on (created_at, id): each page
 * is an index seek from the cursor, not an OFFSET that re-reads every earlier row.
 */
import { and, count, eq, isNull } from 'drizzle-orm';
import {
  GALLERY_PAGE_MAX,
  type Asset,
  type AssetCursor,
  type AssetFacets,
  type AssetFilter,
  type AssetKind,
  type AssetPage,
} from '../../../shared/library';
import type { LibraryDb } from './db';
import { toFtsQuery } from './fts-query';
import { readObject } from './json-columns';
import { assets } from './schema';

export interface NewAsset {
  readonly id: string;
  /** `null` for imported assets. */
  readonly jobId: string | null;
  readonly workspaceId: string;
  readonly slot: number;
  readonly kind: AssetKind;
  readonly relativePath: string;
  readonly mime: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly bytes: number;
  readonly metadata?: Record<string, unknown>;
  readonly starred?: boolean;
  readonly createdAt: number;
}

export interface AssetPageQuery {
  /** 1..GALLERY_PAGE_MAX; clamped. */
  readonly limit: number;
  /** The previous page's `nextCursor`; absent or null for the first page. */
  readonly cursor?: AssetCursor | null;
  readonly starredOnly?: boolean;
  /** Job facets and prompt search; empty = the plain gallery walk. */
  readonly filter?: AssetFilter;
}

/** A soft-deleted asset: the row as it was, and when it was deleted. */
export interface DeletedAsset {
  readonly asset: Asset;
  readonly deletedAt: number;
}

export interface AssetsRepo {
  /** All or nothing, in one transaction: a job's batch appears whole or not at all. */
  insertMany(rows: ReadonlyArray<NewAsset>): void;
  get(id: string): Asset | undefined;
  /** Newest first; `nextCursor` is null exactly when no older asset remains. */
  page(workspaceId: string, query: AssetPageQuery): AssetPage;
  /** `false` when no such asset. */
  setStarred(id: string, starred: boolean): boolean;
  /** Stars or unstars the live assets among `ids` of one workspace; returns them as updated. */
  setStarredMany(workspaceId: string, ids: ReadonlyArray<string>, starred: boolean): Asset[];
  /** Live (not soft-deleted) assets among `ids` of one workspace, in `ids` order. */
  listLive(workspaceId: string, ids: ReadonlyArray<string>): Asset[];
  /** Soft-deletes live assets of one workspace (the gallery hides them); returns how many. */
  markDeleted(workspaceId: string, ids: ReadonlyArray<string>, deletedAt: number): number;
  /** Clears the soft delete of assets of one workspace (Undo); returns how many. */
  unmarkDeleted(workspaceId: string, ids: ReadonlyArray<string>): number;
  /** Soft-deleted assets (all workspaces), oldest deletion first. */
  listDeleted(): DeletedAsset[];
  /** Deletes rows for good (the purge after the files are gone); returns how many. */
  purge(ids: ReadonlyArray<string>): number;
  /** `deletedAt` of an asset row, `null` when live, `undefined` when no such row. */
  deletedAt(id: string): number | null | undefined;
  /** The tools, presets and providers of the workspace's jobs that have live assets. */
  facets(workspaceId: string): AssetFacets;
  countByWorkspace(workspaceId: string): number;
  /** A job's live assets in slot order (uses the job_id index). */
  listByJob(jobId: string): Asset[];
  /** Removes a job's asset rows (an incomplete frame set); returns how many. */
  deleteByJob(jobId: string): number;
}

/** An assets row as the prepared statements return it (aliases match the DTO's names). */
interface AssetRow {
  id: string;
  jobId: string | null;
  workspaceId: string;
  slot: number;
  kind: AssetKind;
  relativePath: string;
  mime: string;
  width: number | null;
  height: number | null;
  bytes: number;
  metadataJson: string;
  starred: number;
  createdAt: number;
}

const ASSET_COLUMNS = `id, job_id AS jobId, workspace_id AS workspaceId, slot, kind,
  relative_path AS relativePath, mime, width, height, bytes, metadata_json AS metadataJson,
  starred, created_at AS createdAt`;

/** The same columns table-qualified, for queries that join jobs (which has id, mode…). */
const ASSET_COLUMNS_A = `a.id, a.job_id AS jobId, a.workspace_id AS workspaceId, a.slot, a.kind,
  a.relative_path AS relativePath, a.mime, a.width, a.height, a.bytes, a.metadata_json AS metadataJson,
  a.starred, a.created_at AS createdAt`;

/** Id lists cross into SQL as one JSON array (json_each), whatever their length. */
const IDS = '(SELECT value FROM json_each(?))';

function toAsset(row: AssetRow): Asset {
  return {
    id: row.id,
    jobId: row.jobId,
    workspaceId: row.workspaceId,
    slot: row.slot,
    kind: row.kind,
    relativePath: row.relativePath,
    mime: row.mime,
    width: row.width,
    height: row.height,
    bytes: row.bytes,
    metadata: readObject(row.metadataJson),
    starred: row.starred === 1,
    createdAt: row.createdAt,
  };
}

function toInsertParams(asset: NewAsset): AssetRow {
  return {
    id: asset.id,
    jobId: asset.jobId,
    workspaceId: asset.workspaceId,
    slot: asset.slot,
    kind: asset.kind,
    relativePath: asset.relativePath,
    mime: asset.mime,
    width: asset.width,
    height: asset.height,
    bytes: asset.bytes,
    metadataJson: JSON.stringify(asset.metadata ?? {}),
    starred: asset.starred === true ? 1 : 0,
    createdAt: asset.createdAt,
  };
}

/**
 * The four gallery statements (first page / after a cursor × all / starred only). Each is
 * written so its WHERE is an equality prefix of one index followed by a range on
 * (created_at, id), and its ORDER BY is that index's order: SQLite seeks to the cursor and
 * reads `limit + 1` entries, never sorts. The row-value comparison `(a, b) < (?, ?)` is
 * what lets the planner use both columns as one range (SQLite ≥ 3.15).
 */
function prepareGalleryStatements(sqlite: LibraryDb['sqlite']) {
  const order = 'ORDER BY created_at DESC, id DESC LIMIT ?';
  const after = 'AND (created_at, id) < (?, ?)';
  // Soft-deleted rows are a handful at most (purged at start-up): filtering them on the rows
  // read costs nothing measurable and keeps the indexes as they are.
  const live = 'AND deleted_at IS NULL';
  return {
    first: sqlite.prepare<[string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_idx
       WHERE workspace_id = ? ${live} ${order}`,
    ),
    after: sqlite.prepare<[string, number, string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_idx
       WHERE workspace_id = ? ${after} ${live} ${order}`,
    ),
    starredFirst: sqlite.prepare<[string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_starred_idx
       WHERE workspace_id = ? AND starred = 1 ${live} ${order}`,
    ),
    starredAfter: sqlite.prepare<[string, number, string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_starred_idx
       WHERE workspace_id = ? AND starred = 1 ${after} ${live} ${order}`,
    ),
  };
}

/** Which job facets a filter constrains, in a fixed order (the statement cache key). */
const FACETS = ['tool', 'preset', 'provider', 'status'] as const;

function hasJobFilter(filter: AssetFilter | undefined): boolean {
  return filter !== undefined && (FACETS.some((f) => filter[f] !== undefined) || (filter.query ?? '').trim() !== '');
}

/**
 * A filtered gallery page: the same keyset walk over the gallery index, each row checked
 * against its job (primary-key lookup) and, for a search, against the set of matching job
 * rowids that FTS5 computes once per statement. Newest first like the plain gallery, so
 * the keyset cursor works unchanged and search results page (and virtualise) the same way.
 * There are 2^4 × 2 × 2 × 2 shapes; each is prepared on first use and cached.
 */
function filteredGallerySql(filter: AssetFilter, starredOnly: boolean, withCursor: boolean, withQuery: boolean): string {
  const where = ['a.workspace_id = ?', 'a.deleted_at IS NULL'];
  if (starredOnly) where.push('a.starred = 1');
  for (const facet of FACETS) if (filter[facet] !== undefined) where.push(`j.${facet} = ?`);
  if (withQuery) where.push('j.rowid IN (SELECT rowid FROM jobs_fts WHERE jobs_fts MATCH ?)');
  if (withCursor) where.push('(a.created_at, a.id) < (?, ?)');
  const index = starredOnly ? 'assets_gallery_starred_idx' : 'assets_gallery_idx';
  // CROSS JOIN keeps the assets index the outer loop: rows come out in gallery order and
  // the walk stops after `limit + 1` matches instead of sorting every match.
  return `SELECT ${ASSET_COLUMNS_A} FROM assets a INDEXED BY ${index} CROSS JOIN jobs j ON j.id = a.job_id
    WHERE ${where.join(' AND ')} ORDER BY a.created_at DESC, a.id DESC LIMIT ?`;
}

export function createAssetsRepo({ orm, sqlite }: LibraryDb): AssetsRepo {
  const insertStmt = sqlite.prepare<[AssetRow], void>(
    `INSERT INTO assets (id, job_id, workspace_id, slot, kind, relative_path, mime, width, height, bytes,
       metadata_json, starred, created_at)
     VALUES (@id, @jobId, @workspaceId, @slot, @kind, @relativePath, @mime, @width, @height, @bytes,
       @metadataJson, @starred, @createdAt)`,
  );
  const getStmt = sqlite.prepare<[string], AssetRow>(`SELECT ${ASSET_COLUMNS} FROM assets WHERE id = ?`);
  const byJobStmt = sqlite.prepare<[string], AssetRow>(
    `SELECT ${ASSET_COLUMNS} FROM assets WHERE job_id = ? AND deleted_at IS NULL ORDER BY slot, created_at`,
  );
  const liveStmt = sqlite.prepare<[string, string], AssetRow>(
    `SELECT ${ASSET_COLUMNS} FROM assets WHERE workspace_id = ? AND deleted_at IS NULL AND id IN ${IDS}`,
  );
  const starManyStmt = sqlite.prepare<[number, string, string], void>(
    `UPDATE assets SET starred = ? WHERE workspace_id = ? AND deleted_at IS NULL AND id IN ${IDS}`,
  );
  const markDeletedStmt = sqlite.prepare<[number, string, string], void>(
    `UPDATE assets SET deleted_at = ? WHERE workspace_id = ? AND deleted_at IS NULL AND id IN ${IDS}`,
  );
  const unmarkDeletedStmt = sqlite.prepare<[string, string], void>(
    `UPDATE assets SET deleted_at = NULL WHERE workspace_id = ? AND deleted_at IS NOT NULL AND id IN ${IDS}`,
  );
  const listDeletedStmt = sqlite.prepare<[], AssetRow & { deletedAt: number }>(
    `SELECT ${ASSET_COLUMNS}, deleted_at AS deletedAt FROM assets INDEXED BY assets_deleted_idx
     WHERE deleted_at IS NOT NULL ORDER BY deleted_at`,
  );
  const purgeStmt = sqlite.prepare<[string], void>(`DELETE FROM assets WHERE deleted_at IS NOT NULL AND id IN ${IDS}`);
  const deletedAtStmt = sqlite.prepare<[string], { deletedAt: number | null }>(`SELECT deleted_at AS deletedAt FROM assets WHERE id = ?`);
  const facetStmts = {
    tool: sqlite.prepare<[string], { value: string }>(
      `SELECT DISTINCT j.tool AS value FROM jobs j WHERE j.workspace_id = ?
       AND EXISTS (SELECT 1 FROM assets a WHERE a.job_id = j.id AND a.deleted_at IS NULL) ORDER BY 1`,
    ),
    preset: sqlite.prepare<[string], { value: string }>(
      `SELECT DISTINCT j.preset AS value FROM jobs j WHERE j.workspace_id = ? AND j.preset IS NOT NULL
       AND EXISTS (SELECT 1 FROM assets a WHERE a.job_id = j.id AND a.deleted_at IS NULL) ORDER BY 1`,
    ),
    provider: sqlite.prepare<[string], { value: string }>(
      `SELECT DISTINCT j.provider AS value FROM jobs j WHERE j.workspace_id = ? AND j.provider IS NOT NULL
       AND EXISTS (SELECT 1 FROM assets a WHERE a.job_id = j.id AND a.deleted_at IS NULL) ORDER BY 1`,
    ),
  };
  const filtered = new Map<string, ReturnType<typeof sqlite.prepare<unknown[], AssetRow>>>();
  const filteredStatement = (sqlText: string) => {
    let stmt = filtered.get(sqlText);
    if (stmt === undefined) {
      stmt = sqlite.prepare<unknown[], AssetRow>(sqlText);
      filtered.set(sqlText, stmt);
    }
    return stmt;
  };
  const deleteByJobStmt = sqlite.prepare<[string], void>(`DELETE FROM assets WHERE job_id = ?`);
  const setStarredStmt = sqlite.prepare<[number, string], void>(`UPDATE assets SET starred = ? WHERE id = ?`);
  const gallery = prepareGalleryStatements(sqlite);
  const insertAll = sqlite.transaction((rows: ReadonlyArray<NewAsset>) => {
    for (const asset of rows) insertStmt.run(toInsertParams(asset));
  });

  const repo: AssetsRepo = {
    insertMany(rows) {
      insertAll(rows);
    },

    get(id) {
      const row = getStmt.get(id);
      return row ? toAsset(row) : undefined;
    },

    page(workspaceId, { limit, cursor, starredOnly, filter }) {
      const size = Math.min(Math.max(Math.trunc(limit) || 1, 1), GALLERY_PAGE_MAX);
      // One row more than asked tells whether another page exists without a COUNT.
      const fetch = size + 1;
      const starred = starredOnly === true || filter?.starredOnly === true;
      let rows: AssetRow[];
      if (filter !== undefined && hasJobFilter(filter)) {
        const match = filter.query === undefined ? null : toFtsQuery(filter.query);
        // Text that leaves no searchable word matches nothing (rather than everything).
        if (filter.query !== undefined && filter.query.trim() !== '' && match === null) return { items: [], nextCursor: null };
        const params: unknown[] = [workspaceId];
        for (const facet of FACETS) if (filter[facet] !== undefined) params.push(filter[facet]);
        if (match !== null) params.push(match);
        if (cursor) params.push(cursor.createdAt, cursor.id);
        params.push(fetch);
        rows = filteredStatement(filteredGallerySql(filter, starred, Boolean(cursor), match !== null)).all(...params);
      } else {
        rows = cursor
          ? (starred ? gallery.starredAfter : gallery.after).all(workspaceId, cursor.createdAt, cursor.id, fetch)
          : (starred ? gallery.starredFirst : gallery.first).all(workspaceId, fetch);
      }
      const items = rows.slice(0, size).map(toAsset);
      const last = items[items.length - 1];
      const nextCursor = rows.length > size && last ? { createdAt: last.createdAt, id: last.id } : null;
      return { items, nextCursor };
    },

    setStarred(id, starred) {
      return setStarredStmt.run(starred ? 1 : 0, id).changes > 0;
    },

    setStarredMany(workspaceId, ids, starred) {
      const json = JSON.stringify(ids);
      starManyStmt.run(starred ? 1 : 0, workspaceId, json);
      return repo.listLive(workspaceId, ids);
    },

    listLive(workspaceId, ids) {
      const byId = new Map(liveStmt.all(workspaceId, JSON.stringify(ids)).map((row) => [row.id, toAsset(row)]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    markDeleted(workspaceId, ids, deletedAt) {
      return markDeletedStmt.run(deletedAt, workspaceId, JSON.stringify(ids)).changes;
    },

    unmarkDeleted(workspaceId, ids) {
      return unmarkDeletedStmt.run(workspaceId, JSON.stringify(ids)).changes;
    },

    listDeleted() {
      return listDeletedStmt.all().map((row) => ({ asset: toAsset(row), deletedAt: row.deletedAt }));
    },

    purge(ids) {
      return purgeStmt.run(JSON.stringify(ids)).changes;
    },

    deletedAt(id) {
      const row = deletedAtStmt.get(id);
      return row === undefined ? undefined : row.deletedAt;
    },

    facets(workspaceId) {
      const values = (stmt: (typeof facetStmts)['tool']): string[] => stmt.all(workspaceId).map((r) => r.value);
      return { tools: values(facetStmts.tool), presets: values(facetStmts.preset), providers: values(facetStmts.provider) };
    },

    deleteByJob(jobId) {
      return deleteByJobStmt.run(jobId).changes;
    },

    listByJob(jobId) {
      return byJobStmt.all(jobId).map(toAsset);
    },

    countByWorkspace(workspaceId) {
      return orm.select({ n: count() }).from(assets).where(and(eq(assets.workspaceId, workspaceId), isNull(assets.deletedAt))).get()?.n ?? 0;
    },
  };
  return repo;
}
