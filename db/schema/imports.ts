import { blob, integer, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';

/**
 * One import run (CSV, vCard, book): local to this device, not synced. The records it wrote are
 * synced like any other; this history is what lists imports, shows them on timelines and undoes them.
 */
export const importBatches = sqliteTable(
  'import_batches',
  {
    id: text('id').primaryKey(),
    /** contacts, companies, deals, ... */
    entity: text('entity').notNull(),
    fileName: text('file_name').notNull(),
    /** csv | vcf | json */
    format: text('format').notNull(),
    /** done | undone */
    status: text('status').notNull().default('done'),
    createdAt: integer('created_at').notNull(),
    createdBy: text('created_by'),
    undoneAt: integer('undone_at'),
    /** { created, updated, skipped, related } */
    counts: text('counts', { mode: 'json' }).$type<Record<string, number>>().notNull().default({}),
    /** The mapping and options used, so the same import can be repeated. */
    settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('import_batches_created').on(t.createdAt)],
);

/** What one import did to one record: created it, or updated it (with the values it replaced). */
export const importItems = sqliteTable(
  'import_items',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    batchId: text('batch_id').notNull(),
    /** The synced table written. */
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** created | updated */
    action: text('action').notNull(),
    /** For an update: the previous values of the fields the import changed. */
    before: text('before', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('import_items_batch').on(t.batchId), index('import_items_entity').on(t.entityId)],
);

/** Column mappings saved by name for reuse (local to the device). */
export const importMappings = sqliteTable('import_mappings', {
  id: text('id').primaryKey(),
  entity: text('entity').notNull(),
  name: text('name').notNull(),
  mapping: text('mapping', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Contact photos from vCards, kept local to the device for now (binary values are not part of
 * the field-level sync protocol yet).
 */
export const contactPhotos = sqliteTable('contact_photos', {
  contactId: text('contact_id').primaryKey(),
  mime: text('mime').notNull(),
  data: blob('data', { mode: 'buffer' }).notNull(),
  updatedAt: integer('updated_at').notNull(),
});
