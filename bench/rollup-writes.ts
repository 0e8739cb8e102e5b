/**
 * What the analytics rollups cost on the write path (issue 8). Five rollup tables are kept by
 * SQLite triggers on deals, their line items and their stage stays (`deal_stage_outcomes`,
 * `company_purchases`, `deal_product_revenue`, `deal_stage_reach`, `deal_closed_months`;
 * migrations 0011, 0014–0017): every deal write pays for them. Budget: the same writes take at
 * most 1.5× as long as on a book without those triggers.
 *
 * Two identical books: one is made (migrations, members, a pipeline, companies, products, and
 * BENCH_ROLLUP_HISTORY closed deals with lines over three years so the rollups hold realistic
 * groups) and copied file for file; the copy's rollup triggers are dropped (the reference). Then
 * the same writes go to both through the services the API calls (mutation layer: rows, clocks,
 * outbox, audit, search index), one transaction per call as in the app:
 *   1. insert: BENCH_ROLLUP_DEALS deals (most open, some won or lost as they are created), each
 *      with one to three line items added after it (`createDeal`, then `addLineItem`);
 *   2. move: as many moves of a random open deal to another open stage (`moveDeal`);
 *   3. close: a fifth of that won or lost (`winDeal`, `loseDeal`);
 *   4. line edits: a fifth of that, a line's quantity changed (`updateLineItem`), on open and
 *      closed deals.
 * Each phase starts with WARMUP untimed calls on each book; then the two books take turns by
 * chunks of CHUNK calls (which one goes first alternates), so both see the same moments of a
 * shared machine. The figure is the sum of each book's chunks (wall time; CPU time beside it).
 */
import { copyFileSync, existsSync } from 'node:fs';
import { mutate, type Mutation } from '../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import { createDeal, createDealMutations, loseDeal, moveDeal, winDeal } from '../src/main/services/deals';
import { setRate } from '../src/main/services/exchange-rates';
import { addLineItem, updateLineItem } from '../src/main/services/line-items';
import { createMember, setCurrentMember } from '../src/main/services/members';
import { createPipeline } from '../src/main/services/pipelines';
import { createProduct } from '../src/main/services/products';
import { setSetting } from '../src/main/services/settings';
import { dealCreateInput } from '../src/shared/contract/deals';
import { productCreateInput } from '../src/shared/contract/products';
import { newId } from '../src/shared/ids';
import { bookPath, removeBook } from './lib/books';
import { figures, fmtInt, fmtMs, log } from './lib/figures';
import { round } from './lib/stats';

const DEALS = Number(process.env.BENCH_ROLLUP_DEALS ?? 10_000);
const HISTORY = Number(process.env.BENCH_ROLLUP_HISTORY ?? 20_000);
const MOVES = DEALS;
const CLOSES = Math.round(DEALS / 5);
const LINE_EDITS = Math.round(DEALS / 5);
const CHUNK = 250;
const WARMUP = 20;
const BUDGET = 1.5;
const DAY = 86_400_000;
/** The tables the triggers keep: a trigger whose body writes one of them is a rollup trigger. */
const ROLLUP_TABLES = [
  'deal_stage_outcomes',
  'company_purchases',
  'deal_product_revenue',
  'deal_stage_reach',
  'deal_closed_months',
];
const OPTIONS = { origin: 'bench' };

/** A deterministic pseudo-random sequence (mulberry32): both books get the same writes. */
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

/** What both books share (the reference is a copy, so the ids are the same). */
interface Setup {
  members: string[];
  companies: string[];
  products: string[];
  open: string[];
  won: string;
  lost: string;
  pipelineId: string;
}

function makeSetup(db: CrmDb): Setup {
  setSetting(db, 'baseCurrency', 'USD');
  const members = Array.from({ length: 8 }, (_, i) => createMember(db, { name: `Seller ${i + 1}` }).id);
  setCurrentMember(db, members[0]!);
  const pipeline = createPipeline(db, { name: 'New business' });
  const open = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const won = pipeline.stages.find((s) => s.kind === 'won')!.id;
  const lost = pipeline.stages.find((s) => s.kind === 'lost')!.id;
  const companies: string[] = [];
  mutate(
    db,
    Array.from({ length: 500 }, (_, i): Mutation => {
      const id = newId();
      companies.push(id);
      return { table: 'companies', op: 'insert', id, values: { name: `Company ${i + 1}` } };
    }),
    OPTIONS,
  );
  const products = Array.from(
    { length: 12 },
    (_, i) =>
      createProduct(
        db,
        productCreateInput.parse({ name: `Product ${i + 1}`, unitPrice: 5_000 * (i + 1), currency: 'USD' }),
        OPTIONS,
      ).id,
  );
  setRate(db, 'EUR', 1.08);
  const setup = { members, companies, products, open, won, lost, pipelineId: pipeline.id };
  writeHistory(db, setup);
  return setup;
}

/** Closed deals of the last three years with their lines, so the rollups start with many groups. */
function writeHistory(db: CrmDb, s: Setup): void {
  const random = rng(11);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
  const now = Date.now();
  // A transaction per batch: one around all of them grows slower with every row (in the mutation
  // layer, with or without the rollup triggers), which is not what is measured here.
  {
    let batch: Mutation[] = [];
    for (let i = 0; i < HISTORY; i++) {
      const closedAt = now - Math.floor(random() * 3 * 365) * DAY;
      const stageId = random() < 0.6 ? s.won : s.lost;
      const made = createDealMutations(
        db,
        dealCreateInput.parse({
          title: `Earlier deal ${i + 1}`,
          pipelineId: s.pipelineId,
          stageId,
          amount: Math.round(1_000 + random() * 99_000) * 100,
          currency: random() < 0.9 ? 'USD' : 'EUR',
          companyId: pick(s.companies),
          ownerId: pick(s.members),
          source: pick(['web', 'referral', 'event', 'partner']),
          ...(stageId === s.lost ? { lostReason: 'Price' } : {}),
        }),
        OPTIONS,
        { asRecorded: { closedAt, engagedAt: closedAt - Math.floor(random() * 90) * DAY } },
      );
      batch.push(...made.mutations);
      for (let l = 0; l < 1 + Math.floor(random() * 2); l++) {
        batch.push({
          table: 'deal_line_items',
          op: 'insert',
          id: newId(),
          values: {
            dealId: made.id,
            productId: pick(s.products),
            description: 'Line',
            quantity: 1 + Math.floor(random() * 5),
            unitPrice: 5_000 * (1 + Math.floor(random() * 12)),
            discountRate: 0,
            taxRate: 0,
            position: l + 1,
          },
        });
      }
      if (batch.length >= 4000) {
        mutate(db, batch, OPTIONS);
        batch = [];
      }
    }
    mutate(db, batch, OPTIONS);
  }
}

/** One book's state during the writes: the deals it made, those still open, their lines. */
interface Side {
  db: CrmDb;
  deals: string[];
  open: string[];
  lines: string[];
  random: () => number;
}

/** The triggers that keep a rollup table (persistent ones: the write guard's are TEMP). */
function rollupTriggers(db: CrmDb): string[] {
  const rows = db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
    name: string;
    sql: string;
  }[];
  return rows.filter((r) => ROLLUP_TABLES.some((t) => r.sql.includes(t))).map((r) => r.name);
}

type Step = (side: Side, i: number) => void;

function steps(s: Setup): Record<'insert' | 'move' | 'close' | 'lineEdit', Step> {
  return {
    insert: (side, i) => {
      const r = side.random;
      const kind = r();
      const stageId = kind < 0.1 ? s.won : kind < 0.15 ? s.lost : s.open[Math.floor(r() * s.open.length)]!;
      const deal = createDeal(
        side.db,
        dealCreateInput.parse({
          title: `Deal ${i + 1}`,
          pipelineId: s.pipelineId,
          stageId,
          // The products' currency: a line in another one is refused.
          currency: 'USD',
          companyId: s.companies[Math.floor(r() * s.companies.length)]!,
          ownerId: s.members[Math.floor(r() * s.members.length)]!,
          source: ['web', 'referral', 'event', 'partner'][Math.floor(r() * 4)]!,
          ...(stageId === s.lost ? { lostReason: 'Price' } : {}),
        }),
        OPTIONS,
      );
      side.deals.push(deal.id);
      if (stageId !== s.won && stageId !== s.lost) side.open.push(deal.id);
      const lines = 1 + Math.floor(r() * 3);
      for (let l = 0; l < lines; l++) {
        const added = addLineItem(
          side.db,
          {
            dealId: deal.id,
            productId: s.products[Math.floor(r() * s.products.length)]!,
            quantity: 1 + Math.floor(r() * 5),
          },
          OPTIONS,
        );
        side.lines.push(added.items.at(-1)!.id);
      }
    },
    move: (side) => {
      const r = side.random;
      const id = side.open[Math.floor(r() * side.open.length)]!;
      const current = side.db.sqlite.prepare('SELECT stage_id FROM deals WHERE id = ?').pluck().get(id) as string;
      const others = s.open.filter((x) => x !== current);
      moveDeal(side.db, id, others[Math.floor(r() * others.length)]!, undefined, OPTIONS);
    },
    close: (side) => {
      const r = side.random;
      const at = Math.floor(r() * side.open.length);
      const id = side.open[at]!;
      side.open.splice(at, 1);
      if (r() < 2 / 3) winDeal(side.db, id, OPTIONS);
      else loseDeal(side.db, id, 'Price', OPTIONS);
    },
    lineEdit: (side) => {
      const r = side.random;
      const id = side.lines[Math.floor(r() * side.lines.length)]!;
      updateLineItem(side.db, { id, quantity: 1 + Math.floor(r() * 9) }, OPTIONS);
    },
  };
}

interface Spent {
  ms: number;
  cpuMs: number;
}

/**
 * Runs `count` calls of `step` on both books by chunks, taking turns: wall and CPU milliseconds
 * of each (CPU time shows how much of the wall time a busy machine added).
 */
function race(ours: Side, reference: Side, step: Step, count: number, turn: { n: number }): [Spent, Spent] {
  const a = { ms: 0, cpuMs: 0 };
  const b = { ms: 0, cpuMs: 0 };
  const run = (side: Side, spent: Spent, from: number, to: number) => {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (let i = from; i < to; i++) step(side, i);
    const used = process.cpuUsage(cpu);
    spent.ms += performance.now() - start;
    spent.cpuMs += (used.user + used.system) / 1000;
  };
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    if (turn.n++ % 2 === 0) {
      run(ours, a, from, to);
      run(reference, b, from, to);
    } else {
      run(reference, b, from, to);
      run(ours, a, from, to);
    }
  }
  return [a, b];
}

export function benchRollupWrites(): void {
  const path = bookPath('rollup-writes');
  const refPath = bookPath('rollup-writes-reference');
  const made = performance.now();
  const first = openDatabase({ path, create: true });
  const setup = makeSetup(first);
  first.close();
  for (const suffix of ['', '-wal']) if (existsSync(path + suffix)) copyFileSync(path + suffix, refPath + suffix);
  const db = openDatabase({ path });
  const ref = openDatabase({ path: refPath });
  try {
    const kept = rollupTriggers(db);
    for (const name of rollupTriggers(ref)) ref.sqlite.exec(`DROP TRIGGER "${name}"`);
    if (kept.length === 0 || rollupTriggers(ref).length !== 0) throw new Error('rollup triggers not found');
    log(
      `rollup writes: books with ${fmtInt(HISTORY)} closed deals made in ${fmtMs(performance.now() - made)}; ` +
        `${kept.length} rollup triggers, dropped on the reference`,
    );
    const ours: Side = { db, deals: [], open: [], lines: [], random: rng(21) };
    const reference: Side = { db: ref, deals: [], open: [], lines: [], random: rng(21) };
    const step = steps(setup);
    const turn = { n: 0 };
    const phases = [
      ['insert', DEALS, `${fmtInt(DEALS)} deals created (15% won or lost), 1–3 line items added to each`],
      ['move', MOVES, `${fmtInt(MOVES)} moves of an open deal to another open stage`],
      ['close', CLOSES, `${fmtInt(CLOSES)} open deals won (2/3) or lost`],
      ['lineEdit', LINE_EDITS, `${fmtInt(LINE_EDITS)} line quantities changed`],
    ] as const;
    const times: Record<string, { ours: Spent; reference: Spent; calls: number; what: string }> = {};
    for (const [phase, count, what] of phases) {
      // A few calls on each book first, untimed: the first book to run a phase would otherwise pay
      // for compiling its code and preparing its statements.
      for (const side of [ours, reference]) for (let i = 0; i < WARMUP; i++) step[phase](side, count + i);
      const [a, b] = race(ours, reference, step[phase], count, turn);
      times[phase] = { ours: a, reference: b, calls: count, what };
      log(
        `rollup writes, ${phase}: ${fmtMs(a.ms)} with the triggers, ${fmtMs(b.ms)} without (${(a.ms / b.ms).toFixed(2)}×)`,
      );
    }
    // The same writes on both sides: they must have left the same deals.
    const closed = (d: CrmDb) =>
      d.sqlite.prepare('SELECT COUNT(*) FROM deals WHERE closed_at IS NOT NULL').pluck().get();
    if (closed(db) !== closed(ref)) throw new Error('the two books diverged');
    const sum = (key: 'ours' | 'reference'): Spent =>
      Object.values(times).reduce((t, p) => ({ ms: t.ms + p[key].ms, cpuMs: t.cpuMs + p[key].cpuMs }), {
        ms: 0,
        cpuMs: 0,
      });
    const calls = Object.values(times).reduce((n, p) => n + p.calls, 0);
    const all = { ours: sum('ours'), reference: sum('reference'), calls, what: 'all four together' };
    for (const [phase, t] of [...Object.entries(times), ['all', all] as const]) {
      const ratio = t.ours.ms / t.reference.ms;
      const text = (s: Spent) => `${fmtMs(s.ms)} (${fmtMs(s.ms / t.calls)} a call; CPU ${fmtMs(s.cpuMs)})`;
      const detail = (s: Spent) => ({ ms: round(s.ms, 1), cpuMs: round(s.cpuMs, 1), calls: t.calls });
      figures.push({
        id: `rollup-writes-${phase}`,
        name:
          `Deal writes with the ${kept.length} rollup triggers vs the same book without them: ${t.what}; ` +
          `services → mutation layer, one transaction per call, ${fmtInt(HISTORY)} closed deals before`,
        ours: detail(t.ours),
        reference: detail(t.reference),
        oursText: text(t.ours),
        referenceText: text(t.reference),
        ratio: round(ratio, 2),
        // Wall time decides the budget; CPU time shows how much of it a busy machine added.
        cpuRatio: round(t.ours.cpuMs / t.reference.cpuMs, 2),
        budget: `ratio ≤ ${BUDGET}`,
        pass: ratio <= BUDGET,
      });
    }
  } finally {
    db.close();
    ref.close();
    removeBook(path);
    removeBook(refPath);
  }
}
