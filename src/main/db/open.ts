import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import * as schema from '../../../db/schema';
import { HlcClock } from '../../shared/sync/hlc';
import { CrmError } from '../errors';
import { EventBus } from '../events';
import { migrationsDir } from '../paths';
import { installWriteGuard } from './guard';
import { migrateDatabase } from './migrate';
import { watchExternalChanges } from './watch';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface OpenOptions {
  path: string;
  /** Create the file when it does not exist (crm init, first start of the app). */
  create?: boolean;
  migrationsFolder?: string;
  /** Injectable wall clock (tests, simulations). */
  now?: () => number;
  /** Poll for writes made by other processes (the CLI while the app runs) and emit `changes`. */
  watch?: boolean;
}

/** An open workspace book: the SQLite handle, the typed ORM over it, this replica's clock and event bus. */
export interface CrmDb {
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly path: string;
  readonly nodeId: string;
  readonly clock: HlcClock;
  readonly events: EventBus;
  readonly schemaVersion: number;
  readonly now: () => number;
  /** Set while the mutation layer writes; the guard triggers refuse synced writes without it. */
  writePermit: number;
  close(): void;
}

export function openDatabase(options: OpenOptions): CrmDb {
  const { path } = options;
  if (path !== ':memory:' && !existsSync(path)) {
    if (!options.create) throw new CrmError('not_found', 'errors.db_missing', { path });
    mkdirSync(dirname(path), { recursive: true });
  }
  const sqlite = new Database(path);
  try {
    configure(sqlite);
    const schemaVersion = migrateDatabase(sqlite, path, options.migrationsFolder ?? migrationsDir());
    // WAL lets the UI read while a sync or import writes; NORMAL is durable across app crashes in
    // WAL mode. Switched on only once the book is known to be ours: a refused file stays untouched.
    if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
    const now = options.now ?? Date.now;
    const nodeId = ensureNodeId(sqlite);
    const lastHlc = (
      sqlite.prepare("SELECT value FROM sync_state WHERE key = 'hlc'").get() as { value: string } | undefined
    )?.value;
    const events = new EventBus();
    const db: CrmDb = {
      sqlite,
      orm: drizzle(sqlite, { schema }),
      path,
      nodeId,
      clock: new HlcClock(nodeId, now, lastHlc),
      events,
      schemaVersion,
      now,
      writePermit: 0,
      close: () => {
        stopWatch?.();
        if (sqlite.open) sqlite.close();
      },
    };
    installWriteGuard(db);
    const stopWatch = options.watch ? watchExternalChanges(db) : undefined;
    return db;
  } catch (error) {
    sqlite.close();
    if (error instanceof CrmError) throw error;
    if (isNotADatabase(error)) throw new CrmError('invalid_input', 'errors.db_not_crm', { path });
    throw error;
  }
}

function configure(sqlite: Database.Database): void {
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = OFF');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -65536');
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: each checkpoint syncs the file, and a
  // bulk write (import, seed, first sync) otherwise spends a tenth of its time in them. The size
  // limit gives the space back once a checkpoint has run.
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('journal_size_limit = 67108864');
}

function ensureNodeId(sqlite: Database.Database): string {
  const row = sqlite.prepare("SELECT value FROM sync_state WHERE key = 'node_id'").get() as
    { value: string } | undefined;
  if (row) return row.value;
  const id = randomBytes(8).toString('hex');
  sqlite.prepare("INSERT INTO sync_state (key, value) VALUES ('node_id', ?)").run(id);
  return id;
}

function isNotADatabase(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: string }).code === 'SQLITE_NOTADB'
  );
}
