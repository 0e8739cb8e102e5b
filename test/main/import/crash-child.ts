// Run by import-crash.test.ts: imports a file and says "writing" on stdout right before the one
// write transaction starts, so the parent can kill it in the middle of that transaction.
import { writeSync } from 'node:fs';
import { openDatabase } from '../../../src/main/db/open';
import { importCsv } from '../../../src/main/services/import/csv-import';

const [dbPath, csvPath] = process.argv.slice(2) as [string, string];
const db = openDatabase({ path: dbPath });
await importCsv(db, {
  path: csvPath,
  fileName: 'big.csv',
  entity: 'contacts',
  beforeWrite: async () => {
    writeSync(1, 'writing\n');
  },
});
writeSync(1, 'done\n');
db.close();
