import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { decodeHlc } from '../../shared/sync/hlc';
import { CUSTOM_COLUMN, PURGE_FIELD, customField } from '../../shared/sync/merge';
import { ENTITIES, type EntityDef, type EntityName, type Row } from '../db/entities';
import { ALL_COLUMNS } from '../db/mutation';
import type { CrmDb } from '../db/open';

/** One column of a synced table as sync sees it: its SQL name is the field name on the wire. */
export interface SyncColumn {
  key: string;
  name: string;
  column: SQLiteColumn;
  /** Computed here from other fields (nameSort): never sent, recomputed after a remote write. */
  local: boolean;
  json: boolean;
  /** What a row that has not received this field yet holds (NOT NULL columns need something). */
  filler: unknown;
}

export interface SyncTable {
  name: EntityName;
  def: EntityDef;
  columns: SyncColumn[];
  byName: Map<string, SyncColumn>;
  /** Fields that travel: every non-local column except the id. */
  synced: SyncColumn[];
  select: Database.Statement;
  insert: Database.Statement;
  update: Database.Statement;
  remove: Database.Statement;
}

export type Clocks = Record<string, string>;

const plans = new WeakMap<CrmDb, Map<string, SyncTable>>();

export function isSyncedTable(name: string): name is EntityName {
  return Object.hasOwn(ENTITIES, name);
}

export function syncTable(db: CrmDb, name: EntityName): SyncTable {
  let perDb = plans.get(db);
  if (!perDb) plans.set(db, (perDb = new Map()));
  let plan = perDb.get(name);
  if (plan) return plan;
  const def: EntityDef = ENTITIES[name];
  const config = getTableConfig(def.table);
  const local = new Set(def.localFields ?? []);
  const columns = Object.entries(def.table as unknown as Record<string, SQLiteColumn>)
    .filter(([, col]) => config.columns.includes(col))
    .map(([key, column]): SyncColumn => {
      const json = column.dataType === 'json';
      return { key, name: column.name, column, local: local.has(key), json, filler: fillerOf(column, json) };
    });
  const names = columns.map((c) => `"${c.name}"`);
  const s = db.sqlite;
  plan = {
    name,
    def,
    columns,
    byName: new Map(columns.map((c) => [c.name, c])),
    synced: columns.filter((c) => !c.local && c.name !== 'id'),
    select: s.prepare(`SELECT * FROM "${name}" WHERE id = ?`),
    insert: s.prepare(`INSERT INTO "${name}" (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`),
    update: s.prepare(
      `UPDATE "${name}" SET ${names
        .filter((n) => n !== '"id"')
        .map((n) => `${n} = ?`)
        .join(', ')} WHERE id = ?`,
    ),
    remove: s.prepare(`DELETE FROM "${name}" WHERE id = ?`),
  };
  perDb.set(name, plan);
  return plan;
}

function fillerOf(column: SQLiteColumn, json: boolean): unknown {
  const d = column.default as unknown;
  if (d !== undefined) {
    if (json) return JSON.stringify(d);
    return typeof d === 'boolean' ? (d ? 1 : 0) : d;
  }
  if (!column.notNull) return null;
  if (json) return '{}';
  return column.dataType === 'string' ? '' : 0;
}

/** The stored clock of a field: its own, or the row's insert clock. */
export function clockOf(clocks: Clocks, field: string): string | undefined {
  return clocks[field] ?? clocks[ALL_COLUMNS];
}

export function nodeOf(hlc: string): string {
  return decodeHlc(hlc).node;
}

export function parseCustom(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'string' || raw === '') return {};
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A SQLite row with its columns decoded, keyed by TypeScript field name (what derive/searchDoc take). */
export function decodeRaw(plan: SyncTable, raw: Row): Row {
  const row: Row = {};
  for (const col of plan.columns) {
    const v = raw[col.name];
    row[col.key] = v === null || v === undefined ? null : col.column.mapFromDriverValue(v);
  }
  return row;
}

export function encodeValue(col: SyncColumn, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const driver = col.column.mapToDriverValue(value);
  return typeof driver === 'boolean' ? (driver ? 1 : 0) : driver;
}

/**
 * A remote value as this column stores it. Values travel as SQLite stores them (JSON columns as
 * text); anything else of the right meaning is coerced rather than refused, since a refused change
 * would be lost.
 */
export function toColumn(col: SyncColumn, value: unknown): unknown {
  if (value === null || value === undefined) return col.column.notNull ? col.filler : null;
  if (col.json) return typeof value === 'string' ? value : JSON.stringify(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'object') return JSON.stringify(value);
  return value;
}

/** Cells of a row, for the push: every synced field plus one per custom key. */
export function fieldsOf(plan: SyncTable, raw: Row | undefined, clocks: Clocks): string[] {
  const fields = plan.synced.filter((c) => c.name !== CUSTOM_COLUMN).map((c) => c.name);
  if (plan.byName.has(CUSTOM_COLUMN)) fields.push(...customFieldsOf(raw, clocks));
  if (clocks[PURGE_FIELD]) fields.push(PURGE_FIELD);
  return fields;
}

/** The custom keys a row holds or once held (a removed key keeps its clock, and travels as null). */
export function customFieldsOf(raw: Row | undefined, clocks: Clocks): string[] {
  const keys = new Set(Object.keys(parseCustom(raw?.[CUSTOM_COLUMN])).map(customField));
  for (const field of Object.keys(clocks)) if (field.startsWith(`${CUSTOM_COLUMN}.`)) keys.add(field);
  return [...keys];
}
