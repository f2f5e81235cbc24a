-- The starred gallery index becomes partial (only starred rows): the same seek for the
-- starred-only page, a fraction of the size, and the ~95% of inserts that are not starred
-- no longer maintain it. Measured by `npm run bench` (library.bulk_insert_rows_per_s).
DROP INDEX `assets_gallery_starred_idx`;--> statement-breakpoint
CREATE INDEX `assets_gallery_starred_idx` ON `assets` (`workspace_id`,"created_at" DESC,"id" DESC) WHERE "starred" = 1;