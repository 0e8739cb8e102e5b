import type { CalendarEvent } from '../../shared/contract/calendar';
import type { ActivityType } from '../../shared/contract/activities';
import type { CrmDb } from '../db/open';
import { occurrencesBetween } from './recurrence';
import { cachedStatement } from './statements';

interface Row {
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
  recurs: number;
}

const COLS = 'id, type, subject, start_at, end_at, due_at, all_day, done_at, owner_id, details, recurs';
/** The longest single event the range query looks back for (a conference of two weeks). */
const MAX_SPAN = 14 * 86_400_000;

/**
 * The calendar between `from` and `to`: meetings and calls by their start, tasks by their due
 * time (logged emails and notes are on timelines, not here), and each repeating activity
 * expanded into its occurrences. Three index ranges (start, due, and the short list of repeating
 * rows, one member's alone for "only mine"), so a month costs the same in any size of book. For
 * "only mine" the meetings and calls come from a partial index holding only them (its WHERE terms,
 * `deleted = 0 AND recurs = 0 AND type IN ('meeting', 'call')`, are repeated word for word below,
 * as SQLite requires), with the end beside the start, so the look-back for long events is
 * filtered in the index and only the rows shown are read.
 */
export function calendarRange(
  db: CrmDb,
  input: { from: number; to: number; types?: ActivityType[] | undefined; ownerId?: string | null | undefined },
): CalendarEvent[] {
  const { from, to } = input;
  const owner = input.ownerId ?? null;
  const ownerSql = owner ? ' AND owner_id = @owner' : '';
  const params = { from, to, lookback: from - MAX_SPAN, owner };
  const timed = cachedStatement(
    db,
    `SELECT ${COLS} FROM activities WHERE deleted = 0 AND start_at >= @lookback AND start_at < @to AND recurs = 0
         AND type IN ('meeting', 'call') AND coalesce(end_at, start_at) >= @from${ownerSql}`,
  ).all(params) as Row[];
  const due = cachedStatement(
    db,
    `SELECT ${COLS} FROM activities WHERE deleted = 0 AND due_at >= @from AND due_at < @to AND recurs = 0
         AND type = 'task'${ownerSql}`,
  ).all(params) as Row[];
  const repeating = cachedStatement(
    db,
    `SELECT ${COLS} FROM activities WHERE recurs = 1 AND deleted = 0 AND type IN ('meeting', 'call', 'task')
         AND coalesce(start_at, due_at) < @to${ownerSql}`,
  ).all(params) as Row[];

  const wanted = input.types?.length ? new Set(input.types) : null;
  const events: CalendarEvent[] = [];
  const push = (r: Row, start: number, end: number | null, occurrence: number | null) => {
    if (wanted && !wanted.has(r.type)) return;
    events.push({
      activityId: r.id,
      type: r.type,
      title: r.subject,
      start,
      end,
      allDay: Boolean(r.all_day),
      done: r.done_at != null,
      recurring: occurrence != null,
      occurrence,
      ownerId: r.owner_id,
    });
  };
  for (const r of timed) push(r, r.start_at!, r.end_at, null);
  for (const r of due) push(r, r.due_at!, null, null);
  for (const r of repeating) {
    const rule = (JSON.parse(r.details) as { recurrence?: string }).recurrence;
    const anchor = r.type === 'task' ? (r.due_at ?? r.start_at) : (r.start_at ?? r.due_at);
    if (!rule || anchor == null) continue;
    const duration = r.type !== 'task' && r.end_at != null && r.start_at != null ? r.end_at - r.start_at : 0;
    for (const start of occurrencesBetween(rule, anchor, from, to, duration))
      push(r, start, duration ? start + duration : r.type === 'task' ? null : r.end_at, start);
  }
  return events.sort((a, b) => a.start - b.start || (a.activityId < b.activityId ? -1 : 1));
}
