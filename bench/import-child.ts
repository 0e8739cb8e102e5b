/**
 * One measured run of bench/import.ts in a process of its own, so its peak memory (max RSS) is
 * the import's alone: `node bin/tsnode.js bench/import-child.ts ours|raw BOOK CSV` prints
 * `{ ms, maxRssMb, rows }` as JSON on stdout.
 */
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { openDatabase } from '../src/main/db/open';
import { importCsv } from '../src/main/services/import/csv-import';
import { newId } from '../src/shared/ids';

const [mode, book, csv] = process.argv.slice(2) as ['ours' | 'raw', string, string];
const started = performance.now();
let rows = 0;

if (mode === 'ours') {
  const db = openDatabase({ path: book });
  const out = await importCsv(db, {
    path: csv,
    fileName: 'bench.csv',
    entity: 'contacts',
    settings: { dedupe: 'create' },
  });
  if (!out.ok) throw new Error(`import refused: ${JSON.stringify(out.problems.slice(0, 3))}`);
  rows = out.counts.created;
  db.close();
} else {
  // The reference: the same file read whole and parsed, each row inserted as a contact with one
  // prepared INSERT in one transaction, on a plain connection (no guard, clocks, outbox, audit or index).
  const sqlite = new Database(book);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  const parsed = Papa.parse<string[]>(readFileSync(csv, 'utf8'), { skipEmptyLines: true });
  const insert = sqlite.prepare(
    `INSERT INTO contacts (id, first_name, last_name, emails, phones, job_title, addresses, created_at, updated_at, name_sort)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const now = Date.now();
  sqlite.transaction(() => {
    for (const r of parsed.data.slice(1)) {
      insert.run(
        newId(),
        r[0],
        r[1],
        JSON.stringify([{ value: r[2] }]),
        JSON.stringify([{ value: r[3] }]),
        r[4],
        JSON.stringify([{ city: r[5], country: 'ES' }]),
        now,
        now,
        `${r[1]} ${r[0]}`.toLowerCase(),
      );
      rows++;
    }
  })();
  sqlite.close();
}
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows }) + '\n');
