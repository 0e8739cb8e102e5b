CREATE TABLE `members` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`role` text DEFAULT 'member' NOT NULL,
	`team_id` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX `members_team` ON `members` (`team_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`value` text
);
--> statement-breakpoint
CREATE TABLE `teams` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`manager_id` text,
	`region` text
);
--> statement-breakpoint
CREATE TABLE `companies` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`domain` text,
	`industry` text,
	`type` text,
	`employees` integer,
	`annual_revenue` real,
	`emails` text DEFAULT '[]' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`addresses` text DEFAULT '[]' NOT NULL,
	`social` text DEFAULT '{}' NOT NULL,
	`parent_id` text,
	`owner_id` text,
	`lifecycle_stage` text,
	`description` text,
	`name_sort` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `companies_name_sort` ON `companies` (`deleted`,`name_sort`,`id`);--> statement-breakpoint
CREATE INDEX `companies_parent` ON `companies` (`parent_id`);--> statement-breakpoint
CREATE INDEX `companies_owner` ON `companies` (`owner_id`);--> statement-breakpoint
CREATE TABLE `contact_companies` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`contact_id` text NOT NULL,
	`company_id` text NOT NULL,
	`role` text,
	`is_primary` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contact_companies_contact` ON `contact_companies` (`contact_id`);--> statement-breakpoint
CREATE INDEX `contact_companies_company` ON `contact_companies` (`company_id`);--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`prefix` text,
	`first_name` text NOT NULL,
	`middle_name` text,
	`last_name` text,
	`suffix` text,
	`emails` text DEFAULT '[]' NOT NULL,
	`phones` text DEFAULT '[]' NOT NULL,
	`job_title` text,
	`department` text,
	`addresses` text DEFAULT '[]' NOT NULL,
	`birthday` text,
	`social` text DEFAULT '{}' NOT NULL,
	`preferred_language` text,
	`lead_source` text,
	`lifecycle_stage` text,
	`owner_id` text,
	`email_opt_out` integer DEFAULT false NOT NULL,
	`email_opt_out_at` integer,
	`phone_opt_out` integer DEFAULT false NOT NULL,
	`phone_opt_out_at` integer,
	`name_sort` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contacts_name_sort` ON `contacts` (`deleted`,`name_sort`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_created` ON `contacts` (`deleted`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_updated` ON `contacts` (`deleted`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `contacts_owner` ON `contacts` (`owner_id`);--> statement-breakpoint
CREATE TABLE `deal_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`deal_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`role` text
);
--> statement-breakpoint
CREATE INDEX `deal_contacts_deal` ON `deal_contacts` (`deal_id`);--> statement-breakpoint
CREATE INDEX `deal_contacts_contact` ON `deal_contacts` (`contact_id`);--> statement-breakpoint
CREATE TABLE `deals` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`title` text NOT NULL,
	`pipeline_id` text,
	`stage_id` text,
	`amount` integer,
	`currency` text,
	`expected_close` text,
	`probability` integer,
	`company_id` text,
	`owner_id` text,
	`source` text,
	`campaign_id` text,
	`next_step` text,
	`lost_reason` text,
	`engaged_at` integer,
	`closed_at` integer,
	`stage_entered_at` integer
);
--> statement-breakpoint
CREATE INDEX `deals_stage` ON `deals` (`deleted`,`stage_id`);--> statement-breakpoint
CREATE INDEX `deals_company` ON `deals` (`company_id`);--> statement-breakpoint
CREATE INDEX `deals_owner` ON `deals` (`owner_id`);--> statement-breakpoint
CREATE TABLE `pipelines` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`position` real DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stages` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`pipeline_id` text NOT NULL,
	`name` text NOT NULL,
	`position` real DEFAULT 0 NOT NULL,
	`probability` integer DEFAULT 0 NOT NULL,
	`kind` text DEFAULT 'open' NOT NULL,
	`rotting_days` integer,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stages_pipeline` ON `stages` (`pipeline_id`,`position`);--> statement-breakpoint
CREATE TABLE `activities` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`type` text NOT NULL,
	`subject` text NOT NULL,
	`body` text,
	`start_at` integer,
	`end_at` integer,
	`due_at` integer,
	`all_day` integer DEFAULT false NOT NULL,
	`done_at` integer,
	`owner_id` text,
	`details` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activities_due` ON `activities` (`deleted`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_start` ON `activities` (`deleted`,`start_at`);--> statement-breakpoint
CREATE TABLE `activity_links` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`activity_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`at` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activity_links_entity` ON `activity_links` (`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `activity_links_activity` ON `activity_links` (`activity_id`);--> statement-breakpoint
CREATE TABLE `notes` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`body` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notes_entity` ON `notes` (`entity_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `custom_field_defs` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`entity` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`type` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`position` real DEFAULT 0 NOT NULL,
	`archived` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `taggings` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`tag_id` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `taggings_entity` ON `taggings` (`entity_id`);--> statement-breakpoint
CREATE INDEX `taggings_tag` ON `taggings` (`tag_id`);--> statement-breakpoint
CREATE TABLE `tags` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`color` text
);
--> statement-breakpoint
CREATE TABLE `audit_history` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`op` text NOT NULL,
	`changes` text NOT NULL,
	`at` integer NOT NULL,
	`by` text,
	`hlc` text NOT NULL,
	`origin` text
);
--> statement-breakpoint
CREATE INDEX `audit_entity` ON `audit_history` (`entity_id`,`seq`);--> statement-breakpoint
CREATE TABLE `search_doc` (
	`doc_id` integer PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`entity_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `search_doc_entity` ON `search_doc` (`entity_id`);--> statement-breakpoint
CREATE TABLE `sync_cell_clock` (
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`clocks` text NOT NULL,
	PRIMARY KEY(`table_name`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`changes` text NOT NULL,
	`hlc` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
