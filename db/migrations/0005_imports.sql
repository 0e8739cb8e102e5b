CREATE TABLE `import_batches` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`status` text DEFAULT 'done' NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`undone_at` integer,
	`counts` text DEFAULT '{}' NOT NULL,
	`settings` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `import_batches_created` ON `import_batches` (`created_at`);--> statement-breakpoint
CREATE TABLE `import_items` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`action` text NOT NULL,
	`before` text
);
--> statement-breakpoint
CREATE INDEX `import_items_batch` ON `import_items` (`batch_id`);--> statement-breakpoint
CREATE INDEX `import_items_entity` ON `import_items` (`entity_id`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`id` text PRIMARY KEY NOT NULL,
	`entity` text NOT NULL,
	`name` text NOT NULL,
	`mapping` text NOT NULL,
	`created_at` integer NOT NULL
);
