import type { CrmDb } from '../../../src/main/db/open';

/*
 * The five rollup tables the triggers keep (migrations 0011, 0014–0017), read as they are and
 * recomputed from the deals, their stays, their lines and the invoices (each migration's
 * backfill). Equal after a path of writes means that path fired the triggers for every row it
 * wrote; groups no deal is in any more (zero counts left behind) are left out of both.
 */

type Tables = Record<'outcomes' | 'purchases' | 'products' | 'reach' | 'closed', unknown[]>;

const rows = (db: CrmDb, sql: string) => db.sqlite.prepare(sql).all();

export function keptRollups(db: CrmDb): Tables {
  return {
    outcomes: rows(
      db,
      `SELECT month, stage_id AS stage, outcome_stage_id AS outcome, owner_id AS owner, pipeline_id AS pipeline, deals
       FROM deal_stage_outcomes WHERE deals <> 0 ORDER BY 1, 2, 3, 4, 5`,
    ),
    purchases: rows(
      db,
      `SELECT company_id AS c, kind, stage_id AS s, currency AS cur, purchases AS n, amount, first, last
       FROM company_purchases ORDER BY 1, 2, 3, 4`,
    ),
    products: rows(
      db,
      `SELECT month, stage_id AS s, owner_id AS owner, pipeline_id AS pipeline, currency AS cur, product_id AS product,
         deals, ROUND(value, 4) AS value
       FROM deal_product_revenue WHERE deals <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    reach: rows(
      db,
      `SELECT pipeline_id AS pipeline, month, stage_id AS stage, stays, owner_id AS owner, deals
       FROM deal_stage_reach WHERE deals <> 0 ORDER BY 1, 2, 3, 4, 5`,
    ),
    closed: rows(
      db,
      `SELECT month, stage_id AS s, currency AS cur, owner_id AS owner, source, pipeline_id AS pipeline, deals, amount,
         non_zero AS nonZero, cycle_ms AS cycle
       FROM deal_closed_months WHERE deals <> 0 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
  };
}

export function recomputedRollups(db: CrmDb): Tables {
  const month = (ms: string) => `strftime('%Y-%m', ${ms} / 1000.0, 'unixepoch')`;
  const issued = 'CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)';
  return {
    outcomes: rows(
      db,
      `SELECT ${month('d.closed_at')} AS month, h.stage_id AS stage, d.stage_id AS outcome,
         COALESCE(d.owner_id, '') AS owner, COALESCE(d.pipeline_id, '') AS pipeline, COUNT(DISTINCT d.id) AS deals
       FROM deals d JOIN deal_stage_history h ON h.deal_id = d.id AND h.deleted = 0 AND h.stage_id IS NOT NULL
       WHERE d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    ),
    purchases: rows(
      db,
      `SELECT * FROM (
         SELECT company_id AS c, 'deal' AS kind, stage_id AS s, COALESCE(currency, '') AS cur, COUNT(*) AS n,
           COALESCE(SUM(amount), 0) AS amount, MIN(closed_at) AS first, MAX(closed_at) AS last
         FROM deals WHERE company_id IS NOT NULL AND deleted = 0 AND stage_id IS NOT NULL AND closed_at IS NOT NULL
         GROUP BY 1, 3, 4
         UNION ALL
         SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(${issued}),
           MAX(${issued})
         FROM invoices WHERE company_id IS NOT NULL AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
         GROUP BY 1, 4)
       ORDER BY 1, 2, 3, 4`,
    ),
    products: rows(
      db,
      `SELECT ${month('d.closed_at')} AS month, d.stage_id AS s, COALESCE(d.owner_id, '') AS owner,
         COALESCE(d.pipeline_id, '') AS pipeline, COALESCE(d.currency, '') AS cur, COALESCE(li.product_id, '') AS product,
         COUNT(DISTINCT d.id) AS deals, ROUND(SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0), 4) AS value
       FROM deals d JOIN deal_line_items li ON li.deal_id = d.id AND li.deleted = 0
       WHERE d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
    reach: rows(
      db,
      `SELECT COALESCE(d.pipeline_id, '') AS pipeline, ${month('COALESCE(d.engaged_at, d.created_at)')} AS month,
         COALESCE(d.stage_id, '') AS stage, COALESCE(h.stays, '') AS stays, COALESCE(d.owner_id, '') AS owner,
         COUNT(*) AS deals
       FROM deals d LEFT JOIN (
         SELECT deal_id, group_concat(DISTINCT stage_id ORDER BY stage_id) AS stays FROM deal_stage_history
         WHERE deleted = 0 GROUP BY deal_id) h ON h.deal_id = d.id
       WHERE d.deleted = 0 GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    ),
    closed: rows(
      db,
      `SELECT ${month('closed_at')} AS month, stage_id AS s, COALESCE(currency, '') AS cur,
         COALESCE(owner_id, '') AS owner, COALESCE(source, '') AS source, COALESCE(pipeline_id, '') AS pipeline,
         COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS amount, COUNT(NULLIF(amount, 0)) AS nonZero,
         SUM(closed_at - COALESCE(engaged_at, created_at)) AS cycle
       FROM deals WHERE deleted = 0 AND closed_at IS NOT NULL AND stage_id IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6`,
    ),
  };
}

/** Counts that went below zero: a take-out without its put-in (a write the triggers saw only half of). */
export function negativeRollups(db: CrmDb): number {
  return db.sqlite
    .prepare(
      `SELECT (SELECT COUNT(*) FROM deal_stage_outcomes WHERE deals < 0)
        + (SELECT COUNT(*) FROM deal_product_revenue WHERE deals < 0 OR (deals = 0 AND ABS(value) > 1e-6))
        + (SELECT COUNT(*) FROM deal_stage_reach WHERE deals < 0)
        + (SELECT COUNT(*) FROM deal_closed_months WHERE deals < 0 OR (deals = 0 AND (amount <> 0 OR cycle_ms <> 0)))`,
    )
    .pluck()
    .get() as number;
}
