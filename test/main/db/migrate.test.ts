import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../../src/main/db/migrate';
import { openDatabase } from '../../../src/main/db/open';
import { CrmError } from '../../../src/main/errors';
import { migrationsDir } from '../../../src/main/paths';
import { tempDir, track } from './temp-db';

interface Journal {
  entries: { idx: number; tag: string }[];
}
const journal = JSON.parse(readFileSync(join(migrationsDir(), 'meta', '_journal.json'), 'utf8')) as Journal;
const MIGRATIONS = journal.entries.length;

const fingerprint = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function refusal(fn: () => unknown): CrmError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CrmError) return error;
    throw error;
  }
  throw new Error('expected the database to be refused');
}

/** A migrations folder holding only the first `n` migrations: a book "made by an older build". */
function olderMigrations(n: number): string {
  const dir = join(tempDir(), 'migrations');
  mkdirSync(join(dir, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, n);
  writeFileSync(join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  for (const e of entries) copyFileSync(join(migrationsDir(), `${e.tag}.sql`), join(dir, `${e.tag}.sql`));
  return dir;
}

function userVersion(path: string): number {
  const sqlite = new Database(path, { readonly: true });
  try {
    return sqlite.pragma('user_version', { simple: true }) as number;
  } finally {
    sqlite.close();
  }
}

describe('migrations', () => {
  it('bring a new book to the schema version = number of migrations, in WAL mode, without a backup', () => {
    const dir = tempDir();
    const path = join(dir, 'crm.sqlite');
    const db = track(openDatabase({ path, create: true }));
    expect(MIGRATIONS).toBeGreaterThanOrEqual(2);
    expect(db.schemaVersion).toBe(MIGRATIONS);
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(MIGRATIONS);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
    db.close();
    // Reopening an up-to-date book changes nothing and makes no backup either.
    const again = track(openDatabase({ path }));
    expect(again.schemaVersion).toBe(MIGRATIONS);
    expect(again.nodeId).toBe(db.nodeId);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses to create a book unless asked to', () => {
    const path = join(tempDir(), 'missing.sqlite');
    const error = refusal(() => openDatabase({ path }));
    expect(error.key).toBe('errors.db_missing');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a book written by a newer version and leaves the file byte-identical', () => {
    const path = join(tempDir(), 'crm.sqlite');
    openDatabase({ path, create: true }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS + 3}`);
    raw.close();
    const before = fingerprint(path);

    const error = refusal(() => openDatabase({ path }));
    expect(error.code).toBe('conflict');
    expect(error.key).toBe('errors.db_newer');
    expect(error.params).toEqual({ found: MIGRATIONS + 3, known: MIGRATIONS });
    expect(fingerprint(path)).toBe(before);
    expect(userVersion(path)).toBe(MIGRATIONS + 3);
    expect(existsSync(join(path, '..', 'backups'))).toBe(false);
  });

  it('refuses a newer book that is not in WAL mode without converting it (file byte-identical)', () => {
    // e.g. a copy made with VACUUM INTO or by another SQLite tool, which writes rollback-journal files.
    const path = join(tempDir(), 'crm.sqlite');
    openDatabase({ path, create: true }).close();
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.pragma(`user_version = ${MIGRATIONS + 1}`);
    raw.close();
    const before = fingerprint(path);

    const error = refusal(() => openDatabase({ path }));
    expect(error.key).toBe('errors.db_newer');
    expect(fingerprint(path)).toBe(before);
  });

  it('backs up an older book into backups/ before migrating it, keeping its data', () => {
    const dir = tempDir();
    const path = join(dir, 'crm.sqlite');
    // Made with a raw connection: this build's openDatabase would guard tables v1 does not have yet.
    const v1 = new Database(path);
    expect(migrateDatabase(v1, path, olderMigrations(1))).toBe(1);
    v1.prepare(
      "INSERT INTO settings (id, value, created_at, updated_at) VALUES ('defaultCountry', '\"ES\"', 1, 1)",
    ).run();
    v1.close();
    expect(userVersion(path)).toBe(1);

    const db = track(openDatabase({ path }));
    expect(db.schemaVersion).toBe(MIGRATIONS);
    const row = db.sqlite.prepare("SELECT value FROM settings WHERE id = 'defaultCountry'").get() as { value: string };
    expect(JSON.parse(row.value)).toBe('ES');
    // The migrations after the first one ran: the full-text index exists now.
    expect(db.sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'search_index'").get()).toBeTruthy();

    const backups = readdirSync(join(dir, 'backups'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^crm-pre-migration-v1-.*\.sqlite$/);
    const backupPath = join(dir, 'backups', backups[0]!);
    expect(userVersion(backupPath)).toBe(1);
    const backup = new Database(backupPath, { readonly: true });
    try {
      expect(backup.prepare("SELECT count(*) FROM settings WHERE id = 'defaultCountry'").pluck().get()).toBe(1);
      expect(backup.prepare("SELECT name FROM sqlite_master WHERE name = 'search_index'").get()).toBeUndefined();
    } finally {
      backup.close();
    }
  });

  it('refuses a SQLite file that is not a CRM book, and leaves it as it was', () => {
    const path = join(tempDir(), 'other.sqlite');
    const raw = new Database(path);
    raw.exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('gazpacho');");
    raw.close();
    const before = fingerprint(path);

    const error = refusal(() => openDatabase({ path }));
    expect(error.key).toBe('errors.db_not_crm');
    expect(error.code).toBe('invalid_input');
    expect(error.params).toEqual({ path });
    expect(fingerprint(path)).toBe(before);
  });

  it('refuses a text file with db_not_crm', () => {
    const path = join(tempDir(), 'notes.txt');
    writeFileSync(
      path,
      'This is not a database, just some notes that are long enough to look like a page.\n'.repeat(20),
    );
    const before = fingerprint(path);
    const error = refusal(() => openDatabase({ path }));
    expect(error.key).toBe('errors.db_not_crm');
    expect(fingerprint(path)).toBe(before);
  });
  it('fills the folded title of deals made before deals had one, so older books sort and search them', () => {
    const dir = tempDir();
    const path = join(dir, 'crm.sqlite');
    const before = journal.entries.findIndex((e) => e.tag.includes('deals_name_sort_backfill')) - 1;
    expect(before).toBeGreaterThan(0);
    const old = new Database(path);
    migrateDatabase(old, path, olderMigrations(before));
    old
      .prepare('INSERT INTO deals (id, created_at, updated_at, title) VALUES (?, 1, 1, ?)')
      .run('deal-1', 'Renovación Ñandú');
    old.close();

    const db = track(openDatabase({ path }));
    const row = db.sqlite.prepare("SELECT name_sort AS n FROM deals WHERE id = 'deal-1'").get() as { n: string };
    expect(row.n).toBe('renovacion nandu');
    db.close();
  });
});
