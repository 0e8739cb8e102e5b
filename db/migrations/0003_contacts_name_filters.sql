DROP INDEX `contacts_name_sort`;--> statement-breakpoint
CREATE INDEX `contacts_name_sort` ON `contacts` (`deleted`,`name_sort`,`id`,`lifecycle_stage`,`owner_id`,`created_at`);