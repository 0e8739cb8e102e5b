import type { CrmDb } from '../db/open';
import { getSetting } from './settings';

export type Sequence = 'quote' | 'invoice';

const TABLE: Record<Sequence, 'quotes' | 'invoices'> = { quote: 'quotes', invoice: 'invoices' };
const PREFIX_KEY = { quote: 'quotePrefix', invoice: 'invoicePrefix' } as const;
const DIGITS = 4;

const statements = new WeakMap<
  CrmDb,
  { get: (s: string) => number | undefined; put: (s: string, n: number) => void }
>();

function counterOf(db: CrmDb) {
  let s = statements.get(db);
  if (!s) {
    const get = db.sqlite.prepare('SELECT last FROM billing_counters WHERE sequence = ?').pluck();
    const put = db.sqlite.prepare(
      'INSERT INTO billing_counters (sequence, last) VALUES (?, ?) ON CONFLICT (sequence) DO UPDATE SET last = excluded.last',
    );
    s = { get: (q) => get.get(q) as number | undefined, put: (q, n) => void put.run(q, n) };
    statements.set(db, s);
  }
  return s;
}

/** The highest number after `prefix` among the documents this book holds (its own and synced ones). */
function highestInBook(db: CrmDb, table: string, prefix: string): number {
  const rows = db.sqlite
    .prepare(`SELECT number FROM "${table}" WHERE number >= ? AND number < ?`)
    .pluck()
    .all(prefix, `${prefix}\uffff`) as string[];
  let max = 0;
  for (const n of rows) {
    const digits = /^(\d+)$/.exec(n.slice(prefix.length))?.[1];
    if (digits) max = Math.max(max, Number(digits));
  }
  return max;
}

/**
 * The next document number ("Q-0042"). Must be called inside the write transaction that stores
 * the document (mutate/write): the read and the bump of the local counter then commit together
 * with the row, and SQLite's single writer makes a second process wait or fail rather than read
 * the same value, so one device never hands out a number twice.
 *
 * The sequence continues after the highest number in the book, so numbers pulled by sync from
 * other devices are never reused here. Two devices offline at the same time could still pick the
 * same next number; a device code (set per device, not synced: see deviceCode) goes into the
 * number ("INV-A-0007") and gives each device a sequence of its own, so they never clash.
 */
export function nextNumber(db: CrmDb, sequence: Sequence): string {
  if (!db.sqlite.inTransaction) throw new Error('nextNumber must run inside the write transaction');
  const code = deviceCode(db);
  const prefix = `${getSetting(db, PREFIX_KEY[sequence])}${code ? `${code}-` : ''}`;
  const key = `${sequence}:${prefix}`;
  const counter = counterOf(db);
  const next = Math.max(counter.get(key) ?? 0, highestInBook(db, TABLE[sequence], prefix)) + 1;
  counter.put(key, next);
  return `${prefix}${String(next).padStart(DIGITS, '0')}`;
}

/** This device's code in document numbers ("" for none). Local: every device sets its own. */
export function deviceCode(db: CrmDb): string {
  return (
    (db.sqlite.prepare("SELECT value FROM billing_device WHERE key = 'device_code'").pluck().get() as
      string | undefined) ?? ''
  );
}

export function setDeviceCode(db: CrmDb, code: string): void {
  if (code) {
    db.sqlite
      .prepare(
        "INSERT INTO billing_device (key, value) VALUES ('device_code', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(code);
  } else db.sqlite.prepare("DELETE FROM billing_device WHERE key = 'device_code'").run();
}
