import type { Cursor } from '../../shared/sync/protocol';
import type { CrmDb } from '../db/open';
import type { Clocks } from './tables';

/**
 * This replica's sync bookkeeping in sync_state (a local, unsynced key/value table). Keys are
 * prefixed `sync.` so they never meet the node id or the HLC kept there by the mutation layer.
 */
export const KEYS = {
  server: 'sync.server',
  email: 'sync.email',
  deviceId: 'sync.device_id',
  refreshToken: 'sync.refresh_token',
  workspace: 'sync.workspace',
  cursor: 'sync.cursor',
  /** Where an unfinished snapshot by fields (older versions) had got to: cleared once a bootstrap completes. */
  snapshot: 'sync.snapshot',
  /** Where an unfinished bootstrap (first sync by rows) has got to: { after, at, epoch, done, total }. */
  bootstrap: 'sync.bootstrap',
  /** The push batch sent but not yet known to be committed: { seq, lastOutboxSeq }. */
  inflight: 'sync.inflight',
  ackedSeq: 'sync.acked_seq',
  lastSyncedAt: 'sync.last_synced_at',
  conflictsAfter: 'sync.conflicts_after',
  schemaParked: 'sync.parked_schema',
  enabled: 'sync.enabled',
  /** Node ids this book had before a re-stamp gave it a new one (restamp.ts): its cells still count as its own. */
  formerNodes: 'sync.former_nodes',
} as const;

export function getState(db: CrmDb, key: string): string | undefined {
  return (
    (db.sqlite.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ??
    undefined
  );
}

export function setState(db: CrmDb, key: string, value: string | null): void {
  if (value === null) db.sqlite.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
  else
    db.sqlite
      .prepare(
        'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(key, value);
}

export function getJson<T>(db: CrmDb, key: string): T | undefined {
  const text = getState(db, key);
  return text === undefined ? undefined : (JSON.parse(text) as T);
}

export function setJson(db: CrmDb, key: string, value: unknown): void {
  setState(db, key, value === null || value === undefined ? null : JSON.stringify(value));
}

export function getCursor(db: CrmDb): Cursor | undefined {
  return getJson<Cursor>(db, KEYS.cursor);
}

export interface ClockStore {
  get(table: string, rowId: string): Clocks | undefined;
  put(table: string, rowId: string, clocks: Clocks): void;
}

const clockStores = new WeakMap<CrmDb, ClockStore>();

export function clockStore(db: CrmDb): ClockStore {
  let store = clockStores.get(db);
  if (!store) {
    const get = db.sqlite.prepare('SELECT clocks FROM sync_cell_clock WHERE table_name = ? AND row_id = ?').pluck();
    const put = db.sqlite.prepare(
      'INSERT INTO sync_cell_clock (table_name, row_id, clocks) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = excluded.clocks',
    );
    store = {
      get: (table, rowId) => {
        const text = get.get(table, rowId) as string | undefined;
        return text ? (JSON.parse(text) as Clocks) : undefined;
      },
      put: (table, rowId, clocks) => void put.run(table, rowId, JSON.stringify(clocks)),
    };
    clockStores.set(db, store);
  }
  return store;
}
