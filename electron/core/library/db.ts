/**
 * The handle every repository receives: drizzle for readable, typed queries plus the raw
 * better-sqlite3 connection for statements prepared once and reused on hot paths.
 */
import type { Database } from 'better-sqlite3';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema';

export interface LibraryDb {
  readonly orm: BetterSQLite3Database<typeof schema>;
  readonly sqlite: Database;
}
