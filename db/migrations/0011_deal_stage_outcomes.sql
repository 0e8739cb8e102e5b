CREATE TABLE `deal_stage_outcomes` (
	`month` text NOT NULL,
	`stage_id` text NOT NULL,
	`outcome_stage_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`deals` integer NOT NULL,
	PRIMARY KEY(`month`, `stage_id`, `outcome_stage_id`, `owner_id`, `pipeline_id`)
);
--> statement-breakpoint
-- Derived and local: kept by the triggers below on every write (mutation layer, sync, merges), so
-- it always equals the direct count from `deals` and `deal_stage_history`. A deal counts once per
-- stage it stayed in; a stay is added when it is the deal's first live one at that stage. Stays
-- and deals are read as they are after the statement, so the order of writes does not matter.
CREATE TRIGGER `deal_stage_outcomes_deal_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO deal_stage_outcomes (month, stage_id, outcome_stage_id, owner_id, pipeline_id, deals)
    SELECT strftime('%Y-%m', new.closed_at / 1000.0, 'unixepoch'), h.stage_id, new.stage_id, COALESCE(new.owner_id, ''), COALESCE(new.pipeline_id, ''), 1
    FROM (SELECT DISTINCT stage_id FROM deal_stage_history WHERE deal_id = new.id AND deleted = 0 AND stage_id IS NOT NULL) h
    WHERE new.deleted = 0 AND new.closed_at IS NOT NULL AND new.stage_id IS NOT NULL
    ON CONFLICT DO UPDATE SET deals = deals + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_outcomes_deal_delete` AFTER DELETE ON `deals` BEGIN
  UPDATE deal_stage_outcomes SET deals = deals - 1
    WHERE old.deleted = 0 AND old.closed_at IS NOT NULL AND old.stage_id IS NOT NULL AND month = strftime('%Y-%m', old.closed_at / 1000.0, 'unixepoch') AND outcome_stage_id = old.stage_id
      AND owner_id = COALESCE(old.owner_id, '') AND pipeline_id = COALESCE(old.pipeline_id, '')
      AND stage_id IN (SELECT stage_id FROM deal_stage_history WHERE deal_id = old.id AND deleted = 0);
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_outcomes_deal_update` AFTER UPDATE OF deleted, closed_at, stage_id, owner_id, pipeline_id ON `deals`
  WHEN old.deleted IS NOT new.deleted OR old.closed_at IS NOT new.closed_at OR old.stage_id IS NOT new.stage_id OR old.owner_id IS NOT new.owner_id OR old.pipeline_id IS NOT new.pipeline_id BEGIN
  UPDATE deal_stage_outcomes SET deals = deals - 1
    WHERE old.deleted = 0 AND old.closed_at IS NOT NULL AND old.stage_id IS NOT NULL AND month = strftime('%Y-%m', old.closed_at / 1000.0, 'unixepoch') AND outcome_stage_id = old.stage_id
      AND owner_id = COALESCE(old.owner_id, '') AND pipeline_id = COALESCE(old.pipeline_id, '')
      AND stage_id IN (SELECT stage_id FROM deal_stage_history WHERE deal_id = old.id AND deleted = 0);
  INSERT INTO deal_stage_outcomes (month, stage_id, outcome_stage_id, owner_id, pipeline_id, deals)
    SELECT strftime('%Y-%m', new.closed_at / 1000.0, 'unixepoch'), h.stage_id, new.stage_id, COALESCE(new.owner_id, ''), COALESCE(new.pipeline_id, ''), 1
    FROM (SELECT DISTINCT stage_id FROM deal_stage_history WHERE deal_id = new.id AND deleted = 0 AND stage_id IS NOT NULL) h
    WHERE new.deleted = 0 AND new.closed_at IS NOT NULL AND new.stage_id IS NOT NULL
    ON CONFLICT DO UPDATE SET deals = deals + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_outcomes_stay_insert` AFTER INSERT ON `deal_stage_history` BEGIN
  INSERT INTO deal_stage_outcomes (month, stage_id, outcome_stage_id, owner_id, pipeline_id, deals)
    SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), new.stage_id, d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), 1
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL AND new.deleted = 0 AND new.stage_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deal_stage_history o WHERE o.deal_id = new.deal_id AND o.stage_id = new.stage_id AND o.deleted = 0 AND o.id <> new.id)
    ON CONFLICT DO UPDATE SET deals = deals + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_outcomes_stay_delete` AFTER DELETE ON `deal_stage_history` BEGIN
  UPDATE deal_stage_outcomes SET deals = deals - 1
    WHERE old.deleted = 0 AND old.stage_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deal_stage_history o WHERE o.deal_id = old.deal_id AND o.stage_id = old.stage_id AND o.deleted = 0 AND o.id <> old.id) AND (month, stage_id, outcome_stage_id, owner_id, pipeline_id) = (
      SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), old.stage_id, d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, '')
      FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL);
END;
--> statement-breakpoint
CREATE TRIGGER `deal_stage_outcomes_stay_update` AFTER UPDATE OF deleted, stage_id, deal_id ON `deal_stage_history`
  WHEN old.deleted IS NOT new.deleted OR old.stage_id IS NOT new.stage_id OR old.deal_id IS NOT new.deal_id BEGIN
  UPDATE deal_stage_outcomes SET deals = deals - 1
    WHERE old.deleted = 0 AND old.stage_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deal_stage_history o WHERE o.deal_id = old.deal_id AND o.stage_id = old.stage_id AND o.deleted = 0 AND o.id <> old.id) AND (month, stage_id, outcome_stage_id, owner_id, pipeline_id) = (
      SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), old.stage_id, d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, '')
      FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL);
  INSERT INTO deal_stage_outcomes (month, stage_id, outcome_stage_id, owner_id, pipeline_id, deals)
    SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), new.stage_id, d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), 1
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL AND new.deleted = 0 AND new.stage_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM deal_stage_history o WHERE o.deal_id = new.deal_id AND o.stage_id = new.stage_id AND o.deleted = 0 AND o.id <> new.id)
    ON CONFLICT DO UPDATE SET deals = deals + 1;
END;
--> statement-breakpoint
-- The deals already in the book.
INSERT INTO deal_stage_outcomes (month, stage_id, outcome_stage_id, owner_id, pipeline_id, deals)
SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), h.stage_id, d.stage_id, COALESCE(d.owner_id, ''),
  COALESCE(d.pipeline_id, ''), COUNT(DISTINCT d.id)
FROM deals d JOIN deal_stage_history h ON h.deal_id = d.id AND h.deleted = 0 AND h.stage_id IS NOT NULL
WHERE d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;
