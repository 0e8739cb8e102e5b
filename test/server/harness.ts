/** Helpers for the sync server tests: a server per backend and a tiny typed client. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeHlc } from '../../src/shared/sync/hlc';
import {
  SYNC_PATHS,
  type ErrorBody,
  type FieldChange,
  type HelloResponse,
  type LoggedChange,
  type PullResponse,
  type PushResponse,
  type Session,
} from '../../src/shared/sync/protocol';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/index';
import { startPostgres, type TestPostgres } from './postgres';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Starts a server on this backend; `skip` says why it cannot run here. */
  start(options?: SyncServerOptions): Promise<SyncServer>;
  stop(): Promise<void>;
  skip?: string;
}

export function pgliteBackend(): Backend {
  const dirs: string[] = [];
  return {
    name: 'pglite',
    async start(options) {
      const dir = mkdtempSync(join(tmpdir(), 'crm-sync-'));
      dirs.push(dir);
      return startSyncServer({ dataDir: dir, logLevel: 'silent', ...options });
    },
    async stop() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL cluster shared by the file; each server gets its own database. */
export async function postgresBackend(): Promise<Backend> {
  const pg = await startPostgres();
  if ('skip' in pg) {
    console.warn(`[sync-server tests] PostgreSQL suite skipped: ${pg.skip}`);
    return { name: 'postgres', skip: pg.skip, start: () => Promise.reject(new Error(pg.skip)), stop: async () => {} };
  }
  const cluster: TestPostgres = pg;
  const dirs: string[] = [];
  let n = 0;
  return {
    name: 'postgres',
    async start(options) {
      const url = await cluster.createDatabase(`crm_sync_${process.pid}_${++n}`);
      const dir = mkdtempSync(join(tmpdir(), 'crm-sync-'));
      dirs.push(dir);
      return startSyncServer({ dataDir: dir, databaseUrl: url, logLevel: 'silent', ...options });
    },
    async stop() {
      await cluster.stop();
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

export interface Reply<T> {
  status: number;
  body: T;
}

/** One device talking to the server. */
export class Device {
  seq = 0;
  readonly node: string;
  private counter = 0;

  constructor(
    readonly base: string,
    public session: Session,
    node?: string,
  ) {
    this.node = node ?? `node-${session.deviceId.slice(-12)}`;
  }

  get token(): string {
    return this.session.accessToken;
  }

  async call<T>(method: 'GET' | 'POST', path: string, body?: unknown, token: string | null = this.token) {
    return request<T>(this.base, method, path, body, token);
  }

  hello(schemaVersion = 3) {
    return this.call<HelloResponse>('POST', SYNC_PATHS.hello, {
      deviceId: this.session.deviceId,
      nodeId: this.node,
      schemaVersion,
      clientTime: Date.now(),
    });
  }

  /** A clock stamp of this device at `millis` (default now), increasing within the device. */
  hlc(millis = Date.now()): string {
    return encodeHlc({ millis, counter: this.counter++, node: this.node });
  }

  change(table: string, rowId: string, field: string, value: FieldChange['value'], millis?: number): FieldChange {
    return { table, rowId, field, value, hlc: this.hlc(millis), node: this.node };
  }

  push(changes: FieldChange[], seq = ++this.seq) {
    return this.call<PushResponse>('POST', SYNC_PATHS.push, { deviceId: this.session.deviceId, seq, changes });
  }

  pull(epoch: string, after: number, limit = 1000) {
    return this.call<PullResponse>('GET', `${SYNC_PATHS.pull}?epoch=${epoch}&after=${after}&limit=${limit}`);
  }

  /** Every change after `after`, page by page. */
  async pullAll(epoch: string, after = 0, limit = 1000): Promise<{ changes: LoggedChange[]; cursor: number }> {
    const changes: LoggedChange[] = [];
    let cursor = after;
    for (;;) {
      const page = await this.pull(epoch, cursor, limit);
      if (page.status !== 200) throw new Error(`pull failed: ${page.status} ${JSON.stringify(page.body)}`);
      changes.push(...page.body.changes);
      cursor = page.body.next.serverSeq;
      if (!page.body.hasMore) return { changes, cursor };
    }
  }
}

export async function request<T>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + path, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export const errorCode = (r: Reply<unknown>) => (r.body as ErrorBody | undefined)?.error?.code;

let emails = 0;
export const uniqueEmail = (prefix = 'user') => `${prefix}${++emails}.${process.pid}@example.com`;
export const PASSWORD = 'correct horse battery';

export async function signup(base: string, email = uniqueEmail(), workspaceName = 'Acme'): Promise<Device> {
  const r = await request<Session>(base, 'POST', SYNC_PATHS.signup, {
    email,
    password: PASSWORD,
    workspaceName,
    deviceName: 'laptop',
  });
  if (r.status !== 201) throw new Error(`signup failed: ${r.status} ${JSON.stringify(r.body)}`);
  return new Device(base, r.body);
}

export async function signin(base: string, email: string, password = PASSWORD, workspaceId?: string) {
  return request<Session>(base, 'POST', SYNC_PATHS.signin, { email, password, deviceName: 'phone', workspaceId });
}

/** Row counts of the server's sync tables for one workspace (to prove "nothing stored"). */
export async function counts(server: SyncServer, workspaceId: string) {
  const one = async (table: string) =>
    Number(
      (
        await server.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE workspace_id = $1`, [
          workspaceId,
        ])
      )[0]!.n,
    );
  const [ws] = await server.db.query<{ head_seq: string }>('SELECT head_seq FROM workspaces WHERE id = $1', [
    workspaceId,
  ]);
  return {
    changeLog: await one('change_log'),
    fieldState: await one('field_state'),
    conflicts: await one('conflicts'),
    head: Number(ws!.head_seq),
  };
}
