import { CUSTOM_COLUMN, PURGE_FIELD, customKeyOf } from '../../shared/sync/merge';
import { MAX_BATCH_BYTES, MAX_BATCH_CHANGES, type FieldChange } from '../../shared/sync/protocol';
import type { Row } from '../db/entities';
import { ALL_COLUMNS } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { BASE_PREFIX } from './apply';
import { ownNodes } from './restamp';
import { clockStore } from './state';
import { clockOf, customFieldsOf, fieldsOf, isSyncedTable, nodeOf, parseCustom, syncTable } from './tables';

export interface OutboxBatch {
  changes: FieldChange[];
  /** The last outbox entry the batch covers: trimmed once the server has committed it. */
  lastSeq: number;
  /** Outbox entries the batch covers. */
  entries: number;
}

/** Room left for the envelope ({"deviceId":..,"seq":..,"changes":[]}). */
const ENVELOPE_BYTES = 1024;

/**
 * The one key of a book merge's outbox entry (see {@link mergedEntry}). '^' starts no field name,
 * so it cannot be taken for one.
 */
export const MERGED_CELLS = '^merged';

/** A cell a book merge brought: the stamp it brought, and the stamp of the value it replaced here. */
export interface MergedCell {
  hlc: string;
  base: string | null;
}

/**
 * The outbox entry of a book merge: the cells it brought, by field. They keep the stamps of the
 * workspace the book came from (another node), so the push's usual filter, which sends only this
 * device's own cells, would hold them back and the other devices would never get the merge. The
 * push forwards them, stamps unchanged (each wins or loses on the server exactly as it did here),
 * as long as this device still holds that very stamp: one overwritten since, by a pull or an edit
 * here, is not sent (the edit here has its own entry).
 */
export function mergedEntry(cells: Record<string, MergedCell>): string {
  return JSON.stringify({ [MERGED_CELLS]: cells });
}

/** The cells a merge entry forwards, or null for an ordinary entry. */
function mergedCellsOf(changed: Record<string, unknown>): Map<string, MergedCell> | null {
  const cells = changed[MERGED_CELLS];
  if (!cells || typeof cells !== 'object') return null;
  return new Map(Object.entries(cells as Record<string, MergedCell>));
}

export function pendingCount(db: CrmDb): number {
  return db.sqlite.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
}

/**
 * The next batch to push: outbox entries in order, coalesced per cell. An entry says which fields
 * of a row changed; the batch carries each such field once, with its current value and clock
 * (several edits of one field send only the last). A field whose current clock is another
 * replica's lost to a remote write since, and is not sent, unless the entry is a book merge's and
 * the clock is still the one the merge brought ({@link mergedEntry}). Stops before the batch would
 * pass the protocol's size or count limit, always at an entry boundary.
 */
export function readOutbox(
  db: CrmDb,
  limits: { maxChanges?: number; maxBytes?: number; upTo?: number } = {},
): OutboxBatch {
  const maxChanges = limits.maxChanges ?? MAX_BATCH_CHANGES;
  const maxBytes = (limits.maxBytes ?? MAX_BATCH_BYTES) - ENVELOPE_BYTES;
  const page = db.sqlite.prepare(
    'SELECT seq, table_name AS tableName, row_id AS rowId, changes FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT 1000',
  );
  const clocks = clockStore(db);
  const own = ownNodes(db);
  const sent = new Set<string>();
  const changes: FieldChange[] = [];
  let bytes = 0;
  let lastSeq = 0;
  let count = 0;
  let after = 0;
  outer: for (;;) {
    const entries = page.all(after) as { seq: number; tableName: string; rowId: string; changes: string }[];
    if (entries.length === 0) break;
    for (const entry of entries) {
      // A batch resent under its old seq covers no entry it did not cover the first time.
      if (limits.upTo !== undefined && entry.seq > limits.upTo) break outer;
      after = entry.seq;
      const changed = JSON.parse(entry.changes) as Record<string, unknown>;
      const merged = mergedCellsOf(changed);
      const fields = merged ? Object.fromEntries([...merged.keys()].map((f) => [f, true])) : changed;
      const cells = cellsOf(db, entry.tableName, entry.rowId, fields, clocks, own, merged);
      const fresh = cells.filter((c) => !sent.has(`${c.table}\u0000${c.rowId}\u0000${c.field}`));
      // Bytes of UTF-8, as the server counts them (a character of an accented name can be 2 or 3).
      const size = fresh.reduce((n, c) => n + Buffer.byteLength(JSON.stringify(c)) + 1, 0);
      if (count > 0 && (changes.length + fresh.length > maxChanges || bytes + size > maxBytes)) break outer;
      for (const c of fresh) sent.add(`${c.table}\u0000${c.rowId}\u0000${c.field}`);
      changes.push(...fresh);
      bytes += size;
      lastSeq = entry.seq;
      count++;
    }
  }
  return { changes, lastSeq, entries: count };
}

function cellsOf(
  db: CrmDb,
  table: string,
  rowId: string,
  changed: Record<string, unknown>,
  clocks: ReturnType<typeof clockStore>,
  own: Set<string>,
  merged: Map<string, MergedCell> | null,
): FieldChange[] {
  const c = clocks.get(table, rowId) ?? {};
  const out: FieldChange[] = [];
  for (const cell of cellsOfRow(db, table, rowId, clocks, changed)) {
    // A merged cell still as the merge left it: the replaced value is its base, as for an edit.
    const m = merged?.get(cell.field);
    if (m && m.hlc === cell.hlc) out.push({ ...cell, base: m.base });
    // This device's cells, also those stamped under a node id it had before a re-stamp.
    else if (own.has(cell.node))
      out.push({ ...cell, base: c[BASE_PREFIX + cell.field] ?? c[BASE_PREFIX + ALL_COLUMNS] ?? null });
  }
  return out;
}

/**
 * The cells of one row as this replica holds them (value and stamp), all of them or the fields
 * `changed` names (an outbox entry: column names, "*" for all, "custom" for every custom key).
 * A purged row is its `__purge` cell alone.
 */
export function cellsOfRow(
  db: CrmDb,
  table: string,
  rowId: string,
  clocks: ReturnType<typeof clockStore> = clockStore(db),
  changed: Record<string, unknown> = { [ALL_COLUMNS]: true },
): FieldChange[] {
  if (!isSyncedTable(table)) return [];
  const plan = syncTable(db, table);
  const c = clocks.get(table, rowId) ?? {};
  const out: FieldChange[] = [];
  const add = (field: string, value: unknown) => {
    const hlc = clockOf(c, field);
    if (!hlc) return;
    out.push({
      table,
      rowId,
      field,
      value: value === undefined ? null : (value as FieldChange['value']),
      hlc,
      node: nodeOf(hlc),
    });
  };
  if (c[PURGE_FIELD]) {
    add(PURGE_FIELD, 1);
    return out;
  }
  const raw = plan.select.get(rowId) as Row | undefined;
  if (!raw) return out;
  const fields = ALL_COLUMNS in changed ? fieldsOf(plan, raw, c) : Object.keys(changed);
  const custom = parseCustom(raw[CUSTOM_COLUMN]);
  for (const field of fields) {
    if (field === CUSTOM_COLUMN) {
      for (const f of customFieldsOf(raw, c)) add(f, custom[customKeyOf(f)!] ?? null);
      continue;
    }
    const key = customKeyOf(field);
    if (key !== null) add(field, custom[key] ?? null);
    else if (plan.byName.get(field) && !plan.byName.get(field)!.local) add(field, raw[field]);
  }
  return out;
}

/** Removes the entries a committed batch covered. */
export function trimOutbox(db: CrmDb, lastSeq: number): void {
  db.sqlite.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(lastSeq);
}
