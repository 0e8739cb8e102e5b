import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import type { ReportTable } from '../../../src/shared/contract/reports';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { manualClock, tempDb, tempDir } from '../db/temp-db';
import { loadDataset, readCsv, type LoadedDataset } from './dataset';

const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

describe('dashboard: a period against the previous one, in the base currency', () => {
  it('counts won and lost deals, converts currencies with a rate and lists those without one', async () => {
    const clock = manualClock(at('2026-02-15'));
    const db = tempDb({ now: clock.now });
    await call(db, 'exchangeRates.set', { currency: 'EUR', rate: 1.1 });
    const company = await call(db, 'companies.create', { name: 'Acme' });
    const deal = async (amount: number, currency: string, when: string, outcome: 'win' | 'lose' | null) => {
      clock.set(at(when));
      const d = await call(db, 'deals.create', {
        title: `${amount} ${currency}`,
        amount,
        currency,
        companyId: company.id,
      });
      if (outcome === 'win') await call(db, 'deals.win', { id: d.id });
      if (outcome === 'lose') await call(db, 'deals.lose', { id: d.id, reason: 'price' });
      return d;
    };
    await deal(30_000, 'USD', '2026-02-15', 'lose');
    await deal(70_000, 'USD', '2026-02-20', 'win');
    await deal(100_000, 'USD', '2026-03-10', 'win');
    await deal(50_000, 'EUR', '2026-03-12', 'win');
    await deal(20_000, 'GBP', '2026-03-13', 'win');
    await deal(100_000, 'USD', '2026-03-14', null);
    clock.set(at('2026-03-20'));

    const d = await call(db, 'dashboard.get', { from: '2026-03-01', to: '2026-03-31' });
    expect(d.currency).toBe('USD');
    expect(d.previousFrom).toBe('2026-01-29');
    expect(d.previousTo).toBe('2026-02-28');
    expect(d.kpis.won).toEqual({ value: 3, previous: 1 });
    expect(d.kpis.wonValue).toEqual({ value: 155_000, previous: 70_000 });
    expect(d.kpis.lost).toEqual({ value: 0, previous: 1 });
    expect(d.kpis.winRate).toEqual({ value: 1, previous: 0.5 });
    expect(d.missingRates).toEqual(['GBP']);
    expect(d.kpis.pipelineValue.value).toBe(100_000);
    expect(d.kpis.pipelineWeighted.value).toBe(10_000);
    expect(d.kpis.newCustomers).toEqual({ value: 0, previous: 1 });
    expect(d.revenueByMonth).toEqual([{ month: '2026-03', value: 155_000, won: 3 }]);
    expect(d.funnel[0]).toMatchObject({ count: 1, value: 100_000 });
    // One owner's dashboard: nothing of theirs yet.
    const other = await call(db, 'members.create', { name: 'Otra' });
    const mine = await call(db, 'dashboard.get', { from: '2026-03-01', to: '2026-03-31', ownerId: other.id });
    expect(mine.kpis.won).toEqual({ value: 0, previous: 0 });
    expect(mine.kpis.newCustomers).toEqual({ value: 0, previous: 0 });
    // In Spanish the names of what has none are translated.
    const es = await call(db, 'dashboard.get', { from: '2026-03-01', to: '2026-03-31' }, 'es');
    expect(es.byOwner[0]?.name).toBe('Sin responsable');
  });

  it('refuses a malformed period with a translated message', async () => {
    const db = tempDb();
    const error = await refuse(db, 'dashboard.get', { from: '2026-02-30x' }, 'es');
    expect(error.code).toBe('invalid_input');
    expect(error.issues?.[0]?.path).toEqual(['from']);
    expect(error.issues?.[0]?.message).toMatch(/fecha/i);
  });
});

describe('on the sample dataset', () => {
  let dir: string;
  let db: CrmDb;
  let ds: LoadedDataset;
  const wonRows = readCsv('sales_pipeline.csv').filter((r) => r.deal_stage === 'Won');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-analytics-'));
    db = openDatabase({ path: join(dir, 'crm.sqlite'), create: true });
    ds = loadDataset(db);
  }, 120_000);
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('report builder: won deals by owner sum to the CSV, by quarter of close too', async () => {
    const won = { field: 'status', operator: 'in' as const, value: ['won'] };
    const byOwner = await call(db, 'reports.build', {
      config: {
        entity: 'deals',
        filter: { op: 'and', conditions: [won] },
        groupBy: [{ field: 'ownerId' }],
        measures: [{ op: 'count' }, { op: 'sum', field: 'amount' }, { op: 'avg', field: 'amount' }],
      },
    });
    const perAgent = new Map<string, number>();
    for (const r of wonRows)
      perAgent.set(r.sales_agent!, (perAgent.get(r.sales_agent!) ?? 0) + Number(r.close_value) * 100);
    expect(new Map(byOwner.rows.map((r) => [r.g0, r.m1]))).toEqual(perAgent);
    expect(byOwner.summary.m0).toBe(wonRows.length);
    expect(byOwner.columns.map((c) => c.kind)).toEqual(['text', 'count', 'money', 'money']);
    // A row opens the deals of that owner with the same filter.
    expect(byOwner.drill[0]?.conditions).toEqual([
      won,
      { field: 'ownerId', operator: 'in', value: [expect.any(String)] },
    ]);

    const byQuarter = await call(db, 'reports.build', {
      config: {
        entity: 'deals',
        filter: { op: 'and', conditions: [won] },
        groupBy: [{ field: 'closedAt', bucket: 'quarter' }],
        measures: [{ op: 'sum', field: 'amount' }],
        chart: 'line',
      },
    });
    expect(byQuarter.rows.map((r) => r.g0)).toEqual(['2017-Q1', '2017-Q2', '2017-Q3', '2017-Q4']);
    expect(byQuarter.rows.reduce((n, r) => n + (r.m0 as number), 0)).toBe(
      [...perAgent.values()].reduce((a, b) => a + b),
    );
    expect(byQuarter.drill[0]?.conditions.at(-1)).toEqual({
      field: 'closedAt',
      operator: 'between',
      value: ['2017-01-01', '2017-03-31'],
    });
  });

  it('report builder: two groupings, companies and activities, and refused measures', async () => {
    const two = await call(db, 'reports.build', {
      config: { entity: 'deals', groupBy: [{ field: 'status' }, { field: 'stageId' }], measures: [{ op: 'count' }] },
    });
    expect(two.rows.find((r) => r.g1 === 'Engaging')?.m0).toBe(1589);
    const companies = await call(db, 'reports.build', {
      config: {
        entity: 'companies',
        groupBy: [{ field: 'industry' }],
        measures: [{ op: 'count' }, { op: 'max', field: 'employees' }],
      },
    });
    expect(companies.summary.m0).toBe(85);
    const before = await refuse(
      db,
      'reports.build',
      { config: { entity: 'deals', groupBy: [], measures: [{ op: 'sum', field: 'title' }] } },
      'es',
    );
    expect(before.code).toBe('invalid_input');
    expect(before.issues?.[0]?.message).toBe('Este campo no se puede sumar: elige un campo numérico.');
    const unknown = await refuse(db, 'reports.build', {
      config: {
        entity: 'deals',
        filter: { op: 'and', conditions: [{ field: 'nope', operator: 'eq', value: 1 }] },
        measures: [{ op: 'count' }],
      },
    });
    expect(unknown.code).toBe('invalid_input');
  });

  it('saves, shares and deletes builder reports through the mutation layer', async () => {
    const saved = await call(db, 'reports.save', {
      name: 'Won by owner',
      shared: true,
      config: { entity: 'deals', groupBy: [{ field: 'ownerId' }], measures: [{ op: 'count' }] },
    });
    expect((await call(db, 'reports.listSaved', {})).items.map((r) => r.name)).toContain('Won by owner');
    const outbox = db.sqlite
      .prepare("SELECT COUNT(*) FROM sync_outbox WHERE table_name = 'saved_reports'")
      .pluck()
      .get();
    expect(outbox).toBeGreaterThan(0);
    const refused = await refuse(db, 'reports.save', { name: '  ', config: { entity: 'deals', measures: [] } });
    expect(refused.issues?.map((i) => i.path.join('.'))).toEqual(expect.arrayContaining(['name', 'config.measures']));
    expect((await call(db, 'reports.deleteSaved', { id: saved.id })).changed).toBe(true);
    expect((await call(db, 'reports.listSaved', {})).items.map((r) => r.id)).not.toContain(saved.id);
  });

  it('exports a report as CSV, XLSX and PDF', async () => {
    const source = { builtin: 'revenue-by-owner' as const };
    const csv = await call(db, 'reports.export', { source, format: 'csv' });
    const text = Buffer.from(csv.base64, 'base64').toString('utf8');
    expect(csv.filename).toBe('revenue-by-owner.csv');
    expect(text.split('\r\n')[0]).toBe('\uFEFFOwner,Won,Won value (USD),Average deal (USD),Share');
    expect(text.split('\r\n')).toHaveLength(30 + 2);
    const xlsx = await call(db, 'reports.export', { source, format: 'xlsx' }, 'es');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx.base64, 'base64') as never);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Responsable');
    expect(typeof sheet.getRow(2).getCell(3).value).toBe('number');
    const pdf = await call(db, 'reports.export', { source: { builtin: 'pipeline' }, format: 'pdf' }, 'es');
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.mime).toBe('application/pdf');
  });

  it('segments: RFM over the customers, usable as a companies filter and a saved view', async () => {
    const summary = await call(db, 'segments.summary', { to: '2017-12-31' });
    const customers = summary.items.reduce((n, s) => n + s.customers, 0);
    const buyers = new Set(wonRows.map((r) => r.account).filter(Boolean));
    expect(customers).toBe(buyers.size);
    const refreshed = await call(db, 'segments.refresh', {});
    expect(refreshed.customers).toBe(buyers.size);
    const all = await call(db, 'segments.summary', {});
    for (const s of all.items) {
      if (!s.customers) continue;
      const filter = {
        op: 'and' as const,
        conditions: [{ field: 'segment', operator: 'in' as const, value: [s.segment] }],
      };
      expect((await call(db, 'companies.count', { filter })).count).toBe(s.customers);
    }
    const view = await call(db, 'views.create', {
      entity: 'companies',
      name: 'Champions',
      config: { filter: { op: 'and', conditions: [{ field: 'segment', operator: 'in', value: ['champions'] }] } },
    });
    expect(view.config.filter).toBeDefined();
    const top = await call(db, 'segments.customers', { limit: 5 });
    expect(top.items[0]!.lifetimeValue).toBeGreaterThanOrEqual(top.items[1]!.lifetimeValue);
    const bad = await refuse(db, 'segments.customers', { segment: 'vip' }, 'es');
    expect(bad.code).toBe('invalid_input');
  });

  it('loyalty: points earned by rule from won deals, adjustments and rewards, tiers', async () => {
    const kanCode = ds.companies.get('Kan-code')!;
    await call(db, 'loyalty.saveRule', { name: 'Base', points: 1, perAmount: 10_000 });
    await call(db, 'loyalty.saveTier', { name: 'Gold', minPoints: 1000 });
    await call(db, 'loyalty.saveTier', { name: 'Silver', minPoints: 100 });
    const expected = wonRows
      .filter((r) => r.account === 'Kan-code')
      .reduce((n, r) => n + Math.floor(Number(r.close_value) / 100), 0);
    const before = await call(db, 'loyalty.customer', { companyId: kanCode });
    expect(before.standing?.earned).toBe(expected);
    expect(before.standing?.tier?.name).toBe(expected >= 1000 ? 'Gold' : 'Silver');
    await call(db, 'loyalty.addEntry', { companyId: kanCode, kind: 'adjust', points: 50, reason: 'Welcome gift' });
    await call(db, 'loyalty.addEntry', { companyId: kanCode, kind: 'redeem', points: 30, reason: 'Mug' });
    const after = await call(db, 'loyalty.customer', { companyId: kanCode });
    expect(after.standing?.balance).toBe(expected + 50 - 30);
    expect(after.ledger[0]).toMatchObject({ kind: 'redeem', points: -30, reason: 'Mug' });
    await expectNothingWritten(db, ['loyalty_ledger'], async () => {
      const error = await refuse(
        db,
        'loyalty.addEntry',
        { companyId: kanCode, kind: 'redeem', points: 10_000_000, reason: 'Car' },
        'es',
      );
      expect(error.issues?.[0]?.message).toBe(`No hay puntos suficientes: el saldo es ${expected + 20}.`);
    });
    const top = await call(db, 'loyalty.top', { order: 'spend', limit: 3 });
    expect(top.items[0]!.name).toBe('Kan-code');
    const report = await call(db, 'reports.run', { name: 'loyalty' });
    expect(report.rows.length).toBeGreaterThan(0);
  });

  it('forecast: open deals by expected close month, weighted by probability and by stage history', async () => {
    // Engaging deals have 40 % probability; their historical win rate is won / closed among deals that stayed there.
    const report: ReportTable = await call(db, 'reports.run', { name: 'forecast', to: '2017-12-31' });
    expect(report.rows).toHaveLength(12);
    const past = report.rows.slice(0, 6);
    expect(past.map((r) => r.month)).toEqual(['2017-06', '2017-07', '2017-08', '2017-09', '2017-10', '2017-11']);
    expect(past.every((r) => typeof r.actual === 'number' && typeof r.trend === 'number')).toBe(true);
  });
});

describe('report schedules', () => {
  it('write a built-in report into the folder when due, catch up once, and keep the run per device', async () => {
    const clock = manualClock(at('2026-03-01'));
    const db = tempDb({ now: clock.now });
    const folder = join(tempDir(), 'out');
    const s = await call(db, 'reports.saveSchedule', {
      builtin: 'win-rate',
      frequency: 'daily',
      format: 'csv',
      folder,
    });
    expect(s.lastRunAt).toBeNull();
    expect(await call(db, 'reports.runDue', {})).toEqual({ ran: 1, failed: 0 });
    expect(readdirSync(folder)).toHaveLength(1);
    expect(readFileSync(join(folder, readdirSync(folder)[0]!), 'utf8')).toContain('Win rate');
    expect(await call(db, 'reports.runDue', {})).toEqual({ ran: 0, failed: 0 });
    clock.set(at('2026-03-05'));
    // Three missed days: one catch-up run.
    expect(await call(db, 'reports.runDue', {})).toEqual({ ran: 1, failed: 0 });
    const [listed] = (await call(db, 'reports.schedules', {})).items;
    expect(listed!.lastFile && existsSync(listed!.lastFile)).toBe(true);
    expect(listed!.nextRunAt).toBe(listed!.lastRunAt! + 86_400_000);
    const error = await refuse(db, 'reports.saveSchedule', { frequency: 'daily', format: 'csv', folder }, 'es');
    expect(error.code).toBe('invalid_input');
  });
});
