import type { ReportTable } from '../../shared/contract/reports';
import type { Locale } from '../../shared/i18n/locales';
import type { CrmDb } from '../db/open';
import { baseMoney, type BaseMoney } from './reports/money';
import { monthKey, monthStart } from './reports/period';
import { closedByMonth } from './reports/sales';
import { all, dealScope, sqlList, stageKinds, type Scope } from './reports/scope';
import { TableBuilder } from './reports/table';

/*
 * The six-month forecast by expected close month, three ways: the pipeline weighted by each
 * deal's probability, the pipeline weighted by the win rate its stage (and owner) has had
 * historically, and a linear trend of the monthly won revenue with a 95 % interval.
 */

export const FORECAST_MONTHS = 6;
const HISTORY_MONTHS = 24;
/** How far back the closed deals that give the stages' historical win rates go. */
const RATE_MONTHS = 12;
/** An owner's own rate at a stage counts once they have closed this many deals that went through it. */
const OWNER_MIN_CLOSED = 5;

export interface ForecastMonth {
  month: string;
  deals: number;
  pipeline: number;
  weighted: number;
  historical: number;
  trend: number;
  trendLow: number;
  trendHigh: number;
  /** Won so far in the month (the current month only; past months in `history`). */
  actual: number;
}

export interface Forecast {
  months: ForecastMonth[];
  history: { month: string; actual: number; trend: number }[];
}

type Rates = { byStage: Map<string, number>; byOwner: Map<string, number> };

/**
 * Historical win rate of the deals that stayed in each open stage, overall and per owner, from the
 * deals closed in the last RATE_MONTHS months before `now`: the recent record is the one that
 * predicts (and its cost stays bounded as the book's history grows). The whole months come from
 * `deal_stage_outcomes` (deals counted by close month, stage stayed in, closing stage, owner and
 * pipeline, kept exact by triggers); the current month, up to `now`, from the deals themselves.
 */
export function stageWinRates(db: CrmDb, scope: Scope, now: number = db.now()): Rates {
  const kinds = stageKinds(db);
  const won = new Set(kinds.won);
  const closed = sqlList([...kinds.won, ...kinds.lost]);
  const open = sqlList(all<{ id: string }>(db, "SELECT id FROM stages WHERE kind = 'open'", []).map((r) => r.id));
  const thisMonth = monthStart(now);
  const months = all<{ stageId: string; ownerId: string; outcome: string; n: number }>(
    db,
    `SELECT stage_id AS stageId, owner_id AS ownerId, outcome_stage_id AS outcome, SUM(deals) AS n
     FROM deal_stage_outcomes
     WHERE month >= ? AND month < ? AND stage_id IN ${open} AND outcome_stage_id IN ${closed}
       ${scope.ownerId ? 'AND owner_id = ?' : ''} ${scope.pipelineId ? 'AND pipeline_id = ?' : ''}
     GROUP BY 1, 2, 3`,
    [
      monthKey(monthStart(now, -RATE_MONTHS)),
      monthKey(thisMonth),
      ...(scope.ownerId ? [scope.ownerId] : []),
      ...(scope.pipelineId ? [scope.pipelineId] : []),
    ],
  ).map((r) => ({
    stageId: r.stageId,
    ownerId: r.ownerId || null,
    won: won.has(r.outcome) ? r.n : 0,
    lost: won.has(r.outcome) ? 0 : r.n,
  }));
  const { where, params } = dealScope(scope);
  // This month so far: the deals are put in id order first (ORDER BY with LIMIT -1 keeps the
  // subquery apart), so the probes of their stays walk the index forward; each deal counts once per
  // stage (DISTINCT rowid).
  const current = all<{ stageId: string; ownerId: string | null; won: number; lost: number }>(
    db,
    `SELECT h.stage_id AS stageId, d.ownerId,
        COUNT(DISTINCT CASE WHEN d.won THEN d.r END) AS won,
        COUNT(DISTINCT CASE WHEN NOT d.won THEN d.r END) AS lost
     FROM (SELECT d.rowid AS r, d.id, d.owner_id AS ownerId, d.stage_id IN ${sqlList(kinds.won)} AS won
           FROM deals d INDEXED BY deals_closed
           WHERE ${where} AND d.closed_at >= ? AND d.closed_at < ? AND +d.stage_id IN ${closed}
           ORDER BY d.id LIMIT -1) d
       CROSS JOIN deal_stage_history h INDEXED BY deal_stage_history_visits ON h.deal_id = d.id AND h.deleted = 0
     WHERE +h.stage_id IN ${open}
     GROUP BY 1, 2`,
    [...params, thisMonth, now + 1],
  );
  const perOwner = new Map<string, { stageId: string; ownerId: string | null; won: number; lost: number }>();
  for (const r of [...months, ...current]) {
    const key = `${r.stageId}|${r.ownerId ?? ''}`;
    const acc = perOwner.get(key) ?? { stageId: r.stageId, ownerId: r.ownerId, won: 0, lost: 0 };
    acc.won += r.won;
    acc.lost += r.lost;
    perOwner.set(key, acc);
  }
  const stageTotals = new Map<string, { won: number; lost: number }>();
  const byOwner = new Map<string, number>();
  for (const r of perOwner.values()) {
    const t = stageTotals.get(r.stageId) ?? { won: 0, lost: 0 };
    t.won += r.won;
    t.lost += r.lost;
    stageTotals.set(r.stageId, t);
    if (r.ownerId && r.won + r.lost >= OWNER_MIN_CLOSED)
      byOwner.set(`${r.stageId}|${r.ownerId}`, r.won / (r.won + r.lost));
  }
  const byStage = new Map<string, number>();
  for (const [id, t] of stageTotals) if (t.won + t.lost) byStage.set(id, t.won / (t.won + t.lost));
  return { byStage, byOwner };
}

/** Least squares line through the points with the standard error of a new observation at x. */
export function linearTrend(ys: number[]): { at(x: number): { value: number; low: number; high: number } } {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = n ? ys.reduce((a, b) => a + b, 0) / n : 0;
  let sxx = 0;
  let sxy = 0;
  ys.forEach((y, x) => {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
  });
  const slope = sxx ? sxy / sxx : 0;
  const intercept = my - slope * mx;
  const sse = ys.reduce((acc, y, x) => acc + (y - (intercept + slope * x)) ** 2, 0);
  const s = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
  return {
    at(x) {
      const value = intercept + slope * x;
      const margin = n > 2 && sxx ? 1.96 * s * Math.sqrt(1 + 1 / n + (x - mx) ** 2 / sxx) : 0;
      return { value: Math.max(0, value), low: Math.max(0, value - margin), high: Math.max(0, value + margin) };
    },
  };
}

export function forecast(db: CrmDb, scope: Scope, money: BaseMoney = baseMoney(db)): Forecast {
  // As of the period's end when one is given (a look back at an old book), otherwise today.
  const now = scope.period.to ? Math.min(db.now(), scope.period.end - 1) : db.now();
  const first = monthStart(now);
  const end = monthStart(now, FORECAST_MONTHS);
  const firstKey = monthKey(first);
  // Open deals due before this month have slipped: they count in this month. One range of the
  // `deals_forecast` index (stage_id, deleted, expected_close, owner_id, currency, amount,
  // probability) per open stage; the stage tells the pipeline.
  const open = all<{
    month: string;
    stageId: string;
    ownerId: string | null;
    currency: string | null;
    n: number;
    value: number;
    weighted: number;
  }>(
    db,
    `SELECT CASE WHEN d.expected_close < ? THEN ? ELSE substr(d.expected_close, 1, 7) END AS month,
        s.id AS stageId, d.owner_id AS ownerId, d.currency AS currency, COUNT(*) AS n,
        SUM(d.amount) AS value, SUM(d.amount * COALESCE(d.probability, s.probability) / 100.0) AS weighted
     FROM stages s CROSS JOIN deals d INDEXED BY deals_forecast ON d.stage_id = s.id AND d.deleted = 0 AND d.expected_close < ?
       ${scope.ownerId ? 'AND d.owner_id = ?' : ''}
     WHERE s.kind = 'open' ${scope.pipelineId ? 'AND s.pipeline_id = ?' : ''}
     GROUP BY 1, 2, 3, 4`,
    [
      `${firstKey}-01`,
      firstKey,
      new Date(end).toISOString().slice(0, 10),
      ...(scope.ownerId ? [scope.ownerId] : []),
      ...(scope.pipelineId ? [scope.pipelineId] : []),
    ],
  );
  const rates = stageWinRates(db, scope, now);
  // One pass over the closed deals of the history and the forecast months, by month.
  // Only the won value is used: the won deals alone are read.
  const history = closedByMonth(db, scope, monthStart(now, -HISTORY_MONTHS), end, money, true);
  const current = history;
  const ys: number[] = [];
  const pastKeys: string[] = [];
  for (let i = HISTORY_MONTHS; i >= 1; i--) {
    const key = monthKey(monthStart(now, -i));
    pastKeys.push(key);
    ys.push(history.get(key)?.wonValue ?? 0);
  }
  const trend = linearTrend(ys);
  const months: ForecastMonth[] = [];
  for (let i = 0; i < FORECAST_MONTHS; i++) {
    const key = monthKey(monthStart(now, i));
    const t = trend.at(HISTORY_MONTHS + i);
    months.push({
      month: key,
      deals: 0,
      pipeline: 0,
      weighted: 0,
      historical: 0,
      trend: Math.round(t.value),
      trendLow: Math.round(t.low),
      trendHigh: Math.round(t.high),
      actual: current.get(key)?.wonValue ?? 0,
    });
  }
  const byMonth = new Map(months.map((m) => [m.month, m]));
  for (const r of open) {
    const m = byMonth.get(r.month);
    if (!m) continue;
    const value = money.toBase(r.value, r.currency);
    const rate =
      (r.ownerId ? rates.byOwner.get(`${r.stageId}|${r.ownerId}`) : undefined) ?? rates.byStage.get(r.stageId) ?? 0;
    m.deals += r.n;
    m.pipeline += value;
    m.weighted += money.toBase(Math.round(r.weighted ?? 0), r.currency);
    m.historical += Math.round(value * rate);
  }
  return {
    months,
    history: pastKeys.slice(-FORECAST_MONTHS).map((month) => {
      const x = pastKeys.indexOf(month);
      return { month, actual: ys[x] ?? 0, trend: Math.round(trend.at(x).value) };
    }),
  };
}

export function forecastReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const f = forecast(db, scope, money);
  const t = new TableBuilder('forecast', locale)
    .column('month', 'month')
    .column('deals', 'count')
    .column('pipeline', 'money')
    .column('weighted', 'money')
    .column('historical', 'money')
    .column('trend', 'money')
    .column('trendLow', 'money')
    .column('trendHigh', 'money')
    .column('actual', 'money');
  for (const h of f.history)
    t.row({
      month: h.month,
      deals: null,
      pipeline: null,
      weighted: null,
      historical: null,
      trend: h.trend,
      trendLow: null,
      trendHigh: null,
      actual: h.actual,
    });
  for (const m of f.months) t.row({ ...m });
  const sum = (k: keyof ForecastMonth) => f.months.reduce((n, m) => n + (m[k] as number), 0);
  t.summary = {
    deals: sum('deals'),
    pipeline: sum('pipeline'),
    weighted: sum('weighted'),
    historical: sum('historical'),
    trend: sum('trend'),
  };
  return t.build(scope, money);
}
