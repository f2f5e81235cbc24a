/**
 * Opens the library database: connection settings, migrations, start-up repair.
 *
 * Called once by main at start (with the user-data path) and by tests and the bench with
 * a temporary file. Nothing here knows about Electron.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { createAssetsRepo, type AssetsRepo } from './assets-repo';
import type { LibraryDb } from './db';
import { createJobsRepo, type JobsRepo } from './jobs-repo';
import * as schema from './schema';
import { createWorkspacesRepo, type WorkspacesRepo } from './workspaces-repo';

/**
 * The committed migrations beside this module. Right under tsx/vitest; a bundled main
 * process lives elsewhere, so production passes the shipped folder explicitly.
 */
export const DEFAULT_MIGRATIONS_DIR = path.join(__dirname, 'migrations');

export interface OpenLibraryOptions {
  /** Path of the database file; created if absent. */
  readonly file: string;
  readonly migrationsDir?: string;
  /** Clock for the start-up sweep (tests pin it). */
  readonly now?: () => number;
}

export interface Library {
  readonly workspaces: WorkspacesRepo;
  readonly jobs: JobsRepo;
  readonly assets: AssetsRepo;
  close(): void;
  /** The raw connection, for the bench and tests only; app code goes through the repos. */
  readonly sqlite: Database.Database;
}

export interface OpenedLibrary {
  readonly library: Library;
  /** Jobs a previous run left queued or running, now marked `interrupted`. */
  readonly interruptedJobs: number;
}

/**
 * Connection settings, each for a reason. They are per connection and not stored in the
 * file (except WAL), so they are set on every open. better-sqlite3's build happens to
 * default foreign keys on and WAL to NORMAL; we do not lean on build flags we don't own.
 * - WAL: readers (the gallery) never wait for the writer (the pipeline), and a commit is
 *   one sequential append instead of a rollback-journal round trip.
 * - foreign_keys: stock SQLite has it off; every ON DELETE CASCADE depends on it.
 * - busy_timeout: another connection (a second window, a backup tool) holding the write
 *   lock makes us wait up to 5 s instead of failing at once with SQLITE_BUSY.
 * - synchronous=NORMAL: in WAL mode this still never corrupts the database; a power cut
 *   may only drop the last commits, which the start-up sweep and re-attach recover from.
 *   FULL would fsync on every commit, the main cost of each job status update.
 */
function configure(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
}

export function openLibrary({ file, migrationsDir = DEFAULT_MIGRATIONS_DIR, now = Date.now }: OpenLibraryOptions): OpenedLibrary {
  const sqlite = new Database(file);
  try {
    configure(sqlite);
    const orm = drizzle(sqlite, { schema });
    // Applies, in one transaction, only the migrations newer than the last recorded one.
    migrate(orm, { migrationsFolder: migrationsDir });

    const db: LibraryDb = { orm, sqlite };
    const jobs = createJobsRepo(db);
    const interruptedJobs = jobs.markUnfinishedInterrupted(now());
    const library: Library = {
      workspaces: createWorkspacesRepo(db),
      jobs,
      assets: createAssetsRepo(db),
      close: () => sqlite.close(),
      sqlite,
    };
    return { library, interruptedJobs };
  } catch (error) {
    // A failed migration must not leave an open handle (and a locked file) behind.
    sqlite.close();
    throw error;
  }
}
