import type { Dashboard, DashboardKpi, Kpi } from '../../shared/contract/dashboard';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import type { CrmDb } from '../db/open';
import { baseMoney, type BaseMoney } from './reports/money';
import { isoDay, monthKey, monthStart, previousPeriod } from './reports/period';
import {
  avgDays,
  closedBy,
  closedCube,
  defaultPipelineId,
  openByStage,
  stageConversion,
  winRate,
  wonByProduct,
  type ClosedFigures,
} from './reports/sales';
import { all, namesOf, scopeOf, sqlList, stageKinds, type Scope } from './reports/scope';

/*
 * The home dashboard: every figure is an aggregate query over an index range; the previous
 * period is read by the same queries. Snapshot figures (open pipeline, overdue tasks and
 * invoices) have no previous value.
 */

const kpi = (value: number | null, previous: number | null = null): Kpi => ({ value, previous });

function closedKpis(f: ClosedFigures) {
  return {
    won: f.won,
    wonValue: f.wonValue,
    lost: f.lost,
    lostValue: f.lostValue,
    winRate: winRate(f),
    avgDeal: f.won ? Math.round(f.wonValue / f.won) : null,
    avgCycleDays: avgDays(f.wonCycleMs, f.wonCycleN),
  };
}

const EMPTY: ClosedFigures = {
  won: 0,
  lost: 0,
  wonValue: 0,
  lostValue: 0,
  wonCycleMs: 0,
  wonCycleN: 0,
  closedCycleMs: 0,
  closedCycleN: 0,
};

function newLeads(db: CrmDb, scope: Scope): number {
  const owner = scope.ownerId ? 'AND owner_id = ?' : '';
  return db.sqlite
    .prepare(`SELECT COUNT(*) FROM contacts WHERE deleted = 0 AND created_at >= ? AND created_at < ? ${owner}`)
    .pluck()
    .get(scope.period.start, scope.period.end, ...(scope.ownerId ? [scope.ownerId] : [])) as number;
}

/**
 * Companies whose first won deal closed in the period (and in the previous one). For one owner or
 * pipeline: one pass over the `deals_customer` index (company_id, deleted, stage_id, closed_at, ..., owner_id), grouped by
 * company in the index's order (no sort), each company's first win its MIN(closed_at). With an
 * owner or pipeline, the company must also have won a deal of theirs in that period.
 */
function newCustomers(db: CrmDb, scope: Scope, previous: Scope | null): [number, number | null] {
  const won = sqlList(stageKinds(db).won);
  const start = scope.period.start;
  const from = previous?.period.start ?? start;
  if (!scope.ownerId && !scope.pipelineId) {
    // The whole book: each company's first win is the earliest `first` of its won groups in
    // `company_purchases` (kept by triggers, read in company order: no sort).
    const row = db.sqlite
      .prepare(
        `SELECT SUM(first >= @start AND first < @end) AS cur, SUM(first >= @from AND first < @start) AS prev
         FROM (SELECT MIN(first) AS first FROM company_purchases NOT INDEXED
               WHERE +kind = 'deal' AND +stage_id IN ${won} GROUP BY company_id)`,
      )
      .get({ start, from, end: scope.period.end }) as { cur: number | null; prev: number | null };
    return [row.cur ?? 0, previous ? (row.prev ?? 0) : null];
  }
  const scoped = [
    ...(scope.ownerId ? ['d.owner_id = @owner'] : []),
    ...(scope.pipelineId ? ['d.pipeline_id = @pipeline'] : []),
  ].join(' AND ');
  const mine = (a: string, b: string) =>
    scoped ? `MAX(CASE WHEN ${scoped} AND d.closed_at >= ${a} AND d.closed_at < ${b} THEN 1 ELSE 0 END)` : '1';
  const row = db.sqlite
    .prepare(
      `SELECT SUM(first >= @start AND first < @end AND cur) AS cur, SUM(first >= @from AND first < @start AND prev) AS prev
       FROM (SELECT MIN(d.closed_at) AS first, ${mine('@start', '@end')} AS cur, ${mine('@from', '@start')} AS prev
             FROM deals d INDEXED BY deals_customer
             WHERE d.company_id IS NOT NULL AND d.deleted = 0 AND d.stage_id IN ${won} AND d.closed_at IS NOT NULL
             GROUP BY d.company_id)`,
    )
    .get({
      start,
      from,
      end: scope.period.end,
      ...(scope.ownerId ? { owner: scope.ownerId } : {}),
      ...(scope.pipelineId ? { pipeline: scope.pipelineId } : {}),
    }) as { cur: number | null; prev: number | null };
  return [row.cur ?? 0, previous ? (row.prev ?? 0) : null];
}

/** Activities done in the period per member (one index range per member), unassigned ones included. */
function activitiesDone(
  db: CrmDb,
  scope: Scope,
  locale: Locale,
): { id: string | null; name: string; value: number; count: number }[] {
  const range = 'deleted = 0 AND done_at >= ? AND done_at < ?';
  const types = "type IN ('call', 'meeting', 'email', 'task', 'note')";
  const members = all<{ id: string; name: string; n: number }>(
    db,
    `SELECT m.id, m.name,
        (SELECT COUNT(*) FROM activities WHERE owner_id = m.id AND ${types} AND ${range}) AS n
     FROM members m WHERE m.deleted = 0 ${scope.ownerId ? 'AND m.id = ?' : ''}`,
    [scope.period.start, scope.period.end, ...(scope.ownerId ? [scope.ownerId] : [])],
  );
  const rows: { id: string | null; name: string; value: number; count: number }[] = members
    .filter((m) => m.n > 0)
    .map((m) => ({ id: m.id, name: m.name, value: m.n, count: m.n }));
  if (!scope.ownerId) {
    const unassigned = db.sqlite
      .prepare(`SELECT COUNT(*) FROM activities WHERE owner_id IS NULL AND ${types} AND ${range}`)
      .pluck()
      .get(scope.period.start, scope.period.end) as number;
    if (unassigned)
      rows.push({ id: null, name: translate(locale, 'analytics.none.owner'), value: unassigned, count: unassigned });
  }
  return rows.sort((a, b) => b.value - a.value);
}

function overdueTasks(db: CrmDb, scope: Scope): number {
  const now = db.now();
  return db.sqlite
    .prepare(
      `SELECT COUNT(*) FROM activities WHERE type = 'task' AND deleted = 0 AND done_at IS NULL AND due_at < ?
       ${scope.ownerId ? 'AND owner_id = ?' : ''}`,
    )
    .pluck()
    .get(now, ...(scope.ownerId ? [scope.ownerId] : [])) as number;
}

/** Invoices past due with a balance (not voided), as the invoices list's overdue filter reads them. */
function overdueInvoices(db: CrmDb, money: BaseMoney): { count: number; value: number } {
  const today = isoDay(db.now());
  const rows = all<{ currency: string; n: number; balance: number }>(
    db,
    `SELECT currency, COUNT(*) AS n, SUM(total - paid) AS balance FROM (
       SELECT i.currency, i.total,
         (SELECT COALESCE(SUM(p.amount), 0) FROM payments p WHERE p.invoice_id = i.id AND p.deleted = 0) AS paid
       FROM invoices i WHERE i.deleted = 0 AND i.due_date < ? AND i.voided_at IS NULL)
     WHERE paid < total GROUP BY currency`,
    [today],
  );
  return {
    count: rows.reduce((n, r) => n + r.n, 0),
    value: rows.reduce((n, r) => n + money.toBase(r.balance, r.currency), 0),
  };
}

export function dashboard(
  db: CrmDb,
  input: { from?: string; to?: string; ownerId?: string; pipelineId?: string },
  locale: Locale,
): Dashboard {
  const started = performance.now();
  const money = baseMoney(db);
  const scope = scopeOf(input);
  const prevPeriod = previousPeriod(scope.period);
  const previous = prevPeriod ? { ...scope, period: prevPeriod } : null;

  const cube = closedCube(db, scope, money);
  const byOwner = cube.owner;
  const cur = cube.total;
  const prev = previous ? (closedBy(db, previous, 'all', money).get(null) ?? { ...EMPTY }) : null;
  const c = closedKpis(cur);
  const p = prev ? closedKpis(prev) : null;

  const funnel = openByStage(db, scope, money);
  const [customers, prevCustomers] = newCustomers(db, scope, previous);
  const activity = activitiesDone(db, scope, locale);
  const invoices = overdueInvoices(db, money);

  const kpis: Record<DashboardKpi, Kpi> = {
    pipelineValue: kpi(funnel.reduce((n, s) => n + s.value, 0)),
    pipelineWeighted: kpi(funnel.reduce((n, s) => n + s.weighted, 0)),
    openDeals: kpi(funnel.reduce((n, s) => n + s.count, 0)),
    won: kpi(c.won, p?.won ?? null),
    wonValue: kpi(c.wonValue, p?.wonValue ?? null),
    lost: kpi(c.lost, p?.lost ?? null),
    lostValue: kpi(c.lostValue, p?.lostValue ?? null),
    winRate: kpi(c.winRate, p?.winRate ?? null),
    avgDeal: kpi(c.avgDeal, p?.avgDeal ?? null),
    avgCycleDays: kpi(c.avgCycleDays, p?.avgCycleDays ?? null),
    newLeads: kpi(newLeads(db, scope), previous ? newLeads(db, previous) : null),
    newCustomers: kpi(customers, prevCustomers),
    activitiesDone: kpi(activity.reduce((n, a) => n + a.value, 0)),
    overdueTasks: kpi(overdueTasks(db, scope)),
    overdueInvoices: kpi(invoices.count),
    overdueInvoicesValue: kpi(invoices.value),
  };

  // Revenue by month: the period's months, or the last twelve when it has no start.
  const firstMonth = scope.period.from ? '' : monthKey(monthStart(Math.min(db.now(), scope.period.end), -11));
  const months = [...cube.month.entries()]
    .filter((e): e is [string, ClosedFigures] => e[0] !== null && e[0] >= firstMonth)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, f]) => ({ month, value: f.wonValue, won: f.won }));

  const ownerNames = namesOf(db, 'members', [...byOwner.keys()]);
  const owners = [...byOwner.entries()]
    .filter(([, f]) => f.won > 0)
    .map(([id, f]) => ({
      id,
      name: id ? (ownerNames.get(id) ?? id) : translate(locale, 'analytics.none.owner'),
      value: f.wonValue,
      count: f.won,
    }))
    .sort((a, b) => b.value - a.value);
  const byTeam = cube.team;
  const teamNames = namesOf(db, 'teams', [...byTeam.keys()]);
  const teams = [...byTeam.entries()]
    .filter(([, f]) => f.won > 0)
    .map(([id, f]) => ({
      id,
      name: id ? (teamNames.get(id) ?? id) : translate(locale, 'analytics.none.team'),
      value: f.wonValue,
      count: f.won,
    }))
    .sort((a, b) => b.value - a.value);
  const productRows = wonByProduct(db, scope, money);
  const productNames = namesOf(
    db,
    'products',
    productRows.map((r) => r.key),
  );
  const products = productRows.map((r) => ({
    id: r.key,
    name: (r.key && productNames.get(r.key)) ?? r.label ?? translate(locale, 'analytics.none.product'),
    value: r.value,
    count: r.deals,
  }));
  const sources = [...cube.source.entries()]
    .map(([source, f]) => ({
      source,
      name: source ?? translate(locale, 'analytics.none.source'),
      won: f.won,
      lost: f.lost,
      winRate: winRate(f),
      value: f.wonValue,
    }))
    .sort((a, b) => b.value - a.value || b.won + b.lost - (a.won + a.lost));

  return {
    currency: money.base,
    from: scope.period.from,
    to: scope.period.to,
    previousFrom: prevPeriod?.from ?? null,
    previousTo: prevPeriod?.to ?? null,
    kpis,
    funnel: funnel.map((s) => ({
      stageId: s.stageId,
      name: s.name,
      count: s.count,
      value: s.value,
      weighted: s.weighted,
    })),
    revenueByMonth: months,
    byOwner: owners,
    byTeam: teams,
    byProduct: products,
    activitiesByMember: activity,
    conversion: stageConversion(db, scope, defaultPipelineId(db, scope)),
    sources,
    missingRates: [...money.missing].sort(),
    ms: Math.round((performance.now() - started) * 10) / 10,
  };
}
