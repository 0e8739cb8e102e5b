import type { CalendarEvent } from '../../shared/contract/calendar';
import type { ActivityType } from '../../shared/contract/activities';
import type { CrmDb } from '../db/open';
import { occurrencesBetween, seriesOptions } from './recurrence';
import { cachedStatement } from './statements';

/** One non-repeating event as its index holds it: [id, type, subject, start, end, allDay, doneAt, ownerId]. */
type EventRow = [string, ActivityType, string, number, number | null, number, number | null, string | null];

interface RepeatingRow {
  id: string;
  type: ActivityType;
  subject: string;
  start_at: number | null;
  end_at: number | null;
  due_at: number | null;
  all_day: number;
  done_at: number | null;
  owner_id: string | null;
  details: string;
}

/** The longest single event the range query looks back for (a conference of two weeks). */
const MAX_SPAN = 14 * 86_400_000;

/**
 * The calendar between `from` and `to`: meetings and calls by their start, tasks by their due
 * time (logged emails and notes are on timelines, not here), and each repeating activity
 * expanded into its occurrences. Three index ranges (start, due, and the short list of repeating
 * rows), so a month costs the same in any size of book. The meetings and calls, and the tasks,
 * come from partial indexes that hold only them and every column an event shows (their WHERE
 * terms are repeated word for word below, as SQLite requires): a month is read from the indexes
 * alone, as arrays, without a lookup into the table, and the look-back for long events is filtered
 * on the end beside the start. "Only mine" reads one member's ranges (an index led by the owner).
 */
export function calendarRange(
  db: CrmDb,
  input: { from: number; to: number; types?: ActivityType[] | undefined; ownerId?: string | null | undefined },
): CalendarEvent[] {
  const { from, to } = input;
  const owner = input.ownerId ?? null;
  const ownerSql = owner ? ' AND owner_id = @owner' : '';
  // One member's month is a few hundred rows in the indexes led by the owner; the planner would
  // rather scan the whole team's month in the covering ones (ten times the entries), so it is told.
  const timedIndex = owner ? ' INDEXED BY activities_owner_timed' : '';
  const dueIndex = owner ? ' INDEXED BY activities_owner_due' : '';
  const params = { from, to, lookback: from - MAX_SPAN, owner };
  const wanted = input.types?.length ? new Set(input.types) : null;
  const want = (...types: ActivityType[]) => !wanted || types.some((t) => wanted.has(t));
  const timed = want('meeting', 'call')
    ? (cachedStatement(
        db,
        `SELECT id, type, subject, start_at, end_at, all_day, done_at, owner_id FROM activities${timedIndex}
          WHERE deleted = 0 AND recurs = 0 AND type IN ('meeting', 'call')
            AND start_at >= @lookback AND start_at < @to AND coalesce(end_at, start_at) >= @from${ownerSql}`,
      )
        .raw()
        .all(params) as EventRow[])
    : [];
  const due = want('task')
    ? (cachedStatement(
        db,
        `SELECT id, type, subject, due_at, NULL, all_day, done_at, owner_id FROM activities${dueIndex}
          WHERE type = 'task' AND deleted = 0 AND recurs = 0 AND due_at >= @from AND due_at < @to${ownerSql}`,
      )
        .raw()
        .all(params) as EventRow[])
    : [];
  const repeating = cachedStatement(
    db,
    `SELECT id, type, subject, start_at, end_at, due_at, all_day, done_at, owner_id, details FROM activities
      WHERE recurs = 1 AND deleted = 0 AND type IN ('meeting', 'call', 'task')
        AND coalesce(start_at, due_at) < @to${ownerSql}`,
  ).all(params) as RepeatingRow[];

  const events: CalendarEvent[] = [];
  for (const [activityId, type, title, start, end, allDay, doneAt, ownerId] of timed) {
    if (wanted && !wanted.has(type)) continue;
    events.push({
      activityId,
      type,
      title,
      start,
      end,
      allDay: allDay === 1,
      done: doneAt != null,
      recurring: false,
      occurrence: null,
      ownerId,
    });
  }
  for (const [activityId, type, title, start, , allDay, doneAt, ownerId] of due)
    events.push({
      activityId,
      type,
      title,
      start,
      end: null,
      allDay: allDay === 1,
      done: doneAt != null,
      recurring: false,
      occurrence: null,
      ownerId,
    });
  for (const r of repeating) {
    if (wanted && !wanted.has(r.type)) continue;
    const details = JSON.parse(r.details) as Record<string, unknown>;
    const rule = details.recurrence;
    const anchor = r.type === 'task' ? (r.due_at ?? r.start_at) : (r.start_at ?? r.due_at);
    if (typeof rule !== 'string' || anchor == null) continue;
    const duration = r.type !== 'task' && r.end_at != null && r.start_at != null ? r.end_at - r.start_at : 0;
    const allDay = r.all_day === 1;
    for (const start of occurrencesBetween(rule, anchor, from, to, duration, seriesOptions(details, allDay)))
      events.push({
        activityId: r.id,
        type: r.type,
        title: r.subject,
        start,
        end: duration ? start + duration : r.type === 'task' ? null : r.end_at,
        allDay,
        done: r.done_at != null,
        recurring: true,
        occurrence: start,
        ownerId: r.owner_id,
      });
  }
  return events.sort((a, b) => a.start - b.start || (a.activityId < b.activityId ? -1 : 1));
}
