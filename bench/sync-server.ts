/**
 * Sync server ingest (issue 7): field changes per second through the real push path (HTTP, auth,
 * validation, LWW against field_state, change_log, one transaction per batch), next to a reference in
 * the same run: the same rows inserted into a plain table of the same shape with one multi-row INSERT
 * per batch on the same database (no HTTP, no merge). Budget: ≥ 5,000 field changes/s on PostgreSQL.
 *
 * `node bin/tsnode.js bench/sync-server.ts` (SERVER_BENCH_CHANGES=N, default 100,000; batches of 2,000).
 * PostgreSQL is a throw-away cluster from test/server/postgres.ts (skipped, with the reason, when it
 * cannot start). Writes bench/results/sync-server.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeHlc } from '../src/shared/sync/hlc';
import { SYNC_PATHS, type FieldChange, type Session } from '../src/shared/sync/protocol';
import { startSyncServer, type SyncServer } from '../src/server/index';
import { startPostgres } from '../test/server/postgres';

const TOTAL = Number(process.env.SERVER_BENCH_CHANGES ?? 100_000);
const BATCH = 2000;
const FIELDS = ['name', 'email', 'phone', 'city', 'notes'];

interface Figure {
  storage: string;
  changes: number;
  ingestMs: number;
  changesPerSecond: number;
  referenceMs: number;
  ratio: number;
  budgetMet?: boolean;
}

function makeChanges(node: string): FieldChange[][] {
  const batches: FieldChange[][] = [];
  const t0 = Date.now() - 60_000;
  for (let i = 0; i < TOTAL; i += BATCH) {
    const batch: FieldChange[] = [];
    for (let j = i; j < Math.min(TOTAL, i + BATCH); j++) {
      const field = FIELDS[j % FIELDS.length]!;
      batch.push({
        table: 'contacts',
        rowId: `row-${Math.floor(j / FIELDS.length)
          .toString()
          .padStart(8, '0')}`,
        field,
        value: `${field} value ${j} — José Núñez`,
        hlc: encodeHlc({ millis: t0 + Math.floor(j / 50), counter: j % 50, node }),
        node,
      });
    }
    batches.push(batch);
  }
  return batches;
}

async function post<T>(base: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function measure(server: SyncServer, storage: string): Promise<Figure> {
  const session = await post<Session>(server.url, SYNC_PATHS.signup, {
    email: `bench-${storage}@example.com`,
    password: 'bench password',
    workspaceName: 'Bench',
    deviceName: 'bench',
  });
  const node = 'bench-node';
  await post(
    server.url,
    SYNC_PATHS.hello,
    { deviceId: session.deviceId, nodeId: node, schemaVersion: 1, clientTime: Date.now() },
    session.accessToken,
  );
  const batches = makeChanges(node);
  const started = performance.now();
  let seq = 0;
  for (const changes of batches) {
    await post(server.url, SYNC_PATHS.push, { deviceId: session.deviceId, seq: ++seq, changes }, session.accessToken);
  }
  const ingestMs = performance.now() - started;

  // Reference: the same rows, one multi-row INSERT per batch, same database, same transaction size.
  await server.db.exec(
    `CREATE TABLE IF NOT EXISTS bench_ref (workspace_id text, table_name text, row_id text, field text,
       value jsonb, hlc text, node text, server_seq bigint, PRIMARY KEY (workspace_id, table_name, row_id, field))`,
  );
  const refStarted = performance.now();
  let s = 0;
  for (const changes of batches) {
    const params: (string | number)[] = [];
    const rows = changes.map((c) => {
      const k = params.length;
      params.push(c.table, c.rowId, c.field, JSON.stringify(c.value), c.hlc, c.node, ++s);
      return `('w', $${k + 1}, $${k + 2}, $${k + 3}, $${k + 4}::jsonb, $${k + 5}, $${k + 6}, $${k + 7})`;
    });
    await server.db.transaction((tx) =>
      tx.query(
        `INSERT INTO bench_ref (workspace_id, table_name, row_id, field, value, hlc, node, server_seq) VALUES ${rows.join(',')}`,
        params,
      ),
    );
  }
  const referenceMs = performance.now() - refStarted;
  return {
    storage,
    changes: TOTAL,
    ingestMs: Math.round(ingestMs),
    changesPerSecond: Math.round((TOTAL / ingestMs) * 1000),
    referenceMs: Math.round(referenceMs),
    ratio: Math.round((ingestMs / referenceMs) * 100) / 100,
  };
}

const figures: Figure[] = [];
const skipped: Record<string, string> = {};
const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'crm-bench-server-'));
  dirs.push(d);
  return d;
};
try {
  const pglite = await startSyncServer({ dataDir: tmp(), logLevel: 'silent' });
  try {
    figures.push(await measure(pglite, 'pglite'));
  } finally {
    await pglite.close();
  }
  const pg = await startPostgres();
  if ('skip' in pg) skipped.postgres = pg.skip;
  else {
    try {
      const server = await startSyncServer({
        dataDir: tmp(),
        databaseUrl: await pg.createDatabase('bench'),
        logLevel: 'silent',
      });
      try {
        const f = await measure(server, 'postgres');
        figures.push({ ...f, budgetMet: f.changesPerSecond >= 5000 });
      } finally {
        await server.close();
      }
    } finally {
      await pg.stop();
    }
  }
} finally {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

console.log('| Storage | Field changes | Ingest | Changes/s | Reference (plain INSERT) | Ratio |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const f of figures) {
  console.log(
    `| ${f.storage} | ${f.changes} | ${f.ingestMs} ms | ${f.changesPerSecond}${f.budgetMet === undefined ? '' : f.budgetMet ? ' ✓' : ' ✗ (≥ 5,000)'} | ${f.referenceMs} ms | ${f.ratio} |`,
  );
}
for (const [k, v] of Object.entries(skipped)) console.log(`${k} skipped: ${v}`);
const out = join(dirname(fileURLToPath(import.meta.url)), 'results');
mkdirSync(out, { recursive: true });
writeFileSync(
  join(out, 'sync-server.json'),
  JSON.stringify({ date: new Date().toISOString(), loadAverage: loadavg(), batch: BATCH, figures, skipped }, null, 2),
);
