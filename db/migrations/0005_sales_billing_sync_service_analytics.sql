CREATE TABLE `deal_stage_history` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`deal_id` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`stage_id` text NOT NULL,
	`entered_at` integer NOT NULL,
	`left_at` integer
);
--> statement-breakpoint
CREATE INDEX `deal_stage_history_deal` ON `deal_stage_history` (`deal_id`,`entered_at`);--> statement-breakpoint
CREATE INDEX `deal_stage_history_stage` ON `deal_stage_history` (`stage_id`);--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`currency` text NOT NULL,
	`base` text NOT NULL,
	`rate` real NOT NULL
);
--> statement-breakpoint
CREATE INDEX `exchange_rates_pair` ON `exchange_rates` (`currency`,`base`);--> statement-breakpoint
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
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`server_id` integer,
	`kind` text NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`winner` text NOT NULL,
	`loser` text NOT NULL,
	`created_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_conflicts_server_id_unique` ON `sync_conflicts` (`server_id`);--> statement-breakpoint
CREATE INDEX `sync_conflicts_open` ON `sync_conflicts` (`resolved_at`,`id`);--> statement-breakpoint
CREATE TABLE `sync_parked` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`table_name` text NOT NULL,
	`row_id` text NOT NULL,
	`field` text NOT NULL,
	`value` text NOT NULL,
	`hlc` text NOT NULL,
	`node` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_parked_cell` ON `sync_parked` (`table_name`,`row_id`,`field`);--> statement-breakpoint
CREATE TABLE `contact_photos` (
	`contact_id` text PRIMARY KEY NOT NULL,
	`mime` text NOT NULL,
	`data` blob NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
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
--> statement-breakpoint
CREATE TABLE `billing_counters` (
	`sequence` text PRIMARY KEY NOT NULL,
	`last` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `billing_device` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deal_line_items` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`deal_id` text NOT NULL,
	`product_id` text,
	`description` text NOT NULL,
	`quantity` real DEFAULT 1 NOT NULL,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`discount_rate` integer DEFAULT 0 NOT NULL,
	`tax_rate` integer DEFAULT 0 NOT NULL,
	`position` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `deal_line_items_deal` ON `deal_line_items` (`deal_id`,`position`);--> statement-breakpoint
CREATE INDEX `deal_line_items_product` ON `deal_line_items` (`product_id`);--> statement-breakpoint
CREATE TABLE `invoice_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`invoice_id` text NOT NULL,
	`product_id` text,
	`description` text NOT NULL,
	`quantity` real DEFAULT 1 NOT NULL,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`discount_rate` integer DEFAULT 0 NOT NULL,
	`tax_rate` integer DEFAULT 0 NOT NULL,
	`position` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `invoice_lines_invoice` ON `invoice_lines` (`invoice_id`,`position`);--> statement-breakpoint
CREATE TABLE `invoices` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`number` text NOT NULL,
	`deal_id` text,
	`company_id` text,
	`contact_id` text,
	`currency` text NOT NULL,
	`issue_date` text NOT NULL,
	`discount_rate` integer DEFAULT 0 NOT NULL,
	`subtotal` integer DEFAULT 0 NOT NULL,
	`discount_total` integer DEFAULT 0 NOT NULL,
	`tax_total` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`terms` text,
	`notes` text,
	`quote_id` text,
	`due_date` text NOT NULL,
	`voided_at` integer
);
--> statement-breakpoint
CREATE INDEX `invoices_due` ON `invoices` (`deleted`,`due_date`);--> statement-breakpoint
CREATE INDEX `invoices_number` ON `invoices` (`number`);--> statement-breakpoint
CREATE INDEX `invoices_deal` ON `invoices` (`deal_id`);--> statement-breakpoint
CREATE INDEX `invoices_quote` ON `invoices` (`quote_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`invoice_id` text NOT NULL,
	`amount` integer NOT NULL,
	`date` text NOT NULL,
	`method` text,
	`reference` text
);
--> statement-breakpoint
CREATE INDEX `payments_invoice` ON `payments` (`invoice_id`);--> statement-breakpoint
CREATE TABLE `price_list_items` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`price_list_id` text NOT NULL,
	`product_id` text NOT NULL,
	`unit_price` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `price_list_items_list` ON `price_list_items` (`price_list_id`,`product_id`);--> statement-breakpoint
CREATE TABLE `price_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`currency` text NOT NULL,
	`description` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`sku` text,
	`name` text NOT NULL,
	`description` text,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`currency` text NOT NULL,
	`tax_rate` integer DEFAULT 0 NOT NULL,
	`category` text,
	`active` integer DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE INDEX `products_name` ON `products` (`deleted`,`name`);--> statement-breakpoint
CREATE INDEX `products_sku` ON `products` (`sku`);--> statement-breakpoint
CREATE TABLE `quote_lines` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`quote_id` text NOT NULL,
	`product_id` text,
	`description` text NOT NULL,
	`quantity` real DEFAULT 1 NOT NULL,
	`unit_price` integer DEFAULT 0 NOT NULL,
	`discount_rate` integer DEFAULT 0 NOT NULL,
	`tax_rate` integer DEFAULT 0 NOT NULL,
	`position` real DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `quote_lines_quote` ON `quote_lines` (`quote_id`,`position`);--> statement-breakpoint
CREATE TABLE `quotes` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`number` text NOT NULL,
	`deal_id` text,
	`company_id` text,
	`contact_id` text,
	`currency` text NOT NULL,
	`issue_date` text NOT NULL,
	`discount_rate` integer DEFAULT 0 NOT NULL,
	`subtotal` integer DEFAULT 0 NOT NULL,
	`discount_total` integer DEFAULT 0 NOT NULL,
	`tax_total` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`terms` text,
	`notes` text,
	`expiry_date` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`sent_at` integer,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `quotes_deal` ON `quotes` (`deal_id`);--> statement-breakpoint
CREATE INDEX `quotes_number` ON `quotes` (`number`);--> statement-breakpoint
CREATE INDEX `quotes_issue` ON `quotes` (`deleted`,`issue_date`);--> statement-breakpoint
CREATE TABLE `business_hours` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`timezone` text DEFAULT 'UTC' NOT NULL,
	`schedule` text DEFAULT '[]' NOT NULL,
	`holidays` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kb_articles` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`group_id` text NOT NULL,
	`locale` text DEFAULT 'en' NOT NULL,
	`category_id` text,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `kb_articles_category` ON `kb_articles` (`deleted`,`category_id`);--> statement-breakpoint
CREATE INDEX `kb_articles_group` ON `kb_articles` (`group_id`);--> statement-breakpoint
CREATE TABLE `kb_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name_en` text NOT NULL,
	`name_es` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sla_policies` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`business_hours_id` text,
	`targets` text DEFAULT '{}' NOT NULL,
	`category` text,
	`position` integer DEFAULT 0 NOT NULL,
	`is_default` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ticket_assignment_rules` (
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
	`position` integer DEFAULT 0 NOT NULL,
	`category` text,
	`strategy` text DEFAULT 'round_robin' NOT NULL,
	`member_ids` text DEFAULT '[]' NOT NULL,
	`last_member_id` text
);
--> statement-breakpoint
CREATE TABLE `ticket_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`ticket_id` text NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`subject` text,
	`author_id` text,
	`outbox_id` text,
	`template_id` text
);
--> statement-breakpoint
CREATE INDEX `ticket_messages_ticket` ON `ticket_messages` (`ticket_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`subject` text NOT NULL,
	`description` text,
	`contact_id` text,
	`company_id` text,
	`channel` text DEFAULT 'email' NOT NULL,
	`category` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`assignee_id` text,
	`sla_policy_id` text,
	`first_response_due_at` integer,
	`resolution_due_at` integer,
	`first_responded_at` integer,
	`resolved_at` integer,
	`closed_at` integer,
	`satisfaction` integer
);
--> statement-breakpoint
CREATE INDEX `tickets_status` ON `tickets` (`deleted`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `tickets_assignee` ON `tickets` (`assignee_id`,`deleted`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_contact` ON `tickets` (`contact_id`);--> statement-breakpoint
CREATE INDEX `tickets_company` ON `tickets` (`company_id`);--> statement-breakpoint
CREATE INDEX `tickets_due` ON `tickets` (`deleted`,`resolved_at`,`resolution_due_at`);--> statement-breakpoint
CREATE TABLE `campaign_members` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`campaign_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`email` text,
	`status` text DEFAULT 'targeted' NOT NULL,
	`outbox_id` text,
	`queued_at` integer,
	`sent_at` integer,
	`responded_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE INDEX `campaign_members_campaign` ON `campaign_members` (`campaign_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_members_contact` ON `campaign_members` (`contact_id`);--> statement-breakpoint
CREATE TABLE `campaign_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`campaign_id` text NOT NULL,
	`contact_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `campaign_responses_campaign` ON `campaign_responses` (`campaign_id`,`at`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`deleted` integer DEFAULT false NOT NULL,
	`merged_into` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`created_by` text,
	`updated_by` text,
	`custom` text DEFAULT '{}' NOT NULL,
	`name` text NOT NULL,
	`type` text DEFAULT 'email' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`start_date` text,
	`end_date` text,
	`budget` integer,
	`actual_cost` integer,
	`currency` text,
	`description` text,
	`owner_id` text,
	`audience` text,
	`template_id` text,
	`rate_limit` integer DEFAULT 60 NOT NULL,
	`sender_node` text,
	`send_started_at` integer
);
--> statement-breakpoint
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
CREATE INDEX `saved_reports_owner` ON `saved_reports` (`deleted`,`owner_id`);--> statement-breakpoint
ALTER TABLE `deals` ADD `name_sort` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `deals_board` ON `deals` (`stage_id`,`deleted`,`stage_entered_at`,`id`);--> statement-breakpoint
CREATE INDEX `deals_name_sort` ON `deals` (`deleted`,`name_sort`,`id`);--> statement-breakpoint
CREATE INDEX `deals_totals` ON `deals` (`stage_id`,`deleted`,`currency`,`amount`,`probability`);--> statement-breakpoint
ALTER TABLE `activities` ADD `recurs` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `activities_tasks` ON `activities` (`type`,`deleted`,`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_owner_tasks` ON `activities` (`owner_id`,`type`,`deleted`,`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_owner_start` ON `activities` (`owner_id`,`deleted`,`start_at`);--> statement-breakpoint
CREATE INDEX `activities_owner_due` ON `activities` (`owner_id`,`deleted`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_recurs` ON `activities` (`recurs`,`deleted`);