import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { CUSTOM_COLUMN, PURGE_FIELD, customKeyOf, type FieldWrite } from '../../../shared/sync/merge';
import { writeAll } from '../../db/mutation';
import type { CrmDb } from '../../db/open';
import { CrmError } from '../../errors';
import { applyRemote } from '../../sync/apply';
import { MAX_CLOCK_SKEW_MS } from '../../../shared/sync/protocol';
import { decodeHlc } from '../../../shared/sync/hlc';
import { cellsOfRow, mergedEntry, type MergedCell } from '../../sync/outbox';
import { clockStore } from '../../sync/state';
import { clockOf, isSyncedTable, syncTable } from '../../sync/tables';
import { selectBookRows } from './book-selection';

/**
 * Portable client books and the workspace's JSON export: records as their field cells (value,
 * HLC, node), exactly what sync exchanges. Merging a book applies the cells by the sync rule, so
 * ids are kept, the newer value of each field wins, and merging the same book twice changes
 * nothing the second time.
 */
export interface Book {
  format: 'crm-book';
  version: 1;
  createdAt: number;
  sourceNode: string;
  schemaVersion: number;
  /** The companies the book was cut around, or null for the whole workspace. */
  companyIds: string[] | null;
  counts: Record<string, number>;
  writes: FieldWrite[];
}

const MAGIC_PLAIN = Buffer.from('CRMBOOK1');
const MAGIC_SEALED = Buffer.from('CRMBOOKE');

export function collectBook(db: CrmDb, companyIds: string[] | null = null): Book {
  const clocks = clockStore(db);
  const writes: FieldWrite[] = [];
  const counts: Record<string, number> = {};
  for (const [table, rowIds] of selectBookRows(db, companyIds)) {
    if (!rowIds.length) continue;
    counts[table] = rowIds.length;
    for (const id of rowIds) writes.push(...(cellsOfRow(db, table, id, clocks) as FieldWrite[]));
  }
  return {
    format: 'crm-book',
    version: 1,
    createdAt: db.now(),
    sourceNode: db.nodeId,
    schemaVersion: db.schemaVersion,
    companyIds,
    counts,
    writes,
  };
}

/**
 * The file's name: a book of one company is named after it (`book-acme-corporation-2026-12-05`),
 * so a consultant's folder of books reads as a client list.
 */
export function bookFileName(db: CrmDb, companyIds: string[] | null, day: string): string {
  const name =
    companyIds?.length === 1
      ? (db.sqlite.prepare('SELECT name FROM companies WHERE id = ?').pluck().get(companyIds[0]) as string | undefined)
      : undefined;
  const slug = (name ?? '')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `book-${slug ? `${slug}-` : ''}${day}.crmbook`;
}

function keyOf(passphrase: string, salt: Buffer): Buffer {
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
}

/** A book file: gzip'd JSON, sealed with AES-256-GCM under a scrypt key when a passphrase is given. */
export function encodeBook(book: Book, passphrase?: string): Buffer {
  const body = gzipSync(Buffer.from(JSON.stringify(book)));
  if (!passphrase) return Buffer.concat([MAGIC_PLAIN, body]);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(passphrase, salt), iv);
  const sealed = Buffer.concat([cipher.update(body), cipher.final()]);
  return Buffer.concat([MAGIC_SEALED, salt, iv, cipher.getAuthTag(), sealed]);
}

export function decodeBook(data: Buffer, passphrase?: string): Book {
  const magic = data.subarray(0, 8);
  let body: Buffer;
  if (magic.equals(MAGIC_PLAIN)) body = data.subarray(8);
  else if (magic.equals(MAGIC_SEALED)) {
    if (!passphrase) throw new CrmError('invalid_input', 'book.passphrase_needed');
    const salt = data.subarray(8, 24);
    const iv = data.subarray(24, 36);
    const tag = data.subarray(36, 52);
    try {
      const decipher = createDecipheriv('aes-256-gcm', keyOf(passphrase, salt), iv);
      decipher.setAuthTag(tag);
      body = Buffer.concat([decipher.update(data.subarray(52)), decipher.final()]);
    } catch {
      throw new CrmError('invalid_input', 'book.wrong_passphrase');
    }
  } else if (data.subarray(0, 1).toString() === '{') {
    return parseBook(data.toString('utf8'));
  } else throw new CrmError('invalid_input', 'book.not_a_book');
  try {
    return parseBook(gunzipSync(body).toString('utf8'));
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw new CrmError('invalid_input', 'book.not_a_book');
  }
}

function parseBook(text: string): Book {
  let book: Book;
  try {
    book = JSON.parse(text) as Book;
  } catch {
    throw new CrmError('invalid_input', 'book.not_a_book');
  }
  if (book?.format !== 'crm-book' || !Array.isArray(book.writes))
    throw new CrmError('invalid_input', 'book.not_a_book');
  return book;
}

/** What merging a book did, for the person who merged it. */
export interface MergeResult {
  /** Field values that took their cell (an equal stamp, the same value again, counts too). */
  applied: number;
  /** Field values older than what this workspace holds. */
  ignored: number;
  /** Records actually inserted, changed or removed: 0 when the book brought nothing new. */
  rows: number;
  /** {@link rows} by table (`companies`, `contacts`…): only the tables where something changed. */
  changed: Record<string, number>;
  /** What the book holds, by table. */
  counts: Record<string, number>;
}

/**
 * Merges a book into the open workspace by the sync rule, in one transaction. The fields whose
 * book value won with a newer stamp than this workspace held are queued for sync, and only those:
 * a value met again with the same stamp (a book merged twice) or an older one queues nothing, so
 * a merge never re-sends what the other devices already have. The queued cells keep the book's
 * stamps and are pushed as they are (outbox.ts, `mergedEntry`). `queue: false` queues nothing at all
 * (a book opened read-only is never synced).
 *
 * A book stamped further ahead of this workspace's clock than a sync server accepts (the computer
 * that exported it had the wrong date, or this one has) is refused and nothing is merged: the server
 * would refuse those stamps until that date came, holding back every change queued after them,
 * and this workspace's clock would jump there, stamping every later edit as far ahead. Re-stamping
 * them instead would make this copy of the book order differently from every other copy.
 */
export function mergeBook(db: CrmDb, book: Book, options: { queue?: boolean } = {}): MergeResult {
  if (options.queue !== false) refuseStampsAhead(db, book.writes);
  // `applied` counts a value met again with the same stamp, so it is not "what changed": the
  // change events (one per record written, after the commit) are, and say which kind of record.
  const changedIds = new Map<string, Set<string>>();
  const stop = db.events.on('changes', ({ entity, ids }) => {
    let set = changedIds.get(entity);
    if (!set) changedIds.set(entity, (set = new Set()));
    for (const id of ids) set.add(id);
  });
  try {
    // One transaction around both: the newer fields are found against the clocks the apply then
    // replaces, with no other write in between. writeAll: the apply's writes join this transaction
    // instead of each opening a savepoint, whose cost grows with the book (see write in mutation.ts).
    const result = writeAll(db, () => {
      const newer = options.queue === false ? new Map<string, NewerFields>() : newerFields(db, book.writes);
      const queue = db.sqlite.prepare('INSERT INTO sync_outbox (table_name, row_id, changes, hlc) VALUES (?, ?, ?, ?)');
      return applyRemote(db, book.writes, () => {
        for (const row of newer.values()) queue.run(row.table, row.rowId, mergedEntry(row.fields), row.hlc);
      });
    });
    const changed = Object.fromEntries([...changedIds].map(([table, ids]) => [table, ids.size]));
    return {
      applied: result.applied,
      ignored: result.ignored,
      rows: result.rows,
      changed,
      counts: { ...(book.counts ?? {}) },
    };
  } finally {
    stop();
  }
}

function refuseStampsAhead(db: CrmDb, writes: readonly FieldWrite[]): void {
  let newest = '';
  for (const w of writes) if (w.hlc > newest) newest = w.hlc;
  if (!newest) return;
  const millis = decodeHlc(newest).millis;
  if (millis <= db.now() + MAX_CLOCK_SKEW_MS) return;
  throw new CrmError('invalid_input', 'book.clock_ahead', { date: new Date(millis).toISOString().slice(0, 10) });
}

interface NewerFields {
  table: string;
  rowId: string;
  /** By field: the book's stamp and the stamp of the value it replaces here. */
  fields: Record<string, MergedCell>;
  /** The newest stamp among them (the outbox entry's). */
  hlc: string;
}

/**
 * The fields of each row where the book brings a newer stamp than this workspace holds: what the
 * merge will change, read before it does. The fields the apply would park (a table or column this
 * version does not know, local columns) or that a purge here shuts out are left out, as the apply
 * leaves them out.
 */
function newerFields(db: CrmDb, writes: readonly FieldWrite[]): Map<string, NewerFields> {
  const clocks = clockStore(db);
  const held = new Map<string, Record<string, string>>();
  const out = new Map<string, NewerFields>();
  for (const w of writes) {
    if (!isSyncedTable(w.table)) continue;
    const key = `${w.table}\u0000${w.rowId}`;
    let local = held.get(key);
    if (!local) held.set(key, (local = clocks.get(w.table, w.rowId) ?? {}));
    if (local[PURGE_FIELD]) continue;
    if (w.field !== PURGE_FIELD && customKeyOf(w.field) === null) {
      const col = syncTable(db, w.table).byName.get(w.field);
      if (!col || col.local || col.name === 'id' || col.name === CUSTOM_COLUMN) continue;
    }
    const replaced = clockOf(local, w.field) ?? null;
    if (w.hlc <= (replaced ?? '')) continue;
    let row = out.get(key);
    if (!row) out.set(key, (row = { table: w.table, rowId: w.rowId, fields: {}, hlc: w.hlc }));
    // A book holding one cell twice: the greater stamp is the one the apply keeps.
    if (w.hlc > (row.fields[w.field]?.hlc ?? '')) row.fields[w.field] = { hlc: w.hlc, base: replaced };
    if (w.hlc > row.hlc) row.hlc = w.hlc;
  }
  return out;
}
