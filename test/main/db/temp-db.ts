import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { ApiContext } from '../../../src/main/api/context';
import { openDatabase, type CrmDb, type OpenOptions } from '../../../src/main/db/open';
import type { Locale } from '../../../src/shared/i18n/locales';

/**
 * Real SQLite books for tests: every call makes a fresh folder under the system temp dir, and
 * everything opened or made here is closed and removed after each test.
 */
const dirs: string[] = [];
const dbs: CrmDb[] = [];

afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  dirs.push(dir);
  return dir;
}

/** A new book in a temp folder (`crm.sqlite`), migrated to the current schema. */
export function tempDb(options: Partial<OpenOptions> = {}): CrmDb {
  const db = openDatabase({ path: join(tempDir(), 'crm.sqlite'), create: true, ...options });
  dbs.push(db);
  return db;
}

/** Registers a book opened by the test itself so it is closed after the test. */
export function track(db: CrmDb): CrmDb {
  dbs.push(db);
  return db;
}

/** A wall clock the test moves by hand: every read advances it by `step` ms unless told otherwise. */
export function manualClock(start = 1_750_000_000_000, step = 1) {
  let t = start;
  const now = () => {
    const value = t;
    t += step;
    return value;
  };
  return { now, set: (value: number) => (t = value) };
}

export function ctxFor(db: CrmDb, locale: Locale = 'en'): ApiContext {
  return { db, locale, actor: null, origin: 'test' };
}

export function countRows(db: CrmDb, table: string): number {
  return db.sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
}
