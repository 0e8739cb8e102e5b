import type { CrmDb } from '../db/open';
import { isId } from '../../shared/ids';

/**
 * The iCalendar identity of activities (RFC 5545 3.8.4.7): one UID names one series, or one
 * single activity, plus the occurrences of that series moved elsewhere (the same UID with a
 * RECURRENCE-ID). An activity goes out under the UID it was imported with, or one made of its id.
 *
 * A repeating task goes on in a new row each time one is completed, and that row carries the
 * series' UID on; the done row leaves the series. Done occurrences are exported as completed
 * to-dos of their own, under the UID made of their id, rather than as RECURRENCE-ID overrides of
 * the series with STATUS:COMPLETED: the series goes out due at its current occurrence (its past
 * ones are not in its recurrence set, so an override naming one would name nothing, and clients
 * drop it), and common clients (Apple Reminders, Thunderbird, Outlook) show a completed
 * single to-do as it is while they handle overrides of repeating to-dos poorly or not at all. On
 * our own import a to-do with an id-made UID finds the row of that id, so a book reading its own
 * export back updates instead of duplicating.
 */

const LOCAL_UID = /^(.+)@crm\.local$/;

/** The UID made of an activity's id. */
export const localUid = (id: string): string => `${id}@crm.local`;

/** The activity id an id-made UID names, if it is one. */
export const idOfLocalUid = (uid: string): string | null => {
  const id = LOCAL_UID.exec(uid)?.[1];
  return id && isId(id) ? id : null;
};

/**
 * Rows that hold the same stored UID without a RECURRENCE-ID (done occurrences completed before
 * the done row gave the UID up, or a file imported with one UID twice) are ranked so the one that
 * stands for the UID comes last: the one with a rule, then an open one, then the latest.
 */
const HOLDER_ORDER = `ORDER BY json_extract(details, '$.recurrence') IS NOT NULL, done_at IS NULL,
  coalesce(start_at, due_at, created_at), id`;

/**
 * For each given stored UID, the live activity that goes out under it (see HOLDER_ORDER); the
 * others holding it go out under their id-made UID. One read of the activities for a whole export.
 */
export function uidHolders(db: CrmDb, uids: Iterable<string>): Map<string, string> {
  const wanted = [...new Set(uids)];
  const out = new Map<string, string>();
  if (!wanted.length) return out;
  const rows = db.sqlite
    .prepare(
      `SELECT id, json_extract(details, '$.uid') AS uid FROM activities
        WHERE deleted = 0 AND type IN ('meeting', 'call', 'task')
          AND json_extract(details, '$.recurrenceId') IS NULL
          AND json_extract(details, '$.uid') IN (SELECT value FROM json_each(?))
        ${HOLDER_ORDER}`,
    )
    .all(JSON.stringify(wanted)) as { id: string; uid: string }[];
  for (const r of rows) out.set(r.uid, r.id);
  return out;
}

/** The key an imported event is known by: its UID, and for a moved occurrence the start it replaces. */
export const keyOf = (uid: string, recurrenceId: number | null): string =>
  recurrenceId == null ? uid : `${uid}\u0000${recurrenceId}`;

/**
 * Existing activities by the iCalendar key they are exported under, so importing a file twice, or
 * a book's own export, updates and never duplicates: a stored UID names its holder; a moved
 * occurrence is known by its own stored UID and by its series' UID with its RECURRENCE-ID (a
 * series made here has no stored UID, only its id-made one). An id-made UID finds its row by id
 * (`find`), without reading every row here.
 */
export function importedByKey(db: CrmDb): {
  find: (key: string) => string | undefined;
  add: (key: string, id: string) => void;
} {
  const rows = db.sqlite
    .prepare(
      `SELECT id, json_extract(details, '$.uid') AS uid, json_extract(details, '$.recurrenceId') AS rid,
              json_extract(details, '$.seriesId') AS series
         FROM activities
        WHERE deleted = 0 AND type IN ('meeting', 'task')
          AND (json_extract(details, '$.uid') IS NOT NULL OR json_extract(details, '$.seriesId') IS NOT NULL)
        ${HOLDER_ORDER}`,
    )
    .all() as { id: string; uid: string | null; rid: number | null; series: string | null }[];
  const known = new Map<string, string>();
  const storedUid = new Map<string, string>();
  for (const r of rows)
    if (r.uid != null && r.rid == null) {
      known.set(r.uid, r.id);
      storedUid.set(r.id, r.uid);
    }
  const seriesUid = (id: string) => {
    const uid = storedUid.get(id);
    return uid !== undefined && known.get(uid) === id ? uid : localUid(id);
  };
  for (const r of rows) {
    if (r.rid == null) continue;
    if (r.uid != null) known.set(keyOf(r.uid, r.rid), r.id);
    if (r.series != null) known.set(keyOf(seriesUid(r.series), r.rid), r.id);
  }
  const live = db.sqlite.prepare(
    `SELECT id FROM activities WHERE id = ? AND deleted = 0 AND type IN ('meeting', 'call', 'task')`,
  );
  return {
    find: (key) => {
      const hit = known.get(key);
      if (hit !== undefined) return hit;
      const id = idOfLocalUid(key);
      return id && live.get(id) ? id : undefined;
    },
    add: (key, id) => known.set(key, id),
  };
}
