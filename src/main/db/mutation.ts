import type Database from 'better-sqlite3';
import { getTableConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ChangesPayload } from '../../shared/contract/events';
import { CrmError, notFound } from '../errors';
import type { SearchType } from '../../shared/contract/search';
import { ENTITIES, type EntityDef, type EntityName, type Row, type SearchDocument } from './entities';
import { activityTime } from './entities/activity-time';
import type { CrmDb } from './open';
import { customTextOf, forgetCustomDefs } from './custom-defs';
import { docIdAllocator, removeFromSearch, writeSearchDoc } from './search-index';
import { assertWritable } from './read-only';

/** `purge` erases a record for good (emptying the trash); the others keep it, `delete` only flags it. */
/** The key of sync_cell_clock that stands for every column not listed on its own. */
export const ALL_COLUMNS = '*';
/** An insert's outbox entry and audit changes are the same text for every row: built once. */
const INSERT_CHANGES_JSON = JSON.stringify({ [ALL_COLUMNS]: true });
const INSERT_AUDIT_JSON = '{}';

export type MutationOp = 'insert' | 'update' | 'delete' | 'restore' | 'purge';

export interface Mutation {
  table: EntityName;
  op: MutationOp;
  id: string;
  /** Field values keyed by TypeScript field name (camelCase), as the app sees them. */
  values?: Row;
  /**
   * Fields (camelCase, or `custom.<key>`) stamped with this write's clock even when their value
   * does not change: settling a sync conflict in favour of the value already shown is a new edit,
   * so it wins on every device and settles the conflict there too.
   */
  restamp?: string[];
}

export interface WriteOptions {
  /** The member who makes the change (created_by / updated_by / audit). */
  actor?: string | null;
  /** Where the change comes from, kept in the audit history: ui, cli, seed, import, sync. */
  origin?: string;
}

interface ColumnInfo {
  key: string;
  name: string;
  column: SQLiteColumn;
  local: boolean;
}

interface TablePlan {
  name: EntityName;
  def: EntityDef;
  columns: ColumnInfo[];
  byName: Map<string, ColumnInfo>;
  select: Database.Statement;
  insert: Database.Statement;
  updates: Map<string, Database.Statement>;
}

interface Statements {
  clockGet: Database.Statement;
  clockPut: Database.Statement;
  outbox: Database.Statement;
  audit: Database.Statement;
  hlc: Database.Statement;
}

/** A record's new index entry, or null to take it out of the index. */
interface SearchWrite {
  type: SearchType;
  doc: SearchDocument | null;
  /** False for a record inserted at this level: nothing to replace in the index yet. */
  indexed: boolean;
}

/** Prepared statements per open book, built once from the drizzle table definitions. */
interface WriterState {
  plans: Map<EntityName, TablePlan>;
  stmts: Statements;
  depth: number;
  pending: Map<string, ChangesPayload>;
  /** Search-index writes of the current write level, applied when its function returns (see write). */
  search: Map<string, SearchWrite>;
  /** Set while writeInSteps holds its transaction open; `inStep` while one of its steps runs. */
  stepping?: boolean;
  inStep?: boolean;
  /** Set while writeAll holds its transaction open: every write nested in it joins that transaction. */
  joinAll?: boolean;
  /**
   * The first error out of a write level that joined its enclosing transaction (no savepoint): its
   * rows may be half written, so the transaction must not commit even if a caller caught it.
   */
  failed?: { error: unknown };
}

const writers = new WeakMap<CrmDb, WriterState>();

function writerFor(db: CrmDb): WriterState {
  let state = writers.get(db);
  if (!state) {
    const s = db.sqlite;
    state = {
      plans: new Map(),
      depth: 0,
      pending: new Map(),
      search: new Map(),
      stmts: {
        clockGet: s.prepare('SELECT clocks FROM sync_cell_clock WHERE table_name = ? AND row_id = ?').pluck(),
        clockPut: s.prepare(
          'INSERT INTO sync_cell_clock (table_name, row_id, clocks) VALUES (?, ?, ?) ON CONFLICT (table_name, row_id) DO UPDATE SET clocks = excluded.clocks',
        ),
        outbox: s.prepare('INSERT INTO sync_outbox (table_name, row_id, changes, hlc) VALUES (?, ?, ?, ?)'),
        audit: s.prepare(
          'INSERT INTO audit_history (entity, entity_id, op, changes, at, by, hlc, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        ),
        hlc: s.prepare(
          "INSERT INTO sync_state (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ),
      },
    };
    writers.set(db, state);
  }
  return state;
}

function planFor(db: CrmDb, state: WriterState, name: EntityName): TablePlan {
  let plan = state.plans.get(name);
  if (plan) return plan;
  const def: EntityDef = ENTITIES[name];
  const config = getTableConfig(def.table);
  const local = new Set(def.localFields ?? []);
  const columns = Object.entries(def.table as unknown as Record<string, SQLiteColumn>)
    .filter(([, col]) => config.columns.includes(col))
    .map(([key, column]) => ({ key, name: column.name, column, local: local.has(key) }));
  const names = columns.map((c) => `"${c.name}"`).join(', ');
  plan = {
    name,
    def,
    columns,
    byName: new Map(columns.map((c) => [c.name, c])),
    select: db.sqlite.prepare(`SELECT * FROM "${config.name}" WHERE id = ?`),
    insert: db.sqlite.prepare(`INSERT INTO "${config.name}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`),
    updates: new Map(),
  };
  state.plans.set(name, plan);
  return plan;
}

function updateStatement(db: CrmDb, plan: TablePlan, changed: ColumnInfo[]): Database.Statement {
  const key = changed.map((c) => c.name).join(',');
  let stmt = plan.updates.get(key);
  if (!stmt) {
    const sets = changed.map((c) => `"${c.name}" = ?`).join(', ');
    stmt = db.sqlite.prepare(`UPDATE "${plan.name}" SET ${sets} WHERE id = ?`);
    plan.updates.set(key, stmt);
  }
  return stmt;
}

/** SQLite value of a field, as drizzle would store it (JSON text, 0/1 booleans). */
function toDriver(col: ColumnInfo, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const driver = col.column.mapToDriverValue(value);
  return typeof driver === 'boolean' ? (driver ? 1 : 0) : driver;
}

function fromDriver(col: ColumnInfo, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return col.column.mapFromDriverValue(value);
}

function defaultOf(col: ColumnInfo): unknown {
  const d = col.column.default as unknown;
  if (d === undefined) return null;
  // Defaults are flat JSON ([] or {}): a shallow copy keeps rows from sharing them.
  if (Array.isArray(d)) return [...(d as unknown[])];
  return typeof d === 'object' && d !== null ? { ...(d as object) } : d;
}

/** Reads one row of a synced table as the app sees it (TS keys, decoded JSON and booleans). */
export function readRow(db: CrmDb, table: EntityName, id: string): Row | undefined {
  const plan = planFor(db, writerFor(db), table);
  const raw = plan.select.get(id) as Row | undefined;
  return raw ? decodeRow(plan, raw) : undefined;
}

function decodeRow(plan: TablePlan, raw: Row): Row {
  const row: Row = {};
  for (const col of plan.columns) row[col.key] = fromDriver(col, raw[col.name]);
  return row;
}

/**
 * Runs `fn` in one transaction with the write permit held. Mutations inside it (and nested
 * `write` calls) commit together; their `changes` events are emitted once the outermost
 * transaction has committed, so no listener ever sees a change that could still roll back.
 */
export function write<T>(db: CrmDb, fn: () => T): T {
  // A book opened read-only (crm book open) takes no write of any kind.
  assertWritable(db);
  const state = writerFor(db);
  // A write from elsewhere while a long import holds its transaction open would join it, and roll
  // back with it if the import is cancelled: refused instead, the caller may try again.
  if (state.stepping && !state.inStep) throw new CrmError('unavailable', 'errors.busy_importing');
  // Each level collects its own events: a nested write that rolls back must not announce rows
  // that were never saved, even when the outer transaction commits.
  const enclosing = state.pending;
  const enclosingSearch = state.search;
  state.pending = new Map();
  state.search = new Map();
  state.depth++;
  db.writePermit++;
  let result: T;
  let joined = false;
  try {
    // The index is written last, inside the same transaction (or savepoint). The guard triggers
    // make every write to a synced table open a statement journal, and SQLite then calls the FTS5
    // table's xSavepoint, which flushes its pending terms to a new segment: written between the
    // rows, the index got one tiny segment (and merge work) per record.
    const run = () => {
      const value = fn();
      flushSearch(db, state.search);
      return value;
    };
    // A level that joins its enclosing transaction opens no SAVEPOINT: the first level inside a
    // step of writeInSteps, and every level inside writeAll. Under a savepoint each statement that
    // keeps a statement journal (every write to a synced table: the guard and rollup triggers)
    // ends by truncating SQLite's in-memory sub-journal (temp_store = MEMORY, see open.ts), which
    // walks all the savepoint has journaled so far from its first 1 KiB chunk (memjrnlTruncate).
    // That is one copy of each page the nested write touched: its cost per row grows with the
    // write and with the book (1,000 deals: 65 ms at the top, 870 ms nested in a book of 8,000),
    // so bulk writes use writeAll (bench/nested-writes.ts).
    joined = (state.inStep && state.depth === 1) || (state.joinAll === true && db.sqlite.inTransaction);
    result = joined ? run() : db.sqlite.transaction(run)();
  } catch (error) {
    // Nothing undoes a joined level's rows but the whole transaction: it must not commit now.
    if (joined) state.failed ??= { error };
    state.pending = enclosing;
    forgetCustomDefs(db); // a rolled-back definition must not linger in the cache
    throw error;
  } finally {
    state.search = enclosingSearch;
    db.writePermit--;
    state.depth--;
  }
  for (const [key, payload] of state.pending) {
    const outer = enclosing.get(key);
    if (outer) outer.ids.push(...payload.ids);
    else enclosing.set(key, payload);
  }
  state.pending = enclosing;
  if (state.depth === 0 && !db.sqlite.inTransaction) {
    const events = [...enclosing.values()];
    enclosing.clear();
    for (const payload of events) db.events.emit('changes', payload);
  }
  return result;
}

/**
 * A bulk write that stands or falls as a whole (an import, a book merge) as ONE transaction in
 * which nested writes (mutate, a service's write, sync's apply) join the transaction rather than
 * each opening a SAVEPOINT, so its cost per row stays flat however large it grows (see write).
 * The price: a nested write cannot fail alone. Any error out of one rolls ALL of it back, even if
 * a caller inside caught it; code that skips a bad row by catching its write uses write instead.
 * Inside an open transaction it is a plain nested write.
 */
export function writeAll<T>(db: CrmDb, fn: () => T): T {
  const state = writerFor(db);
  if (db.sqlite.inTransaction || state.joinAll) return write(db, fn);
  state.joinAll = true;
  state.failed = undefined;
  try {
    return write(db, () => {
      const value = fn();
      if (state.failed) throw state.failed.error;
      return value;
    });
  } finally {
    state.joinAll = false;
    state.failed = undefined;
  }
}

/**
 * A long write (an import of a million rows) as ONE transaction that gives the event loop a turn
 * between its steps, so the window stays answered and a cancel can land: when `signal` is aborted
 * the whole of it rolls back and nothing was written. While it is open, other writes are refused
 * (errors.busy_importing) and reads on this connection see the rows written so far. `changes`
 * events go out once it has committed.
 */
export async function writeInSteps(
  db: CrmDb,
  steps: Iterable<() => void>,
  options: { signal?: AbortSignal | undefined; cancelled: () => Error },
): Promise<void> {
  const state = writerFor(db);
  if (state.stepping || db.sqlite.inTransaction) throw new CrmError('unavailable', 'errors.busy_importing');
  db.sqlite.exec('BEGIN IMMEDIATE');
  state.stepping = true;
  try {
    for (const step of steps) {
      if (options.signal?.aborted) throw options.cancelled();
      state.inStep = true;
      try {
        step();
      } finally {
        state.inStep = false;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (options.signal?.aborted) throw options.cancelled();
    if (state.failed) throw state.failed.error;
    db.sqlite.exec('COMMIT');
  } catch (error) {
    if (db.sqlite.inTransaction) db.sqlite.exec('ROLLBACK');
    state.pending.clear();
    forgetCustomDefs(db);
    throw error;
  } finally {
    state.stepping = false;
    state.failed = undefined;
  }
  const events = [...state.pending.values()];
  state.pending.clear();
  for (const payload of events) db.events.emit('changes', payload);
}

/**
 * The single write path for synced tables. In one transaction per call it writes each row,
 * stamps an HLC on every changed field (sync_cell_clock), appends the field changes to
 * sync_outbox, records the audit history, updates the full-text index, and then emits
 * `changes`. Returns the rows as written.
 */
export function mutate(db: CrmDb, mutations: Mutation | Mutation[], options: WriteOptions = {}): Row[] {
  const list = Array.isArray(mutations) ? mutations : [mutations];
  const state = writerFor(db);
  return write(db, () => {
    const out = list.map((m) => applyOne(db, state, m, options));
    // Custom values are searched by their field's options and only while the field is active:
    // a changed definition (here or arriving by sync) re-indexes the records that hold a value.
    for (const m of list)
      if (m.table === 'custom_field_defs' && m.op !== 'insert') reindexCustomFieldIn(db, state, m.id);
    state.stmts.hlc.run(db.clock.current());
    return out;
  });
}

function applyOne(db: CrmDb, state: WriterState, m: Mutation, options: WriteOptions): Row {
  const plan = planFor(db, state, m.table);
  const now = db.now();
  const actor = options.actor ?? null;
  const hlc = db.clock.tick();
  if (m.table === 'custom_field_defs') forgetCustomDefs(db);

  if (m.op === 'insert') return insertRow(db, state, plan, m, now, actor, hlc, options);

  const raw = plan.select.get(m.id) as Row | undefined;
  if (!raw) throw notFound(plan.def.searchType ? `entity.${plan.def.searchType}` : m.table);
  const before = decodeRow(plan, raw);
  if (m.op === 'purge') return purgeRow(db, state, plan, m, before, now, actor, hlc, options);
  const values: Row = { ...(m.values ?? {}) };
  if (m.op === 'delete') values.deleted = true;
  if (m.op === 'restore') values.deleted = false;
  return updateRow(db, state, plan, m, before, raw, values, now, actor, hlc, options);
}

function insertRow(
  db: CrmDb,
  state: WriterState,
  plan: TablePlan,
  m: Mutation,
  now: number,
  actor: string | null,
  hlc: string,
  options: WriteOptions,
): Row {
  let row: Row = {};
  for (const col of plan.columns) row[col.key] = defaultOf(col);
  Object.assign(row, m.values, { id: m.id, createdAt: now, updatedAt: now, createdBy: actor, updatedBy: actor });
  if (row.deleted === null) row.deleted = false;
  if (plan.def.derive) row = { ...row, ...plan.def.derive(row) };
  fromOtherRows(db, plan.name, row);

  const params = plan.columns.map((col) => toDriver(col, row[col.key]));
  plan.insert.run(params);
  toOtherRows(db, plan.name, row);

  // A new row's fields all share the insert's clock: stored once as "*" rather than per column.
  // Its outbox entry says "every field" rather than repeating the row: the push reads the cells'
  // current values and clocks, which is the per-cell coalescing the push does anyway. The audit
  // records the creation without repeating the values either: a field's first value is the "old"
  // side of its first change, or its current value.
  state.stmts.clockPut.run(plan.name, m.id, `{"${ALL_COLUMNS}":"${hlc}"}`);
  state.stmts.outbox.run(plan.name, m.id, INSERT_CHANGES_JSON, hlc);
  state.stmts.audit.run(plan.name, m.id, 'insert', INSERT_AUDIT_JSON, now, actor, hlc, options.origin ?? null);
  if (plan.def.searchDoc && plan.def.searchType && !row.deleted) {
    queueSearch(state, m.id, { type: plan.def.searchType, doc: searchDocOf(db, plan, row), indexed: false });
  }
  note(state, plan.name, 'insert', m.id);
  return row;
}

function updateRow(
  db: CrmDb,
  state: WriterState,
  plan: TablePlan,
  m: Mutation,
  before: Row,
  raw: Row,
  values: Row,
  now: number,
  actor: string | null,
  hlc: string,
  options: WriteOptions,
): Row {
  let after: Row = { ...before };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'id' || key === 'createdAt' || key === 'createdBy') continue;
    if (value !== undefined) after[key] = value;
  }
  if (plan.def.derive) after = { ...after, ...plan.def.derive(after) };
  fromOtherRows(db, plan.name, after);

  const restamp = new Set(m.restamp ?? []);
  const restampKeys = [...restamp].filter((f) => f.startsWith('custom.')).map((f) => f.slice('custom.'.length));
  if (restampKeys.length) restamp.add('custom');
  const changed: ColumnInfo[] = [];
  const params: unknown[] = [];
  for (const col of plan.columns) {
    if (col.key === 'updatedAt' || col.key === 'updatedBy') continue;
    const next = toDriver(col, after[col.key]);
    if (next !== (raw[col.name] ?? null) || (restamp.has(col.key) && !col.local)) {
      changed.push(col);
      params.push(next);
    }
  }
  if (!changed.some((c) => !c.local)) return before;

  after.updatedAt = now;
  after.updatedBy = actor;
  for (const key of ['updatedAt', 'updatedBy'] as const) {
    const col = plan.columns.find((c) => c.key === key);
    if (col) {
      changed.push(col);
      params.push(toDriver(col, after[key]));
    }
  }
  updateStatement(db, plan, changed).run([...params, m.id]);
  toOtherRows(db, plan.name, after);

  const clockText = state.stmts.clockGet.get(plan.name, m.id) as string | undefined;
  const clocks: Record<string, string> = clockText ? JSON.parse(clockText) : {};
  const changes: Row = {};
  const audit: Record<string, [unknown, unknown]> = {};
  changed.forEach((col, i) => {
    if (col.local) return;
    clocks[col.name] = hlc;
    // Custom values merge per key under sync: each key that changed (or went) gets its own stamp.
    if (col.key === 'custom')
      for (const key of [...changedKeys(before.custom, after.custom), ...restampKeys]) clocks[`custom.${key}`] = hlc;
    changes[col.name] = params[i];
    if (col.key !== 'updatedAt' && col.key !== 'updatedBy') audit[col.key] = [before[col.key], after[col.key]];
  });
  state.stmts.clockPut.run(plan.name, m.id, JSON.stringify(clocks));
  state.stmts.outbox.run(plan.name, m.id, JSON.stringify(changes), hlc);
  const op: MutationOp = before.deleted === after.deleted ? 'update' : after.deleted ? 'delete' : 'restore';
  state.stmts.audit.run(plan.name, m.id, op, JSON.stringify(audit), now, actor, hlc, options.origin ?? null);

  if (plan.def.searchDoc && plan.def.searchType) {
    const doc = after.deleted ? null : searchDocOf(db, plan, after);
    // A change that leaves the indexed text as it was (a deal moved to another stage, an owner
    // changed) keeps the index entry: rewriting it cost a delete and an insert in the full-text
    // index (and its merge work) on every such write.
    if (op !== 'update' || !doc || !sameSearchDoc(doc, searchDocOf(db, plan, before)))
      queueSearch(state, m.id, { type: plan.def.searchType, doc, indexed: true });
  }
  note(state, plan.name, op, m.id);
  return after;
}

/**
 * Erases a row. Its cell clocks stay as a tombstone and the outbox carries a `__purge` marker, so
 * sync can erase it on other devices too; the audit history keeps what it held.
 */
function purgeRow(
  db: CrmDb,
  state: WriterState,
  plan: TablePlan,
  m: Mutation,
  before: Row,
  now: number,
  actor: string | null,
  hlc: string,
  options: WriteOptions,
): Row {
  purgeStatement(db, plan).run(m.id);
  const clockText = state.stmts.clockGet.get(plan.name, m.id) as string | undefined;
  const clocks: Record<string, string> = { ...(clockText ? JSON.parse(clockText) : {}), __purge: hlc };
  state.stmts.clockPut.run(plan.name, m.id, JSON.stringify(clocks));
  state.stmts.outbox.run(plan.name, m.id, JSON.stringify({ __purge: 1 }), hlc);
  const audit: Record<string, [unknown, unknown]> = {};
  for (const col of plan.columns) if (!col.local && before[col.key] !== null) audit[col.key] = [before[col.key], null];
  state.stmts.audit.run(plan.name, m.id, 'purge', JSON.stringify(audit), now, actor, hlc, options.origin ?? null);
  if (plan.def.searchType) queueSearch(state, m.id, { type: plan.def.searchType, doc: null, indexed: true });
  note(state, plan.name, 'purge', m.id);
  return before;
}

const purges = new WeakMap<TablePlan, Database.Statement>();
function purgeStatement(db: CrmDb, plan: TablePlan): Database.Statement {
  let stmt = purges.get(plan);
  if (!stmt) purges.set(plan, (stmt = db.sqlite.prepare(`DELETE FROM "${plan.name}" WHERE id = ?`)));
  return stmt;
}

// ---- Local fields that come from another row: activity_links.at is its activity's time.

interface LinkTimeStatements {
  activity: Database.Statement;
  links: Database.Statement;
  link: Database.Statement;
}

const linkTimeStatements = new WeakMap<CrmDb, LinkTimeStatements>();

function linkTimes(db: CrmDb): LinkTimeStatements {
  let stmts = linkTimeStatements.get(db);
  if (!stmts) {
    const s = db.sqlite;
    stmts = {
      activity: s.prepare(
        'SELECT type, start_at AS startAt, due_at AS dueAt, done_at AS doneAt, created_at AS createdAt FROM activities WHERE id = ?',
      ),
      // Only rows whose time moves are written: an edit of a subject leaves the links alone.
      links: s.prepare('UPDATE activity_links SET at = @at WHERE activity_id = @id AND at <> @at'),
      link: s.prepare('UPDATE activity_links SET at = @at WHERE id = @id AND at <> @at'),
    };
    linkTimeStatements.set(db, stmts);
  }
  return stmts;
}

/** The timeline time of an activity, or null while it is not here (sync may deliver its links first). */
function timeOfActivity(db: CrmDb, activityId: unknown): number | null {
  if (typeof activityId !== 'string') return null;
  const row = linkTimes(db).activity.get(activityId) as Row | undefined;
  return row ? activityTime(row) : null;
}

/** Before a row is written: a link takes its activity's time. */
function fromOtherRows(db: CrmDb, table: EntityName, row: Row): void {
  if (table !== 'activity_links') return;
  const at = timeOfActivity(db, row.activityId);
  if (at !== null) row.at = at;
}

/** After a row is written: an activity's links follow its time (a rescheduled meeting moves on every timeline). */
function toOtherRows(db: CrmDb, table: EntityName, row: Row): void {
  if (table !== 'activities') return;
  linkTimes(db).links.run({ at: activityTime(row), id: row.id });
}

/**
 * The same for a row written by sync's apply (src/main/sync/apply.ts), which writes whole rows
 * itself and may deliver an activity and its links in either order: called after each row, it
 * sets a link's time from its activity when that is here, and carries an activity's time to the
 * links already here.
 */
export function keepLinkTimes(db: CrmDb, table: string, row: Row): void {
  if (table === 'activities') toOtherRows(db, table, row);
  else if (table === 'activity_links') {
    const at = timeOfActivity(db, row.activityId);
    if (at !== null) linkTimes(db).link.run({ at, id: row.id });
  }
}

function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
    (key) => JSON.stringify(a[key] ?? null) !== JSON.stringify(b[key] ?? null),
  );
}

/** Re-indexes the records holding a value of a custom field whose definition changed (also used by sync). */
export function reindexCustomField(db: CrmDb, defId: string): void {
  reindexCustomFieldIn(db, writerFor(db), defId);
}

function reindexCustomFieldIn(db: CrmDb, state: WriterState, defId: string): void {
  forgetCustomDefs(db);
  const def = db.sqlite.prepare('SELECT entity, key FROM custom_field_defs WHERE id = ?').get(defId) as
    { entity: string; key: string } | undefined;
  if (!def || !(def.entity in ENTITIES)) return;
  const plan = planFor(db, state, def.entity as EntityName);
  if (!plan.def.searchDoc || !plan.def.searchType) return;
  const rows = db.sqlite
    .prepare(`SELECT * FROM "${plan.name}" WHERE deleted = 0 AND json_type(custom, ?) IS NOT NULL`)
    .all(`$."${def.key}"`) as Row[];
  for (const raw of rows) {
    const row = decodeRow(plan, raw);
    const doc = searchDocOf(db, plan, row);
    queueSearch(state, row.id as string, { type: plan.def.searchType, doc, indexed: true });
  }
}

function sameSearchDoc(a: SearchDocument, b: SearchDocument): boolean {
  return a.title === b.title && a.subtitle === b.subtitle && a.body === b.body;
}

/** The entity's own search text plus its custom values, so custom fields are found by search. */
function searchDocOf(db: CrmDb, plan: TablePlan, row: Row) {
  const doc = plan.def.searchDoc!(row);
  const custom = customTextOf(db, plan.name, row.custom);
  return custom ? { ...doc, body: `${doc.body} ${custom}` } : doc;
}

function note(state: WriterState, entity: string, op: MutationOp, id: string): void {
  const key = `${entity}|${op}`;
  let payload = state.pending.get(key);
  if (!payload) state.pending.set(key, (payload = { entity, op, ids: [] }));
  payload.ids.push(id);
}

function queueSearch(state: WriterState, id: string, write: SearchWrite): void {
  const earlier = state.search.get(id);
  state.search.set(id, earlier ? { ...write, indexed: earlier.indexed } : write);
}

/** Applies a write level's index changes, the last one per record. */
function flushSearch(db: CrmDb, writes: Map<string, SearchWrite>): void {
  if (writes.size === 0) return;
  const allocate = docIdAllocator(db);
  for (const [id, w] of writes) {
    if (w.doc) writeSearchDoc(db, w.type, id, w.doc, w.indexed, allocate);
    else if (w.indexed) removeFromSearch(db, id);
  }
  writes.clear();
}
