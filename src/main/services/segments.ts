import type { ReportTable } from '../../shared/contract/reports';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import type { CrmDb } from '../db/open';
import { baseMoney, fxCase } from './reports/money';
import { DAY } from './reports/period';
import { all, sqlList, stageKinds, type Scope } from './reports/scope';
import { TableBuilder } from './reports/table';

/*
 * RFM segmentation of customers (companies) from their purchases: won deals, plus invoices not
 * tied to a deal (so a deal and its invoice count once). Scores 1..5 are quintiles by cumulative
 * distribution, so ties share a score; segments follow the usual recency × frequency grid.
 */

export const SEGMENTS = [
  'champions',
  'loyal',
  'new',
  'promising',
  'need_attention',
  'cant_lose',
  'at_risk',
  'hibernating',
] as const;
export type Segment = (typeof SEGMENTS)[number];

const SEGMENT_CASE = `CASE
  WHEN r >= 4 AND f >= 4 THEN 'champions'
  WHEN r >= 3 AND f >= 3 THEN 'loyal'
  WHEN r >= 4 AND f <= 1 THEN 'new'
  WHEN r >= 4 THEN 'promising'
  WHEN r = 3 THEN 'need_attention'
  WHEN r = 1 AND f >= 4 THEN 'cant_lose'
  WHEN f >= 3 THEN 'at_risk'
  ELSE 'hibernating' END`;

const score = (order: string) => `MIN(5, CAST(5 * CUME_DIST() OVER (ORDER BY ${order}) + 0.999999 AS INTEGER))`;

/**
 * The last instant whose purchases count: now (a deal won this very moment and an invoice dated
 * today are purchases made so far), or the last moment of the period when it ends earlier.
 */
function asOf(db: CrmDb, scope: Scope | null): number {
  const now = db.now();
  return scope && scope.period.end <= now ? scope.period.end - 1 : now;
}

/**
 * The customers CTE `c` (company, last and first purchase, purchases, value in base minor units)
 * up to the instant `last` included: won deals, plus invoices not tied to a deal (dated up to that
 * day). Most customers are read from `company_purchases` (kept per company, closing stage or
 * invoice, and currency by triggers, in company order: no sort); those with a purchase after
 * `last` (a look back) are added up from their deals and invoices themselves, so both give exactly
 * what counting every purchase up to `last` would. The kept rows are read in their primary key's
 * order (a WITHOUT ROWID table, NOT INDEXED), so grouping by company needs no sort.
 */
function purchasesSql(db: CrmDb, last: number): { sql: string; params: unknown[] } {
  const won = sqlList(stageKinds(db).won);
  const dealFx = fxCase(db, 'd.currency');
  const invoiceFx = fxCase(db, 'i.currency');
  const keptFx = fxCase(db, "NULLIF(p.currency, '')");
  const issued = 'CAST((julianday(i.issue_date) - 2440587.5) * 86400000 AS INTEGER)';
  const lastDay = new Date(Math.min(last, 253402300799999)).toISOString().slice(0, 10);
  return {
    sql: `WITH late AS (
        SELECT company_id FROM company_purchases WHERE kind = 'deal' AND last > @last
        UNION SELECT company_id FROM company_purchases WHERE kind = 'invoice' AND last > @lastDayStart),
      c AS (
      SELECT p.company_id AS cid, MAX(p.last) AS last, MIN(p.first) AS first, SUM(p.purchases) AS n,
        SUM(p.amount * ${keptFx}) AS monetary
      FROM company_purchases p NOT INDEXED
      WHERE (+p.kind = 'invoice' OR (+p.kind = 'deal' AND +p.stage_id IN ${won})) AND ${keptFx} IS NOT NULL
        AND p.company_id NOT IN late
      GROUP BY p.company_id
      UNION ALL
      SELECT cid, MAX(last) AS last, MIN(first) AS first, SUM(n) AS n, SUM(monetary) AS monetary FROM (
        SELECT d.company_id AS cid, MAX(d.closed_at) AS last, MIN(d.closed_at) AS first, COUNT(*) AS n,
          SUM(d.amount * ${dealFx}) AS monetary
        FROM deals d INDEXED BY deals_customer
        WHERE d.company_id IN late AND d.deleted = 0 AND d.stage_id IN ${won}
          AND d.closed_at <= @last AND ${dealFx} IS NOT NULL
        GROUP BY d.company_id
        UNION ALL
        SELECT i.company_id, MAX(${issued}), MIN(${issued}), COUNT(*), SUM(i.total * ${invoiceFx})
        FROM invoices i INDEXED BY invoices_company
        WHERE i.company_id IN late AND i.deleted = 0 AND i.voided_at IS NULL AND i.deal_id IS NULL
          AND i.issue_date <= @lastDay AND ${invoiceFx} IS NOT NULL
        GROUP BY i.company_id)
      GROUP BY cid)`,
    params: [{ last, lastDayStart: Date.parse(`${lastDay}T00:00:00Z`), lastDay }],
  };
}

export interface CustomerScore {
  companyId: string;
  name: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: Segment;
  /** Historical lifetime value: everything bought so far. */
  lifetimeValue: number;
  /** Average days between purchases, null with a single purchase. */
  rhythmDays: number | null;
}

export function scoreCustomers(
  db: CrmDb,
  scope: Scope,
  options: { segment?: Segment; limit?: number } = {},
): CustomerScore[] {
  const now = Math.min(db.now(), scope.period.end);
  const p = purchasesSql(db, asOf(db, scope));
  const rows = all<Record<string, number | string | null>>(
    db,
    `${p.sql},
      sc AS (SELECT c.*, ${score('last')} AS r, ${score('n')} AS f, ${score('monetary')} AS m FROM c)
     SELECT sc.cid AS companyId, co.name AS name, sc.last, sc.first, sc.n, sc.monetary, sc.r, sc.f, sc.m,
        ${SEGMENT_CASE} AS segment
     FROM sc JOIN companies co ON co.id = sc.cid AND co.deleted = 0
     ${options.segment ? 'WHERE ' + SEGMENT_CASE + ' = ?' : ''}
     ORDER BY sc.monetary DESC, co.name LIMIT ?`,
    [...p.params, ...(options.segment ? [options.segment] : []), options.limit ?? -1],
  );
  return rows.map((r) => ({
    companyId: String(r.companyId),
    name: String(r.name),
    recencyDays: Math.floor((now - Number(r.last)) / DAY),
    frequency: Number(r.n),
    monetary: Math.round(Number(r.monetary)),
    r: Number(r.r),
    f: Number(r.f),
    m: Number(r.m),
    segment: r.segment as Segment,
    lifetimeValue: Math.round(Number(r.monetary)),
    rhythmDays: Number(r.n) > 1 ? (Number(r.last) - Number(r.first)) / DAY / (Number(r.n) - 1) : null,
  }));
}

/** Customers and value per segment, computed in SQL. */
export function segmentSummary(
  db: CrmDb,
  scope: Scope,
): { segment: Segment; customers: number; monetary: number; recencyDays: number }[] {
  const now = Math.min(db.now(), scope.period.end);
  const p = purchasesSql(db, asOf(db, scope));
  const rows = all<{ segment: Segment; customers: number; monetary: number; last: number }>(
    db,
    `${p.sql},
      sc AS (SELECT c.*, ${score('last')} AS r, ${score('n')} AS f FROM c
             WHERE EXISTS (SELECT 1 FROM companies co WHERE co.id = c.cid AND co.deleted = 0))
     SELECT ${SEGMENT_CASE} AS segment, COUNT(*) AS customers, SUM(monetary) AS monetary, AVG(last) AS last
     FROM sc GROUP BY 1`,
    p.params,
  );
  const bySegment = new Map(rows.map((r) => [r.segment, r]));
  return SEGMENTS.map((segment) => {
    const r = bySegment.get(segment);
    return {
      segment,
      customers: r?.customers ?? 0,
      monetary: Math.round(r?.monetary ?? 0),
      recencyDays: r ? Math.floor((now - r.last) / DAY) : 0,
    };
  });
}

/**
 * Customers whose time since their last purchase is well past their usual rhythm: at least two
 * purchases, and more than twice their average gap (and a month) since the last one.
 */
export function churnRisk(db: CrmDb, scope: Scope, limit = 200): CustomerScore[] {
  const now = Math.min(db.now(), scope.period.end);
  const p = purchasesSql(db, asOf(db, scope));
  const rows = all<Record<string, number | string>>(
    db,
    `${p.sql}
     SELECT c.cid AS companyId, co.name AS name, c.last, c.first, c.n, c.monetary
     FROM c JOIN companies co ON co.id = c.cid AND co.deleted = 0
     WHERE c.n >= 2 AND ? - c.last > 2.0 * (c.last - c.first) / (c.n - 1) AND ? - c.last > ?
     ORDER BY c.monetary DESC LIMIT ?`,
    [...p.params, now, now, 30 * DAY, limit],
  );
  return rows.map((r) => {
    const rhythm = (Number(r.last) - Number(r.first)) / DAY / (Number(r.n) - 1);
    return {
      companyId: String(r.companyId),
      name: String(r.name),
      recencyDays: Math.floor((now - Number(r.last)) / DAY),
      frequency: Number(r.n),
      monetary: Math.round(Number(r.monetary)),
      r: 0,
      f: 0,
      m: 0,
      segment: 'at_risk',
      lifetimeValue: Math.round(Number(r.monetary)),
      rhythmDays: rhythm,
    };
  });
}

export function rfmReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('rfm', locale)
    .column('segment', 'text')
    .column('customers', 'count')
    .column('monetary', 'money')
    .column('recencyDays', 'days');
  const rows = segmentSummary(db, scope);
  for (const s of rows)
    t.row(
      {
        segment: translate(locale, `analytics.segment.${s.segment}`),
        customers: s.customers,
        monetary: s.monetary,
        recencyDays: s.customers ? s.recencyDays : null,
      },
      { entity: 'companies', conditions: [{ field: 'segment', operator: 'in', value: [s.segment] }] },
    );
  t.summary = {
    customers: rows.reduce((n, r) => n + r.customers, 0),
    monetary: rows.reduce((n, r) => n + r.monetary, 0),
  };
  return t.build(scope, money);
}

export function churnRiskReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('churn-risk', locale)
    .column('customer', 'text')
    .column('recencyDays', 'days')
    .column('rhythmDays', 'days')
    .column('frequency', 'count')
    .column('monetary', 'money');
  for (const c of churnRisk(db, scope))
    t.row({
      customer: c.name,
      recencyDays: c.recencyDays,
      rhythmDays: c.rhythmDays,
      frequency: c.frequency,
      monetary: c.monetary,
      id: c.companyId,
    });
  t.summary = { customers: t.rows.length };
  return t.build(scope, money);
}

/**
 * Recomputes every customer's segment into the local cache the companies list filters on, in one
 * statement. Local and derived: each device computes it from the same synced data.
 */
export function refreshSegments(db: CrmDb): { customers: number; computedAt: number } {
  const now = db.now();
  const p = purchasesSql(db, asOf(db, null));
  const run = db.sqlite.transaction(() => {
    db.sqlite.prepare('DELETE FROM customer_segments').run();
    return db.sqlite
      .prepare(
        `INSERT INTO customer_segments (company_id, segment, r, f, m, computed_at)
         ${p.sql},
           sc AS (SELECT c.*, ${score('last')} AS r, ${score('n')} AS f, ${score('monetary')} AS m FROM c)
         SELECT cid, ${SEGMENT_CASE}, r, f, m, ? FROM sc`,
      )
      .run(...p.params, now).changes;
  });
  return { customers: run(), computedAt: now };
}

/** When the cache was last computed (0 when never). */
export function segmentsComputedAt(db: CrmDb): number {
  return (db.sqlite.prepare('SELECT MAX(computed_at) FROM customer_segments').pluck().get() as number | null) ?? 0;
}
