import { integer, real, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const tags = sqliteTable('tags', {
  ...syncedColumns(),
  name: text('name').notNull(),
  color: text('color'),
});

export const taggings = sqliteTable(
  'taggings',
  {
    ...syncedColumns(),
    tagId: text('tag_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
  },
  (t) => [index('taggings_entity').on(t.entityId), index('taggings_tag').on(t.tagId)],
);

export const customFieldDefs = sqliteTable('custom_field_defs', {
  ...syncedColumns(),
  /** The entity the field belongs to: contacts, companies, deals, activities. */
  entity: text('entity').notNull(),
  key: text('key').notNull(),
  label: text('label').notNull(),
  /** text, long_text, number, currency, date, datetime, checkbox, select, multiselect, url, email, phone, rating */
  type: text('type').notNull(),
  options: text('options', { mode: 'json' }).$type<unknown[]>().notNull().default([]),
  position: real('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
});
