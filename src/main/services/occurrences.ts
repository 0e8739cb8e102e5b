import type { Activity } from '../../shared/contract/activities';
import { CrmError, invalid } from '../errors';
import { write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { createActivity, getActivity, updateActivity } from './activities';
import { nextOccurrence, occurrencesBetween, seriesOptions } from './recurrence';

type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };
type Move = { occurrence: number; startAt: number; endAt?: number | null | undefined; allDay?: boolean | undefined };

/**
 * Moves one occurrence of a repeating meeting or task, the way calendars do (RFC 5545's
 * RECURRENCE-ID): the occurrence becomes an activity of its own at the new time (a task's new due
 * time), with the series' subject, people, reminders and links, and remembers where it came from;
 * the series leaves its start out (`overrides`). Both in one transaction, so the calendar never
 * shows it twice or not at all. Exported, the moved one goes out under the series' UID with its
 * RECURRENCE-ID.
 */
export function moveOccurrence(db: CrmDb, id: string, move: Move, options: WriteOptions = {}): Activity {
  const series = getActivity(db, id);
  const rule = series.details.recurrence;
  // The calendar counts a task's occurrences from its due time, a meeting's from its start.
  const origin = series.type === 'task' ? series.dueAt : series.startAt;
  if (series.deleted || !['meeting', 'task'].includes(series.type) || typeof rule !== 'string' || origin == null)
    throw new CrmError('invalid_input', 'errors.series_only');
  const how = seriesOptions(series.details, series.allDay);
  const at = move.occurrence;
  if (!occurrencesBetween(rule, origin, at, at + 1, 0, how).includes(at))
    throw invalid([{ path: ['occurrence'], key: 'validation.not_an_occurrence' }]);
  return series.type === 'task'
    ? moveTaskOccurrence(db, series, rule, move, options)
    : moveMeetingOccurrence(db, series, move, options);
}

function moveMeetingOccurrence(db: CrmDb, series: Activity, move: Move, options: WriteOptions): Activity {
  const at = move.occurrence;
  const allDay = move.allDay ?? series.allDay;
  const length = series.endAt != null && series.startAt != null ? series.endAt - series.startAt : null;
  const endAt = move.endAt !== undefined ? move.endAt : length != null ? move.startAt + length : null;
  const { location, attendees, reminders, uid } = series.details;
  const overrides = overridesOf(series);
  return write(db, () => {
    const moved = createActivity(
      db,
      {
        type: 'meeting',
        subject: series.subject,
        body: series.body,
        startAt: move.startAt,
        endAt,
        allDay,
        ownerId: series.ownerId,
        details: {
          kind: 'meeting',
          ...(location !== undefined ? { location } : {}),
          ...(attendees !== undefined ? { attendees } : {}),
          ...(reminders !== undefined ? { reminders } : {}),
          // Keeps a re-import of the series' file from adding this occurrence a second time.
          ...(uid !== undefined ? { uid } : {}),
          seriesId: series.id,
          recurrenceId: at,
        },
        links: series.links as Link[],
      },
      options,
    );
    updateActivity(
      db,
      series.id,
      { details: { kind: 'meeting', overrides: [...overrides, at].sort((a, b) => a - b) } },
      options,
    );
    return moved;
  });
}

const overridesOf = (series: Activity): number[] =>
  Array.isArray(series.details.overrides) ? (series.details.overrides as number[]) : [];

/** Series-only keys a moved task does not take: it has no rule of its own. */
const SERIES_KEYS = ['recurrence', 'timeZone', 'exdates', 'overrides', 'anchor', 'status'];

/**
 * A task's series is one open row due at its current occurrence (completing it makes the next
 * one). Moving a later occurrence is like a meeting's: the moved task starts with its checklist
 * unticked and the series skips that date. Moving the current one takes the row's progress (its
 * ticked checklist) with it, and the series row goes on to its next occurrence, as completing it
 * would, so the inbox never lists a task due at a time the calendar no longer shows; when there is
 * no next occurrence the row itself is the last one, moved, without a rule.
 */
function moveTaskOccurrence(db: CrmDb, series: Activity, rule: string, move: Move, options: WriteOptions): Activity {
  const at = move.occurrence;
  const allDay = move.allDay ?? series.allDay;
  const current = at === series.dueAt;
  const how = seriesOptions(series.details, series.allDay);
  const anchor = typeof series.details.anchor === 'number' ? series.details.anchor : series.dueAt!;
  const next = current ? nextOccurrence(rule, anchor, at, how) : null;
  if (current && next == null)
    return updateActivity(
      db,
      series.id,
      { dueAt: move.startAt, allDay, details: { kind: 'task', recurrence: null } },
      options,
    );
  const checklist = Array.isArray(series.details.checklist)
    ? (series.details.checklist as { text: string; done?: boolean }[])
    : undefined;
  const unticked = checklist?.map((c) => ({ text: c.text, done: false }));
  const own = Object.fromEntries(Object.entries(series.details).filter(([k]) => !SERIES_KEYS.includes(k)));
  const overrides = [...overridesOf(series), at].sort((a, b) => a - b);
  return write(db, () => {
    const moved = createActivity(
      db,
      {
        type: 'task',
        subject: series.subject,
        body: series.body,
        dueAt: move.startAt,
        allDay,
        ownerId: series.ownerId,
        details: {
          ...own,
          kind: 'task',
          status: current && series.details.status !== 'done' ? (series.details.status ?? 'open') : 'open',
          ...(checklist ? { checklist: current ? checklist : unticked } : {}),
          seriesId: series.id,
          recurrenceId: at,
        },
        links: series.links as Link[],
      },
      options,
    );
    updateActivity(
      db,
      series.id,
      current
        ? {
            dueAt: next,
            details: {
              kind: 'task',
              status: 'open',
              anchor,
              overrides,
              // The series' EXDATEs stay as they are: it moves on along its own rule.
              exdates: Array.isArray(series.details.exdates) ? series.details.exdates : null,
              ...(unticked ? { checklist: unticked } : {}),
            },
          }
        : { details: { kind: 'task', overrides } },
      options,
    );
    return moved;
  });
}
