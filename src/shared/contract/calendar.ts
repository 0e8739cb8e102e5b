import { z } from 'zod';
import { ACTIVITY_TYPES, LINKABLE, activitySchema } from './activities';
import { idSchema } from './common';
import { defineMethod } from './define';

const ms = z.number({ error: 'validation.invalid_type' }).int();

/** One box on the calendar: an activity, or one occurrence of a recurring one. */
export const calendarEventSchema = z.object({
  activityId: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  title: z.string(),
  start: z.number(),
  end: z.number().nullable(),
  allDay: z.boolean(),
  done: z.boolean(),
  recurring: z.boolean(),
  /** For a recurring activity, the start of this occurrence (equals `start`). */
  occurrence: z.number().nullable(),
  ownerId: z.string().nullable(),
});
export type CalendarEvent = z.infer<typeof calendarEventSchema>;

export const reminderSchema = z.object({
  activityId: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  title: z.string(),
  /** The start (or due time) of the occurrence reminded of. */
  occurrenceAt: z.number(),
  offsetMinutes: z.number(),
  fireAt: z.number(),
  /** Fired while the app was closed: listed at the next start. */
  missed: z.boolean(),
});
export type Reminder = z.infer<typeof reminderSchema>;

const icsIssue = z.object({
  /** 1-based line of the event in the file, when known. */
  line: z.number().nullable(),
  uid: z.string().nullable(),
  summary: z.string().nullable(),
  message: z.string(),
});

export const calendarMethods = {
  'calendar.range': defineMethod({
    summary:
      'Meetings, calls and task due dates between `from` and `to` (UTC ms), recurring activities expanded into occurrences.',
    input: z
      .strictObject({
        from: ms,
        to: ms,
        types: z.array(z.enum(ACTIVITY_TYPES)).optional(),
        mine: z.boolean().optional(),
      })
      .refine((v) => v.to > v.from, { error: 'validation.range_order', path: ['to'] })
      .refine((v) => v.to - v.from <= 400 * 86_400_000, { error: 'validation.range_too_long', path: ['to'] }),
    output: z.object({ events: z.array(calendarEventSchema) }),
  }),
  'calendar.moveOccurrence': defineMethod({
    summary:
      "Moves one occurrence of a repeating meeting or task (given by its start or due time, `occurrence`) without touching the rest of the series: it becomes an activity of its own (an exception, `startAt` being a task's new due time) and the series leaves that start out. Moving a task series' current occurrence moves the series on to its next one.",
    input: z.strictObject({
      id: idSchema,
      occurrence: ms,
      startAt: ms,
      endAt: ms.nullable().optional(),
      allDay: z.boolean().optional(),
    }),
    output: activitySchema,
  }),
  'calendar.exportIcs': defineMethod({
    summary: 'An RFC 5545 calendar of the given activities (or of every meeting, call and dated task), rules kept.',
    input: z.strictObject({ ids: z.array(idSchema).max(10_000).optional() }),
    output: z.object({ ics: z.string(), count: z.number() }),
  }),
  'calendar.importIcs': defineMethod({
    summary:
      'Imports the events of an .ics text as meetings (re-importing updates them by UID); bad events are reported, the good ones kept.',
    input: z.strictObject({
      text: z.string().max(20_000_000, { error: 'validation.too_long' }),
      links: z
        .array(z.strictObject({ entityType: z.enum(LINKABLE), entityId: idSchema }))
        .max(100)
        .optional(),
    }),
    output: z.object({ imported: z.number(), updated: z.number(), issues: z.array(icsIssue) }),
  }),
  'reminders.pending': defineMethod({
    summary:
      'Reminders that fired and are not dismissed yet: those fired while the app ran and those missed while it was closed.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(reminderSchema) }),
  }),
  'reminders.dismiss': defineMethod({
    summary: 'Dismisses fired reminders (all of them when no activity is given).',
    input: z.strictObject({ activityIds: z.array(idSchema).max(1000).optional() }),
    output: z.object({ dismissed: z.number() }),
  }),
};
