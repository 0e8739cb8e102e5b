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
