import { META_FIELDS } from '../../shared/sync/merge';
import {
  DEFAULT_BOOTSTRAP_ROWS,
  MAX_BOOTSTRAP_ROWS,
  type BootstrapResponse,
  type Cursor,
  type FieldChange,
  type HelloResponse,
  type PushResponse,
  type Session,
} from '../../shared/sync/protocol';
import type { CrmDb } from '../db/open';
import { applyRemote, applyRows, replayParked } from './apply';
import { failpoint } from './failpoint';
import { SyncHttp, SyncRemoteError, type FetchLike } from './http';
import { pendingCount, readOutbox, trimOutbox } from './outbox';
import { ownNodes, restampAhead, wallClockAgrees } from './restamp';
import { KEYS, getCursor, getJson, getState, setJson, setState } from './state';

/** push: outbox entries; snapshot: rows of the first sync; pull: server_seq against the head. */
export interface SyncProgress {
  phase: 'connect' | 'push' | 'snapshot' | 'pull';
  done: number;
  total: number;
}

export interface RoundOptions {
  fetch?: FetchLike;
  onProgress?: (p: SyncProgress) => void;
  /**
   * Page size of pull (changes), and the most rows a first-sync page asks for (at most
   * MAX_BOOTSTRAP_ROWS); the server also ends every page at MAX_BATCH_BYTES.
   */
  pageLimit?: number;
  /** Largest push batch in changes (the protocol's maximum by default). */
  batchChanges?: number;
}

export interface RoundResult {
  pushed: number;
  pulled: number;
  snapshot: boolean;
  conflicts: number;
  pending: number;
}

export interface StoredAccount {
  server: string;
  email: string;
  deviceId: string;
  workspace: { id: string; name: string };
  role: string;
}

interface Inflight {
  seq: number;
  lastSeq: number;
}

/** Access tokens live in memory only; the device's refresh token is what the book keeps. */
const accessTokens = new WeakMap<CrmDb, { token: string; expiresAt: number; server: string }>();

export function storedAccount(db: CrmDb): StoredAccount | undefined {
  const server = getState(db, KEYS.server);
  const deviceId = getState(db, KEYS.deviceId);
  if (!server || !deviceId || !getState(db, KEYS.refreshToken)) return undefined;
  const workspace = getJson<{ id: string; name: string; role: string }>(db, KEYS.workspace) ?? {
    id: '',
    name: '',
    role: 'member',
  };
  return {
    server,
    email: getState(db, KEYS.email) ?? '',
    deviceId,
    workspace: { id: workspace.id, name: workspace.name },
    role: workspace.role,
  };
}

/**
 * Keeps a session (after sign-in, sign-up or accepting an invitation). Another workspace than the
 * one this book synced with starts over from a snapshot; the outbox is kept and pushed there.
 */
export function saveSession(db: CrmDb, server: string, email: string, session: Session): void {
  const previous = getJson<{ id: string }>(db, KEYS.workspace);
  db.sqlite.transaction(() => {
    setState(db, KEYS.server, server);
    setState(db, KEYS.email, email);
    setState(db, KEYS.deviceId, session.deviceId);
    if (session.refreshToken) setState(db, KEYS.refreshToken, session.refreshToken);
    setJson(db, KEYS.workspace, { id: session.workspaceId, name: session.workspaceName, role: session.role });
    // A new device starts its push batches from 1.
    setState(db, KEYS.ackedSeq, '0');
    setState(db, KEYS.inflight, null);
    if (previous && previous.id !== session.workspaceId) {
      setState(db, KEYS.cursor, null);
      setState(db, KEYS.conflictsAfter, null);
      setState(db, KEYS.bootstrap, null);
    }
  })();
  accessTokens.set(db, { token: session.accessToken, expiresAt: session.accessExpiresAt, server });
}

/** Forgets the device (the server is told separately); the outbox and data stay. */
export function forgetSession(db: CrmDb): void {
  db.sqlite.transaction(() => {
    for (const key of [KEYS.refreshToken, KEYS.deviceId, KEYS.inflight]) setState(db, key, null);
  })();
  accessTokens.delete(db);
}

export async function accessToken(db: CrmDb, http: SyncHttp): Promise<string> {
  const cached = accessTokens.get(db);
  if (cached && cached.server === http.base && cached.expiresAt - 30_000 > db.now()) return cached.token;
  const refresh = getState(db, KEYS.refreshToken);
  if (!refresh) throw new SyncRemoteError('unauthorized', 'Not signed in to a sync server.', 401);
  const session = await http.refresh(refresh);
  accessTokens.set(db, { token: session.accessToken, expiresAt: session.accessExpiresAt, server: http.base });
  return session.accessToken;
}

/**
 * One sync round: hello, push the outbox in batches, then bring this book up to date (a snapshot
 * the first time or after a server restore, pull pages otherwise), then fetch new conflicts. Every
 * step is safe to cut at any point: a batch is trimmed only once the server says it is committed
 * (a retry with the same seq is answered from the server's record), and a page is applied in the
 * same transaction as the cursor that follows it.
 */
export async function syncRound(db: CrmDb, options: RoundOptions = {}): Promise<RoundResult> {
  const account = storedAccount(db);
  if (!account) throw new SyncRemoteError('unauthorized', 'Not signed in to a sync server.', 401);
  const http = new SyncHttp(account.server, options.fetch);
  const progress = options.onProgress ?? (() => {});
  const pageLimit = options.pageLimit ?? 5000;
  const bootstrapRows =
    options.pageLimit === undefined ? DEFAULT_BOOTSTRAP_ROWS : Math.min(options.pageLimit, MAX_BOOTSTRAP_ROWS);
  progress({ phase: 'connect', done: 0, total: 0 });

  replayParked(db);
  let token = await accessToken(db, http);
  const call = async <T>(fn: (t: string) => Promise<T>): Promise<T> => {
    try {
      return await fn(token);
    } catch (error) {
      // An access token may expire mid-round: refresh once and retry.
      if (error instanceof SyncRemoteError && error.code === 'unauthorized' && accessTokens.has(db)) {
        accessTokens.delete(db);
        token = await accessToken(db, http);
        return fn(token);
      }
      throw error;
    }
  };

  const hello: HelloResponse = await call((t) =>
    http.hello(t, {
      deviceId: account.deviceId,
      nodeId: db.nodeId,
      schemaVersion: db.schemaVersion,
      clientTime: db.now(),
    }),
  );
  if (db.schemaVersion < hello.minSchemaVersion) {
    throw new SyncRemoteError('schema_too_old', 'This app is older than the server accepts.', 426, {
      minSchemaVersion: hello.minSchemaVersion,
    });
  }
  settleInflight(db, hello.ackedSeq);

  // Push.
  let pushed = 0;
  /** The newest server_seq the server has told of in this round. */
  let head = hello.headSeq;
  const total = pendingCount(db);
  let restamped = false;
  for (;;) {
    const inflight = getJson<Inflight>(db, KEYS.inflight);
    const batch = readOutbox(db, { maxChanges: options.batchChanges, upTo: inflight?.lastSeq });
    if (batch.entries === 0) break;
    const seq = inflight?.seq ?? Number(getState(db, KEYS.ackedSeq) ?? hello.ackedSeq) + 1;
    setJson(db, KEYS.inflight, { seq, lastSeq: batch.lastSeq } satisfies Inflight);
    let response: PushResponse;
    try {
      response = await call((t) => http.push(t, { deviceId: account.deviceId, seq, changes: batch.changes }));
    } catch (error) {
      // Refused for stamps from a clock that ran ahead. Once the wall clock is right again the
      // edits are re-stamped as made now (restamp.ts) and the same batch number is sent again: the
      // server stored nothing of the refused one. While the clock is still wrong the refusal
      // stands and the status tells the user to correct the date.
      if (restamped || !isClockSkew(error) || !wallClockAgrees(hello)) throw error;
      const serverTime = Math.max(hello.serverTime, numberOr(error.details?.serverTime, 0));
      if (!restampAhead(db, serverTime + hello.maxClockSkewMs)) throw error;
      restamped = true;
      continue;
    }
    failpoint('after-push-before-trim');
    db.sqlite.transaction(() => {
      trimOutbox(db, batch.lastSeq);
      setState(db, KEYS.ackedSeq, String(response.ackedSeq));
      setState(db, KEYS.inflight, null);
      skipOwnChanges(db, hello.epoch, response);
    })();
    head = Math.max(head, response.headSeq);
    pushed += batch.changes.length;
    progress({ phase: 'push', done: total - pendingCount(db), total });
  }

  // Snapshot (first sync, another workspace, or the server's epoch moved) and pull.
  let cursor = getCursor(db);
  let snapshot = false;
  let pulled = 0;
  if (cursor && cursor.epoch !== hello.epoch) requeueOwnWrites(db);
  if (!cursor || cursor.epoch !== hello.epoch) {
    ({ cursor, fields: pulled } = await takeSnapshot(db, http, call, bootstrapRows, progress));
    snapshot = true;
  }
  // Already at the head the server reported (often after skipping what this device just pushed):
  // nothing to pull. A change pushed since then by another device is announced by the live stream.
  for (let upToDate = !snapshot && cursor.serverSeq === head; !upToDate;) {
    const from: Cursor = cursor;
    let page;
    try {
      page = await call((t) => http.pull(t, from, pageLimit));
    } catch (error) {
      if (error instanceof SyncRemoteError && error.code === 'epoch_changed') {
        requeueOwnWrites(db);
        setState(db, KEYS.cursor, null);
        let fields: number;
        ({ cursor, fields } = await takeSnapshot(db, http, call, bootstrapRows, progress));
        pulled += fields;
        snapshot = true;
        continue;
      }
      throw error;
    }
    const next = page.next;
    applyRemote(db, page.changes as FieldChange[], () => {
      failpoint('after-apply-before-cursor');
      setJson(db, KEYS.cursor, next);
    });
    pulled += page.changes.length;
    cursor = next;
    progress({ phase: 'pull', done: next.serverSeq, total: page.headSeq });
    upToDate = !page.hasMore;
  }

  const conflicts = await fetchConflicts(db, http, call);
  setState(db, KEYS.lastSyncedAt, String(Date.now()));
  return { pushed, pulled, snapshot, conflicts, pending: pendingCount(db) };
}

/**
 * The server was restored from a backup (its epoch changed): what this device pushed after that
 * backup is gone from it. Every row holding a field this device wrote goes back into the outbox
 * (the push sends only this device's cells, with their original stamps), and the next round pushes
 * it again after the fresh snapshot; the merge keeps whichever is newer.
 */
function requeueOwnWrites(db: CrmDb): void {
  // Node ids this book had before a re-stamp count too: their cells are this device's writes.
  const nodes = [...ownNodes(db)].map((node) => `:${node}"`);
  db.sqlite
    .prepare(
      `INSERT INTO sync_outbox (table_name, row_id, changes, hlc)
       SELECT table_name, row_id, '{"*":true}', ? FROM sync_cell_clock
       WHERE EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(clocks, n.value) > 0)`,
    )
    .run(db.clock.current(), JSON.stringify(nodes));
}

function isClockSkew(error: unknown): error is SyncRemoteError {
  return error instanceof SyncRemoteError && error.code === 'clock_skew';
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * The server logged a committed batch's winners as one run of server_seq (fromSeq..toSeq, under the
 * workspace lock). When this device's cursor stands right before that run, the run holds nothing but
 * its own writes, which it has (or has since edited again): the cursor moves past it instead of
 * pulling them back. Otherwise other devices' changes come first and the pull brings everything.
 */
function skipOwnChanges(db: CrmDb, epoch: string, response: PushResponse): void {
  const cursor = getCursor(db);
  if (!cursor || cursor.epoch !== epoch || response.fromSeq === null || response.toSeq === null) return;
  if (cursor.serverSeq !== response.fromSeq - 1) return;
  setJson(db, KEYS.cursor, { epoch, serverSeq: response.toSeq } satisfies Cursor);
}

/** A batch sent in an earlier round whose answer never came: the server's ack says whether it was committed. */
function settleInflight(db: CrmDb, ackedSeq: number): void {
  const inflight = getJson<Inflight>(db, KEYS.inflight);
  db.sqlite.transaction(() => {
    if (inflight && inflight.seq <= ackedSeq) {
      trimOutbox(db, inflight.lastSeq);
      setState(db, KEYS.inflight, null);
    }
    setState(db, KEYS.ackedSeq, String(ackedSeq));
  })();
}

type Caller = <T>(fn: (token: string) => Promise<T>) => Promise<T>;

interface BootstrapState {
  after: string | null;
  at: number;
  epoch: string;
  done: number;
  total: number | null;
}

/**
 * Every current row, page by page (GET /v1/bootstrap), each page applied in one transaction with
 * where the bootstrap has got to, so an interrupted first sync resumes instead of starting over;
 * the cursor is saved with the last page. The next page is requested before the current one is
 * applied, so the server reads it while this device writes. A snapshot by fields left unfinished by
 * an older version starts over by rows (applying a row again changes nothing).
 */
async function takeSnapshot(
  db: CrmDb,
  http: SyncHttp,
  call: Caller,
  limit: number,
  progress: (p: SyncProgress) => void,
): Promise<{ cursor: Cursor; fields: number }> {
  let state = getJson<BootstrapState>(db, KEYS.bootstrap);
  // Rows asked for the next page. The server ends a page at MAX_BATCH_BYTES when its rows are large,
  // but reads (and converts) every row asked for to find where: asking for about as many as the last
  // page carried keeps that waste small, and after a page that the count ended (smaller rows again)
  // the ask grows back to `limit`. A server that does not cap pages always fills `limit`: unchanged.
  let ask = limit;
  const request = (from: BootstrapState | undefined) => {
    const rows = ask;
    const page = call((t) => http.bootstrap(t, { after: from?.after, at: from?.at, epoch: from?.epoch, limit: rows }));
    page.catch(() => undefined); // awaited later; a failure meanwhile must not count as unhandled
    return page;
  };
  let pending = request(state);
  let fields = 0;
  for (;;) {
    let page: BootstrapResponse;
    try {
      page = await pending;
    } catch (error) {
      // The server was restored while this device was part way through: start again in the new epoch.
      if (state && error instanceof SyncRemoteError && error.code === 'epoch_changed') {
        setJson(db, KEYS.bootstrap, null);
        state = undefined;
        pending = request(state);
        continue;
      }
      throw error;
    }
    const done = (state?.done ?? 0) + page.rows.length;
    const total = page.total ?? state?.total ?? null;
    const nextState: BootstrapState | undefined = page.hasMore
      ? { after: page.nextAfter, at: page.cursor.serverSeq, epoch: page.cursor.epoch, done, total }
      : undefined;
    if (nextState) {
      ask =
        page.rows.length < ask
          ? Math.max(1, Math.ceil(page.rows.length * 1.05))
          : Math.min(limit, Math.ceil(ask * 1.5));
      pending = request(nextState);
      // Let the request leave before the page is written: fetch sends it from the event loop, which
      // the (synchronous) apply below would otherwise hold until it is done.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const applied = applyRows(db, page.rows, () => {
      setJson(db, KEYS.bootstrap, nextState ?? null);
      if (!nextState) {
        setJson(db, KEYS.cursor, page.cursor);
        setState(db, KEYS.snapshot, null);
      }
    });
    // Every cell of the page is counted once by the apply (won, lost or parked).
    fields += applied.applied + applied.ignored + applied.parked;
    progress({ phase: 'snapshot', done, total: Math.max(total ?? 0, done) });
    if (!nextState) return { cursor: page.cursor, fields };
    state = nextState;
  }
}

async function fetchConflicts(db: CrmDb, http: SyncHttp, call: Caller): Promise<number> {
  let after = Number(getState(db, KEYS.conflictsAfter) ?? 0);
  let added = 0;
  const insert = db.sqlite.prepare(
    "INSERT OR IGNORE INTO sync_conflicts (server_id, kind, table_name, row_id, field, winner, loser, created_at) VALUES (?, 'concurrent', ?, ?, ?, ?, ?, ?)",
  );
  for (;;) {
    const from = after;
    const page = await call((t) => http.conflicts(t, from));
    db.sqlite.transaction(() => {
      for (const c of page.conflicts) {
        after = Math.max(after, c.id);
        // Who and when (updated_at/by) differ on every pair of concurrent edits: not worth a review.
        if (META_FIELDS.has(c.field)) continue;
        added += insert.run(
          c.id,
          c.table,
          c.rowId,
          c.field,
          JSON.stringify(c.winner),
          JSON.stringify(c.loser),
          c.createdAt,
        ).changes;
        after = Math.max(after, c.id);
      }
      setState(db, KEYS.conflictsAfter, String(after));
    })();
    if (!page.hasMore || page.conflicts.length === 0) return added;
  }
}
