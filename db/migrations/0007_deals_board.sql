CREATE TABLE `automation_runs` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`automation_id` text NOT NULL,
	`trigger_key` text NOT NULL,
	`entity_id` text,
	`at` integer NOT NULL,
	`outcome` text NOT NULL,
	`detail` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `automation_runs_key` ON `automation_runs` (`automation_id`,`trigger_key`);--> statement-breakpoint
CREATE INDEX `automation_runs_at` ON `automation_runs` (`at`);--> statement-breakpoint
CREATE TABLE `automations` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`trigger` text NOT NULL,
	`action` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `comm_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `email_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`from_address` text,
	`to` text NOT NULL,
	`cc` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`links` text NOT NULL,
	`template_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`activity_id` text,
	`created_by` text
);
--> statement-breakpoint
CREATE INDEX `email_outbox_due` ON `email_outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `reminder_log` (
	`activity_id` text NOT NULL,
	`occurrence_at` integer NOT NULL,
	`offset_minutes` integer NOT NULL,
	`fire_at` integer NOT NULL,
	`fired_at` integer NOT NULL,
	`missed` integer DEFAULT false NOT NULL,
	`dismissed` integer DEFAULT false NOT NULL,
	PRIMARY KEY(`activity_id`, `occurrence_at`, `offset_minutes`)
);
--> statement-breakpoint
CREATE INDEX `reminder_log_fire` ON `reminder_log` (`fire_at`);--> statement-breakpoint
CREATE TABLE `smtp_accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`host` text NOT NULL,
	`port` integer NOT NULL,
	`security` text NOT NULL,
	`user` text,
	`from_address` text NOT NULL,
	`from_name` text,
	`seal_scheme` text,
	`sealed_password` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `templates` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`kind` text DEFAULT 'email' NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`subject` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL
);
