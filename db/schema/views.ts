import { index, integer, real, text, sqliteTable, primaryKey } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** A saved list view: filters, sorts, columns and words, personal or shared with the workspace. */
export const savedViews = sqliteTable(
  'saved_views',
  {
    ...syncedColumns(),
    entity: text('entity').notNull(),
    name: text('name').notNull(),
    shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
    ownerId: text('owner_id'),
    config: text('config', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    position: real('position').notNull().default(0),
  },
  (t) => [index('saved_views_entity').on(t.entity)],
);

/**
 * What a duplicate merge did, so it can be undone: the survivor's values before the merge and
 * every relation moved from the merged-away records.
 */
export const mergeHistory = sqliteTable(
  'merge_history',
  {
    ...syncedColumns(),
    entity: text('entity').notNull(),
    survivorId: text('survivor_id').notNull(),
    mergedIds: text('merged_ids', { mode: 'json' }).$type<string[]>().notNull(),
    snapshot: text('snapshot', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
    undone: integer('undone', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('merge_history_survivor').on(t.survivorId)],
);

/** Records opened on this device, for the "recently viewed" quick filter. Local, never synced. */
export const recentItems = sqliteTable(
  'recent_items',
  {
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    viewedAt: integer('viewed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.entityId] }), index('recent_items_time').on(t.entity, t.viewedAt)],
);
