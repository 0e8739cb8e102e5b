CREATE TABLE `deal_stage_reach` (
	`pipeline_id` text NOT NULL,
	`month` text NOT NULL,
	`stage_id` text NOT NULL,
	`stays` text NOT NULL,
	`owner_id` text NOT NULL,
	`deals` integer NOT NULL,
	PRIMARY KEY(`pipeline_id`, `month`, `stage_id`, `stays`, `owner_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Derived and local: kept by the triggers below on every write (mutation layer, sync, merges), so
-- it always equals the direct count of live deals by their key and their live stays' stage set. A
-- deal write moves the deal from its old key to its new one with its stays as they are; a stay
-- write moves its live deal from the stage set without the stay to the set with it (or back), so
-- the order of writes does not matter. A set that does not change adds and takes the same row.
CREATE TRIGGER `deal_stage_reach_deal_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(new.pipeline_id, ''), strftime('%Y-%m', COALESCE(new.engaged_at, new.created_at) / 1000.0, 'unixepoch'), COALESCE(new.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = new.id AND deleted = 0)), COALESCE(new.owner_id, ''), 1
    WHERE new.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_reach_deal_delete` AFTER DELETE ON `deals` BEGIN
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(old.pipeline_id, ''), strftime('%Y-%m', COALESCE(old.engaged_at, old.created_at) / 1000.0, 'unixepoch'), COALESCE(old.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = old.id AND deleted = 0)), COALESCE(old.owner_id, ''), -1
    WHERE old.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_reach_deal_update` AFTER UPDATE OF deleted, pipeline_id, engaged_at, created_at, stage_id, owner_id ON `deals`
  WHEN old.deleted IS NOT new.deleted OR old.pipeline_id IS NOT new.pipeline_id OR old.engaged_at IS NOT new.engaged_at OR old.created_at IS NOT new.created_at OR old.stage_id IS NOT new.stage_id OR old.owner_id IS NOT new.owner_id BEGIN
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(old.pipeline_id, ''), strftime('%Y-%m', COALESCE(old.engaged_at, old.created_at) / 1000.0, 'unixepoch'), COALESCE(old.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = old.id AND deleted = 0)), COALESCE(old.owner_id, ''), -1
    WHERE old.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(new.pipeline_id, ''), strftime('%Y-%m', COALESCE(new.engaged_at, new.created_at) / 1000.0, 'unixepoch'), COALESCE(new.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = new.id AND deleted = 0)), COALESCE(new.owner_id, ''), 1
    WHERE new.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_reach_stay_insert` AFTER INSERT ON `deal_stage_history` BEGIN
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = new.deal_id AND deleted = 0 AND id <> new.id)), COALESCE(d.owner_id, ''), -1
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = new.deal_id AND deleted = 0 AND id <> new.id
      UNION ALL SELECT new.stage_id WHERE new.deleted = 0)), COALESCE(d.owner_id, ''), 1
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_reach_stay_delete` AFTER DELETE ON `deal_stage_history` BEGIN
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = old.deal_id AND deleted = 0 AND id <> old.id
      UNION ALL SELECT old.stage_id WHERE old.deleted = 0)), COALESCE(d.owner_id, ''), -1
    FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = old.deal_id AND deleted = 0 AND id <> old.id)), COALESCE(d.owner_id, ''), 1
    FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_reach_stay_update` AFTER UPDATE OF deleted, deal_id, stage_id ON `deal_stage_history`
  WHEN old.deleted IS NOT new.deleted OR old.deal_id IS NOT new.deal_id OR old.stage_id IS NOT new.stage_id BEGIN
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = old.deal_id AND deleted = 0 AND id <> old.id
      UNION ALL SELECT old.stage_id WHERE old.deleted = 0)), COALESCE(d.owner_id, ''), -1
    FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = old.deal_id AND deleted = 0 AND id <> old.id)), COALESCE(d.owner_id, ''), 1
    FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = new.deal_id AND deleted = 0 AND id <> new.id)), COALESCE(d.owner_id, ''), -1
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
  INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
    SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), (SELECT COALESCE(group_concat(DISTINCT s ORDER BY s), '') FROM (
      SELECT stage_id AS s FROM deal_stage_history WHERE deal_id = new.deal_id AND deleted = 0 AND id <> new.id
      UNION ALL SELECT new.stage_id WHERE new.deleted = 0)), COALESCE(d.owner_id, ''), 1
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals;
END;
--> statement-breakpoint
-- The deals already in the book.
INSERT INTO deal_stage_reach (pipeline_id, month, stage_id, stays, owner_id, deals)
SELECT COALESCE(d.pipeline_id, ''), strftime('%Y-%m', COALESCE(d.engaged_at, d.created_at) / 1000.0, 'unixepoch'), COALESCE(d.stage_id, ''), COALESCE(h.stays, ''), COALESCE(d.owner_id, ''), COUNT(*)
FROM deals d LEFT JOIN (
  SELECT deal_id, group_concat(DISTINCT stage_id ORDER BY stage_id) AS stays FROM deal_stage_history
  WHERE deleted = 0 GROUP BY deal_id) h ON h.deal_id = d.id
WHERE d.deleted = 0
GROUP BY 1, 2, 3, 4, 5;
