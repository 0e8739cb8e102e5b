/**
 * Bulk writes nested in one transaction keep a flat cost per batch (regression guard).
 *
 * An import committed at once (`commitPlan`), an import undo, a book merge (`applyRemote` inside
 * the merge's transaction) and bench setups run large mutation-layer writes inside ONE outer
 * transaction. Nested through `write`, each of them is a SAVEPOINT; under a savepoint every
 * statement that keeps a statement journal (any write to a synced table: the write guard's and
 * the rollups' triggers) truncates SQLite's in-memory sub-journal when it ends, and that walks
 * all the savepoint has journaled (a copy of each page the nested write touched) from its first
 * 1 KiB chunk: memjrnlTruncate, 70% of the time in a perf profile. The cost of a row grows with
 * the nested write and with the book: batches of 1,000 deals took 187, 317, 437, 545, 1,225,
 * 1,674 ms in one transaction, and 870 ms nested in a fresh transaction on a book of 8,000 deals
 * (65 ms at the top). `writeAll` lets the nested writes join the transaction instead.
 *
 * Figures (ratio = the median time of the last four batches over that of the first four; budget
 * ≤ 2, a flat cost gives about 1.1):
 *   1. nested-writes-deals: BATCHES × PER_BATCH new deals (`createDealMutations`) as one
 *      `mutate` per batch inside `writeAll`. The rollup triggers are dropped from this book: they
 *      cost several times the mutation layer's own work per deal (bench/rollup-writes.ts holds
 *      them to their budget) and would hide a growth of the write layer's share; they suffer the
 *      same savepoint cost (batches of 0.6 s took 4–6 s nested through plain write);
 *   2. nested-writes-apply: the merge's path, BATCHES × PER_BATCH contacts made in another book
 *      and applied there by `applyRemote` (one call per batch) inside `writeAll`;
 *   3. for information, figure 1's batches nested through plain `write` (savepoints), fewer of
 *      them (each one slower than the last; BENCH_NESTED_SAVEPOINTS=0 leaves it out).
 *
 * Run alone with `flock /tmp/bench.lock node bin/tsnode.js bench/nested-writes.ts` (about 30 s;
 * writes bench/results/nested-writes.json); `benchNestedWrites()` is what bench/run.ts can call.
 */
import { fileURLToPath } from 'node:url';
import { mutate, write, writeAll, type Mutation } from '../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import { createDealMutations } from '../src/main/services/deals';
import { createMember, setCurrentMember } from '../src/main/services/members';
import { createPipeline } from '../src/main/services/pipelines';
import { setSetting } from '../src/main/services/settings';
import { applyRemote } from '../src/main/sync/apply';
import { readOutbox, trimOutbox } from '../src/main/sync/outbox';
import type { FieldWrite } from '../src/shared/sync/merge';
import { newId } from '../src/shared/ids';
import { bookPath, removeBenchDir, removeBook } from './lib/books';
import { figures, fmtMs, log, writeFigures } from './lib/figures';
import { round } from './lib/stats';

const BATCHES = Number(process.env.BENCH_NESTED_BATCHES ?? 16);
const PER_BATCH = Number(process.env.BENCH_NESTED_PER_BATCH ?? 1_000);
const SAVEPOINT_BATCHES = Math.min(BATCHES, 8);
const SAVEPOINTS = process.env.BENCH_NESTED_SAVEPOINTS !== '0';
const BUDGET = 2;
const OPTIONS = { origin: 'bench' };
/** The tables the analytics rollup triggers keep (as in bench/rollup-writes.ts). */
const ROLLUP_TABLES = [
  'deal_stage_outcomes',
  'company_purchases',
  'deal_product_revenue',
  'deal_stage_reach',
  'deal_closed_months',
];

function dropRollupTriggers(db: CrmDb): void {
  const rows = db.sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as {
    name: string;
    sql: string;
  }[];
  for (const r of rows) if (ROLLUP_TABLES.some((t) => r.sql.includes(t))) db.sqlite.exec(`DROP TRIGGER "${r.name}"`);
}

interface DealBook {
  db: CrmDb;
  path: string;
  next: () => Mutation[];
}

/** A book with members, a pipeline and companies; `next()` gives one batch of new deals. */
function dealBook(name: string): DealBook {
  const path = bookPath(name);
  const db = openDatabase({ path, create: true });
  dropRollupTriggers(db);
  setSetting(db, 'baseCurrency', 'USD');
  const members = Array.from({ length: 6 }, (_, i) => createMember(db, { name: `Seller ${i + 1}` }).id);
  setCurrentMember(db, members[0]!);
  const pipeline = createPipeline(db, { name: 'New business' });
  const stages = pipeline.stages.filter((s) => s.kind === 'open').map((s) => s.id);
  const companies = Array.from({ length: 300 }, () => newId());
  mutate(
    db,
    companies.map((id, i): Mutation => ({ table: 'companies', op: 'insert', id, values: { name: `Company ${i}` } })),
    OPTIONS,
  );
  let n = 0;
  const next = () => {
    const out: Mutation[] = [];
    for (let i = 0; i < PER_BATCH; i++, n++) {
      const made = createDealMutations(
        db,
        {
          title: `Deal ${n + 1} – ${['Licenses', 'Onboarding', 'Support', 'Training'][n % 4]}`,
          pipelineId: pipeline.id,
          stageId: stages[n % stages.length]!,
          amount: 1_000 * (1 + (n % 97)),
          companyId: companies[(n * 7) % companies.length]!,
          ownerId: members[n % members.length]!,
        },
        OPTIONS,
      );
      out.push(...made.mutations);
    }
    return out;
  };
  return { db, path, next };
}

/** Times `count` batches written by `one(i)` inside `outer` (one transaction around all of them). */
function timeBatches(outer: (fn: () => void) => void, count: number, one: (i: number) => void): number[] {
  const times: number[] = [];
  outer(() => {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      one(i);
      times.push(performance.now() - started);
    }
  });
  return times;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function pushGrowth(id: string, name: string, times: number[], budget: number | null): void {
  // Medians of four batches: on a shared machine one batch in ten can take twice its time.
  const k = Math.min(4, Math.floor(times.length / 2));
  const early = median(times.slice(0, k));
  const late = median(times.slice(-k));
  const ratio = round(late / early, 2);
  figures.push({
    id,
    name,
    ours: { lastBatchesMedianMs: round(late, 1), batchesMs: times.map((t) => round(t, 1)) },
    reference: { earlyBatchesMedianMs: round(early, 1) },
    oursText: `last batches ${fmtMs(late)}`,
    referenceText: `first batches ${fmtMs(early)}`,
    ratio,
    budget: budget === null ? '— (information)' : `last / early ≤ ${budget}`,
    pass: budget === null ? null : ratio <= budget,
  });
  log(`${id}: ${times.map((t) => Math.round(t)).join(', ')} ms; last/early ${ratio}`);
}

function benchDeals(): void {
  const book = dealBook('nested-deals');
  try {
    // Made beforehand: only the writes are timed (making a deal's mutations reads its stage).
    const batches = Array.from({ length: BATCHES }, () => book.next());
    const times = timeBatches(
      (fn) => writeAll(book.db, fn),
      BATCHES,
      (i) => mutate(book.db, batches[i]!, OPTIONS),
    );
    pushGrowth(
      'nested-writes-deals',
      `${BATCHES} batches of ${PER_BATCH} new deals (mutate) in one writeAll transaction`,
      times,
      BUDGET,
    );
  } finally {
    book.db.close();
    removeBook(book.path);
  }
}

function benchApply(): void {
  const source = openDatabase({ path: bookPath('nested-apply-source'), create: true });
  const target = openDatabase({ path: bookPath('nested-apply-target'), create: true });
  try {
    const batches: FieldWrite[][] = [];
    for (let b = 0; b < BATCHES; b++) {
      mutate(
        source,
        Array.from({ length: PER_BATCH }, (_, i): Mutation => ({
          table: 'contacts',
          op: 'insert',
          id: newId(),
          values: { firstName: `Ana ${b}-${i}`, lastName: 'García', email: `ana.${b}.${i}@example.com` },
        })),
        OPTIONS,
      );
      const out = readOutbox(source, { maxChanges: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
      batches.push([...out.changes]);
      trimOutbox(source, out.lastSeq);
    }
    const times = timeBatches(
      (fn) => writeAll(target, fn),
      batches.length,
      (i) => applyRemote(target, batches[i]!),
    );
    pushGrowth(
      'nested-writes-apply',
      `${BATCHES} batches of ${PER_BATCH} contacts applied (applyRemote, a book merge's path) in one writeAll transaction`,
      times,
      BUDGET,
    );
  } finally {
    source.close();
    target.close();
    removeBook(bookPath('nested-apply-source'));
    removeBook(bookPath('nested-apply-target'));
  }
}

function benchSavepoints(): void {
  const book = dealBook('nested-savepoints');
  try {
    const batches = Array.from({ length: SAVEPOINT_BATCHES }, () => book.next());
    const times = timeBatches(
      (fn) => write(book.db, fn),
      SAVEPOINT_BATCHES,
      (i) => mutate(book.db, batches[i]!, OPTIONS),
    );
    pushGrowth(
      'nested-writes-savepoints',
      `${SAVEPOINT_BATCHES} batches of ${PER_BATCH} new deals nested through plain write (a savepoint each)`,
      times,
      null,
    );
  } finally {
    book.db.close();
    removeBook(book.path);
  }
}

export function benchNestedWrites(): void {
  benchDeals();
  benchApply();
  if (SAVEPOINTS) benchSavepoints();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    benchNestedWrites();
    writeFigures('nested-writes');
  } finally {
    removeBenchDir();
  }
}
