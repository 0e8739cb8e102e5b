import { index, integer, primaryKey, real, text, sqliteTable } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/*
 * Analytics: saved reports and their schedules, the loyalty programme (tiers, earning rules and
 * the points ledger), synced like any record; plus local caches this device derives.
 */

/** A report made in the report builder: entity, filters, grouping, measures and chart, personal or shared. */
export const savedReports = sqliteTable(
  'saved_reports',
  {
    ...syncedColumns(),
    name: text('name').notNull(),
    entity: text('entity').notNull(),
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    ownerId: text('owner_id'),
    position: real('position').notNull().default(0),
  },
  (t) => [index('saved_reports_owner').on(t.deleted, t.ownerId)],
);

/**
 * A saved or built-in report written to a folder every day, week or month while the app runs.
 * When it last ran on this device is local (report_schedule_runs): each device catches up its own.
 */
export const reportSchedules = sqliteTable('report_schedules', {
  ...syncedColumns(),
  /** A saved report's id, or null with `builtin` set. */
  reportId: text('report_id'),
  builtin: text('builtin'),
  /** daily | weekly | monthly */
  frequency: text('frequency').notNull(),
  /** pdf | csv */
  format: text('format').notNull(),
  folder: text('folder').notNull(),
  /** Also queued in the email outbox to this address. */
  email: text('email'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** Local: when a schedule last ran here. */
export const reportScheduleRuns = sqliteTable('report_schedule_runs', {
  scheduleId: text('schedule_id').primaryKey(),
  lastRunAt: integer('last_run_at').notNull(),
  lastFile: text('last_file'),
  lastError: text('last_error'),
});

/** A loyalty tier reached at `minPoints` points. */
export const loyaltyTiers = sqliteTable('loyalty_tiers', {
  ...syncedColumns(),
  name: text('name').notNull(),
  minPoints: integer('min_points').notNull().default(0),
  color: text('color'),
});

/** Earning rule: `points` for every `perAmount` minor units of the base currency won. */
export const loyaltyRules = sqliteTable('loyalty_rules', {
  ...syncedColumns(),
  name: text('name').notNull(),
  points: integer('points').notNull(),
  perAmount: integer('per_amount').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

/** Points given by hand (adjustments) or taken (rewards redeemed); earned points are read from won deals. */
export const loyaltyLedger = sqliteTable(
  'loyalty_ledger',
  {
    ...syncedColumns(),
    companyId: text('company_id').notNull(),
    /** adjust | redeem */
    kind: text('kind').notNull(),
    points: integer('points').notNull(),
    reason: text('reason').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('loyalty_ledger_company').on(t.companyId, t.at)],
);

/** Local: each customer's last computed RFM segment, so segments filter lists and saved views. */
export const customerSegments = sqliteTable(
  'customer_segments',
  {
    companyId: text('company_id').primaryKey(),
    segment: text('segment').notNull(),
    r: integer('r').notNull(),
    f: integer('f').notNull(),
    m: integer('m').notNull(),
    computedAt: integer('computed_at').notNull(),
  },
  (t) => [index('customer_segments_segment').on(t.segment)],
);

/**
 * Local and derived: closed deals counted by close month (UTC, YYYY-MM), a stage they stayed in,
 * the stage they closed in, owner and pipeline ('' for none), kept by triggers on `deals` and
 * `deal_stage_history` (migration 0011), so every write path (the mutation layer, sync, merges)
 * keeps it exact. The forecast's historical win rates read months of it instead of probing each
 * closed deal's stays.
 */
export const dealStageOutcomes = sqliteTable(
  'deal_stage_outcomes',
  {
    month: text('month').notNull(),
    stageId: text('stage_id').notNull(),
    outcomeStageId: text('outcome_stage_id').notNull(),
    ownerId: text('owner_id').notNull(),
    pipelineId: text('pipeline_id').notNull(),
    deals: integer('deals').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.stageId, t.outcomeStageId, t.ownerId, t.pipelineId] })],
);

/**
 * Local and derived: each customer's purchases for RFM, per company, kind (`deal`: closed deals by
 * closing stage; `invoice`: live invoices not tied to a deal) and currency ('' for none): how
 * many, the amount in that currency, the first and last purchase (epoch ms). Kept by triggers on
 * `deals` and `invoices` (migration 0014, where the table is made WITHOUT ROWID so it is read in
 * company order), each write recomputing its own group from the index.
 */
export const companyPurchases = sqliteTable(
  'company_purchases',
  {
    companyId: text('company_id').notNull(),
    kind: text('kind').notNull(),
    stageId: text('stage_id').notNull(),
    currency: text('currency').notNull(),
    purchases: integer('purchases').notNull(),
    amount: integer('amount').notNull(),
    first: integer('first').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.kind, t.stageId, t.currency] }),
    index('company_purchases_last').on(t.kind, t.last),
  ],
);

/**
 * Local and derived: the line items of closed deals by close month (UTC, YYYY-MM), the stage the
 * deal closed in, owner, pipeline, currency and product ('' for none): how many deals have a live
 * line of the product and the lines' value net of line discounts (in the deal's currency). Kept by
 * triggers on `deals` and `deal_line_items` (migration 0015, where the table is made WITHOUT ROWID
 * so a range of months is read in key order), so every write path keeps it exact;
 * won revenue by product over whole months reads it instead of probing each won deal's lines.
 */
export const dealProductRevenue = sqliteTable(
  'deal_product_revenue',
  {
    month: text('month').notNull(),
    stageId: text('stage_id').notNull(),
    ownerId: text('owner_id').notNull(),
    pipelineId: text('pipeline_id').notNull(),
    currency: text('currency').notNull(),
    productId: text('product_id').notNull(),
    deals: integer('deals').notNull(),
    value: real('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.stageId, t.ownerId, t.pipelineId, t.currency, t.productId] })],
);

/**
 * Local and derived: live deals counted by pipeline, month of first engagement (UTC, YYYY-MM; of
 * creation when never engaged), the stage they are in, the set of stages they stayed in (sorted
 * ids, comma-separated) and owner ('' for none). Kept by triggers on `deals` and
 * `deal_stage_history` (migration 0016, WITHOUT ROWID like 0015); stage-to-stage conversion over whole months reads it
 * instead of probing each deal's stays. The furthest stage is told when reading, from the stages
 * as they are then, so reordering stages needs no rewrite.
 */
export const dealStageReach = sqliteTable(
  'deal_stage_reach',
  {
    pipelineId: text('pipeline_id').notNull(),
    month: text('month').notNull(),
    stageId: text('stage_id').notNull(),
    stays: text('stays').notNull(),
    ownerId: text('owner_id').notNull(),
    deals: integer('deals').notNull(),
  },
  (t) => [primaryKey({ columns: [t.pipelineId, t.month, t.stageId, t.stays, t.ownerId] })],
);

/**
 * Local and derived: closed deals by close month (UTC, YYYY-MM), closing stage, currency, owner,
 * source (as typed) and pipeline ('' for none): how many, their amount, how many have a non-zero
 * amount, and the sum of their sales cycles (close minus first engagement, else creation, in ms).
 * Kept by triggers on `deals` (migration 0017, WITHOUT ROWID like 0015); the dashboard's and reports' closed-deal figures
 * over whole months read it instead of grouping the period's deals.
 */
export const dealClosedMonths = sqliteTable(
  'deal_closed_months',
  {
    month: text('month').notNull(),
    stageId: text('stage_id').notNull(),
    currency: text('currency').notNull(),
    ownerId: text('owner_id').notNull(),
    source: text('source').notNull(),
    pipelineId: text('pipeline_id').notNull(),
    deals: integer('deals').notNull(),
    amount: integer('amount').notNull(),
    nonZero: integer('non_zero').notNull(),
    cycleMs: integer('cycle_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.month, t.stageId, t.currency, t.ownerId, t.source, t.pipelineId] })],
);
