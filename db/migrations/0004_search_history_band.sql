-- Activities and notes move to the history band of search doc ids (from 2^40; see
-- src/main/db/search-index.ts), so searches rank records without scoring every activity.
CREATE TEMP TABLE `moved_docs` AS SELECT `doc_id` FROM `search_doc` WHERE `type` IN ('activity', 'note') AND `doc_id` < 1099511627776;--> statement-breakpoint
INSERT INTO `search_index` (`rowid`, `title`, `subtitle`, `body`)
  SELECT s.`rowid` + 1099511627776, s.`title`, s.`subtitle`, s.`body` FROM `search_index` s JOIN `moved_docs` m ON m.`doc_id` = s.`rowid`;--> statement-breakpoint
DELETE FROM `search_index` WHERE `rowid` IN (SELECT `doc_id` FROM `moved_docs`);--> statement-breakpoint
UPDATE `search_doc` SET `doc_id` = `doc_id` + 1099511627776 WHERE `doc_id` IN (SELECT `doc_id` FROM `moved_docs`);--> statement-breakpoint
DROP TABLE `moved_docs`;
