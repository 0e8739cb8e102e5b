import type { ReportTable } from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/messages';
import type { CrmDb } from '../../db/open';
import { baseMoney, type BaseMoney } from './money';
import {
  avgDays,
  closedBy,
  sumFigures,
  defaultPipelineId,
  openByStage,
  stageConversion,
  winRate,
  wonByProduct,
  type ClosedFigures,
  type KeyKind,
} from './sales';
import { namesOf, type Scope } from './scope';
import { dealsDrill, TableBuilder } from './table';

const won = { field: 'status', operator: 'in', value: ['won'] };
const closed = { field: 'status', operator: 'in', value: ['won', 'lost'] };

function none(locale: Locale, key: 'owner' | 'team' | 'source' | 'product'): string {
  return translate(locale, `analytics.none.${key}`);
}

/** Rows keyed by owner, team or source, best won value first, labelled and with their drill-down. */
function keyedRows(
  db: CrmDb,
  scope: Scope,
  locale: Locale,
  key: Exclude<KeyKind, 'month' | 'all'>,
  money: BaseMoney,
  wonOnly = false,
): { label: string; figures: ClosedFigures; conditions: ReportTableConditions }[] {
  const figures = closedBy(db, scope, key, money, wonOnly);
  const names =
    key === 'owner'
      ? namesOf(db, 'members', [...figures.keys()])
      : key === 'team'
        ? namesOf(db, 'teams', [...figures.keys()])
        : null;
  return [...figures.entries()]
    .map(([id, f]) => ({
      label: id === null ? none(locale, key) : names ? (names.get(id) ?? id) : id,
      figures: f,
      conditions: conditionsFor(key, id),
    }))
    .sort((a, b) => b.figures.wonValue - a.figures.wonValue || a.label.localeCompare(b.label, locale));
}

type ReportTableConditions = { field: string; operator: string; value?: unknown }[] | null;

function conditionsFor(key: 'owner' | 'team' | 'source', id: string | null): ReportTableConditions {
  if (key === 'owner')
    return [
      id === null ? { field: 'ownerId', operator: 'is_empty' } : { field: 'ownerId', operator: 'in', value: [id] },
    ];
  if (key === 'source')
    return [id === null ? { field: 'source', operator: 'is_empty' } : { field: 'source', operator: 'eq', value: id }];
  return null;
}

export function pipelineReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('pipeline', locale)
    .column('stage', 'text')
    .column('probability', 'percent')
    .column('deals', 'count')
    .column('value', 'money')
    .column('weighted', 'money');
  const stages = openByStage(db, scope, money);
  for (const s of stages)
    t.row(
      { stage: s.name, probability: s.probability / 100, deals: s.count, value: s.value, weighted: s.weighted },
      dealsDrill(scope, [{ field: 'stageId', operator: 'in', value: [s.stageId] }], false),
    );
  t.summary = {
    deals: stages.reduce((n, s) => n + s.count, 0),
    value: stages.reduce((n, s) => n + s.value, 0),
    weighted: stages.reduce((n, s) => n + s.weighted, 0),
  };
  return t.build(scope, money);
}

function closedSummary(f: ClosedFigures) {
  return {
    won: f.won,
    lost: f.lost,
    winRate: winRate(f),
    wonValue: f.wonValue,
    lostValue: f.lostValue,
    avgDeal: f.won ? Math.round(f.wonValue / f.won) : null,
    avgCycleWon: avgDays(f.wonCycleMs, f.wonCycleN),
    avgCycleClosed: avgDays(f.closedCycleMs, f.closedCycleN),
  };
}

export function winRateReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('win-rate', locale)
    .column('owner', 'text')
    .column('won', 'count')
    .column('lost', 'count')
    .column('winRate', 'percent')
    .column('wonValue', 'money')
    .column('lostValue', 'money');
  const rows = keyedRows(db, scope, locale, 'owner', money);
  for (const r of rows) {
    const s = closedSummary(r.figures);
    t.row(
      { owner: r.label, won: s.won, lost: s.lost, winRate: s.winRate, wonValue: s.wonValue, lostValue: s.lostValue },
      dealsDrill(scope, [closed, ...(r.conditions ?? [])]),
    );
  }
  t.summary = closedSummary(sumFigures(rows.map((r) => r.figures)));
  return t.build(scope, money);
}

function revenueReport(db: CrmDb, scope: Scope, locale: Locale, key: 'owner' | 'team' | 'source', name: string) {
  const money = baseMoney(db);
  const t = new TableBuilder(name, locale)
    .column(key, 'text')
    .column('won', 'count')
    .column('wonValue', 'money')
    .column('avgDeal', 'money')
    .column('share', 'percent');
  // Revenue only: the won deals alone are read.
  const rows = keyedRows(db, scope, locale, key, money, true);
  const total = sumFigures(rows.map((r) => r.figures));
  for (const r of rows) {
    if (!r.figures.won) continue;
    t.row(
      {
        [key]: r.label,
        won: r.figures.won,
        wonValue: r.figures.wonValue,
        avgDeal: Math.round(r.figures.wonValue / r.figures.won),
        share: total.wonValue ? r.figures.wonValue / total.wonValue : null,
      },
      r.conditions ? dealsDrill(scope, [won, ...r.conditions]) : null,
    );
  }
  t.summary = { won: total.won, wonValue: total.wonValue, avgDeal: closedSummary(total).avgDeal };
  return t.build(scope, money);
}

export const revenueByOwnerReport = (db: CrmDb, scope: Scope, locale: Locale) =>
  revenueReport(db, scope, locale, 'owner', 'revenue-by-owner');
export const revenueByTeamReport = (db: CrmDb, scope: Scope, locale: Locale) =>
  revenueReport(db, scope, locale, 'team', 'revenue-by-team');

export function revenueByMonthReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('revenue-by-month', locale)
    .column('month', 'month')
    .column('won', 'count')
    .column('wonValue', 'money')
    .column('lost', 'count')
    .column('winRate', 'percent');
  const months = [...closedBy(db, scope, 'month', money).entries()].sort(([a], [b]) =>
    String(a).localeCompare(String(b)),
  );
  const total = sumFigures(months.map(([, f]) => f));
  for (const [month, f] of months) {
    if (!month) continue;
    const [y, m] = month.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    t.row(
      { month, won: f.won, wonValue: f.wonValue, lost: f.lost, winRate: winRate(f) },
      { entity: 'deals', conditions: [won, { field: 'closedAt', operator: 'between', value: [`${month}-01`, last] }] },
    );
  }
  t.summary = { won: total.won, wonValue: total.wonValue, lost: total.lost, winRate: winRate(total) };
  return t.build(scope, money);
}

export function revenueByProductReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('revenue-by-product', locale)
    .column('product', 'text')
    .column('deals', 'count')
    .column('wonValue', 'money');
  const rows = wonByProduct(db, scope, money);
  const names = namesOf(
    db,
    'products',
    rows.map((r) => r.key),
  );
  for (const r of rows)
    t.row({
      product: (r.key && names.get(r.key)) ?? r.label ?? none(locale, 'product'),
      deals: r.deals,
      wonValue: r.value,
    });
  t.summary = { deals: rows.reduce((n, r) => n + r.deals, 0), wonValue: rows.reduce((n, r) => n + r.value, 0) };
  return t.build(scope, money);
}

export function salesCycleReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('sales-cycle', locale)
    .column('owner', 'text')
    .column('won', 'count')
    .column('avgCycleWon', 'days')
    .column('closed', 'count')
    .column('avgCycleClosed', 'days');
  const rows = keyedRows(db, scope, locale, 'owner', money);
  for (const r of rows)
    t.row(
      {
        owner: r.label,
        won: r.figures.won,
        avgCycleWon: avgDays(r.figures.wonCycleMs, r.figures.wonCycleN),
        closed: r.figures.won + r.figures.lost,
        avgCycleClosed: avgDays(r.figures.closedCycleMs, r.figures.closedCycleN),
      },
      dealsDrill(scope, [closed, ...(r.conditions ?? [])]),
    );
  const total = sumFigures(rows.map((r) => r.figures));
  t.summary = {
    won: total.won,
    avgCycleWon: avgDays(total.wonCycleMs, total.wonCycleN),
    closed: total.won + total.lost,
    avgCycleClosed: avgDays(total.closedCycleMs, total.closedCycleN),
  };
  return t.build(scope, money);
}

export function leadSourcesReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('lead-sources', locale)
    .column('source', 'text')
    .column('won', 'count')
    .column('lost', 'count')
    .column('winRate', 'percent')
    .column('wonValue', 'money')
    .column('avgDeal', 'money');
  const rows = keyedRows(db, scope, locale, 'source', money);
  for (const r of rows) {
    const s = closedSummary(r.figures);
    t.row(
      { source: r.label, won: s.won, lost: s.lost, winRate: s.winRate, wonValue: s.wonValue, avgDeal: s.avgDeal },
      dealsDrill(scope, [closed, ...(r.conditions ?? [])]),
    );
  }
  t.summary = closedSummary(sumFigures(rows.map((r) => r.figures)));
  return t.build(scope, money);
}

export function stageConversionReport(db: CrmDb, scope: Scope, locale: Locale): ReportTable {
  const money = baseMoney(db);
  const t = new TableBuilder('stage-conversion', locale)
    .column('stage', 'text')
    .column('reached', 'count')
    .column('conversion', 'percent');
  const steps = stageConversion(db, scope, defaultPipelineId(db, scope));
  for (const s of steps) t.row({ stage: s.name, reached: s.reached, conversion: s.conversion });
  const first = steps[0]?.reached ?? 0;
  const last = steps.at(-1)?.reached ?? 0;
  t.summary = { reached: first, conversion: first ? last / first : null };
  return t.build(scope, money);
}
