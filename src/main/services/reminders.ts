import type { Reminder } from '../../shared/contract/calendar';
import type { ActivityType } from '../../shared/contract/activities';
import type { CrmDb } from '../db/open';
import { currentMemberId } from './members';
import { occurrencesBetween, seriesOptions } from './recurrence';

const MINUTE = 60_000;
/** The longest offset a reminder may have (four weeks): the scan looks this far ahead. */
const MAX_OFFSET = 40_320 * MINUTE;
/** Reminders missed while the app was closed are listed for up to a week back. */
const MISSED_LOOKBACK = 7 * 86_400_000;
/** The offset stored for "this task is overdue" notices of the automation. */
export const OVERDUE_NOTICE = -1;

interface Row {
  id: string;
  type: ActivityType;
  subject: string;
  start_at: number | null;
  due_at: number | null;
  end_at: number | null;
  done_at: number | null;
  details: string;
  recurs: number;
  all_day: number;
}

function lastScan(db: CrmDb): number | null {
  const v = db.sqlite.prepare("SELECT value FROM comm_state WHERE key = 'reminders.last_scan'").pluck().get() as
    string | undefined;
  return v ? Number(v) : null;
}

function setLastScan(db: CrmDb, at: number): void {
  db.sqlite
    .prepare(
      "INSERT INTO comm_state (key, value) VALUES ('reminders.last_scan', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )
    .run(String(at));
}

/**
 * Fires the reminders whose time came since the last scan. At start (`startup`), what came while
 * the app was closed fires as "missed" and stays listed until dismissed. Each (activity,
 * occurrence, offset) fires once: the log's key says so. Returns what fired now.
 */
export function tickReminders(db: CrmDb, options: { startup?: boolean } = {}): Reminder[] {
  const now = db.now();
  const last = Math.max(lastScan(db) ?? now - MINUTE, now - MISSED_LOOKBACK);
  if (last >= now) return [];
  const cols = 'id, type, subject, start_at, due_at, end_at, done_at, details, recurs, all_day';
  const params = { from: last, to: now + MAX_OFFSET };
  const rows = [
    ...(db.sqlite
      .prepare(
        `SELECT ${cols} FROM activities WHERE deleted = 0 AND start_at > @from AND start_at <= @to AND recurs = 0
           AND type <> 'task' AND details LIKE '%"reminders":[%'`,
      )
      .all(params) as Row[]),
    ...(db.sqlite
      .prepare(
        `SELECT ${cols} FROM activities WHERE deleted = 0 AND due_at > @from AND due_at <= @to AND recurs = 0
           AND type = 'task' AND done_at IS NULL AND details LIKE '%"reminders":[%'`,
      )
      .all(params) as Row[]),
    ...(db.sqlite
      .prepare(`SELECT ${cols} FROM activities WHERE recurs = 1 AND deleted = 0 AND done_at IS NULL`)
      .all() as Row[]),
  ];
  const insert = db.sqlite.prepare(
    `INSERT OR IGNORE INTO reminder_log (activity_id, occurrence_at, offset_minutes, fire_at, fired_at, missed, dismissed)
     VALUES (?, ?, ?, ?, ?, ?, 0)`,
  );
  const fired: Reminder[] = [];
  db.sqlite.transaction(() => {
    for (const r of rows) {
      const details = JSON.parse(r.details) as { reminders?: number[]; recurrence?: string };
      const offsets = details.reminders ?? [];
      if (!offsets.length) continue;
      const anchor = r.type === 'task' ? r.due_at : (r.start_at ?? r.due_at);
      if (anchor == null) continue;
      const times =
        r.recurs && details.recurrence
          ? occurrencesBetween(
              details.recurrence,
              anchor,
              last,
              now + MAX_OFFSET,
              0,
              seriesOptions(details, Boolean(r.all_day)),
            )
          : [anchor];
      for (const at of times) {
        for (const offset of offsets) {
          const fireAt = at - offset * MINUTE;
          if (fireAt <= last || fireAt > now) continue;
          const missed = Boolean(options.startup) && fireAt < now - MINUTE;
          if (insert.run(r.id, at, offset, fireAt, now, missed ? 1 : 0).changes)
            fired.push({
              activityId: r.id,
              type: r.type,
              title: r.subject,
              occurrenceAt: at,
              offsetMinutes: offset,
              fireAt,
              missed,
            });
        }
      }
    }
    setLastScan(db, now);
  })();
  if (fired.length)
    db.events.emit('changes', { entity: 'reminders', op: 'insert', ids: fired.map((f) => f.activityId) });
  return fired;
}

/** Adds an "overdue" notice for a task's assignee (the automation's notify action). */
export function addOverdueNotice(db: CrmDb, activityId: string, dueAt: number): boolean {
  const inserted = db.sqlite
    .prepare(
      `INSERT OR IGNORE INTO reminder_log (activity_id, occurrence_at, offset_minutes, fire_at, fired_at, missed, dismissed)
       VALUES (?, ?, ?, ?, ?, 0, 0)`,
    )
    .run(activityId, dueAt, OVERDUE_NOTICE, dueAt, db.now()).changes;
  if (inserted) db.events.emit('changes', { entity: 'reminders', op: 'insert', ids: [activityId] });
  return inserted > 0;
}

/** Fired reminders not dismissed yet, for the current member (and for activities nobody owns). */
export function pendingReminders(db: CrmDb): Reminder[] {
  const me = currentMemberId(db);
  const rows = db.sqlite
    .prepare(
      `SELECT r.activity_id, r.occurrence_at, r.offset_minutes, r.fire_at, r.missed, a.type, a.subject
         FROM reminder_log r JOIN activities a ON a.id = r.activity_id
        WHERE r.dismissed = 0 AND a.deleted = 0 AND (a.owner_id IS NULL OR @me IS NULL OR a.owner_id = @me)
        ORDER BY r.fire_at DESC LIMIT 200`,
    )
    .all({ me }) as {
    activity_id: string;
    occurrence_at: number;
    offset_minutes: number;
    fire_at: number;
    missed: number;
    type: ActivityType;
    subject: string;
  }[];
  return rows.map((r) => ({
    activityId: r.activity_id,
    type: r.type,
    title: r.subject,
    occurrenceAt: r.occurrence_at,
    offsetMinutes: r.offset_minutes,
    fireAt: r.fire_at,
    missed: Boolean(r.missed),
  }));
}

export function dismissReminders(db: CrmDb, activityIds?: string[]): number {
  const changed = activityIds?.length
    ? activityIds.reduce(
        (n, id) =>
          n +
          db.sqlite.prepare('UPDATE reminder_log SET dismissed = 1 WHERE dismissed = 0 AND activity_id = ?').run(id)
            .changes,
        0,
      )
    : db.sqlite.prepare('UPDATE reminder_log SET dismissed = 1 WHERE dismissed = 0').run().changes;
  if (changed) db.events.emit('changes', { entity: 'reminders', op: 'update', ids: activityIds ?? [] });
  return changed;
}
