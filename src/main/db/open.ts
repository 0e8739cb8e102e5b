import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
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
  /**
   * The workspace passphrase when the book is encrypted (SQLCipher format). Without it an
   * encrypted book is refused with errors.db_locked; a wrong one with errors.db_wrong_passphrase.
   * A new book created with a passphrase is encrypted from its first page.
   */
  passphrase?: string;
}

/** An open workspace book: the SQLite handle, the typed ORM over it, this replica's clock and event bus. */
export interface CrmDb {
  readonly sqlite: Database.Database;
  readonly orm: Orm;
  readonly path: string;
  /**
   * Changed only when sync re-stamps the edits of a clock that ran ahead (src/main/sync/restamp.ts):
   * the book then takes a fresh node id and a clock restarted from the wall clock.
   */
  nodeId: string;
  clock: HlcClock;
  readonly events: EventBus;
  readonly schemaVersion: number;
  readonly now: () => number;
  /** Set while the mutation layer writes; the guard triggers refuse synced writes without it. */
  writePermit: number;
  /**
   * The key of an encrypted book, kept in memory only so that the backup thread can open its own
   * connection; changed by setPassphrase (services/encryption.ts). Undefined for a plain book.
   */
  passphrase: string | undefined;
  close(): void;
}

export function openDatabase(options: OpenOptions): CrmDb {
  const { path } = options;
  const isNew = path === ':memory:' || !existsSync(path);
  if (path !== ':memory:' && isNew) {
    if (!options.create) throw new CrmError('not_found', 'errors.db_missing', { path });
    mkdirSync(dirname(path), { recursive: true });
  }
  // A passphrase given for a plain book (CRM_PASSPHRASE set for another one) is not needed: the
  // book opens as it is. A new book, or an encrypted one, takes it.
  const passphrase =
    options.passphrase && path !== ':memory:' && (isNew || looksEncrypted(path)) ? options.passphrase : undefined;
  const sqlite = new Database(path);
  try {
    // The key must be the first thing the connection is told: before it, not one page is read.
    if (passphrase) applyKey(sqlite, passphrase);
    assertReadable(sqlite, path, passphrase);
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
      passphrase,
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

/** Selects SQLCipher's format (the one other tools read) and gives the key. */
export function applyKey(sqlite: Database.Database, passphrase: string): void {
  sqlite.pragma(`cipher = 'sqlcipher'`);
  sqlite.pragma(`key = ${sqlQuote(passphrase)}`);
}

/** A pragma takes no bound parameters: the passphrase goes in as a quoted SQL string. */
export function sqlQuote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Reads the schema once, before any write: an encrypted book opened without its key, or with a
 * wrong one, fails here with nothing written (no migration, no WAL switch, no node id).
 */
function assertReadable(sqlite: Database.Database, path: string, passphrase: string | undefined): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    if (!isNotADatabase(error)) throw error;
    if (passphrase) throw new CrmError('forbidden', 'errors.db_wrong_passphrase', { path });
    if (looksEncrypted(path)) throw new CrmError('forbidden', 'errors.db_locked', { path });
    throw new CrmError('invalid_input', 'errors.db_not_crm', { path });
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** SQLite's smallest page size: every database file is a whole number of pages. */
const MIN_PAGE = 512;

/**
 * True when the file looks like an encrypted book: whole pages (SQLCipher writes the file in
 * pages, as SQLite does) that do not start with SQLite's plain header. A text file or a short
 * piece of junk is not taken for one, so it still gets errors.db_not_crm.
 */
export function looksEncrypted(path: string): boolean {
  if (path === ':memory:' || !existsSync(path)) return false;
  const size = statSync(path).size;
  if (size < MIN_PAGE || size % MIN_PAGE !== 0) return false;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    const read = readSync(fd, head, 0, head.length, 0);
    return read === head.length && !head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
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
