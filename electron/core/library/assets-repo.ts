/**
 * Asset rows: the gallery's index of files inside workspace folders.
 *
 * The gallery page is the hottest read in the app (every scroll), so it runs on
 * statements prepared once per library and pages by keyset on (created_at, id): each page
 * is an index seek from the cursor, not an OFFSET that re-reads every earlier row.
 */
import { count, eq } from 'drizzle-orm';
import {
  GALLERY_PAGE_MAX,
  type Asset,
  type AssetCursor,
  type AssetKind,
  type AssetPage,
} from '../../../shared/library';
import type { LibraryDb } from './db';
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
}

export interface AssetsRepo {
  /** All or nothing, in one transaction: a job's batch appears whole or not at all. */
  insertMany(rows: ReadonlyArray<NewAsset>): void;
  get(id: string): Asset | undefined;
  /** Newest first; `nextCursor` is null exactly when no older asset remains. */
  page(workspaceId: string, query: AssetPageQuery): AssetPage;
  /** `false` when no such asset. */
  setStarred(id: string, starred: boolean): boolean;
  countByWorkspace(workspaceId: string): number;
  /** A job's assets in slot order (uses the job_id index). */
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
  return {
    first: sqlite.prepare<[string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_idx
       WHERE workspace_id = ? ${order}`,
    ),
    after: sqlite.prepare<[string, number, string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_idx
       WHERE workspace_id = ? ${after} ${order}`,
    ),
    starredFirst: sqlite.prepare<[string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_starred_idx
       WHERE workspace_id = ? AND starred = 1 ${order}`,
    ),
    starredAfter: sqlite.prepare<[string, number, string, number], AssetRow>(
      `SELECT ${ASSET_COLUMNS} FROM assets INDEXED BY assets_gallery_starred_idx
       WHERE workspace_id = ? AND starred = 1 ${after} ${order}`,
    ),
  };
}

export function createAssetsRepo({ orm, sqlite }: LibraryDb): AssetsRepo {
  const insertStmt = sqlite.prepare<[AssetRow], void>(
    `INSERT INTO assets (id, job_id, workspace_id, slot, kind, relative_path, mime, width, height, bytes,
       metadata_json, starred, created_at)
     VALUES (@id, @jobId, @workspaceId, @slot, @kind, @relativePath, @mime, @width, @height, @bytes,
       @metadataJson, @starred, @createdAt)`,
  );
  const getStmt = sqlite.prepare<[string], AssetRow>(`SELECT ${ASSET_COLUMNS} FROM assets WHERE id = ?`);
  const byJobStmt = sqlite.prepare<[string], AssetRow>(`SELECT ${ASSET_COLUMNS} FROM assets WHERE job_id = ? ORDER BY slot, created_at`);
  const deleteByJobStmt = sqlite.prepare<[string], void>(`DELETE FROM assets WHERE job_id = ?`);
  const setStarredStmt = sqlite.prepare<[number, string], void>(`UPDATE assets SET starred = ? WHERE id = ?`);
  const gallery = prepareGalleryStatements(sqlite);
  const insertAll = sqlite.transaction((rows: ReadonlyArray<NewAsset>) => {
    for (const asset of rows) insertStmt.run(toInsertParams(asset));
  });

  return {
    insertMany(rows) {
      insertAll(rows);
    },

    get(id) {
      const row = getStmt.get(id);
      return row ? toAsset(row) : undefined;
    },

    page(workspaceId, { limit, cursor, starredOnly }) {
      const size = Math.min(Math.max(Math.trunc(limit) || 1, 1), GALLERY_PAGE_MAX);
      // One row more than asked tells whether another page exists without a COUNT.
      const fetch = size + 1;
      const rows = cursor
        ? (starredOnly ? gallery.starredAfter : gallery.after).all(workspaceId, cursor.createdAt, cursor.id, fetch)
        : (starredOnly ? gallery.starredFirst : gallery.first).all(workspaceId, fetch);
      const items = rows.slice(0, size).map(toAsset);
      const last = items[items.length - 1];
      const nextCursor = rows.length > size && last ? { createdAt: last.createdAt, id: last.id } : null;
      return { items, nextCursor };
    },

    setStarred(id, starred) {
      return setStarredStmt.run(starred ? 1 : 0, id).changes > 0;
    },

    deleteByJob(jobId) {
      return deleteByJobStmt.run(jobId).changes;
    },

    listByJob(jobId) {
      return byJobStmt.all(jobId).map(toAsset);
    },

    countByWorkspace(workspaceId) {
      return orm.select({ n: count() }).from(assets).where(eq(assets.workspaceId, workspaceId)).get()?.n ?? 0;
    },
  };
}
