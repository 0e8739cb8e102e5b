import { z } from 'zod';
import { idInput, idSchema, limitSchema, recordMeta } from './common';
import { defineMethod } from './define';

export const TIMELINE_KINDS = ['activity', 'note', 'deal', 'change', 'ticket'] as const;
export const TIMELINE_ENTITIES = ['contacts', 'companies', 'deals'] as const;

export const timelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** The activity, note or deal id; for a change, the audit sequence number. */
  id: z.string(),
  at: z.number().int(),
  /** Activity type, or the change's operation (insert, update, delete, restore, purge). */
  subtype: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  actor: z.string().nullable(),
  /** For changes: `{ field: [old, new] }`; for activities: type-specific details. */
  data: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const noteSchema = z.object({
  ...recordMeta,
  body: z.string(),
  entityType: z.string(),
  entityId: z.string(),
});

const noteBody = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(50_000, { error: 'validation.too_long' });

export const TRASH_ENTITIES = [
  'contacts',
  'companies',
  'deals',
  'activities',
  'notes',
  'tags',
  'saved_views',
  'teams',
  'tickets',
  'kb_articles',
  'campaigns',
  'quotes',
  'templates',
  'kb_categories',
  'business_hours',
  'sla_policies',
] as const;
export const trashItemSchema = z.object({
  entity: z.enum(TRASH_ENTITIES),
  id: z.string(),
  title: z.string(),
  deletedAt: z.number().int(),
  deletedBy: z.string().nullable(),
});

export const timelineMethods = {
  'timeline.list': defineMethod({
    summary:
      'Everything that happened to a record, newest first: activities, notes, deals and field changes from the audit history. Paged by `cursor`, filterable by kind.',
    input: z.strictObject({
      entity: z.enum(TIMELINE_ENTITIES, { error: 'validation.invalid_value' }),
      id: idSchema,
      kinds: z.array(z.enum(TIMELINE_KINDS)).optional(),
      cursor: z.string().max(200).optional(),
      limit: limitSchema.optional(),
    }),
    output: z.object({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable() }),
  }),
  'notes.create': defineMethod({
    summary: 'Add a note to a contact, company or deal.',
    input: z.strictObject({
      entityType: z.enum(TIMELINE_ENTITIES, { error: 'validation.invalid_value' }),
      entityId: idSchema,
      body: noteBody,
    }),
    output: noteSchema,
  }),
  'notes.update': defineMethod({
    summary: 'Edit a note.',
    input: z.strictObject({ id: idSchema, body: noteBody }),
    output: noteSchema,
  }),
  'notes.delete': defineMethod({ summary: 'Move a note to the trash.', input: idInput, output: noteSchema }),
  'trash.list': defineMethod({
    summary: 'Everything deleted and not merged, newest first, across record types (or one).',
    input: z.strictObject({
      entity: z.enum(TRASH_ENTITIES).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
    output: z.object({ items: z.array(trashItemSchema) }),
  }),
  'trash.restore': defineMethod({
    summary: 'Bring records back from the trash.',
    input: z.strictObject({ entity: z.enum(TRASH_ENTITIES), ids: z.array(idSchema).min(1).max(1000) }),
    output: z.object({ restored: z.number().int() }),
  }),
  'trash.purge': defineMethod({
    summary: 'Erase records from the trash for good (only records already in the trash).',
    input: z.strictObject({ entity: z.enum(TRASH_ENTITIES), ids: z.array(idSchema).min(1).max(1000) }),
    output: z.object({ purged: z.number().int() }),
  }),
};
