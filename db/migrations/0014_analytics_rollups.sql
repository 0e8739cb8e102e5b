CREATE TABLE `company_purchases` (
	`company_id` text NOT NULL,
	`kind` text NOT NULL,
	`stage_id` text NOT NULL,
	`currency` text NOT NULL,
	`purchases` integer NOT NULL,
	`amount` integer NOT NULL,
	`first` integer NOT NULL,
	`last` integer NOT NULL,
	PRIMARY KEY(`company_id`, `kind`, `stage_id`, `currency`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `company_purchases_last` ON `company_purchases` (`kind`,`last`);--> statement-breakpoint
CREATE INDEX `invoices_company` ON `invoices` (`company_id`,`currency`,`deleted`);--> statement-breakpoint
-- Derived and local, kept by the triggers below on every write (mutation layer, sync, merges): a
-- write recomputes the one group (company, closing stage or invoice, currency) it left and the one
-- it joined, from the covering index, so the table always equals the direct aggregate (MIN and MAX
-- included). A NULL key (no company, no stage) matches no row and inserts none.
CREATE TRIGGER `company_purchases_deal_insert` AFTER INSERT ON `deals` BEGIN
  DELETE FROM company_purchases WHERE company_id = new.company_id AND kind = 'deal'
    AND stage_id = new.stage_id AND currency = COALESCE(new.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'deal', stage_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(amount), 0), MIN(closed_at), MAX(closed_at)
    FROM deals INDEXED BY deals_customer
    WHERE company_id = new.company_id AND deleted = 0 AND stage_id = new.stage_id AND currency IS new.currency
      AND closed_at IS NOT NULL
    GROUP BY company_id;
END;
--> statement-breakpoint
CREATE TRIGGER `company_purchases_deal_delete` AFTER DELETE ON `deals` BEGIN
  DELETE FROM company_purchases WHERE company_id = old.company_id AND kind = 'deal'
    AND stage_id = old.stage_id AND currency = COALESCE(old.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'deal', stage_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(amount), 0), MIN(closed_at), MAX(closed_at)
    FROM deals INDEXED BY deals_customer
    WHERE company_id = old.company_id AND deleted = 0 AND stage_id = old.stage_id AND currency IS old.currency
      AND closed_at IS NOT NULL
    GROUP BY company_id;
END;
--> statement-breakpoint
CREATE TRIGGER `company_purchases_deal_update` AFTER UPDATE OF company_id, deleted, stage_id, closed_at, currency, amount ON `deals`
  WHEN old.company_id IS NOT new.company_id OR old.deleted IS NOT new.deleted OR old.stage_id IS NOT new.stage_id OR old.closed_at IS NOT new.closed_at OR old.currency IS NOT new.currency OR old.amount IS NOT new.amount BEGIN
  DELETE FROM company_purchases WHERE company_id = old.company_id AND kind = 'deal'
    AND stage_id = old.stage_id AND currency = COALESCE(old.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'deal', stage_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(amount), 0), MIN(closed_at), MAX(closed_at)
    FROM deals INDEXED BY deals_customer
    WHERE company_id = old.company_id AND deleted = 0 AND stage_id = old.stage_id AND currency IS old.currency
      AND closed_at IS NOT NULL
    GROUP BY company_id;
  DELETE FROM company_purchases WHERE company_id = new.company_id AND kind = 'deal'
    AND stage_id = new.stage_id AND currency = COALESCE(new.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'deal', stage_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(amount), 0), MIN(closed_at), MAX(closed_at)
    FROM deals INDEXED BY deals_customer
    WHERE company_id = new.company_id AND deleted = 0 AND stage_id = new.stage_id AND currency IS new.currency
      AND closed_at IS NOT NULL
    GROUP BY company_id;
END;
--> statement-breakpoint
CREATE TRIGGER `company_purchases_invoice_insert` AFTER INSERT ON `invoices` BEGIN
  DELETE FROM company_purchases WHERE company_id = new.company_id AND kind = 'invoice'
    AND stage_id = '' AND currency = COALESCE(new.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)), MAX(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER))
    FROM invoices INDEXED BY invoices_company
    WHERE company_id = new.company_id AND currency IS new.currency AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
    GROUP BY company_id;
END;
--> statement-breakpoint
CREATE TRIGGER `company_purchases_invoice_delete` AFTER DELETE ON `invoices` BEGIN
  DELETE FROM company_purchases WHERE company_id = old.company_id AND kind = 'invoice'
    AND stage_id = '' AND currency = COALESCE(old.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)), MAX(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER))
    FROM invoices INDEXED BY invoices_company
    WHERE company_id = old.company_id AND currency IS old.currency AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
    GROUP BY company_id;
END;
--> statement-breakpoint
CREATE TRIGGER `company_purchases_invoice_update` AFTER UPDATE OF company_id, currency, deleted, voided_at, deal_id, issue_date, total ON `invoices`
  WHEN old.company_id IS NOT new.company_id OR old.currency IS NOT new.currency OR old.deleted IS NOT new.deleted OR old.voided_at IS NOT new.voided_at OR old.deal_id IS NOT new.deal_id OR old.issue_date IS NOT new.issue_date OR old.total IS NOT new.total BEGIN
  DELETE FROM company_purchases WHERE company_id = old.company_id AND kind = 'invoice'
    AND stage_id = '' AND currency = COALESCE(old.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)), MAX(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER))
    FROM invoices INDEXED BY invoices_company
    WHERE company_id = old.company_id AND currency IS old.currency AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
    GROUP BY company_id;
  DELETE FROM company_purchases WHERE company_id = new.company_id AND kind = 'invoice'
    AND stage_id = '' AND currency = COALESCE(new.currency, '');
  INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
    SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)), MAX(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER))
    FROM invoices INDEXED BY invoices_company
    WHERE company_id = new.company_id AND currency IS new.currency AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
    GROUP BY company_id;
END;
--> statement-breakpoint
-- What the book already holds.
INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
SELECT company_id, 'deal', stage_id, COALESCE(currency, ''), COUNT(*), COALESCE(SUM(amount), 0), MIN(closed_at), MAX(closed_at)
FROM deals WHERE company_id IS NOT NULL AND deleted = 0 AND stage_id IS NOT NULL AND closed_at IS NOT NULL
GROUP BY 1, 3, 4;
--> statement-breakpoint
INSERT INTO company_purchases (company_id, kind, stage_id, currency, purchases, amount, first, last)
SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)), MAX(CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER))
FROM invoices WHERE company_id IS NOT NULL AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
GROUP BY 1, 4;
