ALTER TABLE `deals` ADD `price_list_id` text;--> statement-breakpoint
ALTER TABLE `quotes` ADD `price_list_id` text;