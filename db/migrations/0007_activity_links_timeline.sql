DROP INDEX `activity_links_entity`;--> statement-breakpoint
-- activity_links.at is the activity's timeline time, kept by the write path from now on
-- (src/main/db/entities/activity-time.ts). Older books hold the time they were linked with (a
-- task's due date, a start that has since moved, or 0 for links that arrived by sync): set every
-- link from its activity with the same rule, before the index is built (cheaper than updating it).
UPDATE `activity_links` SET `at` = (
  SELECT CASE WHEN a.`type` = 'task' THEN coalesce(a.`done_at`, a.`created_at`)
    ELSE coalesce(a.`start_at`, a.`due_at`, a.`created_at`) END
  FROM `activities` a WHERE a.`id` = `activity_links`.`activity_id`
)
WHERE EXISTS (SELECT 1 FROM `activities` a WHERE a.`id` = `activity_links`.`activity_id`);--> statement-breakpoint
CREATE INDEX `activity_links_timeline` ON `activity_links` (`entity_id`,`deleted`,`at`,`activity_id`);
