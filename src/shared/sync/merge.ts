/**
 * The merge rule of sync, shared by the desktop replica and the server: every field of every row
 * is a register, and the write with the greatest (hlc, node) wins it. Nothing else is merged:
 *  - a delete is the ordinary field `deleted`, so an edit of another field survives it (and an edit
 *    stamped after the delete is reported, see `editedAfterDelete`);
 *  - a merge of duplicates is the field `merged_into`; readers follow it;
 *  - custom field values are one register per key (`custom.<key>`), so two devices filling in
 *    different custom fields of one record both keep their value;
 *  - a purge (emptying the trash) is the field `__purge`; once a row carries it the row is gone for
 *    good, whatever the order its fields arrive in.
 * Because the winner of a cell depends only on the set of writes it has seen, merging is
 * commutative, associative and idempotent: replicas that saw the same writes hold the same state,
 * whatever order or how many times the writes were delivered.
 */

/** One field write: the unit that travels (same shape as the protocol's FieldChange). */
export interface FieldWrite {
  table: string;
  rowId: string;
  field: string;
  /** A JSON value; null clears the field (for a custom key: removes it). */
  value: unknown;
  hlc: string;
  node: string;
}

export type Stamp = Pick<FieldWrite, 'hlc' | 'node'>;

/** The field that stands for a whole row being erased. */
export const PURGE_FIELD = '__purge';
/** Custom field values travel one key at a time: `custom.<key>`. */
export const CUSTOM_PREFIX = 'custom.';
export const CUSTOM_COLUMN = 'custom';
export const DELETED_FIELD = 'deleted';

export function customField(key: string): string {
  return CUSTOM_PREFIX + key;
}

export function customKeyOf(field: string): string | null {
  return field.startsWith(CUSTOM_PREFIX) ? field.slice(CUSTOM_PREFIX.length) : null;
}

/**
 * A total order over writes: by hlc, then node, then (only for the impossible case of one replica
 * writing two values under one stamp) by the value's JSON text, so even that converges.
 */
export function compareWrites(a: Stamp & { value?: unknown }, b: Stamp & { value?: unknown }): number {
  if (a.hlc !== b.hlc) return a.hlc > b.hlc ? 1 : -1;
  if (a.node !== b.node) return a.node > b.node ? 1 : -1;
  const av = canonical(a.value);
  const bv = canonical(b.value);
  return av === bv ? 0 : av > bv ? 1 : -1;
}

/** True when `incoming` beats `current` (no current write: it always does). */
export function wins(
  incoming: Stamp & { value?: unknown },
  current: (Stamp & { value?: unknown }) | undefined,
): boolean {
  return current === undefined || compareWrites(incoming, current) > 0;
}

/** The winner of one cell. */
export function mergeWrite<W extends FieldWrite>(a: W | undefined, b: W): W {
  return a === undefined || compareWrites(b, a) > 0 ? b : a;
}

export function cellKey(w: Pick<FieldWrite, 'table' | 'rowId' | 'field'>): string {
  return `${w.table}\u0000${w.rowId}\u0000${w.field}`;
}

/** Field-level state of a replica: the winning write of each cell. */
export type CellState = ReadonlyMap<string, FieldWrite>;

/** Folds writes into a state (a new map; the input is not changed). */
export function mergeAll(state: CellState, writes: Iterable<FieldWrite>): Map<string, FieldWrite> {
  const next = new Map(state);
  for (const w of writes) {
    const key = cellKey(w);
    next.set(key, mergeWrite(next.get(key), w));
  }
  return next;
}

/** Joins two states (the merge of two replicas). */
export function mergeStates(a: CellState, b: CellState): Map<string, FieldWrite> {
  return mergeAll(a, b.values());
}

/** A row as merged fields: plain columns, custom values by key, and whether it was purged. */
export interface MergedRow {
  table: string;
  rowId: string;
  purged: boolean;
  fields: Record<string, unknown>;
  custom: Record<string, unknown>;
  stamps: Record<string, Stamp>;
}

/**
 * The rows a state describes. A purged row has no fields; a custom key whose winning value is null
 * was removed.
 */
export function materialize(state: CellState): Map<string, MergedRow> {
  const rows = new Map<string, MergedRow>();
  for (const w of state.values()) {
    const key = `${w.table}\u0000${w.rowId}`;
    let row = rows.get(key);
    if (!row)
      rows.set(key, (row = { table: w.table, rowId: w.rowId, purged: false, fields: {}, custom: {}, stamps: {} }));
    row.stamps[w.field] = { hlc: w.hlc, node: w.node };
    if (w.field === PURGE_FIELD) {
      row.purged = true;
      continue;
    }
    const customKey = customKeyOf(w.field);
    if (customKey !== null) {
      if (w.value !== null && w.value !== undefined) row.custom[customKey] = w.value;
    } else row.fields[w.field] = w.value;
  }
  for (const row of rows.values()) {
    if (row.purged) {
      row.fields = {};
      row.custom = {};
    }
  }
  return rows;
}

/**
 * The fields of a deleted row written after its delete (by stamp): such an edit is kept, and the
 * app shows it so someone can restore the record or leave it in the trash.
 */
export function editedAfterDelete(row: MergedRow): string[] {
  const del = row.stamps[DELETED_FIELD];
  if (row.purged || !del || !row.fields[DELETED_FIELD]) return [];
  return Object.entries(row.stamps)
    .filter(([field, stamp]) => !META_FIELDS.has(field) && compareWrites(stamp, del) > 0)
    .map(([field]) => field);
}

/** Fields the app stamps on every edit: they say who and when, not what. */
export const META_FIELDS: ReadonlySet<string> = new Set([
  DELETED_FIELD,
  PURGE_FIELD,
  'updated_at',
  'updated_by',
  'created_at',
  'created_by',
]);

/** Stable JSON text (object keys sorted): equal values give equal text. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}
