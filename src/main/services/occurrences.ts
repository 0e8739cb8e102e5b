import type { Activity } from '../../shared/contract/activities';
import { CrmError, invalid } from '../errors';
import { write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { createActivity, getActivity, updateActivity } from './activities';
import { occurrencesBetween, seriesOptions } from './recurrence';

type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };

/**
 * Moves one occurrence of a repeating meeting, the way calendars do (RFC 5545's RECURRENCE-ID):
 * the occurrence becomes a meeting of its own at the new time, with the series' subject, place,
 * people, reminders and links, and remembers where it came from; the series leaves its start
 * out (`overrides`). Both in one transaction, so the calendar never shows the meeting twice or
 * not at all. Exported, the moved meeting goes out under the series' UID with its RECURRENCE-ID.
 */
export function moveOccurrence(
  db: CrmDb,
  id: string,
  move: { occurrence: number; startAt: number; endAt?: number | null | undefined; allDay?: boolean | undefined },
  options: WriteOptions = {},
): Activity {
  const series = getActivity(db, id);
  const rule = series.details.recurrence;
  if (series.deleted || series.type !== 'meeting' || typeof rule !== 'string' || series.startAt == null)
    throw new CrmError('invalid_input', 'errors.series_only');
  const how = seriesOptions(series.details, series.allDay);
  const at = move.occurrence;
  if (!occurrencesBetween(rule, series.startAt, at, at + 1, 0, how).includes(at))
    throw invalid([{ path: ['occurrence'], key: 'validation.not_an_occurrence' }]);
  const allDay = move.allDay ?? series.allDay;
  const length = series.endAt != null ? series.endAt - series.startAt : null;
  const endAt = move.endAt !== undefined ? move.endAt : length != null ? move.startAt + length : null;
  const { location, attendees, reminders, uid } = series.details;
  const overrides = Array.isArray(series.details.overrides) ? (series.details.overrides as number[]) : [];
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
