DROP INDEX `activities_tasks`;--> statement-breakpoint
DROP INDEX `activities_owner_tasks`;--> statement-breakpoint
DROP INDEX `activities_owner_start`;--> statement-breakpoint
DROP INDEX `activities_recurs`;--> statement-breakpoint
CREATE INDEX `activities_open_tasks` ON `activities` (`type`,`deleted`,`done_at`,`due_at`,`created_at`,`id`) WHERE type = 'task' AND deleted = 0 AND done_at IS NULL;--> statement-breakpoint
CREATE INDEX `activities_open_tasks_owner` ON `activities` (`owner_id`,`type`,`deleted`,`done_at`,`due_at`,`created_at`,`id`) WHERE type = 'task' AND deleted = 0 AND done_at IS NULL;--> statement-breakpoint
CREATE INDEX `activities_done_tasks` ON `activities` (`type`,`deleted`,`done_at`,`id`) WHERE type = 'task' AND deleted = 0 AND done_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `activities_done_tasks_owner` ON `activities` (`owner_id`,`type`,`deleted`,`done_at`,`id`) WHERE type = 'task' AND deleted = 0 AND done_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX `activities_owner_timed` ON `activities` (`owner_id`,`deleted`,`recurs`,`start_at`,`end_at`) WHERE deleted = 0 AND recurs = 0 AND type IN ('meeting', 'call');--> statement-breakpoint
CREATE INDEX `activities_recurs` ON `activities` (`recurs`,`deleted`,`owner_id`);