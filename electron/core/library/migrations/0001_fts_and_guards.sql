-- Full-text search over job prompts. External content (content='jobs'): the text lives
-- once, in jobs; the FTS index stores only tokens and points back by jobs.rowid. The
-- triggers below are what keep it in sync, so every write to jobs must go through SQL
-- (never a VACUUM without a following 'rebuild': VACUUM may renumber implicit rowids).
-- remove_diacritics 2: "cafe" finds "café" whatever the Unicode normalisation.
CREATE VIRTUAL TABLE `jobs_fts` USING fts5(
	prompt,
	negative_prompt,
	content='jobs',
	content_rowid='rowid',
	tokenize='unicode61 remove_diacritics 2'
);
--> statement-breakpoint
-- Index rows that already exist (none on a fresh install; cheap either way).
INSERT INTO `jobs_fts`(`jobs_fts`) VALUES('rebuild');
--> statement-breakpoint
CREATE TRIGGER `jobs_fts_after_insert` AFTER INSERT ON `jobs` BEGIN
	INSERT INTO `jobs_fts`(rowid, prompt, negative_prompt) VALUES (new.rowid, new.prompt, new.negative_prompt);
END;
--> statement-breakpoint
-- Fires for cascaded deletes too (workspace removed), so the index never keeps ghosts.
CREATE TRIGGER `jobs_fts_after_delete` AFTER DELETE ON `jobs` BEGIN
	INSERT INTO `jobs_fts`(`jobs_fts`, rowid, prompt, negative_prompt) VALUES ('delete', old.rowid, old.prompt, old.negative_prompt);
END;
--> statement-breakpoint
-- Only when the indexed text changes: status/attempt updates (the common case) skip FTS.
CREATE TRIGGER `jobs_fts_after_update` AFTER UPDATE OF prompt, negative_prompt ON `jobs` BEGIN
	INSERT INTO `jobs_fts`(`jobs_fts`, rowid, prompt, negative_prompt) VALUES ('delete', old.rowid, old.prompt, old.negative_prompt);
	INSERT INTO `jobs_fts`(rowid, prompt, negative_prompt) VALUES (new.rowid, new.prompt, new.negative_prompt);
END;
--> statement-breakpoint
-- A workspace is typed to one mode for life: its folder, presets and assets all assume
-- it. Enforced here as well as in the service so no code path (or hand edit) can slip.
CREATE TRIGGER `workspaces_mode_immutable` BEFORE UPDATE OF mode ON `workspaces`
WHEN new.mode IS NOT old.mode
BEGIN
	SELECT RAISE(ABORT, 'workspace mode is immutable');
END;
