import { and, desc, eq, getTableColumns, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { activities, activityLinks } from '../../../db/schema';
import type { Activity } from '../../shared/contract/activities';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { mutate, readRow, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { resolveMerged } from './merge';
import { mentionsOf, sanitizeNote } from './notes-html';
import { checkRule, nextOccurrence, seriesOptions } from './recurrence';
import {
  followedAnchor,
  followedRule,
  handOnMovedOccurrences,
  reconcileExceptions,
  updateMovedOccurrences,
} from './series-exceptions';
import { cachedStatement } from './statements';
import { isTimeZone, localTimeZone } from './zoned-time';

type ActivityRow = typeof activities.$inferSelect;
type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };

type LinkRef = { entityType: string; entityId: string };

/**
 * The links of the given activities. Plain SQL prepared once, with the ids as one JSON parameter:
 * a page of the inbox reads a hundred activities and their links, and drizzle's query building
 * and mapping cost three times the reads themselves.
 */
function linksOf(db: CrmDb, ids: string[]): Map<string, LinkRef[]> {
  const out = new Map<string, LinkRef[]>();
  if (!ids.length) return out;
  const rows = cachedStatement(
    db,
    `SELECT activity_id AS activityId, entity_type AS entityType, entity_id AS entityId FROM activity_links
      WHERE activity_id IN (SELECT value FROM json_each(?)) AND deleted = 0`,
  ).all(JSON.stringify(ids)) as (LinkRef & { activityId: string })[];
  for (const r of rows) {
    const list = out.get(r.activityId) ?? [];
    list.push({ entityType: r.entityType, entityId: r.entityId });
    out.set(r.activityId, list);
  }
  return out;
}

/** The activities table's columns, to decode a row read with plain SQL as drizzle would (JSON, booleans). */
const ACTIVITY_COLUMNS = Object.entries(getTableColumns(activities)).map(([key, column]) => ({ key, column }));

function decodeActivity(raw: Record<string, unknown>): ActivityRow {
  const row: Record<string, unknown> = {};
  for (const { key, column } of ACTIVITY_COLUMNS) {
    const value = raw[column.name];
    row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return row as ActivityRow;
}

function toActivity(row: ActivityRow, links: LinkRef[]): Activity {
  return { ...row, type: row.type as Activity['type'], links };
}

export function getActivity(db: CrmDb, id: string): Activity {
  const row = db.orm.select().from(activities).where(eq(activities.id, id)).get();
  if (!row) throw notFound('entity.activity');
  return toActivity(row, linksOf(db, [id]).get(id) ?? []);
}

/** Links land on the survivor of a merge, and must point at records that exist. */
function resolveLinks(db: CrmDb, links: Link[]): Link[] {
  return links.map((l, i) => {
    const entityId = l.entityType === 'deals' ? l.entityId : resolveMerged(db, l.entityType, l.entityId);
    const target = readRow(db, l.entityType, entityId);
    if (!target)
      throw invalid([
        {
          path: ['links', i, 'entityId'],
          key: 'errors.not_found',
          params: {
            entity: `entity.${l.entityType === 'companies' ? 'company' : l.entityType === 'deals' ? 'deal' : 'contact'}`,
          },
        },
      ]);
    return { entityType: l.entityType, entityId };
  });
}

const timeOf = (a: { startAt?: number | null | undefined; dueAt?: number | null | undefined }, now: number) =>
  a.startAt ?? a.dueAt ?? now;

type Details = Record<string, unknown> & { kind?: unknown; recurrence?: unknown };

/** Details with the keys set to null left out: null in a write means "remove this key". */
function withoutNulls(details: Record<string, unknown>): Details {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== null));
}

/**
 * What every write checks and normalises, on the activity as it will be: the end is not before
 * the start, a repeat rule is one rrule understands (stored normalised), a note's HTML is
 * sanitized and its @mentions collected, a task's status follows `doneAt`.
 */
function prepare(
  merged: {
    type: string;
    startAt?: number | null;
    endAt?: number | null;
    dueAt?: number | null;
    doneAt?: number | null;
    allDay?: boolean | null;
  },
  values: Record<string, unknown>,
  now: number,
): Record<string, unknown> {
  const out = { ...values };
  if (merged.startAt != null && merged.endAt != null && merged.endAt < merged.startAt)
    throw invalid([{ path: ['endAt'], key: 'validation.end_before_start' }]);
  const details = out.details as Details | undefined;
  if (details) {
    if (details.kind !== merged.type) throw invalid([{ path: ['details', 'kind'], key: 'validation.invalid_value' }]);
    const next: Details = { ...details };
    if (typeof details.recurrence === 'string') {
      if (details.recurrence === '') delete next.recurrence;
      else next.recurrence = checkRule(details.recurrence, merged.startAt ?? merged.dueAt ?? now);
    }
    if (details.timeZone !== undefined && !isTimeZone(details.timeZone))
      throw invalid([{ path: ['details', 'timeZone'], key: 'validation.timezone_invalid' }]);
    // A timed series follows the clock of the zone it was made in, on every device it syncs to.
    if (next.recurrence && next.timeZone === undefined && !merged.allDay) next.timeZone = localTimeZone();
    out.details = next;
  }
  if (merged.type === 'note' && typeof out.body === 'string') {
    out.body = sanitizeNote(out.body);
    const mentions = mentionsOf(out.body as string);
    const base = (out.details as Details | undefined) ?? { kind: 'note' };
    out.details = mentions.length ? { ...base, mentions } : base;
  }
  if (merged.type === 'task' && 'doneAt' in values) {
    const base = (out.details as Details | undefined) ?? undefined;
    if (base) out.details = { ...base, status: values.doneAt ? 'done' : base.status === 'done' ? 'open' : base.status };
  }
  return out;
}

export function createActivity(
  db: CrmDb,
  input: Omit<Partial<ActivityRow>, 'details'> & {
    type: string;
    subject: string;
    details?: Record<string, unknown> | undefined;
    links?: Link[] | undefined;
  },
  options: WriteOptions = {},
): Activity {
  const { links = [], ...raw } = input;
  if (raw.details) raw.details = withoutNulls(raw.details);
  const values = prepare(raw, { ...raw, details: raw.details ?? { kind: raw.type } }, db.now()) as typeof raw;
  const id = newId();
  const at = timeOf(values, db.now());
  const batch: Mutation[] = [
    { table: 'activities', op: 'insert', id, values: { ...values, details: values.details ?? { kind: values.type } } },
  ];
  for (const l of resolveLinks(db, links))
    batch.push({ table: 'activity_links', op: 'insert', id: newId(), values: { activityId: id, ...l, at } });
  mutate(db, batch, options);
  return getActivity(db, id);
}

export function updateActivity(
  db: CrmDb,
  id: string,
  patch: Record<string, unknown> & { links?: Link[] | undefined },
  options: WriteOptions = {},
): Activity {
  const before = getActivity(db, id);
  const { links, ...rawValues } = patch;
  const merged = { ...before, ...rawValues } as Activity;
  // Changing the type without new details would leave details of the old kind behind.
  if (rawValues.type && rawValues.type !== before.type && !rawValues.details)
    rawValues.details = { kind: rawValues.type };
  // Details are merged key by key: a form that edits a few of them (or an older client) must not
  // erase the others (a call's duration, a task's anchor, an imported meeting's uid). A key sent as
  // null is removed. A change of type starts from the new kind's details instead.
  if (rawValues.details && merged.type === before.type)
    rawValues.details = withoutNulls({ ...before.details, ...(rawValues.details as Details) });
  // A task's status follows doneAt even when only doneAt is sent.
  if (merged.type === 'task' && 'doneAt' in rawValues && !rawValues.details) rawValues.details = before.details;
  const values = prepare(merged, rawValues, db.now());
  const given = (patch.details ?? {}) as Details;
  // A whole series dragged to another day takes its weekdays along (BYDAY=TU two days later is
  // BYDAY=TH), unless the write says which rule it wants (a form that changes it, an .ics
  // re-import, whose file is what the organiser's calendar holds). Moving a task's current
  // occurrence walks the row along its own rule (it sets the anchor): that is no move of the series.
  const rule =
    merged.type === before.type && given.recurrence === undefined && !('anchor' in given)
      ? followedRule(before, { ...merged, details: (values.details as Details | undefined) ?? before.details })
      : null;
  if (rule != null)
    values.details = {
      ...((values.details as Details | undefined) ?? before.details),
      recurrence: checkRule(rule, merged.startAt ?? merged.dueAt ?? db.now()),
    };
  // EXDATEs and moved occurrences follow a series whose rule or timing changes, or are dropped.
  const exceptions =
    merged.type === before.type
      ? reconcileExceptions(
          before,
          { ...merged, details: (values.details as Details | undefined) ?? before.details },
          { exdates: 'exdates' in given, overrides: 'overrides' in given },
        )
      : null;
  if (exceptions)
    values.details = { ...((values.details as Details | undefined) ?? before.details), ...exceptions.details };
  // A completed repeating task counts its next occurrence from its anchor: it moves with the series
  // (unless the write sets it itself, as moving the current occurrence does).
  const anchor =
    merged.type === before.type && !('anchor' in given)
      ? followedAnchor(before, { ...merged, details: (values.details as Details | undefined) ?? before.details })
      : null;
  if (anchor != null) values.details = { ...((values.details as Details | undefined) ?? before.details), anchor };
  const batch: Mutation[] = [{ table: 'activities', op: 'update', id, values }];
  if (links) {
    const wanted = resolveLinks(db, links);
    const current = db.orm.select().from(activityLinks).where(eq(activityLinks.activityId, id)).all();
    const at = timeOf({ ...before, ...values } as { startAt?: number | null; dueAt?: number | null }, before.createdAt);
    for (const row of current) {
      const keep = wanted.some((w) => w.entityId === row.entityId);
      if (!keep && !row.deleted) batch.push({ table: 'activity_links', op: 'delete', id: row.id });
      if (keep && row.deleted) batch.push({ table: 'activity_links', op: 'restore', id: row.id });
    }
    for (const w of wanted) {
      if (!current.some((c) => c.entityId === w.entityId)) {
        batch.push({ table: 'activity_links', op: 'insert', id: newId(), values: { activityId: id, ...w, at } });
      }
    }
  }
  return write(db, () => {
    mutate(db, batch, options);
    if (exceptions) updateMovedOccurrences(db, id, exceptions, options);
    return getActivity(db, id);
  });
}

export function deleteActivity(db: CrmDb, id: string, options: WriteOptions = {}): Activity {
  getActivity(db, id);
  mutate(db, { table: 'activities', op: 'delete', id }, options);
  return getActivity(db, id);
}

export function listActivities(
  db: CrmDb,
  input: {
    entityId?: string | undefined;
    types?: string[] | undefined;
    openOnly?: boolean | undefined;
    limit?: number | undefined;
  },
): Activity[] {
  const where: SQL[] = [eq(activities.deleted, false)];
  if (input.types?.length) where.push(inArray(activities.type, input.types));
  if (input.openOnly) where.push(isNull(activities.doneAt));
  const at = sql`coalesce(${activities.startAt}, ${activities.dueAt}, ${activities.createdAt})`;
  // A record's activities start from its links (an index range on the record's id), never from a
  // scan of every activity in the book ordered by date.
  const rows = input.entityId
    ? db.orm
        .select({ activity: activities })
        .from(activityLinks)
        .innerJoin(activities, eq(activities.id, activityLinks.activityId))
        .where(and(eq(activityLinks.entityId, input.entityId), eq(activityLinks.deleted, false), ...where))
        .orderBy(desc(at), desc(activities.id))
        .limit(input.limit ?? 50)
        .all()
        .map((r) => r.activity)
    : db.orm
        .select()
        .from(activities)
        .where(and(...where))
        .orderBy(desc(at), desc(activities.id))
        .limit(input.limit ?? 50)
        .all();
  const links = linksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toActivity(r, links.get(r.id) ?? []));
}

function requireTask(db: CrmDb, id: string): Activity {
  const task = getActivity(db, id);
  if (task.type !== 'task') throw new CrmError('invalid_input', 'errors.task_only');
  return task;
}

/**
 * Completes (or reopens) a task. A recurring task hands its rule on: the next occurrence becomes
 * a new open task with the same links, and the completed one keeps no rule, so the calendar
 * never shows both.
 */
export function completeTask(
  db: CrmDb,
  id: string,
  done = true,
  options: WriteOptions = {},
): { task: Activity; next: Activity | null } {
  const task = requireTask(db, id);
  if (!done) return { task: updateActivity(db, id, { doneAt: null }, options), next: null };
  if (task.doneAt) return { task, next: null };
  const now = db.now();
  const rule = typeof task.details.recurrence === 'string' ? task.details.recurrence : null;
  return write(db, () => {
    let next: Activity | null = null;
    if (rule && task.dueAt != null) {
      const anchor = typeof task.details.anchor === 'number' ? task.details.anchor : task.dueAt;
      const dueAt = nextOccurrence(rule, anchor, Math.max(task.dueAt, now), seriesOptions(task.details, task.allDay));
      if (dueAt != null) {
        const checklist = Array.isArray(task.details.checklist)
          ? (task.details.checklist as { text: string }[]).map((c) => ({ text: c.text, done: false }))
          : undefined;
        next = createActivity(
          db,
          {
            type: 'task',
            subject: task.subject,
            body: task.body,
            dueAt,
            ownerId: task.ownerId,
            details: { ...task.details, status: 'open', anchor, ...(checklist ? { checklist } : {}) },
            links: task.links as Link[],
          },
          options,
        );
      }
    }
    // The done occurrence keeps no rule: the next one (created above) carries it on, with the
    // series' exceptions, its moved occurrences and its iCalendar UID (one UID, one series: the
    // done one goes out under a UID of its own, see ical-uids.ts).
    if (next) handOnMovedOccurrences(db, task, next.id, options);
    const leaves = { status: 'done', recurrence: null, exdates: null, overrides: null, ...(next ? { uid: null } : {}) };
    const updated = updateActivity(db, id, { doneAt: now, details: rule ? leaves : { status: 'done' } }, options);
    return { task: updated, next };
  });
}

/** Moves a task's due time later ("remind me tomorrow"); reminders follow the new time. */
export function snoozeTask(db: CrmDb, id: string, until: number, options: WriteOptions = {}): Activity {
  requireTask(db, id);
  if (until <= db.now())
    throw invalid([
      { path: ['until'], key: 'validation.too_small', params: { min: new Date(db.now()).toISOString() } },
    ]);
  return updateActivity(db, id, { dueAt: until }, options);
}

export type TaskBucket = 'overdue' | 'today' | 'upcoming' | 'nodate' | 'done';
const COUNT_CAP = 100;

/**
 * The tasks inbox. Every bucket is one range of a partial index of live tasks (open by due date,
 * done by completion; the team's or the owner's, see db/schema/activities.ts), read in order and
 * without a row lookup, so a page and the capped counts cost the same in a book of a million
 * activities as in a small one. The SQL keeps the indexes' WHERE terms word for word
 * (`type = 'task' AND deleted = 0`, `done_at IS NULL` / `done_at IS NOT NULL`): SQLite uses a
 * partial index only for a query that repeats them.
 */
export function tasksInbox(
  db: CrmDb,
  input: { bucket: TaskBucket; ownerId: string | null; dayStart: number; dayEnd: number; limit?: number | undefined },
): { items: Activity[]; counts: Record<TaskBucket, number> } {
  const now = db.now();
  const owner = input.ownerId;
  const scope = owner ? 'owner_id = @owner AND ' : '';
  const base = `FROM activities WHERE ${scope}type = 'task' AND deleted = 0`;
  // Overdue: due before now (and before today ends); today: due between now and the end of today,
  // or earlier today if already past (those are also overdue: today lists what is left of today).
  const filters: Record<TaskBucket, { where: string; order: string }> = {
    overdue: { where: 'done_at IS NULL AND due_at IS NOT NULL AND due_at < @now', order: 'due_at ASC, id ASC' },
    today: { where: 'done_at IS NULL AND due_at >= @now AND due_at < @dayEnd', order: 'due_at ASC, id ASC' },
    upcoming: { where: 'done_at IS NULL AND due_at >= @dayEnd', order: 'due_at ASC, id ASC' },
    nodate: { where: 'done_at IS NULL AND due_at IS NULL', order: 'created_at DESC, id DESC' },
    done: { where: 'done_at IS NOT NULL', order: 'done_at DESC, id DESC' },
  };
  const params = { owner, now, dayEnd: Math.max(input.dayEnd, now) };
  const counts = {} as Record<TaskBucket, number>;
  // Capped: counting a bucket stops at the cap (the inbox shows "100+"), never walks all of it.
  for (const [bucket, f] of Object.entries(filters) as [TaskBucket, { where: string }][]) {
    counts[bucket] = cachedStatement(db, `SELECT count(*) FROM (SELECT 1 ${base} AND ${f.where} LIMIT ${COUNT_CAP})`)
      .pluck()
      .get(params) as number;
  }
  const f = filters[input.bucket];
  const ids = cachedStatement(db, `SELECT id ${base} AND ${f.where} ORDER BY ${f.order} LIMIT @limit`)
    .pluck()
    .all({ ...params, limit: input.limit ?? 100 }) as string[];
  return { items: activitiesByIds(db, ids), counts };
}

/** Activities in the order of `ids`, with their links. */
export function activitiesByIds(db: CrmDb, ids: string[]): Activity[] {
  if (!ids.length) return [];
  const rows = cachedStatement(db, 'SELECT * FROM activities WHERE id IN (SELECT value FROM json_each(?))').all(
    JSON.stringify(ids),
  ) as Record<string, unknown>[];
  const byId = new Map(rows.map((raw) => [raw.id as string, decodeActivity(raw)]));
  const links = linksOf(db, ids);
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toActivity(row, links.get(id) ?? [])] : [];
  });
}
