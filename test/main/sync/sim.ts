import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mutate } from '../../../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { syncRound } from '../../../src/main/sync/engine';
import { SyncOfflineError, SyncRemoteError, type FetchLike } from '../../../src/main/sync/http';
import { cellsOfRow } from '../../../src/main/sync/outbox';
import { canonical, materialize, mergeAll, type CellState, type FieldWrite } from '../../../src/shared/sync/merge';
import { saveSession } from '../../../src/main/sync/engine';
import type { Session } from '../../../src/shared/sync/protocol';
import { signIn, signUp, type TestServer } from './harness';

/** Small, seedable PRNG (mulberry32): a seed replays the same run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The simulated wall clock the server and every replica (with its own skew) read. */
export const simClock = { now: Date.now() };

const TABLES = ['contacts', 'companies'] as const;
type SimTable = (typeof TABLES)[number];
const NAMES = ['Ana', 'Bea', 'José', 'Zoë', 'Li', 'Omar'];
const CUSTOM_KEYS = ['size', 'tier', 'region'];

interface Replica {
  db: CrmDb;
  fetch: FetchLike;
  partitioned: boolean;
  history: { url: string; init: RequestInit }[];
}

export interface SimOptions {
  seed: number;
  server: TestServer;
  /** Base folder holding `template.sqlite`, a migrated empty book copied for each replica. */
  template: string;
  /**
   * Runs that share a slot (one at a time) reuse its workspace and enrolled devices: sign-in (argon2)
   * would otherwise dominate the run time. A new book on a stored device token is ordinary use; each
   * run only looks at its own records (their ids carry the seed).
   */
  slot?: number;
}

const slots = new Map<number, { email: string; sessions: Session[] }>();

export interface SimReport {
  replicas: number;
  ops: number;
  rounds: number;
  faults: number;
  rows: number;
}

/** A migrated empty book: copying it is much faster than migrating one per replica. */
export function makeTemplate(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sim-template-'));
  const db = openDatabase({ path: join(dir, 'template.sqlite'), create: true });
  db.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  db.sqlite.pragma('journal_mode = DELETE');
  db.close();
  return dir;
}

function openReplica(template: string, dir: string, i: number, nodeId: string, skew: number): CrmDb {
  const path = join(dir, `replica-${i}.sqlite`);
  copyFileSync(join(template, 'template.sqlite'), path);
  // A copied book must not share its node id (the HLC tie-break) with its origin.
  const raw = new Database(path);
  raw.prepare("UPDATE sync_state SET value = ? WHERE key = 'node_id'").run(nodeId);
  raw.close();
  return openDatabase({ path, now: () => simClock.now + skew });
}

/**
 * One seeded run: 3–8 replicas edit contacts and companies (insert, update, delete, restore, merge,
 * custom values, purge) and sync through a network that drops requests, delivers them twice, loses
 * responses after the server committed, replays stale requests and partitions replicas, with skewed
 * clocks. Then the network heals and every replica syncs until quiet. Throws when a replica differs
 * from the server, the server differs from the oracle (every write any replica made, merged), an
 * outbox is not empty, or a row is missing or doubled.
 */
export async function runSimulation(options: SimOptions): Promise<SimReport> {
  const random = rng(options.seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const dir = mkdtempSync(join(tmpdir(), `crm-sim-${options.seed}-`));
  const url = options.server.server.url;
  const n = 3 + int(6);
  const replicas: Replica[] = [];
  let faultsOn = true;
  let faults = 0;
  let rounds = 0;
  let ops = 0;
  let oracle: CellState = new Map();
  let serial = 0;

  const shim =
    (r: () => Replica): FetchLike =>
    async (target, init) => {
      const replica = r();
      if (faultsOn && replica.partitioned) throw new TypeError('partitioned');
      const roll = faultsOn ? random() : 1;
      if (roll < 0.06) {
        faults++;
        throw new TypeError('request dropped');
      }
      replica.history.push({ url: target, init });
      if (replica.history.length > 30) replica.history.shift();
      if (roll < 0.12) {
        faults++;
        await (await fetch(target, init)).text(); // delivered twice; the first answer is lost
      }
      const response = await fetch(target, init);
      if (roll < 0.2) {
        faults++;
        await response.text(); // the server committed, the answer never arrived
        throw new TypeError('response lost');
      }
      return response;
    };

  const slot =
    options.slot === undefined
      ? undefined
      : (slots.get(options.slot) ??
        slots
          .set(options.slot, {
            email: `sim-slot-${options.slot}-${process.pid}-${Date.now()}@example.com`,
            sessions: [],
          })
          .get(options.slot)!);
  const email = slot?.email ?? `sim-${options.seed}-${process.pid}-${Date.now()}@example.com`;
  const mine = (id: string) => id.includes(`-${options.seed}-`);
  let workspaceId = '';
  try {
    for (let i = 0; i < n; i++) {
      const skew = i === 0 ? 0 : int(180_001) - 90_000;
      const replica: Replica = {
        db: openReplica(options.template, dir, i, `n${options.seed.toString(36)}x${i}`, skew),
        fetch: (u, init) => fetch(u, init),
        partitioned: false,
        history: [],
      };
      replica.fetch = shim(() => replica);
      replicas.push(replica);
      let session = slot?.sessions[i];
      if (session) saveSession(replica.db, url, email, session);
      else {
        session =
          i === 0 && !slot?.sessions[0] ? await signUp(replica.db, url, email) : await signIn(replica.db, url, email);
        if (slot) slot.sessions[i] = session;
      }
      workspaceId = session.workspaceId;
    }

    const record = (db: CrmDb, table: SimTable, id: string) => {
      oracle = mergeAll(oracle, cellsOfRow(db, table, id) as FieldWrite[]);
    };
    const rowsOf = (db: CrmDb, table: SimTable) =>
      db.sqlite
        .prepare(`SELECT id, deleted, custom FROM "${table}" WHERE id LIKE ? ORDER BY id`)
        .all(`%-${options.seed}-%`) as {
        id: string;
        deleted: number;
        custom: string;
      }[];

    const localOp = (db: CrmDb) => {
      const table = pick(TABLES);
      const rows = rowsOf(db, table);
      const kind = rows.length === 0 ? 0 : random();
      ops++;
      if (kind < 0.25) {
        const id = `${table[0]}-${options.seed}-${serial++}`;
        const custom = random() < 0.5 ? { [pick(CUSTOM_KEYS)]: pick(NAMES) } : {};
        const values = table === 'contacts' ? { firstName: pick(NAMES), custom } : { name: pick(NAMES), custom };
        mutate(db, { table, op: 'insert', id, values }, { origin: 'sim' });
        return record(db, table, id);
      }
      const row = pick(rows);
      if (kind < 0.6) {
        const values: Record<string, unknown> = {};
        const fields =
          table === 'contacts' ? ['firstName', 'lastName', 'jobTitle', 'department'] : ['name', 'industry', 'domain'];
        for (const f of fields) if (random() < 0.35) values[f] = pick(NAMES) + int(3);
        if (table === 'contacts' && random() < 0.2) values.emails = [{ value: `${pick(NAMES)}@x.com` }];
        if (Object.keys(values).length === 0) values[fields[0]!] = pick(NAMES);
        mutate(db, { table, op: 'update', id: row.id, values }, { origin: 'sim' });
      } else if (kind < 0.75) {
        const custom = { ...(JSON.parse(row.custom) as Record<string, unknown>) };
        const key = pick(CUSTOM_KEYS);
        if (random() < 0.3) delete custom[key];
        else custom[key] = random() < 0.2 ? { level: int(3) } : pick(NAMES);
        mutate(db, { table, op: 'update', id: row.id, values: { custom } }, { origin: 'sim' });
      } else if (kind < 0.85) {
        mutate(db, { table, op: row.deleted ? 'restore' : 'delete', id: row.id }, { origin: 'sim' });
      } else if (kind < 0.95) {
        // A merge of duplicates: the merged-away record points at the survivor and goes to the trash.
        const others = rows.filter((r) => r.id !== row.id && !r.deleted);
        if (others.length === 0) return;
        mutate(
          db,
          { table, op: 'update', id: row.id, values: { mergedInto: pick(others).id, deleted: true } },
          { origin: 'sim' },
        );
      } else if (row.deleted) {
        mutate(db, { table, op: 'purge', id: row.id }, { origin: 'sim' });
      }
      record(db, table, row.id);
    };

    const round = async (replica: Replica) => {
      rounds++;
      try {
        return await syncRound(replica.db, { fetch: replica.fetch, pageLimit: 1 + int(40), batchChanges: 5 + int(60) });
      } catch (error) {
        if (faultsOn && (error instanceof SyncOfflineError || error instanceof SyncRemoteError)) return undefined;
        throw error;
      }
    };

    const steps = 30 + int(60);
    for (let step = 0; step < steps; step++) {
      simClock.now += 1 + int(40);
      const replica = pick(replicas);
      const r = random();
      if (r < 0.5) localOp(replica.db);
      else if (r < 0.85) await round(replica);
      else if (r < 0.95) replica.partitioned = !replica.partitioned;
      else if (replica.history.length > 0) {
        // A stale request arriving late (an old push under an old seq, an old pull).
        faults++;
        const old = pick(replica.history);
        await (await fetch(old.url, old.init)).text();
      }
    }

    // Heal: no more faults; sync everyone until a whole pass moves nothing.
    faultsOn = false;
    for (let pass = 0; pass < 10; pass++) {
      let moved = 0;
      for (const replica of replicas) {
        simClock.now += 5;
        const result = await round(replica);
        moved += (result?.pushed ?? 0) + (result?.pulled ?? 0);
      }
      if (moved === 0) break;
      if (pass === 9) throw new Error(`seed ${options.seed}: still moving after 10 passes`);
    }

    // Check.
    const serverRows = await options.server.server.db.query<{
      table_name: string;
      row_id: string;
      field: string;
      value: unknown;
      hlc: string;
      node: string;
    }>('SELECT table_name, row_id, field, value, hlc, node FROM field_state WHERE workspace_id = $1', [workspaceId]);
    const serverState = mergeAll(
      new Map(),
      serverRows.map((r) => ({
        table: r.table_name,
        rowId: r.row_id,
        field: r.field,
        value: r.value,
        hlc: r.hlc,
        node: r.node,
      })),
    );
    // What a new device bootstraps from (row_state) must be field_state by row, cell for cell.
    const byRow = await options.server.server.db.query<{
      table_name: string;
      row_id: string;
      cells: Record<string, [unknown, string]>;
    }>('SELECT table_name, row_id, cells FROM row_state WHERE workspace_id = $1', [workspaceId]);
    const cellsOf = (rows: { t: string; r: string; f: string; v: unknown; h: string }[]) =>
      rows
        .map((c) => `${c.t}/${c.r}/${c.f}=${JSON.stringify(c.v ?? null)}@${c.h}`)
        .sort()
        .join('\n');
    const rowCells = cellsOf(
      byRow.flatMap((r) => Object.entries(r.cells).map(([f, [v, h]]) => ({ t: r.table_name, r: r.row_id, f, v, h }))),
    );
    const fieldCells = cellsOf(
      serverRows.map((c) => ({ t: c.table_name, r: c.row_id, f: c.field, v: c.value, h: c.hlc })),
    );
    if (rowCells !== fieldCells) throw new Error(`seed ${options.seed}: row_state differs from field_state`);
    const expected = view(oracle, mine);
    const fromServer = view(serverState, mine);
    if (fromServer !== expected)
      throw new Error(`seed ${options.seed}: the server lost or changed a write\n${diff(expected, fromServer)}`);
    let rows = 0;
    for (const [i, replica] of replicas.entries()) {
      const db = replica.db;
      const pending = db.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
      if (pending !== 0) throw new Error(`seed ${options.seed}: replica ${i} still has ${pending} outbox entries`);
      const got = view(replicaState(db), mine);
      if (got !== expected)
        throw new Error(`seed ${options.seed}: replica ${i} differs from the server\n${diff(expected, got)}`);
      const live = [...materialize(oracle).values()].filter((r) => !r.purged).length;
      const count = TABLES.reduce(
        (sum, t) =>
          sum +
          (db.sqlite
            .prepare(`SELECT count(*) FROM "${t}" WHERE id LIKE ?`)
            .pluck()
            .get(`%-${options.seed}-%`) as number),
        0,
      );
      if (count !== live)
        throw new Error(`seed ${options.seed}: replica ${i} holds ${count} of its rows, expected ${live}`);
      rows = count;
    }
    return { replicas: n, ops, rounds, faults, rows };
  } finally {
    for (const r of replicas) r.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function replicaState(db: CrmDb): CellState {
  const keys = db.sqlite
    .prepare("SELECT table_name AS t, row_id AS r FROM sync_cell_clock WHERE table_name IN ('contacts', 'companies')")
    .all() as { t: SimTable; r: string }[];
  return mergeAll(
    new Map(),
    keys.flatMap((k) => cellsOfRow(db, k.t, k.r) as FieldWrite[]),
  );
}

/** Rows as comparable text: purged rows as such, others by field values, custom values and stamps. */
function view(state: CellState, mine: (id: string) => boolean): string {
  const rows = [...materialize(state).values()]
    .filter((r) => (r.table === 'contacts' || r.table === 'companies') && mine(r.rowId))
    .sort((a, b) => (a.table + a.rowId < b.table + b.rowId ? -1 : 1))
    .map((r) => {
      if (r.purged) return `${r.table}/${r.rowId}: purged`;
      const stamps = Object.fromEntries(
        Object.entries(r.stamps).filter(([f]) => !f.startsWith('custom.') || r.custom[f.slice(7)] !== undefined),
      );
      return `${r.table}/${r.rowId}: ${canonical({ fields: r.fields, custom: r.custom, stamps })}`;
    });
  return rows.join('\n');
}

function diff(expected: string, got: string): string {
  const e = new Set(expected.split('\n'));
  const g = new Set(got.split('\n'));
  const missing = [...e].filter((l) => !g.has(l)).slice(0, 3);
  const extra = [...g].filter((l) => !e.has(l)).slice(0, 3);
  return `expected but not found:\n${missing.join('\n')}\nfound instead:\n${extra.join('\n')}`;
}
