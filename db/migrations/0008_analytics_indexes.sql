CREATE INDEX `deal_stage_history_visits` ON `deal_stage_history` (`deal_id`,`deleted`,`stage_id`);--> statement-breakpoint
CREATE INDEX `deals_closed` ON `deals` (`deleted`,`closed_at`,`stage_id`,`currency`,`amount`,`owner_id`,`source`,`engaged_at`,`created_at`,`company_id`,`id`);--> statement-breakpoint
CREATE INDEX `deals_customer` ON `deals` (`company_id`,`deleted`,`stage_id`,`closed_at`,`currency`,`amount`,`owner_id`);--> statement-breakpoint
CREATE INDEX `deals_engaged` ON `deals` (`deleted`,`pipeline_id`,`engaged_at`,`created_at`,`id`,`stage_id`,`owner_id`);--> statement-breakpoint
CREATE INDEX `deals_forecast` ON `deals` (`stage_id`,`deleted`,`expected_close`,`owner_id`,`currency`,`amount`,`probability`);--> statement-breakpoint
CREATE INDEX `deal_line_items_won` ON `deal_line_items` (`deal_id`,`deleted`,`product_id`,`quantity`,`unit_price`,`discount_rate`);--> statement-breakpoint
CREATE INDEX `activities_done_by_owner` ON `activities` (`owner_id`,`deleted`,`done_at`,`type`);