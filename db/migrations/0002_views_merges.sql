CREATE TABLE `merge_history` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`entity` text NOT NULL,
	`survivor_id` text NOT NULL,
	`merged_ids` text NOT NULL,
	`snapshot` text NOT NULL,
	`undone` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `merge_history_survivor` ON `merge_history` (`survivor_id`);--> statement-breakpoint
CREATE TABLE `recent_items` (
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`viewed_at` integer NOT NULL,
	PRIMARY KEY(`entity`, `entity_id`)
);
--> statement-breakpoint
CREATE INDEX `recent_items_time` ON `recent_items` (`entity`,`viewed_at`);--> statement-breakpoint
CREATE TABLE `saved_views` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`entity` text NOT NULL,
	`name` text NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`owner_id` text,
	`config` text DEFAULT '{}' NOT NULL,
	`position` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_views_entity` ON `saved_views` (`entity`);