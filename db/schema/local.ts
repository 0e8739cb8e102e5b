import { integer, text, sqliteTable, index, primaryKey } from 'drizzle-orm/sqlite-core';

/** What happened to every record, written by the mutation layer; the timeline's field changes come from here. */
export const auditHistory = sqliteTable(
  'audit_history',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    op: text('op').notNull(),
    /** { field: [old, new] } */
    changes: text('changes', { mode: 'json' }).$type<Record<string, [unknown, unknown]>>().notNull(),
    at: integer('at').notNull(),
    by: text('by'),
    hlc: text('hlc').notNull(),
    /** Where the change came from: ui, cli, import, sync, seed. */
    origin: text('origin'),
  },
  (t) => [index('audit_entity').on(t.entityId, t.seq)],
);

/** The HLC of the last write to each field of each row: `{ column: hlc }`. */
export const syncCellClock = sqliteTable(
  'sync_cell_clock',
  {
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    clocks: text('clocks', { mode: 'json' }).$type<Record<string, string>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.tableName, t.rowId] })],
);

/** Field changes waiting to be pushed to the sync server, coalesced per cell at push time. */
export const syncOutbox = sqliteTable('sync_outbox', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  /** { column: value } as stored in SQLite */
  changes: text('changes', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  hlc: text('hlc').notNull(),
});

/** Key/value bookkeeping of this replica: node id, last HLC, sync cursor. */
export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Maps a search-index row to the record it indexes (the FTS5 table itself is created in a custom migration). */
export const searchDoc = sqliteTable(
  'search_doc',
  {
    docId: integer('doc_id').primaryKey(),
    type: text('type').notNull(),
    entityId: text('entity_id').notNull(),
  },
  (t) => [index('search_doc_entity').on(t.entityId)],
);
