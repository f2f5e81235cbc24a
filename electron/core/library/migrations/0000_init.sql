CREATE TABLE `assets` (
	`id` text PRIMARY KEY NOT NULL,
	`job_id` text,
	`workspace_id` text NOT NULL,
	`slot` integer NOT NULL,
	`kind` text NOT NULL,
	`relative_path` text NOT NULL,
	`mime` text NOT NULL,
	`width` integer,
	`height` integer,
	`bytes` integer NOT NULL,
	`metadata_json` text DEFAULT '{}' NOT NULL,
	`starred` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`job_id`) REFERENCES `jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "assets_kind_check" CHECK("kind" IN ('image', 'animation', 'svg', 'code', 'pack')),
	CONSTRAINT "assets_starred_check" CHECK("starred" IN (0, 1))
);
--> statement-breakpoint
CREATE INDEX `assets_gallery_idx` ON `assets` (`workspace_id`,"created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX `assets_gallery_starred_idx` ON `assets` (`workspace_id`,`starred`,"created_at" DESC,"id" DESC);--> statement-breakpoint
CREATE INDEX `assets_job_idx` ON `assets` (`job_id`);--> statement-breakpoint
CREATE TABLE `jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text NOT NULL,
	`mode` text NOT NULL,
	`tool` text NOT NULL,
	`preset` text,
	`prompt` text NOT NULL,
	`negative_prompt` text,
	`provider` text,
	`status` text NOT NULL,
	`seed` integer,
	`params_json` text DEFAULT '{}' NOT NULL,
	`attempts_json` text DEFAULT '[]' NOT NULL,
	`error_json` text,
	`created_at` integer NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	FOREIGN KEY (`workspace_id`) REFERENCES `workspaces`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "jobs_mode_check" CHECK("mode" IN ('pixel', 'business', 'uiux', 'vector', 'emoji')),
	CONSTRAINT "jobs_status_check" CHECK("status" IN ('queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'))
);
--> statement-breakpoint
CREATE INDEX `jobs_workspace_created_idx` ON `jobs` (`workspace_id`,"created_at" DESC);--> statement-breakpoint
CREATE INDEX `jobs_status_idx` ON `jobs` (`status`);--> statement-breakpoint
CREATE TABLE `workspaces` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`mode` text NOT NULL,
	`folder` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "workspaces_mode_check" CHECK("mode" IN ('pixel', 'business', 'uiux', 'vector', 'emoji'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `workspaces_folder_unique` ON `workspaces` (`folder`);