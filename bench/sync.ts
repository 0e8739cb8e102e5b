/**
 * Sync client figures (issue 7), each next to its reference in the same run:
 *
 *  - First sync of SYNC_BENCH_RECORDS (100k by default: 4/5 contacts, 1/5 companies) to a new
 *    device: sign-in done, then one `syncRound` (bootstrap pages of 2,000 whole rows through HTTP,
 *    applied with rows, cell clocks, derived fields, search index and audit). Budget: under 20 s. The
 *    server runs in a process of its own (bench/sync-server-child.ts), on PGlite, then on a throw-away
 *    PostgreSQL (test/server/postgres.ts); it is loaded with device A's cells first (see PRELOAD).
 *  - Round trip of 1k changes: A edits 1,000 contacts, pushes (one round), B pulls them (one round).
 *    Budget: under 1 s.
 *  - Reference: the same records replicated PouchDB to PouchDB (pouchdb-node + express-pouchdb in
 *    express 4 on loopback, batch_size 500) to a new empty database; reported as ours over PouchDB's.
 *
 * `node bin/tsnode.js bench/sync.ts` (SYNC_BENCH_RECORDS=N to scale; SYNC_BENCH_POUCH=0 to skip the reference).
 * Writes bench/results/sync.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutate, type Mutation } from '../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../src/main/db/open';
import { saveSession, syncRound } from '../src/main/sync/engine';
import { SyncHttp } from '../src/main/sync/http';
import { cellsOfRow } from '../src/main/sync/outbox';
import { KEYS, setJson } from '../src/main/sync/state';
import type { FromServer, ToServer } from './sync-server-child';

const RECORDS = Number(process.env.SYNC_BENCH_RECORDS ?? 100_000);
const CONTACTS = Math.round(RECORDS * 0.8);
const COMPANIES = RECORDS - CONTACTS;
const ROUND_TRIP = 1000;
const POUCH = process.env.SYNC_BENCH_POUCH !== '0';
/**
 * Loading the server through the push path takes minutes at 100k records (its ingest rate is the
 * server's own figure); by default the bench writes A's cells straight into field_state instead
 * (SYNC_BENCH_PRELOAD=0 pushes them). The first sync of B reads them back the same either way.
 */
const PRELOAD = process.env.SYNC_BENCH_PRELOAD !== '0';
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
const work = mkdtempSync(join(tmpdir(), 'crm-bench-sync-'));
const log = (...args: unknown[]) => console.log(new Date().toISOString().slice(11, 19), ...args);
const secs = (ms: number) => Math.round(ms) / 1000;

function makeRecords(): { contacts: Record<string, unknown>[]; companies: Record<string, unknown>[] } {
  const first = ['José', 'Ana', 'María', 'Luis', 'Carmen', 'Javier', 'Lucía', 'Pedro', 'Sofía', 'Miguel'];
  const last = ['García', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Ruiz', 'Díaz', 'Moreno', 'Álvarez'];
  const contacts = Array.from({ length: CONTACTS }, (_, i) => ({
    id: `c${String(i).padStart(7, '0')}`,
    firstName: first[i % 10]!,
    lastName: `${last[(i * 7) % 10]!} ${i}`,
    emails: [{ value: `user${i}@example.com`, label: 'work' }],
    phones: [{ value: `+3461${String(i).padStart(7, '0')}`, label: 'mobile' }],
    jobTitle: i % 3 === 0 ? 'Director comercial' : 'Ventas',
    lifecycleStage: 'lead',
    custom: i % 4 === 0 ? { tier: 'gold' } : {},
  }));
  const companies = Array.from({ length: COMPANIES }, (_, i) => ({
    id: `k${String(i).padStart(7, '0')}`,
    name: `Empresa ${i}`,
    domain: `empresa${i}.es`,
    industry: i % 2 ? 'Retail' : 'Software',
  }));
  return { contacts, companies };
}

function fill(db: CrmDb, records: ReturnType<typeof makeRecords>): void {
  const all: Mutation[] = [
    ...records.companies.map(({ id, ...values }) => ({
      table: 'companies' as const,
      op: 'insert' as const,
      id: String(id),
      values,
    })),
    ...records.contacts.map(({ id, ...values }) => ({
      table: 'contacts' as const,
      op: 'insert' as const,
      id: String(id),
      values,
    })),
  ];
  for (let i = 0; i < all.length; i += 2000) mutate(db, all.slice(i, i + 2000), { origin: 'bench' });
}

async function ours(storage: 'pglite' | 'postgres', records: ReturnType<typeof makeRecords>) {
  const dir = join(work, storage);
  mkdirSync(dir, { recursive: true });
  const server = await startServer(join(dir, 'server'), storage === 'postgres' ? process.env.DATABASE_URL : undefined);
  try {
    const http = new SyncHttp(server.url);
    const email = `bench-${Date.now()}@example.com`;
    const a = openDatabase({ path: join(dir, 'a.sqlite'), create: true });
    const session = await http.signup({ email, password: 'bench password', workspaceName: 'Bench', deviceName: 'A' });
    saveSession(a, http.base, email, session);
    let t = performance.now();
    fill(a, records);
    log(`${storage}: ${RECORDS} records written on device A in ${secs(performance.now() - t)} s`);
    t = performance.now();
    const pushed = PRELOAD ? await preload(server, a, session.workspaceId) : await syncRound(a);
    const pushMs = performance.now() - t;
    log(
      `${storage}: pushed ${pushed.pushed} field changes in ${secs(pushMs)} s (${Math.round(pushed.pushed / (pushMs / 1000))}/s)`,
    );

    const b = openDatabase({ path: join(dir, 'b.sqlite'), create: true });
    saveSession(b, http.base, email, await http.signin({ email, password: 'bench password', deviceName: 'B' }));
    t = performance.now();
    const cpu = process.cpuUsage();
    const first = await syncRound(b);
    const firstMs = performance.now() - t;
    // The device's own CPU time (this process; the server has its own): on a shared machine the wall
    // time also holds the time spent waiting for a core.
    const firstCpu = process.cpuUsage(cpu);
    const rows = b.sqlite
      .prepare('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM companies)')
      .pluck()
      .get() as number;
    log(
      `${storage}: first sync of ${rows} records (${first.pulled} fields) to a new device in ${secs(firstMs)} s (device CPU ${secs((firstCpu.user + firstCpu.system) / 1000)} s)`,
    );

    // Round trip: 1k edits on A reach B.
    const ids = records.contacts.slice(0, ROUND_TRIP).map((c) => String(c.id));
    mutate(
      a,
      ids.map((id, i) => ({
        table: 'contacts' as const,
        op: 'update' as const,
        id,
        values: { jobTitle: `Edited ${i}` },
      })),
    );
    t = performance.now();
    const push = await syncRound(a);
    const pushOnly = performance.now() - t;
    const pull = await syncRound(b);
    const roundTripMs = performance.now() - t;
    const arrived = b.sqlite
      .prepare("SELECT count(*) FROM contacts WHERE job_title LIKE 'Edited %'")
      .pluck()
      .get() as number;
    log(
      `${storage}: round trip of ${ROUND_TRIP} changes in ${secs(roundTripMs)} s (push ${secs(pushOnly)} s, ${push.pushed} fields; pull ${pull.pulled} fields); ${arrived} arrived`,
    );
    a.close();
    b.close();
    return {
      storage,
      records: rows,
      serverLoadedBy: PRELOAD ? 'direct insert into field_state' : 'push',
      pushFields: pushed.pushed,
      pushSeconds: secs(pushMs),
      firstSyncFields: first.pulled,
      firstSyncSeconds: secs(firstMs),
      firstSyncDeviceCpuSeconds: secs((firstCpu.user + firstCpu.system) / 1000),
      roundTripSeconds: secs(roundTripMs),
      roundTripPushSeconds: secs(pushOnly),
      roundTripArrived: arrived,
    };
  } finally {
    await server.close();
  }
}

/** Writes every cell of A into the server's field_state and row_state (as a push would leave them) and marks A as up to date. */
async function preload(server: ServerProcess, a: CrmDb, workspaceId: string) {
  const keys = a.sqlite.prepare('SELECT table_name AS t, row_id AS r FROM sync_cell_clock').all() as {
    t: string;
    r: string;
  }[];
  let seq = 0;
  for (let i = 0; i < keys.length; i += 2000) {
    const cells = keys.slice(i, i + 2000).flatMap((k) => cellsOfRow(a, k.t, k.r));
    const rows = cells.map((c) => ({ t: c.table, r: c.rowId, f: c.field, v: c.value, h: c.hlc, n: c.node, s: ++seq }));
    await server.call({ type: 'preload', workspaceId, cells: rows });
  }
  const epoch = (await server.call({ type: 'finish', workspaceId, seq }))!;
  a.sqlite.prepare('DELETE FROM sync_outbox').run();
  setJson(a, KEYS.cursor, { epoch, serverSeq: seq });
  return { pushed: seq };
}

interface ServerProcess {
  url: string;
  call(m: DistributiveOmit<ToServer, 'id'>): Promise<string | undefined>;
  close(): Promise<void>;
}
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Starts bench/sync-server-child.ts (the server in a process of its own) and waits for its URL. */
async function startServer(dataDir: string, databaseUrl: string | undefined): Promise<ServerProcess> {
  const here = dirname(fileURLToPath(import.meta.url));
  const child = fork(join(here, 'sync-server-child.ts'), [], {
    execPath: process.execPath,
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? '' },
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (epoch: string | undefined) => void; reject: (e: Error) => void }>();
  let next = 0;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sync server process exited (${String(code)})`)));
    child.on('message', (m: FromServer) => {
      if (m.type === 'ready') return resolve(m.url);
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) w?.reject(new Error(m.error));
      else w?.resolve(m.epoch);
    });
  });
  const call = (m: DistributiveOmit<ToServer, 'id'>) =>
    new Promise<string | undefined>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      child.send({ ...m, id });
    });
  return {
    url,
    call,
    async close() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await call({ type: 'close' });
      await exited;
    },
  };
}

/** The reference: the same records as PouchDB documents, replicated from an express-pouchdb server to a new database. */
async function pouch(records: ReturnType<typeof makeRecords>) {
  const require = createRequire(import.meta.url);
  type Db = {
    bulkDocs(docs: object[]): Promise<unknown>;
    info(): Promise<{ doc_count: number }>;
    replicate: { from(url: string, opts: object): Promise<{ docs_written: number }> };
    close(): Promise<void>;
  };
  const PouchDB = require('pouchdb-node') as {
    new (name: string): Db;
    defaults(opts: object): unknown;
  };
  const express = require('express') as () => {
    use(path: string, h: unknown): void;
    listen(port: number, host: string, cb: () => void): { address(): AddressInfo; close(cb: () => void): void };
  };
  const expressPouch = require('express-pouchdb') as (p: unknown, opts: object) => unknown;
  const dir = join(work, 'pouch');
  mkdirSync(dir, { recursive: true });
  const ServerPouch = PouchDB.defaults({ prefix: `${dir}/server-` });
  const app = express();
  app.use('/', expressPouch(ServerPouch, { mode: 'minimumForPouchDB', logPath: join(dir, 'log.txt') }));
  const listener = await new Promise<ReturnType<ReturnType<typeof express>['listen']>>((resolve) => {
    const l = app.listen(0, '127.0.0.1', () => resolve(l));
  });
  const url = `http://127.0.0.1:${listener.address().port}/bench`;
  const source = new (ServerPouch as unknown as new (name: string) => Db)('bench');
  const docs = [
    ...records.companies.map(({ id, ...rest }) => ({ _id: `companies:${String(id)}`, ...rest })),
    ...records.contacts.map(({ id, ...rest }) => ({ _id: `contacts:${String(id)}`, ...rest })),
  ];
  let t = performance.now();
  for (let i = 0; i < docs.length; i += 5000) await source.bulkDocs(docs.slice(i, i + 5000));
  log(`pouchdb: ${docs.length} documents loaded into the server in ${secs(performance.now() - t)} s`);
  const target = new PouchDB(join(dir, 'device-b'));
  t = performance.now();
  const result = await target.replicate.from(url, { batch_size: 500 });
  const ms = performance.now() - t;
  const count = (await target.info()).doc_count;
  log(`pouchdb: replicated ${result.docs_written} documents (${count} in the new database) in ${secs(ms)} s`);
  await target.close();
  await source.close();
  await new Promise<void>((resolve) => listener.close(() => resolve()));
  return { documents: count, seconds: secs(ms) };
}

try {
  log(
    `sync bench: ${CONTACTS} contacts + ${COMPANIES} companies; load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const records = makeRecords();
  const results: Record<string, unknown> = {
    records: RECORDS,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg(),
  };
  const pglite = await ours('pglite', records);
  results.pglite = pglite;
  if (process.env.SYNC_BENCH_POSTGRES !== '0') {
    // A throw-away PostgreSQL (the server's test helper: initdb + pg_ctl on a loopback port).
    const { startPostgres } = await import('../test/server/postgres');
    const pg = await startPostgres();
    if ('skip' in pg) results.postgres = { skipped: pg.skip };
    else {
      try {
        process.env.DATABASE_URL = await pg.createDatabase('bench_sync');
        results.postgres = await ours('postgres', records);
      } finally {
        delete process.env.DATABASE_URL;
        await pg.stop();
      }
    }
  }
  if (POUCH) {
    const reference = await pouch(records);
    results.pouchdb = reference;
    const over = (seconds: number) => Math.round((seconds / reference.seconds) * 100) / 100;
    // The headline ratio is PGlite's (the server's default storage, and the slower of the two);
    // PostgreSQL's is kept beside it.
    results.firstSyncOverPouch = over(pglite.firstSyncSeconds);
    log(`first sync, ours (PGlite) over PouchDB's: ${String(results.firstSyncOverPouch)} (goal 0.3 or less)`);
    const postgres = results.postgres as { firstSyncSeconds?: number } | undefined;
    if (postgres?.firstSyncSeconds !== undefined) {
      results.firstSyncOverPouchPostgres = over(postgres.firstSyncSeconds);
      log(`first sync, ours (PostgreSQL) over PouchDB's: ${String(results.firstSyncOverPouchPostgres)}`);
    }
  }
  results.loadAverageAtEnd = loadavg();
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'sync.json'), JSON.stringify(results, null, 2));
  log('wrote bench/results/sync.json');
} finally {
  rmSync(work, { recursive: true, force: true });
}
