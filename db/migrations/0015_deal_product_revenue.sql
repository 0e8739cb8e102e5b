CREATE TABLE `deal_product_revenue` (
	`month` text NOT NULL,
	`stage_id` text NOT NULL,
	`owner_id` text NOT NULL,
	`pipeline_id` text NOT NULL,
	`currency` text NOT NULL,
	`product_id` text NOT NULL,
	`deals` integer NOT NULL,
	`value` real NOT NULL,
	PRIMARY KEY(`month`, `stage_id`, `owner_id`, `pipeline_id`, `currency`, `product_id`)
) WITHOUT ROWID;
--> statement-breakpoint
-- Derived and local: kept by the triggers below on every write (mutation layer, sync, merges), so
-- it always equals the direct aggregate of closed deals' live lines. A deal write takes the deal's
-- old contribution out and puts its new one in, reading its lines as they are; a line write does
-- the same for the line, reading its deal as it is, and counts the deal for the product only when
-- no other live line of the deal has it. So the order of writes does not matter. Values are REAL
-- (quantities may be fractional) and rounded by the reader, as a direct SUM would be.
CREATE TRIGGER `deal_product_revenue_deal_insert` AFTER INSERT ON `deals` BEGIN
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', new.closed_at / 1000.0, 'unixepoch'), new.stage_id, COALESCE(new.owner_id, ''), COALESCE(new.pipeline_id, ''), COALESCE(new.currency, ''), COALESCE(li.product_id, ''), 1, 1 * SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0)
    FROM deal_line_items li INDEXED BY deal_line_items_won
    WHERE li.deal_id = new.id AND li.deleted = 0 AND new.deleted = 0 AND new.closed_at IS NOT NULL AND new.stage_id IS NOT NULL
    GROUP BY li.product_id
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_product_revenue_deal_delete` AFTER DELETE ON `deals` BEGIN
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', old.closed_at / 1000.0, 'unixepoch'), old.stage_id, COALESCE(old.owner_id, ''), COALESCE(old.pipeline_id, ''), COALESCE(old.currency, ''), COALESCE(li.product_id, ''), -1, -1 * SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0)
    FROM deal_line_items li INDEXED BY deal_line_items_won
    WHERE li.deal_id = old.id AND li.deleted = 0 AND old.deleted = 0 AND old.closed_at IS NOT NULL AND old.stage_id IS NOT NULL
    GROUP BY li.product_id
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_product_revenue_deal_update` AFTER UPDATE OF deleted, closed_at, stage_id, owner_id, pipeline_id, currency ON `deals`
  WHEN old.deleted IS NOT new.deleted OR old.closed_at IS NOT new.closed_at OR old.stage_id IS NOT new.stage_id OR old.owner_id IS NOT new.owner_id OR old.pipeline_id IS NOT new.pipeline_id OR old.currency IS NOT new.currency BEGIN
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', old.closed_at / 1000.0, 'unixepoch'), old.stage_id, COALESCE(old.owner_id, ''), COALESCE(old.pipeline_id, ''), COALESCE(old.currency, ''), COALESCE(li.product_id, ''), -1, -1 * SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0)
    FROM deal_line_items li INDEXED BY deal_line_items_won
    WHERE li.deal_id = old.id AND li.deleted = 0 AND old.deleted = 0 AND old.closed_at IS NOT NULL AND old.stage_id IS NOT NULL
    GROUP BY li.product_id
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', new.closed_at / 1000.0, 'unixepoch'), new.stage_id, COALESCE(new.owner_id, ''), COALESCE(new.pipeline_id, ''), COALESCE(new.currency, ''), COALESCE(li.product_id, ''), 1, 1 * SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0)
    FROM deal_line_items li INDEXED BY deal_line_items_won
    WHERE li.deal_id = new.id AND li.deleted = 0 AND new.deleted = 0 AND new.closed_at IS NOT NULL AND new.stage_id IS NOT NULL
    GROUP BY li.product_id
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_product_revenue_line_insert` AFTER INSERT ON `deal_line_items` BEGIN
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), COALESCE(d.currency, ''), COALESCE(new.product_id, ''),
      1 * NOT EXISTS (SELECT 1 FROM deal_line_items o INDEXED BY deal_line_items_won WHERE o.deal_id = new.deal_id AND o.deleted = 0 AND o.product_id IS new.product_id AND o.id <> new.id),
      1 * (new.quantity * new.unit_price * (10000 - new.discount_rate) / 10000.0)
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL AND new.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_product_revenue_line_delete` AFTER DELETE ON `deal_line_items` BEGIN
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), COALESCE(d.currency, ''), COALESCE(old.product_id, ''),
      -1 * NOT EXISTS (SELECT 1 FROM deal_line_items o INDEXED BY deal_line_items_won WHERE o.deal_id = old.deal_id AND o.deleted = 0 AND o.product_id IS old.product_id AND o.id <> old.id),
      -1 * (old.quantity * old.unit_price * (10000 - old.discount_rate) / 10000.0)
    FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL AND old.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
END;
--> statement-breakpoint
CREATE TRIGGER `deal_product_revenue_line_update` AFTER UPDATE OF deleted, deal_id, product_id, quantity, unit_price, discount_rate ON `deal_line_items`
  WHEN old.deleted IS NOT new.deleted OR old.deal_id IS NOT new.deal_id OR old.product_id IS NOT new.product_id OR old.quantity IS NOT new.quantity OR old.unit_price IS NOT new.unit_price OR old.discount_rate IS NOT new.discount_rate BEGIN
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), COALESCE(d.currency, ''), COALESCE(old.product_id, ''),
      -1 * NOT EXISTS (SELECT 1 FROM deal_line_items o INDEXED BY deal_line_items_won WHERE o.deal_id = old.deal_id AND o.deleted = 0 AND o.product_id IS old.product_id AND o.id <> old.id),
      -1 * (old.quantity * old.unit_price * (10000 - old.discount_rate) / 10000.0)
    FROM deals d WHERE d.id = old.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL AND old.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
  INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
    SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), COALESCE(d.currency, ''), COALESCE(new.product_id, ''),
      1 * NOT EXISTS (SELECT 1 FROM deal_line_items o INDEXED BY deal_line_items_won WHERE o.deal_id = new.deal_id AND o.deleted = 0 AND o.product_id IS new.product_id AND o.id <> new.id),
      1 * (new.quantity * new.unit_price * (10000 - new.discount_rate) / 10000.0)
    FROM deals d WHERE d.id = new.deal_id AND d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL AND new.deleted = 0
    ON CONFLICT DO UPDATE SET deals = deals + excluded.deals, value = value + excluded.value;
END;
--> statement-breakpoint
-- The deals already in the book.
INSERT INTO deal_product_revenue (month, stage_id, owner_id, pipeline_id, currency, product_id, deals, value)
SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch'), d.stage_id, COALESCE(d.owner_id, ''), COALESCE(d.pipeline_id, ''), COALESCE(d.currency, ''), COALESCE(li.product_id, ''), COUNT(DISTINCT d.id), SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0)
FROM deals d JOIN deal_line_items li ON li.deal_id = d.id AND li.deleted = 0
WHERE d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5, 6;
