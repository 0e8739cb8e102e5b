import type { ChangesPayload } from '../../shared/contract/events';
import {
  CUSTOM_COLUMN,
  DELETED_FIELD,
  META_FIELDS,
  PURGE_FIELD,
  canonical,
  customField,
  customKeyOf,
  type FieldWrite,
} from '../../shared/sync/merge';
import { customTextOf, forgetCustomDefs } from '../db/custom-defs';
import type { Row } from '../db/entities';
import { ALL_COLUMNS, keepLinkTimes, reindexCustomField, write } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { docIdAllocator, removeFromSearch, writeSearchDoc } from '../db/search-index';
import type { BootstrapCellsRow, BootstrapRow, BootstrapStampedRow } from '../../shared/sync/protocol';
import { clockStore } from './state';
import {
  clockOf,
  decodeRaw,
  encodeValue,
  isSyncedTable,
  nodeOf,
  parseCustom,
  syncTable,
  toColumn,
  type Clocks,
  type SyncTable,
} from './tables';

/**
 * `^<field>` in a row's clocks: the stamp of the field as last received from the server. A local
 * edit replaces the field's clock but not this, so the push can tell the server which value the
 * edit replaced (`base`), and the server can tell a concurrent edit from a sequential one.
 */
export const BASE_PREFIX = '^';

export interface ApplyResult {
  /** Field writes that won their cell here. */
  applied: number;
  /** Writes that lost to (or equalled) what this replica already had. */
  ignored: number;
  /** Writes for a table or column this version does not know, kept for after an upgrade. */
  parked: number;
  rows: number;
}

type Op = ChangesPayload['op'];

/**
 * Applies remote field writes: a write is stored only if its (hlc, node) beats the cell's clock
 * here (an equal stamp is the same write again). Rows, cell clocks, derived local fields, the
 * search index and the audit history (origin `sync`) are written in one transaction, with nothing
 * added to the outbox: these changes came from the server and must not go back. `inTransaction`
 * runs last inside the same transaction (saving the cursor with its page). `changes` events are
 * emitted after the commit.
 */
export function applyRemote(db: CrmDb, writes: readonly FieldWrite[], inTransaction?: () => void): ApplyResult {
  const events = new Map<string, ChangesPayload>();
  const result = write(db, () => {
    const r = applyWrites(db, writes, events);
    inTransaction?.();
    return r;
  });
  for (const payload of events.values()) db.events.emit('changes', payload);
  return result;
}

interface RowWork {
  table: string;
  rowId: string;
  writes: FieldWrite[];
}

/**
 * Applies whole rows of a bootstrap page (a new device's first sync) with the same rules and
 * bookkeeping as {@link applyRemote}: a row this replica has never seen is inserted straight from
 * its cells (nothing to merge with), one it already holds goes through the per-field merge.
 */
export function applyRows(db: CrmDb, rows: readonly BootstrapRow[], inTransaction?: () => void): ApplyResult {
  const events = new Map<string, ChangesPayload>();
  const result = write(db, () => {
    const ctx = applyContext(db, events);
    const held = heldRows(db, rows);
    for (const row of rows) {
      const [table, rowId] = row;
      const key = `${table}\u0000${rowId}`;
      if (held.has(key) || !insertFresh(ctx, row)) {
        const writes: FieldWrite[] = [];
        forEachCell(row, (field, value, hlc) => {
          writes.push({ table, rowId, field, value, hlc, node: nodeOf(hlc) });
        });
        applyRow(ctx, { table, rowId, writes });
      }
      held.add(key); // the same row twice in a page: the second merges with the first
    }
    finish(ctx);
    inTransaction?.();
    return ctx.result;
  });
  for (const payload of events.values()) db.events.emit('changes', payload);
  return result;
}

/** Each cell of a bootstrap row, whichever shape it came in (a stamp per cell, or one for the row). */
function forEachCell(row: BootstrapRow, fn: (field: string, value: FieldWrite['value'], hlc: string) => void): void {
  if (row.length === 4) {
    const [, , values, hlc] = row;
    for (const field in values) fn(field, values[field]!, hlc);
  } else {
    const cells = row[2];
    for (const field in cells) {
      const [value, hlc] = cells[field]!;
      fn(field, value, hlc);
    }
  }
}

/**
 * The rows of a page this replica already holds (a row or cell clocks): one query per table and
 * per kind with the page's ids as a JSON array, instead of two lookups per row from here. A new
 * device holds none of them, and each costs a point lookup inside SQLite either way.
 */
function heldRows(db: CrmDb, rows: readonly BootstrapRow[]): Set<string> {
  const byTable = new Map<string, string[]>();
  for (const [table, rowId] of rows) {
    let ids = byTable.get(table);
    if (!ids) byTable.set(table, (ids = []));
    ids.push(rowId);
  }
  const held = new Set<string>();
  const clocked = db.sqlite
    .prepare('SELECT row_id FROM sync_cell_clock WHERE table_name = ? AND row_id IN (SELECT value FROM json_each(?))')
    .pluck();
  for (const [table, ids] of byTable) {
    const list = JSON.stringify(ids);
    const found = clocked.all(table, list) as string[];
    if (isSyncedTable(table)) {
      found.push(
        ...(db.sqlite
          .prepare(`SELECT id FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`)
          .pluck()
          .all(list) as string[]),
      );
    }
    for (const id of found) held.add(`${table}\u0000${id}`);
  }
  return held;
}

function applyWrites(db: CrmDb, writes: readonly FieldWrite[], events: Map<string, ChangesPayload>): ApplyResult {
  const byRow = new Map<string, RowWork>();
  for (const w of writes) {
    const key = `${w.table}\u0000${w.rowId}`;
    let work = byRow.get(key);
    if (!work) byRow.set(key, (work = { table: w.table, rowId: w.rowId, writes: [] }));
    work.writes.push(w);
  }
  const ctx = applyContext(db, events);
  for (const work of byRow.values()) applyRow(ctx, work);
  finish(ctx);
  return ctx.result;
}

function applyContext(db: CrmDb, events: Map<string, ChangesPayload>): ApplyContext {
  return {
    db,
    clocks: clockStore(db),
    park: db.sqlite.prepare(
      'INSERT INTO sync_parked (table_name, row_id, field, value, hlc, node) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    audit: db.sqlite.prepare(
      "INSERT INTO audit_history (entity, entity_id, op, changes, at, by, hlc, origin) VALUES (?, ?, ?, ?, ?, ?, ?, 'sync')",
    ),
    search: new Map(),
    events,
    result: { applied: 0, ignored: 0, parked: 0, rows: 0 },
    customDefs: new Set(),
    maxHlc: '',
  };
}

/** What every apply ends with, inside its transaction: custom-field re-indexing, the search index, the clock. */
function finish(ctx: ApplyContext): void {
  const { db } = ctx;
  if (ctx.customDefs.size > 0) {
    forgetCustomDefs(db);
    // Queued in the mutation layer's index writes of this write level, flushed when it returns.
    for (const id of ctx.customDefs) reindexCustomField(db, id);
  }
  // The index last, in one go: written between rows, FTS5 flushes a tiny segment per record.
  const allocate = docIdAllocator(db);
  for (const [id, w] of ctx.search) {
    if (w.doc) writeSearchDoc(db, w.type, id, w.doc, w.indexed, allocate);
    else if (w.indexed) removeFromSearch(db, id);
  }
  if (ctx.maxHlc) {
    db.clock.observe(ctx.maxHlc);
    db.sqlite
      .prepare(
        "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(db.clock.current());
  }
}

interface ApplyContext {
  db: CrmDb;
  clocks: ReturnType<typeof clockStore>;
  park: import('better-sqlite3').Statement;
  audit: import('better-sqlite3').Statement;
  search: Map<string, { type: NonNullable<SyncTable['def']['searchType']>; doc: SearchDoc | null; indexed: boolean }>;
  events: Map<string, ChangesPayload>;
  result: ApplyResult;
  customDefs: Set<string>;
  maxHlc: string;
}

type SearchDoc = { title: string; subtitle: string; body: string };

function parkWrite(ctx: ApplyContext, w: FieldWrite): void {
  ctx.park.run(w.table, w.rowId, w.field, JSON.stringify(w.value ?? null), w.hlc, w.node);
  ctx.result.parked++;
}

/** Equal stamps are the same write delivered again: re-applying it is harmless and keeps delivery order irrelevant. */
function atLeast(incoming: string, local: string | undefined): boolean {
  return local === undefined || incoming >= local;
}

function applyRow(ctx: ApplyContext, work: RowWork): void {
  const { db } = ctx;
  for (const w of work.writes) if (w.hlc > ctx.maxHlc) ctx.maxHlc = w.hlc;
  if (!isSyncedTable(work.table)) {
    for (const w of work.writes) parkWrite(ctx, w);
    return;
  }
  const plan = syncTable(db, work.table);
  const stored = ctx.clocks.get(work.table, work.rowId);
  const clocks: Clocks = { ...(stored ?? {}) };
  const raw = plan.select.get(work.rowId) as Row | undefined;
  if (clocks[PURGE_FIELD]) {
    // Erased here for good; a write arriving later (stamped before or after) cannot bring it back.
    ctx.result.ignored += work.writes.length;
    return;
  }
  const purge = work.writes.find((w) => w.field === PURGE_FIELD);
  if (purge) {
    clocks[PURGE_FIELD] = purge.hlc;
    ctx.clocks.put(work.table, work.rowId, clocks);
    ctx.result.applied++;
    ctx.result.ignored += work.writes.length - 1;
    if (raw) {
      plan.remove.run(work.rowId);
      if (plan.def.searchType) ctx.search.set(work.rowId, { type: plan.def.searchType, doc: null, indexed: true });
      ctx.audit.run(work.table, work.rowId, 'purge', '{}', db.now(), null, purge.hlc);
      note(ctx, work.table, 'purge', work.rowId);
      ctx.result.rows++;
    }
    return;
  }

  const next: Row = raw ? { ...raw } : Object.fromEntries(plan.columns.map((c) => [c.name, c.filler]));
  next.id = work.rowId;
  let custom = parseCustom(next[CUSTOM_COLUMN]);
  let customChanged = false;
  const changedFields: string[] = [];
  let maxApplied = '';
  for (const w of work.writes) {
    const key = customKeyOf(w.field);
    if (key !== null && plan.byName.has(CUSTOM_COLUMN)) {
      const f = customField(key);
      if (!atLeast(w.hlc, clockOf(clocks, f))) {
        ctx.result.ignored++;
        continue;
      }
      clocks[f] = w.hlc;
      clocks[BASE_PREFIX + f] = w.hlc;
      const value = w.value ?? null;
      if (canonical(custom[key] ?? null) !== canonical(value)) {
        custom = { ...custom };
        if (value === null) delete custom[key];
        else custom[key] = value;
        customChanged = true;
      }
    } else {
      const col = plan.byName.get(w.field);
      if (!col || col.local || col.name === 'id' || col.name === CUSTOM_COLUMN) {
        parkWrite(ctx, w);
        continue;
      }
      if (!atLeast(w.hlc, clockOf(clocks, w.field))) {
        ctx.result.ignored++;
        continue;
      }
      clocks[w.field] = w.hlc;
      clocks[BASE_PREFIX + w.field] = w.hlc;
      const value = toColumn(col, w.value);
      if (value !== (next[col.name] ?? null)) {
        next[col.name] = value;
        changedFields.push(col.name);
      }
    }
    ctx.result.applied++;
    if (w.hlc > maxApplied) maxApplied = w.hlc;
  }
  if (customChanged) {
    next[CUSTOM_COLUMN] = JSON.stringify(custom);
    changedFields.push(CUSTOM_COLUMN);
  }
  if (!maxApplied) return;
  ctx.clocks.put(work.table, work.rowId, compact(plan, clocks, stored === undefined));
  if (raw && changedFields.length === 0) return;

  const before = raw ? decodeRaw(plan, raw) : undefined;
  let after = decodeRaw(plan, next);
  if (plan.def.derive) {
    after = { ...after, ...plan.def.derive(after) };
    for (const col of plan.columns) if (col.local) next[col.name] = encodeValue(col, after[col.key]);
  }
  const values = plan.columns.filter((c) => c.name !== 'id').map((c) => next[c.name] ?? null);
  if (raw) plan.update.run([...values, work.rowId]);
  else plan.insert.run(plan.columns.map((c) => next[c.name] ?? null));
  keepLinkTimes(db, work.table, after);

  if (plan.def.searchDoc && plan.def.searchType) {
    const doc = after.deleted ? null : searchDocOf(ctx, plan, after);
    const earlier = ctx.search.get(work.rowId);
    ctx.search.set(work.rowId, { type: plan.def.searchType, doc, indexed: earlier?.indexed ?? raw !== undefined });
  }
  if (work.table === 'custom_field_defs') ctx.customDefs.add(work.rowId);

  let op: Op = 'insert';
  const audit: Record<string, [unknown, unknown]> = {};
  if (before) {
    op = before.deleted === after.deleted ? 'update' : after.deleted ? 'delete' : 'restore';
    for (const name of changedFields) {
      const col = plan.byName.get(name)!;
      if (col.key !== 'updatedAt' && col.key !== 'updatedBy') audit[col.key] = [before[col.key], after[col.key]];
    }
  }
  ctx.audit.run(work.table, work.rowId, op, JSON.stringify(audit), db.now(), after.updatedBy ?? null, maxApplied);
  note(ctx, work.table, op, work.rowId);
  ctx.result.rows++;
  if (after.deleted) noteEditAfterDelete(ctx, plan, work.rowId, clocks, next);
}

/**
 * A row this replica has never held (no row, no cell clocks): every cell wins, so the row is built
 * from its cells and inserted, with the same clocks, derived fields, index entry, audit and event
 * as {@link applyRow} would give it, without comparing each cell with a clock that is not there.
 * The caller has checked that the row is new here (see {@link heldRows}). False for a purge or a
 * table this version does not know: the caller merges (or parks) it field by field.
 */
function insertFresh(ctx: ApplyContext, row: BootstrapRow): boolean {
  const [table, rowId, cells] = row;
  if (!isSyncedTable(table) || PURGE_FIELD in cells) return false;
  const { db } = ctx;
  const plan = syncTable(db, table);
  const shape = shapeOf(plan);
  const next: Row = { ...shape.empty };
  next.id = rowId;
  let custom: Record<string, unknown> | undefined;
  // Fields that took their cell (not parked), with their stamps: their clocks are built only when
  // the row cannot be stamped once as "*" (see below), which saves two keys per cell on almost every row.
  const taken: string[] = [];
  const stamps: string[] = [];
  let maxApplied = '';
  // The stamp every plain column shares so far (null once two differ), as `compact` would find it.
  let common: string | null | undefined;
  let plain = 0;
  // A row stamped once (protocol 2) carries its values bare; otherwise each cell is [value, hlc].
  const rowStamp = row.length === 4 ? row[3] : undefined;
  for (const field in cells) {
    let value: FieldWrite['value'];
    let hlc: string;
    if (rowStamp !== undefined) {
      value = (cells as BootstrapStampedRow[2])[field]!;
      hlc = rowStamp;
    } else [value, hlc] = (cells as BootstrapCellsRow[2])[field]!;
    if (hlc > ctx.maxHlc) ctx.maxHlc = hlc;
    const key = customKeyOf(field);
    if (key !== null && shape.hasCustom) {
      if (value !== null) (custom ??= { ...parseCustom(next[CUSTOM_COLUMN]) })[key] = value;
    } else {
      const col = plan.byName.get(field);
      if (!col || col.local || col.name === 'id' || col.name === CUSTOM_COLUMN) {
        parkWrite(ctx, { table, rowId, field, value, hlc, node: nodeOf(hlc) });
        continue;
      }
      next[col.name] = toColumn(col, value);
      common = common === undefined || common === hlc ? hlc : null;
      plain++;
    }
    taken.push(field);
    stamps.push(hlc);
    ctx.result.applied++;
    if (hlc > maxApplied) maxApplied = hlc;
  }
  if (!maxApplied) return true;
  if (custom) next[CUSTOM_COLUMN] = JSON.stringify(custom);
  // Every column came with one stamp: kept once as "*", and custom keys only where they differ.
  const stored =
    common && plain === shape.plainColumns
      ? clocksFrom(taken, stamps, { [ALL_COLUMNS]: common, [BASE_PREFIX + ALL_COLUMNS]: common }, common)
      : clocksFrom(taken, stamps, {});
  ctx.clocks.put(table, rowId, stored);
  let after = decodeRaw(plan, next);
  if (plan.def.derive) {
    after = { ...after, ...plan.def.derive(after) };
    for (const col of plan.columns) if (col.local) next[col.name] = encodeValue(col, after[col.key]);
  }
  plan.insert.run(plan.columns.map((c) => next[c.name] ?? null));
  if (plan.def.searchDoc && plan.def.searchType) {
    const doc = after.deleted ? null : searchDocOf(ctx, plan, after);
    const earlier = ctx.search.get(rowId);
    ctx.search.set(rowId, { type: plan.def.searchType, doc, indexed: earlier?.indexed ?? false });
  }
  if (table === 'custom_field_defs') ctx.customDefs.add(rowId);
  ctx.audit.run(table, rowId, 'insert', '{}', db.now(), after.updatedBy ?? null, maxApplied);
  note(ctx, table, 'insert', rowId);
  ctx.result.rows++;
  if (after.deleted) noteEditAfterDelete(ctx, plan, rowId, clocksFrom(taken, stamps, {}), next);
  return true;
}

/**
 * The clocks of the fields taken into `base` (each with its `^` base stamp). With `covered`, the
 * row's "*" stamp, only custom keys stamped otherwise are added: the plain columns are all under it.
 */
function clocksFrom(fields: readonly string[], stamps: readonly string[], base: Clocks, covered?: string): Clocks {
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const hlc = stamps[i]!;
    if (covered !== undefined && (hlc === covered || customKeyOf(field) === null)) continue;
    base[field] = hlc;
    base[BASE_PREFIX + field] = hlc;
  }
  return base;
}

interface TableShape {
  /** A row that has received no field yet. */
  empty: Row;
  hasCustom: boolean;
  /** Synced columns other than `custom` (what `compact` needs a stamp for). */
  plainColumns: number;
}

const shapes = new WeakMap<SyncTable, TableShape>();

function shapeOf(plan: SyncTable): TableShape {
  let shape = shapes.get(plan);
  if (!shape) {
    shape = {
      empty: Object.fromEntries(plan.columns.map((c) => [c.name, c.filler])),
      hasCustom: plan.byName.has(CUSTOM_COLUMN),
      plainColumns: plan.synced.filter((c) => c.name !== CUSTOM_COLUMN).length,
    };
    shapes.set(plan, shape);
  }
  return shape;
}

/**
 * A row first seen here whose fields all carry one stamp (a record created elsewhere, as a
 * snapshot sends it) keeps that stamp once, as "*", the way the mutation layer stamps an insert.
 * Only when every synced column came with it: a column still to come must not be covered by it.
 */
function compact(plan: SyncTable, clocks: Clocks, fresh: boolean): Clocks {
  if (!fresh || ALL_COLUMNS in clocks) return clocks;
  const plain = plan.synced.filter((c) => c.name !== CUSTOM_COLUMN);
  const first = clocks[plain[0]?.name ?? ''];
  if (!first || !plain.every((c) => clocks[c.name] === first)) return clocks;
  const out: Clocks = { [ALL_COLUMNS]: first, [BASE_PREFIX + ALL_COLUMNS]: first };
  for (const [field, hlc] of Object.entries(clocks)) {
    if (customKeyOf(field) !== null && hlc !== first) {
      out[field] = hlc;
      out[BASE_PREFIX + field] = hlc;
    }
  }
  return out;
}

/** An edit stamped after the row's delete is kept (it is a field like any other) and listed for review. */
function noteEditAfterDelete(ctx: ApplyContext, plan: SyncTable, rowId: string, clocks: Clocks, next: Row): void {
  const deletedAt = clockOf(clocks, DELETED_FIELD);
  if (!deletedAt) return;
  const later = Object.entries(clocks).filter(
    ([field, hlc]) =>
      field !== ALL_COLUMNS && !field.startsWith(BASE_PREFIX) && !META_FIELDS.has(field) && hlc > deletedAt,
  );
  if (later.length === 0) return;
  const db = ctx.db;
  const open = db.sqlite
    .prepare(
      "SELECT 1 FROM sync_conflicts WHERE kind = 'edited_after_delete' AND table_name = ? AND row_id = ? AND resolved_at IS NULL",
    )
    .get(plan.name, rowId);
  if (open) return;
  const [field, hlc] = later.sort((a, b) => (a[1] < b[1] ? 1 : -1))[0]!;
  const key = customKeyOf(field);
  const value = key !== null ? (parseCustom(next[CUSTOM_COLUMN])[key] ?? null) : (next[field] ?? null);
  db.sqlite
    .prepare(
      "INSERT INTO sync_conflicts (kind, table_name, row_id, field, winner, loser, created_at) VALUES ('edited_after_delete', ?, ?, ?, ?, ?, ?)",
    )
    .run(
      plan.name,
      rowId,
      field,
      JSON.stringify({ value, hlc, node: hlc.split(':').slice(2).join(':') }),
      JSON.stringify({ value: 1, hlc: deletedAt, node: deletedAt.split(':').slice(2).join(':') }),
      db.now(),
    );
}

function searchDocOf(ctx: ApplyContext, plan: SyncTable, row: Row): SearchDoc {
  const doc = plan.def.searchDoc!(row);
  const custom = customTextOf(ctx.db, plan.name, row.custom);
  return custom ? { ...doc, body: `${doc.body} ${custom}` } : doc;
}

function note(ctx: ApplyContext, entity: string, op: Op, id: string): void {
  const key = `${entity}|${op}`;
  let payload = ctx.events.get(key);
  if (!payload) ctx.events.set(key, (payload = { entity, op, ids: [] }));
  payload.ids.push(id);
}

/**
 * Writes parked for a table or column this version did not know: after an upgrade that knows them,
 * they are applied (still only if they beat the local clock) and unparked.
 */
export function replayParked(db: CrmDb): number {
  const rows = db.sqlite
    .prepare(
      'SELECT seq, table_name AS "table", row_id AS rowId, field, value, hlc, node FROM sync_parked ORDER BY seq',
    )
    .all() as { seq: number; table: string; rowId: string; field: string; value: string; hlc: string; node: string }[];
  const ready = rows.filter((r) => {
    if (!isSyncedTable(r.table)) return false;
    const col = syncTable(db, r.table).byName.get(r.field);
    return customKeyOf(r.field) !== null || (col !== undefined && !col.local && r.field !== 'id');
  });
  if (ready.length === 0) return 0;
  const drop = db.sqlite.prepare('DELETE FROM sync_parked WHERE seq = ?');
  applyRemote(
    db,
    ready.map((r) => ({
      table: r.table,
      rowId: r.rowId,
      field: r.field,
      value: JSON.parse(r.value),
      hlc: r.hlc,
      node: r.node,
    })),
    () => {
      for (const r of ready) drop.run(r.seq);
    },
  );
  return ready.length;
}
