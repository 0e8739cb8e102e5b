import Database from 'better-sqlite3';
import { timingSafeEqual } from 'node:crypto';
import { CrmError } from '../errors';
import { applyKey, looksEncrypted, openDatabase, sqlQuote, type CrmDb, type OpenOptions } from '../db/open';
import { listBackups, restoreBackup } from './backup';

/** The shortest passphrase accepted: shorter ones fall to a guess in minutes, even through SQLCipher's KDF. */
export const MIN_PASSPHRASE = 8;

export interface PassphraseChange {
  /** The passphrase in force; required when the book is encrypted, so that an open window alone cannot change it. */
  current?: string | undefined;
  /** The new passphrase; null (or '') removes the encryption. */
  next: string | null;
}

function samePassphrase(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Sets, changes or removes the passphrase of the open book, in place (PRAGMA rekey rewrites every
 * page). SQLite Multiple Ciphers cannot rekey a plain book in WAL mode, so the book leaves WAL for
 * the rewrite and goes back to it after; that needs no other connection on the file (the CLI, a
 * backup running), otherwise errors.passphrase_busy and nothing changes.
 */
export function setPassphrase(db: CrmDb, change: PassphraseChange): { encrypted: boolean } {
  if (db.path === ':memory:') throw new CrmError('invalid_input', 'errors.invalid_input');
  if (db.passphrase !== undefined && !samePassphrase(change.current ?? '', db.passphrase)) {
    throw new CrmError('forbidden', 'errors.passphrase_current_wrong');
  }
  const next = change.next ?? '';
  if (next !== '' && next.length < MIN_PASSPHRASE) throw new CrmError('invalid_input', 'book.passphrase_short');
  if (next === '' && db.passphrase === undefined) return { encrypted: false };

  const mode = db.sqlite.pragma('journal_mode = DELETE', { simple: true }) as string;
  if (mode.toLowerCase() === 'wal') throw new CrmError('unavailable', 'errors.passphrase_busy');
  try {
    // A plain book gets SQLCipher's format, the one the book was opened with when encrypted.
    if (db.passphrase === undefined) db.sqlite.pragma(`cipher = 'sqlcipher'`);
    db.sqlite.pragma(`rekey = ${sqlQuote(next)}`);
  } finally {
    db.sqlite.pragma('journal_mode = WAL');
  }
  const previous = db.passphrase;
  db.passphrase = next === '' ? undefined : next;
  // A plain copy beside an encrypted book would give it all away, and a copy under a passphrase
  // nobody remembers could never be restored: the backups follow the book.
  rekeyBackups(db, previous, db.passphrase);
  return { encrypted: db.passphrase !== undefined };
}

/**
 * Gives every backup of this book (backups/ next to it) the book's new passphrase, or none. A
 * backup that cannot be opened with the old one (made elsewhere, damaged) is left as it is.
 */
function rekeyBackups(db: CrmDb, from: string | undefined, to: string | undefined): void {
  for (const backup of listBackups(db)) {
    let sqlite: Database.Database | null = null;
    try {
      sqlite = new Database(backup.path, { fileMustExist: true });
      if (looksEncrypted(backup.path)) {
        if (!from) continue;
        applyKey(sqlite, from);
      }
      sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
      // Copies of a WAL book say WAL in their header; rekeying a plain file needs it off.
      sqlite.pragma('journal_mode = DELETE');
      if (!looksEncrypted(backup.path)) sqlite.pragma(`cipher = 'sqlcipher'`);
      sqlite.pragma(`rekey = ${sqlQuote(to ?? '')}`);
    } catch (error) {
      console.warn(`backup ${backup.path} keeps its previous key:`, (error as Error).message);
    } finally {
      sqlite?.close();
    }
  }
}

/** Whether the book at this path is encrypted, without opening it. */
export function isEncryptedBook(path: string): boolean {
  return looksEncrypted(path);
}

/**
 * The book as the app and web mode hold it: open, or locked until its passphrase is given. The
 * transports ask it for the open book at every call; what must run only while the book is open
 * (background work, event forwarding) subscribes with onOpen and is stopped when it closes.
 */
export interface BookGate {
  readonly path: string;
  current(): CrmDb | null;
  /** Opens a locked book; a wrong passphrase throws errors.db_wrong_passphrase and leaves it locked. */
  unlock(passphrase: string): CrmDb;
  /**
   * Runs `start` with the book now if it is open and at every later opening; what `start` returns
   * is called when the book closes (restore, quit). Returns the unsubscribe.
   */
  onOpen(start: (db: CrmDb) => (() => void) | void): () => void;
  /** Replaces the book with a backup (checked first, the current one kept aside) and reopens it. */
  restore(backupPath: string): { kept: string | null; locked: boolean };
  close(): void;
}

type Subscriber = { start: (db: CrmDb) => (() => void) | void; stop?: (() => void) | undefined };

/**
 * Opens the book if it can (a plain book, or an encrypted one with its passphrase in `options`);
 * an encrypted book without a passphrase starts locked. Any other failure to open throws.
 */
export function openBookGate(options: OpenOptions): BookGate {
  let db: CrmDb | null = null;
  const subscribers = new Set<Subscriber>();

  const attach = (opened: CrmDb): CrmDb => {
    db = opened;
    for (const s of subscribers) s.stop = s.start(opened) ?? undefined;
    return opened;
  };
  const detach = (): void => {
    for (const s of subscribers) {
      s.stop?.();
      s.stop = undefined;
    }
    db?.close();
    db = null;
  };

  const locked = looksEncrypted(options.path) && !options.passphrase;
  if (!locked) attach(openDatabase(options));

  return {
    path: options.path,
    current: () => db,
    unlock(passphrase) {
      if (db) return db;
      return attach(openDatabase({ ...options, passphrase }));
    },
    onOpen(start) {
      const subscriber: Subscriber = { start };
      subscribers.add(subscriber);
      if (db) subscriber.stop = start(db) ?? undefined;
      return () => {
        subscriber.stop?.();
        subscribers.delete(subscriber);
      };
    },
    restore(backupPath) {
      const passphrase = db?.passphrase ?? options.passphrase;
      detach();
      let kept: string | null = null;
      try {
        kept = restoreBackup(options.path, backupPath, { passphrase }).kept;
      } finally {
        // Whatever happened, the book is reopened: the restored one, or the untouched one when the
        // backup was refused. A backup made under an older passphrase leaves the gate locked.
        reopen(passphrase);
      }
      return { kept, locked: db === null };
    },
    close: detach,
  };

  function reopen(passphrase: string | undefined): void {
    try {
      const reopened = openDatabase({ ...options, passphrase });
      // A plain backup (made before the book was encrypted, or elsewhere) restored into an
      // encrypted workspace is encrypted again at once: restoring never removes the encryption.
      if (passphrase && reopened.passphrase === undefined) setPassphrase(reopened, { next: passphrase });
      attach(reopened);
    } catch (error) {
      if (!(error instanceof CrmError) || error.code !== 'forbidden') throw error;
    }
  }
}

/** A gate around a book opened elsewhere (tests, benches): never locked; restore needs openBookGate. */
export function gateFor(db: CrmDb): BookGate {
  return {
    path: db.path,
    current: () => (db.sqlite.open ? db : null),
    unlock: () => db,
    onOpen(start) {
      const stop = start(db);
      return () => stop?.();
    },
    restore() {
      throw new CrmError('unavailable', 'errors.restore_needs_app');
    },
    close: () => db.close(),
  };
}
