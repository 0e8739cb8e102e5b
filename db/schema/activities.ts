import { sql } from 'drizzle-orm';
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
    // The tasks inbox, the team's and one member's: partial indexes holding only live tasks, open
    // ones by due date (then creation, for the "no date" bucket, whose due date is NULL) and done
    // ones by completion, each with the id. Every bucket's capped count and page is then one
    // range of one index read in order, without a row lookup. The queries repeat each index's
    // WHERE terms word for word (SQLite uses a partial index only then), and those terms' columns
    // (constant here) lead each index: the planner, with or without statistics, then counts them
    // as matched columns and prefers it to the wider due/start indexes, and needs no row to check them.
    index('activities_open_tasks')
      .on(t.type, t.deleted, t.doneAt, t.dueAt, t.createdAt, t.id)
      .where(sql`type = 'task' AND deleted = 0 AND done_at IS NULL`),
    index('activities_open_tasks_owner')
      .on(t.ownerId, t.type, t.deleted, t.doneAt, t.dueAt, t.createdAt, t.id)
      .where(sql`type = 'task' AND deleted = 0 AND done_at IS NULL`),
    index('activities_done_tasks')
      .on(t.type, t.deleted, t.doneAt, t.id)
      .where(sql`type = 'task' AND deleted = 0 AND done_at IS NOT NULL`),
    index('activities_done_tasks_owner')
      .on(t.ownerId, t.type, t.deleted, t.doneAt, t.id)
      .where(sql`type = 'task' AND deleted = 0 AND done_at IS NOT NULL`),
    // "Only mine" on the calendar: one member's meetings and calls by start (the end beside it, so
    // the look-back for long events is filtered in the index; the constant columns of the WHERE
    // terms lead, as above), and due times, each an index range.
    index('activities_owner_timed')
      .on(t.ownerId, t.deleted, t.recurs, t.startAt, t.endAt)
      .where(sql`deleted = 0 AND recurs = 0 AND type IN ('meeting', 'call')`),
    index('activities_owner_due').on(t.ownerId, t.deleted, t.dueAt),
    // The whole team's calendar month (thousands of events at 1M activities): the meetings and
    // calls by start, and the tasks by due time, each in a partial index that holds every column
    // an event shows. A month is then one index range each with no row lookups, and the look-back
    // for long events reads index entries only. Without them every event (and every email and
    // note in the range) cost a lookup into the table: 100 ms a month.
    index('activities_calendar_timed')
      .on(t.deleted, t.recurs, t.startAt, t.endAt, t.type, t.allDay, t.doneAt, t.ownerId, t.subject, t.id)
      .where(sql`deleted = 0 AND recurs = 0 AND type IN ('meeting', 'call')`),
    index('activities_calendar_due')
      .on(t.type, t.deleted, t.recurs, t.dueAt, t.allDay, t.doneAt, t.ownerId, t.subject, t.id)
      .where(sql`type = 'task' AND deleted = 0 AND recurs = 0`),
    // The dashboard's activities done per member in a period: one range per member (analytics).
    index('activities_done_by_owner').on(t.ownerId, t.deleted, t.doneAt, t.type),
    // The few repeating rows, one member's without reading the others'.
    index('activities_recurs').on(t.recurs, t.deleted, t.ownerId),
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
    /** Local, derived: the activity's timeline time (src/main/db/entities/activity-time.ts), kept by the write path. */
    at: integer('at').notNull().default(0),
  },
  (t) => [
    // A record's timeline: its live links newest first, with the activity id as the tie-break,
    // read from the index alone up to the page size. Ids are unique across tables, so the entity
    // type adds nothing; reads by entity_id alone (merge, trash, export) use the same index.
    index('activity_links_timeline').on(t.entityId, t.deleted, t.at, t.activityId),
    index('activity_links_activity').on(t.activityId),
  ],
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
