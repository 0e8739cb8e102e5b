/**
 * Issue 6's budgets, each next to its reference in the same run:
 *  - a 100k-row contacts CSV imported end to end (stream, checks, dedupe, one transaction through
 *    the mutation layer) under 10 s with peak memory under 600 MB, as a ratio to raw inserts of
 *    the same rows (a plain connection, one prepared INSERT, one transaction); each in a process
 *    of its own so its max RSS is its own (bench/import-child.ts);
 *  - 100k contacts exported to CSV under 3 s, next to a bare `SELECT *` joined into lines;
 *  - a backup of a 1 GB book never stalls the event loop (the UI's IPC) more than 100 ms, next
 *    to `VACUUM INTO` of the same book (synchronous: it stalls for its whole duration).
 *
 * Run alone with `node bin/tsnode.js bench/import.ts` (BENCH_IMPORT_ROWS, BENCH_BACKUP_MB scale
 * it down); `benchImport()` is what bench/run.ts can call. Results: bench/results/import.json.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/main/db/open';
import { backupNow } from '../src/main/services/backup';
import { writeExport } from '../src/main/services/export/files';
import { benchDir, bookPath, removeBenchDir, removeBook } from './lib/books';
import { figures, fmtMs, log } from './lib/figures';
import { round } from './lib/stats';

const here = dirname(fileURLToPath(import.meta.url));
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const BACKUP_MB = Number(process.env.BENCH_BACKUP_MB ?? 1024);

const FIRST = [
  'José',
  'María',
  'Ana',
  'Luis',
  'Carmen',
  'Javier',
  'Lucía',
  'Íñigo',
  'Begoña',
  'Pedro',
  'Núria',
  'Tomás',
];
const LAST = ['García', 'Martínez', 'López', 'Sánchez', 'Pérez', 'Gómez', 'Fernández', 'Muñoz', 'Álvarez', 'Romero'];
const CITY = ['Madrid', 'Barcelona', 'Sevilla', 'Valencia', 'Bilbao', 'Málaga', 'Zaragoza', 'A Coruña'];

function makeCsv(path: string, rows: number): void {
  const lines = ['Nombre,Apellidos,Correo electrónico,Teléfono,Cargo,Ciudad'];
  for (let i = 0; i < rows; i++) {
    const f = FIRST[i % FIRST.length]!;
    const l = LAST[(i * 7) % LAST.length]!;
    lines.push(
      `${f},${l} ${i},p${i}@ejemplo.es,+34 6${String(10_000_000 + i).slice(-8)},Comercial,${CITY[i % CITY.length]}`,
    );
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

function child(mode: 'ours' | 'raw', book: string, csv: string): { ms: number; maxRssMb: number; rows: number } {
  openDatabase({ path: book, create: true }).close();
  const out = spawnSync(
    process.execPath,
    [join(here, '..', 'bin', 'tsnode.js'), join(here, 'import-child.ts'), mode, book, csv],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (out.status !== 0) throw new Error(`import child (${mode}) failed: ${out.stderr}`);
  return JSON.parse(out.stdout.trim().split('\n').pop()!) as { ms: number; maxRssMb: number; rows: number };
}

async function benchCsvImport(): Promise<string> {
  const csv = join(benchDir, 'contacts.csv');
  makeCsv(csv, ROWS);
  log(`import: ${ROWS} rows, ${round(statSync(csv).size / 2 ** 20, 1)} MB`);
  const raw = child('raw', bookPath('import-raw'), csv);
  const ours = child('ours', bookPath('import-ours'), csv);
  removeBook(bookPath('import-raw'));
  figures.push({
    id: 'import-csv',
    name: `crm import of a ${ROWS.toLocaleString('en')}-row contacts CSV, end to end (one transaction through mutate)`,
    ours,
    reference: raw,
    oursText: `${fmtMs(ours.ms)}, peak ${Math.round(ours.maxRssMb)} MB`,
    referenceText: `raw inserts ${fmtMs(raw.ms)}, peak ${Math.round(raw.maxRssMb)} MB`,
    ratio: round(ours.ms / raw.ms, 2),
    budget: '< 10 s and < 600 MB',
    pass: ours.ms < 10_000 && ours.maxRssMb < 600 && ours.rows === ROWS,
  });
  return bookPath('import-ours');
}

/** What the list's Export menu and `crm export` run: the rows streamed to a file, a page at a time. */
async function benchCsvExport(bookFile: string): Promise<void> {
  const db = openDatabase({ path: bookFile });
  const runs: number[] = [];
  const refs: number[] = [];
  let count = 0;
  const out = `${bookFile}.export.csv`;
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    count = await writeExport(db, 'contacts', 'csv', {}, out, { bom: true });
    runs.push(performance.now() - t);
    t = performance.now();
    const rows = db.sqlite
      .prepare('SELECT * FROM contacts WHERE deleted = 0 ORDER BY name_sort, id')
      .raw()
      .all() as unknown[][];
    const text = rows.map((r) => r.join(',')).join('\r\n');
    refs.push(performance.now() - t + text.length * 0);
  }
  db.close();
  rmSync(out, { force: true });
  const ours = Math.min(...runs);
  const ref = Math.min(...refs);
  figures.push({
    id: 'export-csv',
    name: `CSV export of ${count.toLocaleString('en')} contacts to a file (all columns, company, tags, custom fields), best of 3`,
    ours: { ms: ours, runs },
    reference: { ms: ref, runs: refs },
    oursText: fmtMs(ours),
    referenceText: `bare SELECT + join ${fmtMs(ref)}`,
    ratio: round(ours / ref, 2),
    budget: '< 3 s',
    pass: ours < 3000 && count === ROWS,
  });
}

/** A book of about `mb` megabytes: the schema, plus filler rows in a table of their own. */
function bigBook(path: string, mb: number): void {
  openDatabase({ path, create: true }).close();
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.exec('CREATE TABLE IF NOT EXISTS bench_filler (id INTEGER PRIMARY KEY, data BLOB)');
  const insert = sqlite.prepare('INSERT INTO bench_filler (data) VALUES (randomblob(?))');
  const perRow = 64 * 1024;
  const total = Math.ceil((mb * 2 ** 20) / perRow);
  for (let i = 0; i < total; i += 1000) {
    sqlite.transaction(() => {
      for (let j = i; j < Math.min(total, i + 1000); j++) insert.run(perRow);
    })();
  }
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  sqlite.close();
}

/** The longest gap between ticks of a 5 ms timer while `work` runs: how long the UI would freeze. */
async function maxStall(work: () => Promise<unknown>): Promise<{ ms: number; stallMs: number }> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await work();
  const ms = performance.now() - started;
  worst = Math.max(worst, performance.now() - last);
  clearInterval(timer);
  return { ms, stallMs: worst };
}

async function benchBackup(): Promise<void> {
  const path = bookPath('backup-big');
  bigBook(path, BACKUP_MB);
  const size = statSync(path).size;
  const db = openDatabase({ path });
  const ours = await maxStall(() => backupNow(db, { reason: 'manual', out: join(benchDir, 'backup-online.sqlite') }));
  const ref = await maxStall(async () => {
    db.sqlite.prepare('VACUUM INTO ?').run(join(benchDir, 'backup-vacuum.sqlite'));
  });
  // The machine's own jitter: the same timer over the same time with nothing to do.
  const idle = await maxStall(() => new Promise((r) => setTimeout(r, ours.ms)));
  db.close();
  figures.push({
    id: 'backup-stall',
    name: `Backup of a ${round(size / 2 ** 30, 2)} GB book: longest event-loop stall while it runs`,
    ours,
    reference: ref,
    idle,
    oursText: `stall ${fmtMs(ours.stallMs)} (backup ${fmtMs(ours.ms)}; idle timer jitter ${fmtMs(idle.stallMs)})`,
    referenceText: `VACUUM INTO: stall ${fmtMs(ref.stallMs)} (${fmtMs(ref.ms)})`,
    ratio: round(ours.stallMs / ref.stallMs, 3),
    budget: 'stall < 100 ms',
    pass: ours.stallMs < 100,
  });
}

export async function benchImport(): Promise<void> {
  const book = await benchCsvImport();
  await benchCsvExport(book);
  removeBook(book);
  await benchBackup();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await benchImport();
    const out = join(here, 'results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(out, 'import.json'),
      JSON.stringify(
        { date: new Date().toISOString(), rows: ROWS, backupMb: BACKUP_MB, loadAverage: loadavg(), figures },
        null,
        2,
      ),
    );
    for (const f of figures)
      log(
        `${f.pass ? 'PASS' : 'FAIL'}  ${f.name}\n      ours: ${f.oursText}\n      ref:  ${f.referenceText}  (ratio ${f.ratio})`,
      );
  } finally {
    removeBenchDir();
  }
}
