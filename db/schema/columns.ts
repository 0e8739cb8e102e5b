import { integer, text } from 'drizzle-orm/sqlite-core';

/**
 * The columns every synced table carries. No UNIQUE or foreign-key constraint on synced
 * columns: two offline devices may both create "the same" record; duplicates are merged later.
 */
export function syncedColumns() {
  return {
    id: text('id').primaryKey(),
    deleted: integer('deleted', { mode: 'boolean' }).notNull().default(false),
    mergedInto: text('merged_into'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    createdBy: text('created_by'),
    updatedBy: text('updated_by'),
    custom: text('custom', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  };
}

export type Labeled = { value: string; label?: string };
