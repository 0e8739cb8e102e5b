import { asc, eq } from 'drizzle-orm';
import { loyaltyRules, loyaltyTiers } from '../../../db/schema';
import type { ReportTable } from '../../shared/contract/reports';
import type { Locale } from '../../shared/i18n/locales';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { fxCase, baseMoney } from './reports/money';
import { all, sqlList, stageKinds, type Scope } from './reports/scope';
import { TableBuilder } from './reports/table';

/*
 * Loyalty: points earned by the active rules from won deals (read, never stored, so a rule
 * change re-rates history consistently on every device), plus ledger rows for manual
 * adjustments and rewards redeemed. Tiers by points reached.
 */

export interface LoyaltyTier {
  id: string;
  name: string;
  minPoints: number;
  color: string | null;
}
export interface LoyaltyRule {
  id: string;
  name: string;
  points: number;
  perAmount: number;
  active: boolean;
}
export interface LedgerEntry {
  id: string | null;
  kind: 'earn' | 'adjust' | 'redeem';
  points: number;
  reason: string;
  at: number;
  dealId: string | null;
}
export interface CustomerLoyalty {
  companyId: string;
  name: string;
  earned: number;
  adjusted: number;
  redeemed: number;
  balance: number;
  spend: number;
  tier: LoyaltyTier | null;
}

export function listTiers(db: CrmDb): LoyaltyTier[] {
  return db.orm
    .select({
      id: loyaltyTiers.id,
      name: loyaltyTiers.name,
      minPoints: loyaltyTiers.minPoints,
      color: loyaltyTiers.color,
    })
    .from(loyaltyTiers)
    .where(eq(loyaltyTiers.deleted, false))
    .orderBy(asc(loyaltyTiers.minPoints))
    .all();
}

export function listRules(db: CrmDb): LoyaltyRule[] {
  return db.orm
    .select({
      id: loyaltyRules.id,
      name: loyaltyRules.name,
      points: loyaltyRules.points,
      perAmount: loyaltyRules.perAmount,
      active: loyaltyRules.active,
    })
    .from(loyaltyRules)
    .where(eq(loyaltyRules.deleted, false))
    .all();
}

export function saveTier(
  db: CrmDb,
  input: { id?: string; name: string; minPoints: number; color?: string | null },
  options: WriteOptions = {},
): LoyaltyTier {
  const id = input.id ?? newId();
  const values = { name: input.name, minPoints: input.minPoints, color: input.color ?? null };
  if (input.id) {
    if (!db.orm.select({ id: loyaltyTiers.id }).from(loyaltyTiers).where(eq(loyaltyTiers.id, id)).get())
      throw notFound('entity.loyalty_tier');
    mutate(db, { table: 'loyalty_tiers', op: 'update', id, values: { ...values, deleted: false } }, options);
  } else mutate(db, { table: 'loyalty_tiers', op: 'insert', id, values }, options);
  return listTiers(db).find((t) => t.id === id)!;
}

export function deleteTier(db: CrmDb, id: string, options: WriteOptions = {}): boolean {
  const row = db.orm.select().from(loyaltyTiers).where(eq(loyaltyTiers.id, id)).get();
  if (!row) throw notFound('entity.loyalty_tier');
  if (row.deleted) return false;
  mutate(db, { table: 'loyalty_tiers', op: 'delete', id }, options);
  return true;
}

export function saveRule(
  db: CrmDb,
  input: { id?: string; name: string; points: number; perAmount: number; active?: boolean },
  options: WriteOptions = {},
): LoyaltyRule {
  const id = input.id ?? newId();
  const values = { name: input.name, points: input.points, perAmount: input.perAmount, active: input.active ?? true };
  if (input.id) {
    if (!db.orm.select({ id: loyaltyRules.id }).from(loyaltyRules).where(eq(loyaltyRules.id, id)).get())
      throw notFound('entity.loyalty_rule');
    mutate(db, { table: 'loyalty_rules', op: 'update', id, values: { ...values, deleted: false } }, options);
  } else mutate(db, { table: 'loyalty_rules', op: 'insert', id, values }, options);
  return listRules(db).find((r) => r.id === id)!;
}

export function deleteRule(db: CrmDb, id: string, options: WriteOptions = {}): boolean {
  const row = db.orm.select().from(loyaltyRules).where(eq(loyaltyRules.id, id)).get();
  if (!row) throw notFound('entity.loyalty_rule');
  if (row.deleted) return false;
  mutate(db, { table: 'loyalty_rules', op: 'delete', id }, options);
  return true;
}

/** The earning expression of the active rules over one deal's value in base minor units (`v`). */
function earnSql(db: CrmDb): string {
  const rules = listRules(db).filter((r) => r.active && r.perAmount > 0);
  if (!rules.length) return '0';
  return rules.map((r) => `CAST(v / ${Math.trunc(r.perAmount)} AS INTEGER) * ${Math.trunc(r.points)}`).join(' + ');
}

/** Adds a manual adjustment (positive or negative) or a reward redeemed (points taken). */
export function addLedgerEntry(
  db: CrmDb,
  input: { companyId: string; kind: 'adjust' | 'redeem'; points: number; reason: string },
  options: WriteOptions = {},
): LedgerEntry {
  const company = db.sqlite.prepare('SELECT id FROM companies WHERE id = ? AND deleted = 0').get(input.companyId);
  if (!company) throw invalid([{ path: ['companyId'], key: 'errors.not_found', params: { entity: 'entity.company' } }]);
  if (input.kind === 'redeem') {
    const balance = customerLoyalty(db, input.companyId)?.balance ?? 0;
    if (input.points > balance)
      throw invalid([{ path: ['points'], key: 'validation.loyalty_not_enough', params: { balance } }]);
  }
  const id = newId();
  const points = input.kind === 'redeem' ? -Math.abs(input.points) : input.points;
  const at = db.now();
  mutate(
    db,
    {
      table: 'loyalty_ledger',
      op: 'insert',
      id,
      values: { companyId: input.companyId, kind: input.kind, points, reason: input.reason, at },
    },
    options,
  );
  return { id, kind: input.kind, points, reason: input.reason, at, dealId: null };
}

/**
 * The won deals of customers (`w`: id, company, title, close, value `v` in base minor units). In the
 * standings they are added up per company straight from the `deals_customer` index (company_id,
 * deleted, stage_id, closed_at, currency, amount), in its order.
 */
function wonValuesSql(db: CrmDb): { sql: string; value: string; where: string } {
  const fx = fxCase(db, 'd.currency');
  const value = `(d.amount * ${fx})`;
  const where = `d.company_id IS NOT NULL AND d.deleted = 0 AND d.stage_id IN ${sqlList(stageKinds(db).won)} AND ${fx} IS NOT NULL`;
  return {
    sql: `WITH w AS (SELECT d.id, d.company_id AS cid, d.title, d.closed_at AS at, ${value} AS v FROM deals d INDEXED BY deals_customer WHERE ${where})`,
    value,
    where,
  };
}

function tierFor(tiers: LoyaltyTier[], points: number): LoyaltyTier | null {
  let found: LoyaltyTier | null = null;
  for (const t of tiers) if (points >= t.minPoints) found = t;
  return found;
}

/** Every customer with points or spend, most points first (or most spend), aggregated in SQL. */
export function loyaltyStandings(
  db: CrmDb,
  order: 'points' | 'spend' = 'points',
  limit = 100,
  companyId?: string,
): CustomerLoyalty[] {
  const w = wonValuesSql(db);
  const earn = earnSql(db).replace(/\bv\b/g, w.value);
  const rows = all<{
    companyId: string;
    name: string;
    earned: number;
    spend: number;
    adjusted: number;
    redeemed: number;
  }>(
    db,
    `WITH t AS (
       SELECT cid, SUM(earned) AS earned, SUM(spend) AS spend, SUM(adjusted) AS adjusted, SUM(redeemed) AS redeemed
       FROM (
         SELECT d.company_id AS cid, SUM(${earn}) AS earned, SUM(${w.value}) AS spend, 0 AS adjusted, 0 AS redeemed
         FROM deals d INDEXED BY deals_customer WHERE ${w.where} ${companyId ? 'AND d.company_id = @company' : ''} GROUP BY d.company_id
         UNION ALL
         SELECT company_id, 0, 0, SUM(CASE WHEN kind = 'adjust' THEN points ELSE 0 END),
           SUM(CASE WHEN kind = 'redeem' THEN -points ELSE 0 END)
         FROM loyalty_ledger WHERE deleted = 0 ${companyId ? 'AND company_id = @company' : ''} GROUP BY company_id)
       GROUP BY cid)
     SELECT t.cid AS companyId, co.name, t.earned, t.spend, t.adjusted, t.redeemed
     FROM t JOIN companies co ON co.id = t.cid AND co.deleted = 0
     ORDER BY ${order === 'points' ? 't.earned + t.adjusted - t.redeemed' : 't.spend'} DESC, co.name
     LIMIT @limit`,
    [{ limit, ...(companyId ? { company: companyId } : {}) }],
  );
  const tiers = listTiers(db);
  return rows.map((r) => {
    const balance = r.earned + r.adjusted - r.redeemed;
    return {
      companyId: r.companyId,
      name: r.name,
      earned: r.earned,
      adjusted: r.adjusted,
      redeemed: r.redeemed,
      balance,
      spend: Math.round(r.spend),
      tier: tierFor(tiers, r.earned + r.adjusted),
    };
  });
}

export function customerLoyalty(db: CrmDb, companyId: string): CustomerLoyalty | null {
  return loyaltyStandings(db, 'points', 1, companyId)[0] ?? null;
}

/** A customer's ledger, newest first: earned lines (one per won deal) and the stored entries. */
export function customerLedger(db: CrmDb, companyId: string, limit = 200): LedgerEntry[] {
  const w = wonValuesSql(db);
  const earn = earnSql(db);
  const rows = all<{
    id: string | null;
    kind: string;
    points: number;
    reason: string;
    at: number;
    dealId: string | null;
  }>(
    db,
    `${w.sql}
     SELECT NULL AS id, 'earn' AS kind, ${earn} AS points, w.title AS reason, w.at AS at, w.id AS dealId FROM w WHERE w.cid = ?
     UNION ALL
     SELECT id, kind, points, reason, at, NULL FROM loyalty_ledger WHERE company_id = ? AND deleted = 0
     ORDER BY at DESC LIMIT ?`,
    [companyId, companyId, limit],
  );
  return rows.map((r) => ({ ...r, kind: r.kind as LedgerEntry['kind'] }));
}

export function loyaltyReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('loyalty', locale)
    .column('customer', 'text')
    .column('tier', 'text')
    .column('balance', 'count')
    .column('earned', 'count')
    .column('redeemed', 'count')
    .column('spend', 'money');
  const rows = loyaltyStandings(db, 'points', 100);
  for (const r of rows)
    t.row({
      customer: r.name,
      tier: r.tier?.name ?? null,
      balance: r.balance,
      earned: r.earned,
      redeemed: r.redeemed,
      spend: r.spend,
      id: r.companyId,
    });
  t.summary = { customers: rows.length, balance: rows.reduce((n, r) => n + r.balance, 0) };
  return t.build(scope, money);
}
