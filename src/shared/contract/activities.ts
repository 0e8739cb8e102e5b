import { z } from 'zod';
import { idInput, idSchema, limitSchema, optionalText, recordMeta } from './common';
import { defineMethod } from './define';

export const ACTIVITY_TYPES = ['call', 'meeting', 'email', 'task', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];
export const LINKABLE = ['contacts', 'companies', 'deals'] as const;
export const TASK_BUCKETS = ['overdue', 'today', 'upcoming', 'nodate', 'done'] as const;
export type TaskBucket = (typeof TASK_BUCKETS)[number];

const when = z.number({ error: 'validation.invalid_type' }).int().nullable().optional();
/** Minutes before the start (or due time) at which to remind: 0 = at the time, up to four weeks before. */
export const remindersSchema = z
  .array(z.number({ error: 'validation.invalid_type' }).int().min(0, { error: 'validation.too_small' }).max(40_320))
  .max(10, { error: 'validation.too_big' });
/** An RFC 5545 recurrence rule ("FREQ=WEEKLY;BYDAY=MO"); checked by the service with rrule. */
const recurrenceSchema = z.string().trim().max(500, { error: 'validation.too_long' });
/**
 * The IANA zone whose clocks a repeating activity follows ("Europe/Madrid"): 09:00 stays 09:00
 * there across daylight-saving changes. Unset: the zone of the computer showing it.
 */
const timeZoneSchema = z.string().trim().min(1).max(100);
const occurrenceListSchema = z.array(z.number().int()).max(1000, { error: 'validation.too_big' });
export const TASK_STATUSES = ['open', 'in_progress', 'waiting', 'done'] as const;
export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
const linkSchema = z.strictObject({
  entityType: z.enum(LINKABLE, { error: 'validation.invalid_value' }),
  entityId: idSchema,
});

/** Type-specific details; anything not listed for a type is refused. `clearable` lets a key be null (an update removes it). */
function detailsSchema<C extends boolean>(clearable: C) {
  type Opt<T extends z.ZodType> = C extends true ? z.ZodOptional<z.ZodNullable<T>> : z.ZodOptional<T>;
  const opt = <T extends z.ZodType>(t: T) => (clearable ? t.nullable().optional() : t.optional()) as Opt<T>;
  return z.union([
    z.strictObject({
      kind: z.literal('call'),
      direction: opt(z.enum(['inbound', 'outbound'])),
      durationSeconds: opt(z.number().int().min(0)),
      outcome: opt(z.string().max(100)),
      number: opt(z.string().max(40)),
      reminders: opt(remindersSchema),
    }),
    z.strictObject({
      kind: z.literal('meeting'),
      location: opt(z.string().max(300)),
      attendees: opt(z.array(z.strictObject({ type: z.enum(['contact', 'member']), id: idSchema })).max(200)),
      recurrence: opt(recurrenceSchema),
      reminders: opt(remindersSchema),
      /** Set on events imported from an .ics file: re-importing the same file updates them. */
      uid: opt(z.string().max(500)),
      timeZone: opt(timeZoneSchema),
      /** Starts (UTC ms) of occurrences taken out of the series (EXDATE). */
      exdates: opt(occurrenceListSchema),
      /** Starts (UTC ms) of occurrences moved out of the series: each is a meeting of its own now. */
      overrides: opt(occurrenceListSchema),
      /** On a moved occurrence: the series it came from, and the start it had there (RECURRENCE-ID). */
      seriesId: opt(idSchema),
      recurrenceId: opt(z.number().int()),
    }),
    z.strictObject({
      kind: z.literal('email'),
      from: opt(z.string().max(320)),
      to: opt(z.array(z.string().max(320)).max(100)),
      cc: opt(z.array(z.string().max(320)).max(100)),
      direction: opt(z.enum(['inbound', 'outbound'])),
      messageId: opt(z.string().max(500)),
      templateId: opt(idSchema),
    }),
    z.strictObject({
      kind: z.literal('task'),
      priority: opt(z.enum(TASK_PRIORITIES, { error: 'validation.invalid_value' })),
      status: opt(z.enum(TASK_STATUSES, { error: 'validation.invalid_value' })),
      checklist: opt(z.array(z.strictObject({ text: z.string().max(300), done: z.boolean() })).max(100)),
      recurrence: opt(recurrenceSchema),
      reminders: opt(remindersSchema),
      timeZone: opt(timeZoneSchema),
      /** The first due time of a repeating task: later occurrences are counted from it. */
      anchor: opt(z.number().int()),
      /** The automation run that created the task, if any. */
      automationId: opt(z.string()),
    }),
    z.strictObject({ kind: z.literal('note'), mentions: z.array(idSchema).max(100).optional() }),
  ]);
}
export const activityDetailsSchema = detailsSchema(false);
/** An update's details: the keys given replace those stored, a key set to null is removed, the rest are kept. */
export const activityDetailsPatchSchema = detailsSchema(true);

const activityFields = {
  type: z.enum(ACTIVITY_TYPES, { error: 'validation.invalid_value' }),
  subject: z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.too_long' }),
  body: optionalText(100_000),
  startAt: when,
  endAt: when,
  dueAt: when,
  allDay: z.boolean().optional(),
  doneAt: when,
  ownerId: idSchema.nullable().optional(),
  details: activityDetailsSchema.optional(),
  links: z.array(linkSchema).max(100, { error: 'validation.too_big' }).optional(),
};

export const activitySchema = z.object({
  ...recordMeta,
  type: z.enum(ACTIVITY_TYPES),
  subject: z.string(),
  body: z.string().nullable(),
  startAt: z.number().nullable(),
  endAt: z.number().nullable(),
  dueAt: z.number().nullable(),
  allDay: z.boolean(),
  doneAt: z.number().nullable(),
  ownerId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  links: z.array(z.object({ entityType: z.string(), entityId: z.string() })),
});
export type Activity = z.infer<typeof activitySchema>;

export const activitiesMethods = {
  'activities.create': defineMethod({
    summary: 'Log a call, meeting, email, task or note, linked to any number of contacts, companies and deals.',
    input: z.strictObject(activityFields),
    output: activitySchema,
  }),
  'activities.get': defineMethod({ summary: 'One activity with its links.', input: idInput, output: activitySchema }),
  'activities.update': defineMethod({
    summary:
      'Change an activity; `links`, when given, replaces its links; `details` keys given replace those stored (null removes one), the others are kept; `doneAt` completes a task.',
    input: z.strictObject({
      id: idSchema,
      ...activityFields,
      type: activityFields.type.optional(),
      subject: activityFields.subject.optional(),
      details: activityDetailsPatchSchema.optional(),
    }),
    output: activitySchema,
  }),
  'activities.delete': defineMethod({
    summary: 'Move an activity to the trash.',
    input: idInput,
    output: activitySchema,
  }),
  'activities.list': defineMethod({
    summary: 'Activities newest first, optionally of one record, of some types, or open tasks only.',
    input: z.strictObject({
      entityId: idSchema.optional(),
      types: z.array(z.enum(ACTIVITY_TYPES)).optional(),
      openOnly: z.boolean().optional(),
      limit: limitSchema.optional(),
    }),
    output: z.object({ items: z.array(activitySchema) }),
  }),
  'activities.complete': defineMethod({
    summary:
      'Complete (or reopen) a task in one step. Completing a recurring task schedules its next occurrence as a new task.',
    input: z.strictObject({ id: idSchema, done: z.boolean().optional() }),
    output: z.object({ task: activitySchema, next: activitySchema.nullable() }),
  }),
  'activities.snooze': defineMethod({
    summary: 'Move a task (or its reminder) to a later time.',
    input: z.strictObject({ id: idSchema, until: z.number({ error: 'validation.invalid_type' }).int() }),
    output: activitySchema,
  }),
  'tasks.inbox': defineMethod({
    summary:
      "Tasks of one bucket (overdue, today, upcoming, no date, done), mine or the team's, with the count of every bucket. `dayStart`/`dayEnd` are the local day in UTC ms.",
    input: z.strictObject({
      bucket: z.enum(TASK_BUCKETS, { error: 'validation.invalid_value' }),
      scope: z.enum(['mine', 'team'], { error: 'validation.invalid_value' }).optional(),
      dayStart: z.number({ error: 'validation.invalid_type' }).int(),
      dayEnd: z.number({ error: 'validation.invalid_type' }).int(),
      limit: limitSchema.optional(),
    }),
    output: z.object({
      items: z.array(activitySchema),
      /** Counted up to 100 each (an index range each); the UI shows "99+" beyond. */
      counts: z.record(z.enum(TASK_BUCKETS), z.number()),
    }),
  }),
};
