import { integer, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const activities = sqliteTable(
  'activities',
  {
    ...syncedColumns(),
    /** call | meeting | email | task | note */
    type: text('type').notNull(),
    subject: text('subject').notNull(),
    body: text('body'),
    startAt: integer('start_at'),
    endAt: integer('end_at'),
    dueAt: integer('due_at'),
    allDay: integer('all_day', { mode: 'boolean' }).notNull().default(false),
    doneAt: integer('done_at'),
    ownerId: text('owner_id'),
    /** Type-specific details (call direction and outcome, email headers, checklist, ...). */
    details: text('details', { mode: 'json' }).$type<Record<string, unknown>>().notNull().default({}),
    /** Local, derived from details.recurrence: the calendar expands only these few rows beyond its range. */
    recurs: integer('recurs', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    index('activities_due').on(t.deleted, t.dueAt),
    index('activities_start').on(t.deleted, t.startAt),
    // The tasks inbox: open tasks by due date, done tasks by completion, each an index range.
    index('activities_tasks').on(t.type, t.deleted, t.doneAt, t.dueAt),
    index('activities_owner_tasks').on(t.ownerId, t.type, t.deleted, t.doneAt, t.dueAt),
    // "Only mine" on the calendar: one member's starts and due times, each an index range.
    index('activities_owner_start').on(t.ownerId, t.deleted, t.startAt),
    index('activities_owner_due').on(t.ownerId, t.deleted, t.dueAt),
    index('activities_recurs').on(t.recurs, t.deleted),
  ],
);

/** An activity links to any number of contacts, companies and deals. */
export const activityLinks = sqliteTable(
  'activity_links',
  {
    ...syncedColumns(),
    activityId: text('activity_id').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** Local, derived: the activity's time, so a record's timeline is one index range. */
    at: integer('at').notNull().default(0),
  },
  (t) => [index('activity_links_entity').on(t.entityId, t.at), index('activity_links_activity').on(t.activityId)],
);

export const notes = sqliteTable(
  'notes',
  {
    ...syncedColumns(),
    body: text('body').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
  },
  (t) => [index('notes_entity').on(t.entityId, t.createdAt)],
);
