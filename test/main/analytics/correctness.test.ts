import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import type { ReportTable } from '../../../src/shared/contract/reports';
import { call } from '../accounts/api';
import { readCsv, usDate, loadDataset, type CsvRow } from './dataset';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';

/*
 * Issue 8's correctness check: the sample dataset loaded into a book, and every figure the
 * reports give compared with the same figure computed here straight from the CSV files.
 */

const DAY = 86_400_000;
let dir: string;
let path: string;
let db: CrmDb;
let rows: CsvRow[];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crm-analytics-'));
  path = join(dir, 'crm.sqlite');
  db = openDatabase({ path, create: true });
  loadDataset(db);
  rows = readCsv('sales_pipeline.csv');
}, 120_000);

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The CSV's own figures over closed deals whose close date is in [from, to] (inclusive days). */
function expected(from?: string, to?: string) {
  const start = from ? Date.parse(`${from}T00:00:00Z`) : -Infinity;
  const end = to ? Date.parse(`${to}T00:00:00Z`) + DAY : Infinity;
  const closed = rows.filter((r) => {
    if (r.deal_stage !== 'Won' && r.deal_stage !== 'Lost') return false;
    const at = usDate(r.close_date!)!;
    return at >= start && at < end;
  });
  const won = closed.filter((r) => r.deal_stage === 'Won');
  const lost = closed.filter((r) => r.deal_stage === 'Lost');
  const perAgent = new Map<string, number>();
  for (const r of won) perAgent.set(r.sales_agent!, (perAgent.get(r.sales_agent!) ?? 0) + Number(r.close_value) * 100);
  const days = (list: CsvRow[]) =>
    list.reduce((n, r) => n + (usDate(r.close_date!)! - usDate(r.engage_date!)!) / DAY, 0) / list.length;
  const perMonth = new Map<string, number>();
  for (const r of won) {
    const month = new Date(usDate(r.close_date!)!).toISOString().slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + Number(r.close_value) * 100);
  }
  return {
    won: won.length,
    lost: lost.length,
    wonValue: won.reduce((n, r) => n + Number(r.close_value) * 100, 0),
    winRate: won.length / (won.length + lost.length),
    perAgent,
    perMonth,
    avgDaysWon: days(won),
    avgDaysClosed: days(closed),
  };
}

const run = (name: string, extra: Record<string, string> = {}) =>
  call(db, 'reports.run', { name, ...extra } as never) as Promise<ReportTable>;

describe('reports against the sample dataset (crm-sales-opportunities)', () => {
  it('counts won and lost deals, win rate and won revenue as the CSV does', async () => {
    const e = expected();
    expect(e.won).toBe(4238);
    expect(e.lost).toBe(2473);
    const report = await run('win-rate');
    expect(report.summary.won).toBe(e.won);
    expect(report.summary.lost).toBe(e.lost);
    expect(report.summary.wonValue).toBe(e.wonValue);
    expect(report.summary.winRate).toBeCloseTo(e.winRate, 12);
    expect(report.currency).toBe('USD');
    expect(report.missingRates).toEqual([]);
  });

  it('gives the won revenue of every agent', async () => {
    const e = expected();
    const report = await run('revenue-by-owner');
    const got = new Map(report.rows.map((r) => [r.owner as string, r.wonValue as number]));
    expect(got).toEqual(e.perAgent);
    // Best first, and the shares add up to the whole.
    const values = report.rows.map((r) => r.wonValue as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(report.rows.reduce((n, r) => n + (r.share as number), 0)).toBeCloseTo(1, 9);
    expect(report.summary.wonValue).toBe(e.wonValue);
  });

  it('gives the average days from engagement to close', async () => {
    const e = expected();
    const report = await run('sales-cycle');
    expect(report.summary.avgCycleWon).toBeCloseTo(e.avgDaysWon, 9);
    expect(report.summary.avgCycleClosed).toBeCloseTo(e.avgDaysClosed, 9);
  });

  it('narrows every figure to a period of close dates (both ends included)', async () => {
    const e = expected('2017-03-01', '2017-05-31');
    const report = await run('win-rate', { from: '2017-03-01', to: '2017-05-31' });
    expect([report.summary.won, report.summary.lost, report.summary.wonValue]).toEqual([e.won, e.lost, e.wonValue]);
    expect(report.summary.winRate).toBeCloseTo(e.winRate, 12);
    const months = await run('revenue-by-month', { from: '2017-03-01', to: '2017-05-31' });
    expect(new Map(months.rows.map((r) => [r.month as string, r.wonValue as number]))).toEqual(e.perMonth);
    const cycle = await run('sales-cycle', { from: '2017-03-01', to: '2017-05-31' });
    expect(cycle.summary.avgCycleWon).toBeCloseTo(e.avgDaysWon, 9);
  });

  it('splits won revenue by month, team and product with the same total', async () => {
    const e = expected();
    const months = await run('revenue-by-month');
    expect(new Map(months.rows.map((r) => [r.month as string, r.wonValue as number]))).toEqual(e.perMonth);
    const teams = await run('revenue-by-team');
    expect(teams.rows.reduce((n, r) => n + (r.wonValue as number), 0)).toBe(e.wonValue);
    expect(teams.rows).toHaveLength(6);
    const products = await run('revenue-by-product');
    expect(products.rows.reduce((n, r) => n + (r.wonValue as number), 0)).toBe(e.wonValue);
    const gtxPro = rows
      .filter((r) => r.deal_stage === 'Won' && r.product === 'GTXPro')
      .reduce((n, r) => n + Number(r.close_value) * 100, 0);
    expect(products.rows.find((r) => r.product === 'GTX Pro')?.wonValue).toBe(gtxPro);
  });

  it('shows the open pipeline by stage with its weighted value', async () => {
    const report = await run('pipeline');
    const byStage = new Map(report.rows.map((r) => [r.stage as string, r]));
    expect(byStage.get('Engaging')?.deals).toBe(1589);
    expect(byStage.get('Prospecting')?.deals).toBe(500);
    const engaging = byStage.get('Engaging')!;
    expect(engaging.weighted).toBe(Math.round((engaging.value as number) * 0.4));
    // A click on a stage opens the deals of that stage.
    expect(report.drill[0]?.conditions[0]).toMatchObject({ field: 'stageId', operator: 'in' });
  });

  it('the dashboard gives the same figures for a quarter, and the quarter before', async () => {
    const e = expected('2017-04-01', '2017-06-30');
    const p = expected('2016-12-31', '2017-03-31');
    const d = await call(db, 'dashboard.get', { from: '2017-04-01', to: '2017-06-30' });
    expect(d.kpis.won).toEqual({ value: e.won, previous: p.won });
    expect(d.kpis.lost).toEqual({ value: e.lost, previous: p.lost });
    expect(d.kpis.wonValue).toEqual({ value: e.wonValue, previous: p.wonValue });
    expect(d.kpis.winRate.value).toBeCloseTo(e.winRate, 12);
    expect(d.kpis.avgCycleDays.value).toBeCloseTo(e.avgDaysWon, 9);
    expect(new Map(d.byOwner.map((o) => [o.name, o.value]))).toEqual(e.perAgent);
    expect(d.revenueByMonth.map((m) => m.month)).toEqual(['2017-04', '2017-05', '2017-06']);
  });

  it('answers on the command line as JSON and as a translated table', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      const e = expected();
      expect(await main(['report', 'win-rate', '--db', path, '--json'])).toBe(0);
      const json = JSON.parse(out.join('')) as ReportTable;
      expect(json.summary.won).toBe(e.won);
      out.length = 0;
      expect(await main(['report', 'revenue-by-owner', '--db', path, '--lang', 'es', '--from', '2017-01-01'])).toBe(0);
      const text = out.join('');
      expect(text).toContain('Ingresos ganados por responsable');
      expect(text).toContain('US$');
      for (const name of ['pipeline', 'sales-cycle', 'forecast', 'rfm', 'loyalty']) {
        out.length = 0;
        expect(await main(['report', name, '--db', path, '--json'])).toBe(0);
        expect(JSON.parse(out.join('')).name).toBe(name);
      }
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a bad period with a translated error and a non-zero exit', async () => {
    const err: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      err.push(String(chunk));
      return true;
    });
    try {
      expect(await main(['report', 'win-rate', '--db', path, '--from', '2017-13-45', '--lang', 'es'])).not.toBe(0);
      expect(err.join('')).toMatch(/fecha/i);
    } finally {
      spy.mockRestore();
    }
  });
});
