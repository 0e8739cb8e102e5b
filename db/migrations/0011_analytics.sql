CREATE TABLE `customer_segments` (
	`company_id` text PRIMARY KEY NOT NULL,
	`segment` text NOT NULL,
	`r` integer NOT NULL,
	`f` integer NOT NULL,
	`m` integer NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `customer_segments_segment` ON `customer_segments` (`segment`);--> statement-breakpoint
CREATE TABLE `loyalty_ledger` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`points` integer NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `loyalty_ledger_company` ON `loyalty_ledger` (`company_id`,`at`);--> statement-breakpoint
CREATE TABLE `loyalty_rules` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`points` integer NOT NULL,
	`per_amount` integer NOT NULL,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `loyalty_tiers` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`min_points` integer DEFAULT 0 NOT NULL,
	`color` text
);
--> statement-breakpoint
CREATE TABLE `report_schedule_runs` (
	`schedule_id` text PRIMARY KEY NOT NULL,
	`last_run_at` integer NOT NULL,
	`last_file` text,
	`last_error` text
);
--> statement-breakpoint
CREATE TABLE `report_schedules` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`report_id` text,
	`builtin` text,
	`frequency` text NOT NULL,
	`format` text NOT NULL,
	`folder` text NOT NULL,
	`email` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `saved_reports` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`entity` text NOT NULL,
	`config` text DEFAULT '{}' NOT NULL,
	`shared` integer DEFAULT false NOT NULL,
	`owner_id` text,
	`position` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saved_reports_owner` ON `saved_reports` (`deleted`,`owner_id`);