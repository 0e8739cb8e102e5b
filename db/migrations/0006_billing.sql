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
CREATE TABLE `billing_counters` (
	`sequence` text PRIMARY KEY NOT NULL,
	`last` integer DEFAULT 0 NOT NULL
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
ALTER TABLE `deals` ADD `name_sort` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `deals_board` ON `deals` (`stage_id`,`deleted`,`stage_entered_at`,`id`);--> statement-breakpoint
CREATE INDEX `deals_name_sort` ON `deals` (`deleted`,`name_sort`,`id`);--> statement-breakpoint
ALTER TABLE `activities` ADD `recurs` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `activities_tasks` ON `activities` (`type`,`deleted`,`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_owner_tasks` ON `activities` (`owner_id`,`type`,`deleted`,`done_at`,`due_at`);--> statement-breakpoint
CREATE INDEX `activities_recurs` ON `activities` (`recurs`,`deleted`);