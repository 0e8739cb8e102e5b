/**
 * XLSX export of a contacts list, next to the CSV export of the same rows in the same run (the
 * reference: same query, same rows, no workbook). Run alone:
 *
 *   flock /tmp/bench.lock node bin/tsnode.js bench/export-xlsx.ts
 *
 * BENCH_XLSX_CONTACTS scales it (default 100k). The seeded book is kept in the system temp folder
 * (`crm-bench-xlsx-<n>.sqlite`) so a before/after pair measures the same rows without seeding twice;
 * BENCH_XLSX_FRESH=1 seeds it again.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/main/db/open';
import { writeExport } from '../src/main/services/export/files';
import { seedWorkspace } from '../src/main/services/seed';

const CONTACTS = Number(process.env.BENCH_XLSX_CONTACTS ?? 100_000);
const book = join(tmpdir(), `crm-bench-xlsx-${CONTACTS}.sqlite`);

if (process.env.BENCH_XLSX_FRESH === '1' || !existsSync(book)) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(book + suffix, { force: true });
  const db = openDatabase({ path: book, create: true });
  const started = performance.now();
  seedWorkspace(db, { contacts: CONTACTS, companies: CONTACTS / 5, deals: 0, activities: 0, locale: 'es' });
  db.close();
  console.log(`seeded ${CONTACTS} contacts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const db = openDatabase({ path: book });
const out = `${book}.out`;
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
for (const format of ['csv', 'xlsx'] as const) {
  for (let round = 0; round < 2; round++) {
    const t = performance.now();
    const count = await writeExport(db, 'contacts', format, {}, out, { bom: format === 'csv' });
    const ms = performance.now() - t;
    console.log(
      `${format}: ${count} rows in ${(ms / 1000).toFixed(2)} s, ${(statSync(out).size / 2 ** 20).toFixed(1)} MB (load ${load()})`,
    );
  }
}
rmSync(out, { force: true });
db.close();
