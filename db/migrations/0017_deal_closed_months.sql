CREATE TABLE `deal_closed_months` (
	`month` text NOT NULL,
	`stage_id` text NOT NULL,
	`currency` text NOT NULL,
	`owner_id` text NOT NULL,
	`source` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`deals` integer NOT NULL,
	`amount` integer NOT NULL,
	`non_zero` integer NOT NULL,
	`cycle_ms` integer NOT NULL,
	PRIMARY KEY(`month`, `stage_id`, `currency`, `owner_id`, `source`, `pipeline_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Derived and local: kept by the triggers below on every write to `deals` (mutation layer, sync,
-- merges): a write takes the deal's old row out of its group and puts the new one in, so the table
-- always equals the direct aggregate. All sums are integers: adding and taking back is exact.
CREATE TRIGGER `deal_closed_months_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO deal_closed_months (month, stage_id, currency, owner_id, source, pipeline_id, deals, amount, non_zero, cycle_ms)
    SELECT strftime('%Y-%m', new.closed_at / 1000.0, 'unixepoch'), new.stage_id, COALESCE(new.currency, ''), COALESCE(new.owner_id, ''), COALESCE(new.source, ''), COALESCE(new.pipeline_id, ''),
      1, 1 * COALESCE(new.amount, 0), 1 * (COALESCE(new.amount, 0) <> 0), 1 * (new.closed_at - COALESCE(new.engaged_at, new.created_at))
    WHERE new.deleted = 0 AND new.closed_at IS NOT NULL AND new.stage_id IS NOT NULL
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, amount = amount + excluded.amount,
      non_zero = non_zero + excluded.non_zero, cycle_ms = cycle_ms + excluded.cycle_ms;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_closed_months_delete` AFTER DELETE ON `deals` BEGIN
  INSERT INTO deal_closed_months (month, stage_id, currency, owner_id, source, pipeline_id, deals, amount, non_zero, cycle_ms)
    SELECT strftime('%Y-%m', old.closed_at / 1000.0, 'unixepoch'), old.stage_id, COALESCE(old.currency, ''), COALESCE(old.owner_id, ''), COALESCE(old.source, ''), COALESCE(old.pipeline_id, ''),
      -1, -1 * COALESCE(old.amount, 0), -1 * (COALESCE(old.amount, 0) <> 0), -1 * (old.closed_at - COALESCE(old.engaged_at, old.created_at))
    WHERE old.deleted = 0 AND old.closed_at IS NOT NULL AND old.stage_id IS NOT NULL
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, amount = amount + excluded.amount,
      non_zero = non_zero + excluded.non_zero, cycle_ms = cycle_ms + excluded.cycle_ms;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_closed_months_update` AFTER UPDATE OF deleted, closed_at, stage_id, currency, owner_id, source, pipeline_id, amount, engaged_at, created_at ON `deals`
  WHEN old.deleted IS NOT new.deleted OR old.closed_at IS NOT new.closed_at OR old.stage_id IS NOT new.stage_id OR old.currency IS NOT new.currency OR old.owner_id IS NOT new.owner_id OR old.source IS NOT new.source OR old.pipeline_id IS NOT new.pipeline_id OR old.amount IS NOT new.amount OR old.engaged_at IS NOT new.engaged_at OR old.created_at IS NOT new.created_at BEGIN
  INSERT INTO deal_closed_months (month, stage_id, currency, owner_id, source, pipeline_id, deals, amount, non_zero, cycle_ms)
    SELECT strftime('%Y-%m', old.closed_at / 1000.0, 'unixepoch'), old.stage_id, COALESCE(old.currency, ''), COALESCE(old.owner_id, ''), COALESCE(old.source, ''), COALESCE(old.pipeline_id, ''),
      -1, -1 * COALESCE(old.amount, 0), -1 * (COALESCE(old.amount, 0) <> 0), -1 * (old.closed_at - COALESCE(old.engaged_at, old.created_at))
    WHERE old.deleted = 0 AND old.closed_at IS NOT NULL AND old.stage_id IS NOT NULL
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, amount = amount + excluded.amount,
      non_zero = non_zero + excluded.non_zero, cycle_ms = cycle_ms + excluded.cycle_ms;
  INSERT INTO deal_closed_months (month, stage_id, currency, owner_id, source, pipeline_id, deals, amount, non_zero, cycle_ms)
    SELECT strftime('%Y-%m', new.closed_at / 1000.0, 'unixepoch'), new.stage_id, COALESCE(new.currency, ''), COALESCE(new.owner_id, ''), COALESCE(new.source, ''), COALESCE(new.pipeline_id, ''),
      1, 1 * COALESCE(new.amount, 0), 1 * (COALESCE(new.amount, 0) <> 0), 1 * (new.closed_at - COALESCE(new.engaged_at, new.created_at))
    WHERE new.deleted = 0 AND new.closed_at IS NOT NULL AND new.stage_id IS NOT NULL
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, amount = amount + excluded.amount,
      non_zero = non_zero + excluded.non_zero, cycle_ms = cycle_ms + excluded.cycle_ms;
END;
--> statement-breakpoint
-- The deals already in the book.
INSERT INTO deal_closed_months (month, stage_id, currency, owner_id, source, pipeline_id, deals, amount, non_zero, cycle_ms)
SELECT strftime('%Y-%m', closed_at / 1000.0, 'unixepoch'), stage_id, COALESCE(currency, ''), COALESCE(owner_id, ''), COALESCE(source, ''), COALESCE(pipeline_id, ''),
  COUNT(*), COALESCE(SUM(amount), 0), COUNT(NULLIF(amount, 0)), SUM(closed_at - COALESCE(engaged_at, created_at))
FROM deals WHERE deleted = 0 AND closed_at IS NOT NULL AND stage_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
