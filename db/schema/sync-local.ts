import { integer, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';

/**
 * Local bookkeeping of the sync client (never synced; the cursor, server address and device token
 * live in sync_state).
 */

/** Remote field changes this version does not know how to store (a newer client's column): replayed after an upgrade. */
export const syncParked = sqliteTable(
  'sync_parked',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** The JSON value as it came. */
    value: text('value').notNull(),
    hlc: text('hlc').notNull(),
    node: text('node').notNull(),
  },
  (t) => [index('sync_parked_cell').on(t.tableName, t.rowId, t.field)],
);

/**
 * Concurrent edits of one field (the server's record, or found here) and edits made after a delete,
 * listed on the Conflicts screen until someone picks a value or the field is edited again.
 */
export const syncConflicts = sqliteTable(
  'sync_conflicts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The server's conflict id, so a conflict fetched twice is stored once. */
    serverId: integer('server_id').unique(),
    /** `concurrent` (two values of one field) or `edited_after_delete`. */
    kind: text('kind').notNull(),
    tableName: text('table_name').notNull(),
    rowId: text('row_id').notNull(),
    field: text('field').notNull(),
    /** { value, hlc, node } */
    winner: text('winner', { mode: 'json' }).$type<{ value: unknown; hlc: string; node: string }>().notNull(),
    loser: text('loser', { mode: 'json' }).$type<{ value: unknown; hlc: string; node: string }>().notNull(),
    createdAt: integer('created_at').notNull(),
    resolvedAt: integer('resolved_at'),
  },
  (t) => [index('sync_conflicts_open').on(t.resolvedAt, t.id)],
);
