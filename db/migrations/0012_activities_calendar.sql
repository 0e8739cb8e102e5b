CREATE INDEX `activities_owner_start` ON `activities` (`owner_id`,`deleted`,`start_at`);--> statement-breakpoint
CREATE INDEX `activities_owner_due` ON `activities` (`owner_id`,`deleted`,`due_at`);