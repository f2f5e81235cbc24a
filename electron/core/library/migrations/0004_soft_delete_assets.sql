-- Gallery delete with Undo: assets are soft-deleted (deleted_at) while their files wait in
-- the workspace's .wokgen/trash/; a partial index lets the start-up purge find them.
ALTER TABLE `assets` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `assets_deleted_idx` ON `assets` (`deleted_at`) WHERE "deleted_at" IS NOT NULL;