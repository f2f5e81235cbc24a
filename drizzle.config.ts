/**
 * drizzle-kit configuration: `npm run db:generate` diffs the schema against the last
 * snapshot and writes a migration that is committed and applied at app start.
 */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  // better-sqlite3 is a SQLite driver; this picks the SQLite SQL generator.
  dialect: 'sqlite',
  // The single source of truth for tables, indexes and CHECK constraints.
  schema: './electron/core/library/schema.ts',
  // Beside the code that applies them (open-library.ts), so they ship together.
  out: './electron/core/library/migrations',
  // Ask before generating statements that could lose data (drops, renames).
  strict: true,
  // Print every generated statement so a reviewer sees what changed.
  verbose: true,
});
