/**
 * The foundation's figures (issue 2): seeding, the mutation layer against raw inserts, the first
 * page of the contacts list and full-text search, each next to its reference.
 */
import Database from 'better-sqlite3';
import { faker as fakerES } from '@faker-js/faker/locale/es';
import { dispatch } from '../src/main/api/dispatch';
import { mutate, type Mutation } from '../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import { listContacts } from '../src/main/services/contacts';
import { encodeCursor } from '../src/main/services/cursor';
import { searchQuery, toFtsQuery } from '../src/main/services/search';
import { seedWorkspace } from '../src/main/services/seed';
import { RecordMaker } from '../src/main/services/seed/records';
import { VOCABULARY } from '../src/main/services/seed/vocabulary';
import { newId } from '../src/shared/ids';
import { bookPath, removeBook } from './lib/books';
import { cpuSeconds, figures, fmtInt, log, pushLatency } from './lib/figures';
import { COMPANIES, CONTACTS, DEALS, SEARCH_QUERIES, SEED_ACTIVITIES } from './lib/settings';
import { round, samplePair, summarise, time, timeAsync, type Summary } from './lib/stats';

export const INSERT_BATCH = 2000;
export const INSERT_ROUNDS = 2;
export const LIST_RUNS = 200;
export const SEARCH_ROUNDS = 20;

/**
 * Seeds the book every figure reads: CONTACTS contacts, COMPANIES companies, DEALS deals and the
 * first SEED_ACTIVITIES activities with seedWorkspace, against the 30 s budget for 100k contacts.
 */
export function benchSeed(): CrmDb {
  const db = openDatabase({ path: bookPath('seeded'), create: true });
  const counts = { contacts: CONTACTS, companies: COMPANIES, deals: DEALS, activities: SEED_ACTIVITIES };
  log(`seeding ${fmtInt(CONTACTS)} contacts, ${fmtInt(COMPANIES)} companies...`);
  const cpu = process.cpuUsage();
  const r = seedWorkspace(db, { ...counts, locale: 'es', seed: 42 });
  const cpuS = cpuSeconds(process.cpuUsage(cpu));
  const rows = db.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
  figures.push({
    id: 'seed',
    name: `Seed ${fmtInt(CONTACTS)} contacts (+${fmtInt(counts.companies)} companies, ${fmtInt(counts.deals)} deals, ${fmtInt(counts.activities)} activities, links) with seedWorkspace`,
    ours: {
      seconds: round(r.seconds, 2),
      cpuSeconds: round(cpuS, 2),
      records: rows,
      recordsPerSecond: Math.round(rows / r.seconds),
    },
    oursText: `${r.seconds.toFixed(1)} s (${fmtInt(rows)} records, ${fmtInt(Math.round(rows / r.seconds))}/s)`,
    referenceText: '—',
    ratio: null,
    budget: 'under 30 s',
    pass: r.seconds < 30,
  });
  return db;
}

/**
 * 100k contacts through mutate (batches of 2,000) vs the same rows by a prepared INSERT, committed
 * at the same boundaries. Best of INSERT_ROUNDS for each side, on fresh books, so one hiccup of a shared
 * machine does not decide the ratio; every round is kept in the JSON.
 */
export function benchInsert(): void {
  const maker = new RecordMaker(VOCABULARY.es, fakerES, 7, Date.now());
  const values = Array.from({ length: CONTACTS }, () => maker.contact(null, []).values);
  let columns: string[] = [];
  let rows: unknown[][] = [];

  const ours: { seconds: number; cpuSeconds: number }[] = [];
  for (let round_ = 0; round_ < INSERT_ROUNDS; round_++) {
    const path = bookPath(`mutation-${round_}`);
    const db = openDatabase({ path, create: true });
    log(`inserting ${fmtInt(CONTACTS)} contacts through the mutation layer (round ${round_ + 1})...`);
    const cpu = process.cpuUsage();
    const ms = time(() => {
      for (let i = 0; i < values.length; i += INSERT_BATCH) {
        const batch: Mutation[] = values
          .slice(i, i + INSERT_BATCH)
          .map((v) => ({ table: 'contacts', op: 'insert', id: newId(), values: v }));
        mutate(db, batch, { origin: 'bench' });
      }
    });
    ours.push({ seconds: ms / 1000, cpuSeconds: cpuSeconds(process.cpuUsage(cpu)) });
    if (round_ === 0) {
      // The reference writes exactly what the mutation layer stored in `contacts`, column for column.
      const read = db.sqlite.prepare('SELECT * FROM contacts');
      columns = read.columns().map((c) => c.name);
      rows = read.raw().all() as unknown[][];
    }
    db.close();
    removeBook(path);
  }

  // The reference commits at the same boundaries (one transaction per 2,000 rows), so the ratio
  // is the mutation layer's own work and not SQLite's cost of committing more often. The same rows
  // in ONE transaction are measured too and shown next to it: that is the floor of a bulk insert.
  const reference: { seconds: number; cpuSeconds: number }[] = [];
  const oneTransaction: { seconds: number; cpuSeconds: number }[] = [];
  for (let round_ = 0; round_ < INSERT_ROUNDS; round_++) {
    for (const batched of [true, false]) {
      const path = bookPath(`raw-${round_}-${batched ? 'batched' : 'one'}`);
      openDatabase({ path, create: true }).close(); // same schema and indexes, made by the app
      // A plain connection: no write-guard triggers (they are per connection), same pragmas as the app.
      const raw = new Database(path);
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.pragma('temp_store = MEMORY');
      raw.pragma('cache_size = -65536');
      raw.pragma('wal_autocheckpoint = 10000');
      raw.pragma('journal_size_limit = 67108864');
      const insert = raw.prepare(
        `INSERT INTO contacts (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      const insertAll = raw.transaction((part: unknown[][]) => part.forEach((r) => insert.run(r)));
      log(
        `inserting the same rows with raw better-sqlite3, ${batched ? 'same batches' : 'one transaction'} (round ${round_ + 1})...`,
      );
      const cpu = process.cpuUsage();
      const ms = time(() => {
        if (!batched) return insertAll(rows);
        for (let i = 0; i < rows.length; i += INSERT_BATCH) insertAll(rows.slice(i, i + INSERT_BATCH));
      });
      (batched ? reference : oneTransaction).push({
        seconds: ms / 1000,
        cpuSeconds: cpuSeconds(process.cpuUsage(cpu)),
      });
      raw.close();
      removeBook(path);
    }
  }

  const best = (runs: { seconds: number }[]) => Math.min(...runs.map((r) => r.seconds));
  const bestCpu = (runs: { cpuSeconds: number }[]) => Math.min(...runs.map((r) => r.cpuSeconds));
  const oursS = best(ours);
  const refS = best(reference);
  const ratio = oursS / refS;
  const perRow = (s: number) => `${((s * 1e6) / CONTACTS).toFixed(0)} µs/row`;
  figures.push({
    id: 'insert',
    name: `Insert ${fmtInt(CONTACTS)} contacts: mutation layer (batches of ${fmtInt(INSERT_BATCH)}) vs raw prepared INSERT in the same batches, best of ${INSERT_ROUNDS}`,
    ours: { seconds: round(oursS, 2), microsPerRow: round((oursS * 1e6) / CONTACTS, 1), rounds: ours.map(rounded) },
    reference: {
      seconds: round(refS, 2),
      microsPerRow: round((refS * 1e6) / CONTACTS, 1),
      rounds: reference.map(rounded),
      oneTransaction: { seconds: round(best(oneTransaction), 2), rounds: oneTransaction.map(rounded) },
    },
    oursText: `${oursS.toFixed(2)} s (${perRow(oursS)}; CPU ${bestCpu(ours).toFixed(1)} s)`,
    referenceText:
      `${refS.toFixed(2)} s (${perRow(refS)}; CPU ${bestCpu(reference).toFixed(1)} s); ` +
      `in one transaction ${best(oneTransaction).toFixed(2)} s (ours ${(oursS / best(oneTransaction)).toFixed(2)}× that)`,
    ratio: round(ratio, 2),
    // Wall time decides the budget; CPU time shows how much of it a busy machine added.
    cpuRatio: round(bestCpu(ours) / bestCpu(reference), 2),
    budget: 'ratio ≤ 5',
    pass: ratio <= 5,
  });
}

function rounded(r: { seconds: number; cpuSeconds: number }) {
  return { seconds: round(r.seconds, 2), cpuSeconds: round(r.cpuSeconds, 2) };
}

/** First page (50) of the contacts list through the service vs the same SELECT prepared by hand. */
export function benchList(db: CrmDb): void {
  log('listing contacts...');
  const cases = [
    { id: 'list-name', label: 'sorted by name', field: 'name', direction: 'asc', order: 'name_sort ASC, id ASC' },
    {
      id: 'list-created',
      label: 'sorted by created, newest first',
      field: 'createdAt',
      direction: 'desc',
      order: 'created_at DESC, id DESC',
    },
  ] as const;
  for (const c of cases) {
    const ref = db.sqlite.prepare(`SELECT * FROM contacts WHERE deleted = 0 ORDER BY ${c.order} LIMIT 51`);
    const [ours, reference] = samplePair(
      () => listContacts(db, { limit: 50, sort: { field: c.field, direction: c.direction } }),
      () => ref.all(),
      LIST_RUNS,
    );
    pushLatency(
      c.id,
      `contacts.list first page (50) at ${fmtInt(CONTACTS)}, ${c.label}`,
      summarise(ours),
      summarise(reference),
      5,
    );
  }

  // Scrolling: a page from the middle of the list, by keyset cursor.
  const middle = db.sqlite
    .prepare('SELECT name_sort, id FROM contacts WHERE deleted = 0 ORDER BY name_sort, id LIMIT 1 OFFSET ?')
    .raw()
    .get(Math.floor(CONTACTS / 2)) as [string, string];
  const cursor = encodeCursor(middle);
  const refMiddle = db.sqlite.prepare(
    'SELECT * FROM contacts WHERE deleted = 0 AND (name_sort, id) > (?, ?) ORDER BY name_sort, id LIMIT 51',
  );
  const [middleOurs, middleRef] = samplePair(
    () => listContacts(db, { limit: 50, cursor, sort: { field: 'name', direction: 'asc' } }),
    () => refMiddle.all(...middle),
    LIST_RUNS,
  );
  pushLatency(
    'list-middle',
    `contacts.list page from the middle (cursor at ${fmtInt(CONTACTS / 2)}), by name`,
    summarise(middleOurs),
    summarise(middleRef),
    5,
  );

  // Typing in the list's filter box: words through the search index, then sorted by name.
  const filterRef = db.sqlite.prepare(`SELECT * FROM contacts WHERE deleted = 0 AND id IN (
      SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
      WHERE search_index MATCH ? AND d.type = 'contact') ORDER BY name_sort, id LIMIT 51`);
  const filters = ['garcia', 'mar', 'maria lopez'];
  const [filterOurs, filterRefs] = samplePair(
    () => filters.forEach((query) => listContacts(db, { limit: 50, query })),
    () => filters.forEach((q) => filterRef.all(toFtsQuery(q))),
    LIST_RUNS / 4,
  );
  const perFilter = (samples: number[]) => summarise(samples.map((ms) => ms / filters.length));
  pushLatency(
    'list-filter',
    `contacts.list first page with a text filter (${filters.map((q) => `"${q}"`).join(', ')}), by name`,
    perFilter(filterOurs),
    perFilter(filterRefs),
    null,
  );
}

/**
 * Search over SEARCH_QUERIES × SEARCH_ROUNDS vs a bare FTS MATCH of the same expression (LIMIT 20,
 * no ranking or join). `via: 'service'` calls searchQuery; `via: 'dispatch'` goes through
 * dispatch('search.query'), as the search box does (contract validation of input and output).
 */
export async function benchSearch(
  db: CrmDb,
  figure: { id: string; name: string; via: 'service' | 'dispatch' },
): Promise<void> {
  log(`searching (${figure.id})...`);
  const ctx = { db, locale: 'en', actor: null, origin: 'ui' } as const;
  // The service is timed synchronously, as before; dispatch is async, so its time includes settling the promise.
  const measure = (query: string): Promise<number> =>
    figure.via === 'service'
      ? Promise.resolve(time(() => searchQuery(db, { query, limit: 20 })))
      : timeAsync(() => dispatch('search.query', { query, limit: 20 }, ctx));
  const ref = db.sqlite.prepare('SELECT rowid FROM search_index WHERE search_index MATCH ? LIMIT 20').pluck();
  const ours: number[] = [];
  const reference: number[] = [];
  const byQuery = new Map<string, number[]>();
  for (const q of SEARCH_QUERIES) {
    // Warm both paths once per query.
    await measure(q);
    ref.all(toFtsQuery(q));
    byQuery.set(q, []);
  }
  for (let round_ = 0; round_ < SEARCH_ROUNDS; round_++) {
    for (const q of SEARCH_QUERIES) {
      const ms = await measure(q);
      ours.push(ms);
      byQuery.get(q)!.push(ms);
      const fts = toFtsQuery(q);
      reference.push(time(() => ref.all(fts)));
    }
  }
  const matches = db.sqlite.prepare('SELECT count(*) FROM search_index WHERE search_index MATCH ?').pluck();
  const perQuery: Record<string, { hits: number; p50: number; p95: number }> = {};
  for (const [q, samples] of byQuery) {
    const s: Summary = summarise(samples);
    perQuery[q] = { hits: matches.get(toFtsQuery(q)) as number, p50: s.p50, p95: s.p95 };
  }
  pushLatency(figure.id, figure.name, summarise(ours), summarise(reference), 20, { perQuery });
}
