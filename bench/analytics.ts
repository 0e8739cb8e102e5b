/**
 * Analytics budgets (issue 8), on a book of 200k deals and 1M activities: the home dashboard's
 * queries together under 300 ms and each built-in report under 200 ms, service time through
 * dispatch (contract validation included). Each is timed in alternation with its reference in
 * the same run: the bare aggregate that any answer needs, one prepared `SELECT … GROUP BY` pass
 * over the same rows with a plain better-sqlite3 connection (no names, currencies, previous
 * period or chart series).
 *
 * The book is made by `openDatabase` (migrations, indexes) and filled with a plain connection in
 * one transaction per table: the write path is measured elsewhere (bench/foundation.ts,
 * bench/activities.ts); here only reads are timed, and 1M activities through `mutate` would
 * take minutes of the shared machine for nothing measured.
 *
 * Then the write side, on small books of its own: what the rollup triggers the dashboard reads
 * cost deal writes (bench/rollup-writes.ts, ratio ≤ 1.5 against the same writes without them).
 *
 * Run alone with `node bin/tsnode.js bench/analytics.ts` (writes bench/results/analytics.json;
 * BENCH_DEALS / BENCH_ACTIVITIES to scale down; BENCH_ANALYTICS_READS=0 or BENCH_ANALYTICS_WRITES=0
 * leave out one side for a quick try); `benchAnalytics()` is what bench/run.ts can call.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../src/main/api/dispatch';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import { REPORT_NAMES } from '../src/shared/contract/reports';
import { newId } from '../src/shared/ids';
import { bookPath, removeBenchDir, removeBook } from './lib/books';
import { benchRollupWrites } from './rollup-writes';
import { fmtInt, fmtMs, log, pushLatency, writeFigures } from './lib/figures';
import { summarise } from './lib/stats';

const DEALS = Number(process.env.BENCH_DEALS ?? 200_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 1_000_000);
const COMPANIES = Math.max(100, Math.round(DEALS / 10));
const MEMBERS = 35;
const RUNS = Number(process.env.BENCH_ANALYTICS_RUNS ?? 12);
const DASHBOARD_BUDGET = 300;
const REPORT_BUDGET = 200;
const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 12);

/** A deterministic pseudo-random sequence (mulberry32), so every run measures the same book. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fill(path: string): void {
  const sql = new Database(path);
  sql.pragma('journal_mode = WAL');
  sql.pragma('synchronous = OFF');
  const rand = rng(8);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)]!;
  const common = (at: number) => [at, at, '{}'];
  const cols = 'id, deleted, created_at, updated_at, custom';
  const insert = (table: string, columns: string[]) =>
    sql.prepare(
      `INSERT INTO ${table} (${cols}, ${columns.join(', ')}) VALUES (?, 0, ?, ?, ?, ${columns.map(() => '?').join(', ')})`,
    );

  sql.transaction(() => {
    const teams = Array.from({ length: 6 }, () => newId());
    teams.forEach((id, i) => insert('teams', ['name']).run(id, ...common(NOW), `Team ${i + 1}`));
    const members = Array.from({ length: MEMBERS }, () => newId());
    members.forEach((id, i) =>
      insert('members', ['name', 'team_id', 'role', 'active']).run(
        id,
        ...common(NOW),
        `Agent ${i + 1}`,
        teams[i % 6],
        'member',
        1,
      ),
    );
    const pipeline = newId();
    insert('pipelines', ['name', 'position', 'archived']).run(pipeline, ...common(NOW), 'Sales', 0, 0);
    const stages = [
      ['Prospecting', 10, 'open'],
      ['Qualified', 25, 'open'],
      ['Proposal', 50, 'open'],
      ['Negotiation', 75, 'open'],
      ['Won', 100, 'won'],
      ['Lost', 0, 'lost'],
    ].map(([name, probability, kind], position) => {
      const id = newId();
      insert('stages', ['pipeline_id', 'name', 'position', 'probability', 'kind', 'archived']).run(
        id,
        ...common(NOW),
        pipeline,
        name,
        position,
        probability,
        kind,
        0,
      );
      return { id, kind: kind as string };
    });
    insert('exchange_rates', ['currency', 'base', 'rate']).run(newId(), ...common(NOW), 'EUR', 'USD', 1.08);
    const products = Array.from({ length: 7 }, (_, i) => {
      const id = newId();
      insert('products', ['name', 'unit_price', 'currency', 'tax_rate', 'active']).run(
        id,
        ...common(NOW),
        `Product ${i + 1}`,
        10_000 * (i + 1),
        'USD',
        0,
        1,
      );
      return id;
    });
    const companies = Array.from({ length: COMPANIES }, (_, i) => {
      const id = newId();
      insert('companies', ['name', 'owner_id']).run(
        id,
        ...common(NOW - rand() * 900 * DAY),
        `Company ${i + 1}`,
        pick(members),
      );
      return id;
    });
    const sources = ['web', 'referral', 'event', 'partner', 'ads', 'cold call', 'email', null];
    const deal = insert('deals', [
      'title',
      'pipeline_id',
      'stage_id',
      'amount',
      'currency',
      'expected_close',
      'company_id',
      'owner_id',
      'source',
      'engaged_at',
      'closed_at',
      'stage_entered_at',
      'name_sort',
    ]);
    const stay = insert('deal_stage_history', ['deal_id', 'pipeline_id', 'stage_id', 'entered_at', 'left_at']);
    const line = insert('deal_line_items', [
      'deal_id',
      'product_id',
      'description',
      'quantity',
      'unit_price',
      'discount_rate',
      'tax_rate',
      'position',
    ]);
    for (let i = 0; i < DEALS; i++) {
      const id = newId();
      const created = NOW - Math.floor(rand() * 3 * 365 * DAY);
      const r = rand();
      const stage = r < 0.5 ? stages[4]! : r < 0.8 ? stages[5]! : stages[Math.floor(rand() * 4)]!;
      const closed = stage.kind === 'open' ? null : Math.min(NOW, created + Math.floor(rand() * 120 * DAY));
      const amount = Math.round(500 + rand() * 50_000) * 100;
      const expected = new Date(NOW + (rand() * 240 - 60) * DAY).toISOString().slice(0, 10);
      deal.run(
        id,
        created,
        closed ?? created,
        '{}',
        `Deal ${i}`,
        pipeline,
        stage.id,
        amount,
        rand() < 0.1 ? 'EUR' : 'USD',
        expected,
        pick(companies),
        pick(members),
        pick(sources),
        created,
        closed,
        closed ?? created,
        `deal ${i}`,
      );
      const open = stages[Math.floor(rand() * 4)]!;
      stay.run(newId(), created, created, '{}', id, pipeline, open.id, created, stage.kind === 'open' ? null : closed);
      if (stage.kind !== 'open') stay.run(newId(), closed!, closed!, '{}', id, pipeline, stage.id, closed, null);
      line.run(newId(), created, created, '{}', id, pick(products), 'Line', 1, amount, 0, 0, 0);
    }
    const activity = insert('activities', [
      'type',
      'subject',
      'start_at',
      'due_at',
      'done_at',
      'owner_id',
      'all_day',
      'details',
      'recurs',
    ]);
    const types = ['call', 'meeting', 'email', 'task', 'note'];
    for (let i = 0; i < ACTIVITIES; i++) {
      const type = pick(types);
      const at = NOW - Math.floor(rand() * 3 * 365 * DAY);
      const done = rand() < 0.75 ? at + Math.floor(rand() * 5 * DAY) : null;
      activity.run(
        newId(),
        at,
        at,
        '{}',
        type,
        `Activity ${i}`,
        at,
        type === 'task' ? at + 3 * DAY : null,
        done,
        rand() < 0.95 ? pick(members) : null,
        0,
        '{}',
        0,
      );
    }
    const invoice = insert('invoices', [
      'number',
      'company_id',
      'currency',
      'issue_date',
      'due_date',
      'discount_rate',
      'subtotal',
      'discount_total',
      'tax_total',
      'total',
    ]);
    for (let i = 0; i < Math.round(DEALS / 10); i++) {
      const issued = NOW - Math.floor(rand() * 365 * DAY);
      const total = Math.round(100 + rand() * 10_000) * 100;
      invoice.run(
        newId(),
        issued,
        issued,
        '{}',
        `F-${i}`,
        pick(companies),
        'USD',
        new Date(issued).toISOString().slice(0, 10),
        new Date(issued + 30 * DAY).toISOString().slice(0, 10),
        0,
        total,
        0,
        0,
        total,
      );
    }
  })();
  sql.close();
}

async function ok(db: CrmDb, method: string, input: unknown): Promise<unknown> {
  const result = await dispatch(method, input, { db, locale: 'es', actor: null, origin: 'bench' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

async function alternate(
  ours: () => Promise<unknown>,
  reference: () => unknown,
): Promise<{ a: number[]; b: number[] }> {
  await ours();
  reference();
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const timeA = async () => {
      const s = performance.now();
      await ours();
      a.push(performance.now() - s);
    };
    const timeB = () => {
      const s = performance.now();
      reference();
      b.push(performance.now() - s);
    };
    if (i % 2) {
      timeB();
      await timeA();
    } else {
      await timeA();
      timeB();
    }
  }
  return { a, b };
}

export async function benchAnalytics(): Promise<void> {
  if (process.env.BENCH_ANALYTICS_READS !== '0') await benchReads();
  // After the reads, so the read figures are taken in a process that has not written 60k deals.
  if (process.env.BENCH_ANALYTICS_WRITES !== '0') benchRollupWrites();
}

async function benchReads(): Promise<void> {
  // BENCH_ANALYTICS_BOOK=file: a book kept between runs (filled by the first run that finds none),
  // so trying a change does not pay the fill again.
  const kept = process.env.BENCH_ANALYTICS_BOOK;
  const path = kept ?? bookPath('analytics');
  if (!kept || !existsSync(path)) {
    openDatabase({ path, create: true }).close();
    const started = performance.now();
    fill(path);
    log(
      `analytics book: ${fmtInt(DEALS)} deals, ${fmtInt(ACTIVITIES)} activities in ${fmtMs(performance.now() - started)}`,
    );
  }
  const db = openDatabase({ path, now: () => NOW });
  // No ANALYZE: the app never runs it, so the plans measured are the ones its books get.
  try {
    await measureAll(db, path);
  } finally {
    db.close();
    if (!kept) removeBook(path);
  }
}

async function measureAll(db: CrmDb, path: string): Promise<void> {
  const raw = new Database(path, { readonly: true });
  // The reference: one pass over the period's closed deals, grouped by outcome and currency.
  const bare = raw.prepare(
    `SELECT s.kind, d.currency, COUNT(*), SUM(d.amount) FROM deals d JOIN stages s ON s.id = d.stage_id
     WHERE d.deleted = 0 AND d.closed_at >= ? AND d.closed_at < ? GROUP BY 1, 2`,
  );
  const yearStart = Date.UTC(2026, 0, 1);
  const yearEnd = Date.UTC(2027, 0, 1);
  try {
    for (const [label, period] of [
      ['month', { from: '2026-11-01', to: '2026-11-30' }],
      ['year', { from: '2026-01-01', to: '2026-12-31' }],
    ] as const) {
      const { a, b } = await alternate(
        () => ok(db, 'dashboard.get', period),
        () => bare.all(Date.parse(`${period.from}T00:00:00Z`), Date.parse(`${period.to}T00:00:00Z`) + DAY),
      );
      pushLatency(
        `dashboard-${label}`,
        `dashboard.get through dispatch, one ${label} vs the previous one (every KPI and chart series), ${RUNS} runs`,
        summarise(a),
        summarise(b),
        DASHBOARD_BUDGET,
      );
      log(`dashboard (${label}): p95 ${fmtMs(summarise(a).p95)} (bare aggregate ${fmtMs(summarise(b).p95)})`);
    }
    for (const name of REPORT_NAMES) {
      const { a, b } = await alternate(
        () => ok(db, 'reports.run', { name, from: '2026-01-01', to: '2026-12-31' }),
        () => bare.all(yearStart, yearEnd),
      );
      pushLatency(
        `report-${name}`,
        `reports.run ${name} (year 2026) through dispatch, ${RUNS} runs`,
        summarise(a),
        summarise(b),
        REPORT_BUDGET,
      );
      log(`report ${name}: p95 ${fmtMs(summarise(a).p95)} (bare aggregate ${fmtMs(summarise(b).p95)})`);
    }
  } finally {
    raw.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await benchAnalytics();
    writeFigures('analytics');
  } finally {
    removeBenchDir();
  }
}
