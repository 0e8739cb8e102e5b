import { mutate, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { occurrencesBetween, seriesOptions } from './recurrence';
import { shiftRule } from './rule-shift';
import { cachedStatement } from './statements';
import { fromWall, toWall } from './zoned-time';

/** What the exceptions of a series depend on: its rule, its first start, its zone and whether it is all-day. */
export interface SeriesShape {
  type: string;
  startAt?: number | null | undefined;
  dueAt?: number | null | undefined;
  allDay?: boolean | null | undefined;
  details: Record<string, unknown>;
}

/** The exceptions of a series after a change of its rule or timing, and what became of its moved occurrences. */
export interface ReconciledExceptions {
  /** New lists for the series' details (only those that changed). */
  details: { exdates?: number[]; overrides?: number[] };
  /** Moved occurrences (by the start they replaced) whose start is still an occurrence, at its new time. */
  renamed: Map<number, number>;
  /** Moved occurrences (by the start they replaced) that no longer replace any occurrence of the series. */
  orphaned: number[];
}

/** The instant a series' occurrences are counted from: a task's due time, another activity's start. */
export const originOf = (a: SeriesShape): number | null =>
  a.type === 'task' ? (a.dueAt ?? a.startAt ?? null) : (a.startAt ?? a.dueAt ?? null);

const list = (value: unknown): number[] =>
  Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];

/** Whether a series' first start, its zone or its all-day flag changed. */
function timingChanged(before: SeriesShape, after: SeriesShape): boolean {
  return (
    originOf(before) !== originOf(after) ||
    seriesOptions(before.details, !!before.allDay).timeZone !== seriesOptions(after.details, !!after.allDay).timeZone ||
    !!before.allDay !== !!after.allDay
  );
}

/**
 * Where an instant of a series lands when the series' start moves: the same step on the wall
 * clock of its zone (so 09:00 stays 09:00 across a daylight-saving change, and a day dragged to a
 * day, as the calendar shows it). Null when the series has no start before or after.
 */
function wallFollower(before: SeriesShape, after: SeriesShape): ((at: number) => number) | null {
  const oldOrigin = originOf(before);
  const newOrigin = originOf(after);
  if (oldOrigin == null || newOrigin == null) return null;
  const oldZone = seriesOptions(before.details, !!before.allDay).timeZone ?? 'UTC';
  const newZone = seriesOptions(after.details, !!after.allDay).timeZone ?? 'UTC';
  const step = toWall(newOrigin, newZone) - toWall(oldOrigin, oldZone);
  return (at: number) => fromWall(toWall(at, oldZone) + step, newZone);
}

/**
 * The rule of a series whose start moved to another day, with its weekdays (or its day of the
 * month) moved by as many days as the start, on the wall clock of its zone (see shiftRule). Null
 * when the rule stays as it is: no rule, no move of day, or a rule the shift has no meaning for.
 */
export function followedRule(before: SeriesShape, after: SeriesShape): string | null {
  const rule = before.details.recurrence;
  const oldOrigin = originOf(before);
  const newOrigin = originOf(after);
  if (typeof rule !== 'string' || oldOrigin == null || newOrigin == null || !timingChanged(before, after)) return null;
  const oldZone = seriesOptions(before.details, !!before.allDay).timeZone ?? 'UTC';
  const newZone = seriesOptions(after.details, !!after.allDay).timeZone ?? 'UTC';
  const shifted = shiftRule(rule, toWall(oldOrigin, oldZone), toWall(newOrigin, newZone));
  return shifted === rule ? null : shifted;
}

/**
 * A repeating task that has been completed counts its next occurrence from its anchor (its first
 * due time, so a COUNT or an interval keeps counting from where the series began), while the
 * calendar counts from the row's due time. When the whole series moves (dragged in the calendar,
 * snoozed from the inbox, edited), the anchor takes the same wall-clock step, or completing it
 * would bring the next one back to the old weekday and hour. Null when it stays where it is.
 */
export function followedAnchor(before: SeriesShape, after: SeriesShape): number | null {
  const anchor = before.details.anchor;
  if (before.type !== 'task' || typeof anchor !== 'number' || typeof after.details.recurrence !== 'string') return null;
  if (!timingChanged(before, after)) return null;
  const moved = wallFollower(before, after)?.(anchor);
  return moved === undefined || moved === anchor ? null : moved;
}

/**
 * EXDATEs and moved-out occurrences name occurrences by their start. When a series' rule or timing
 * changes, those starts must follow or go: a series dragged an hour later takes its deleted and
 * moved occurrences with it (each moved by the same wall-clock step, so across a daylight-saving
 * change too), and then every exception that is not an occurrence of the series as it now is is
 * dropped, so a Tuesday deleted under the old rule cannot silently delete a Tuesday of a later rule.
 * A list the write sets itself (an .ics re-import's EXDATEs) is taken as it is. Null when nothing
 * changes.
 */
export function reconcileExceptions(
  before: SeriesShape,
  after: SeriesShape,
  given: { exdates: boolean; overrides: boolean },
): ReconciledExceptions | null {
  const oldRule = before.details.recurrence;
  const newRule = after.details.recurrence;
  const oldOrigin = originOf(before);
  const newOrigin = originOf(after);
  if (typeof oldRule !== 'string' || oldOrigin == null) return null;
  const exdates = given.exdates ? [] : list(before.details.exdates);
  const overrides = given.overrides ? [] : list(before.details.overrides);
  if (!exdates.length && !overrides.length) return null;
  if (oldRule === newRule && !timingChanged(before, after)) return null;

  const newZone = seriesOptions(after.details, !!after.allDay).timeZone ?? 'UTC';
  // A series without a start any more (or without a rule) keeps no exceptions.
  const follow = wallFollower(before, after) ?? ((at: number) => at);
  const isOccurrence = (at: number) =>
    typeof newRule === 'string' &&
    newOrigin != null &&
    occurrencesBetween(newRule, newOrigin, at, at + 1, 0, { timeZone: newZone }).includes(at);

  const keptExdates = [...new Set(exdates.map(follow).filter(isOccurrence))].sort((a, b) => a - b);
  const renamed = new Map<number, number>();
  const orphaned: number[] = [];
  for (const at of overrides) {
    const moved = follow(at);
    if (isOccurrence(moved)) renamed.set(at, moved);
    else orphaned.push(at);
  }
  const details: ReconciledExceptions['details'] = {};
  if (!given.exdates && exdates.length) details.exdates = keptExdates;
  if (!given.overrides && overrides.length) details.overrides = [...new Set(renamed.values())].sort((a, b) => a - b);
  return { details, renamed, orphaned };
}

/**
 * Brings a series' moved occurrences in line with its reconciled exceptions: one whose start still
 * names an occurrence follows it (its RECURRENCE-ID moves with the series); an orphan stays where
 * the user put it as an activity of its own, without the series' UID, so an export does not send
 * an exception for an occurrence that no longer exists. Moved occurrences are found by their
 * series id, a scan of the table: it happens only when a series with moved occurrences changes
 * its rule or timing.
 */
export function updateMovedOccurrences(
  db: CrmDb,
  seriesId: string,
  reconciled: ReconciledExceptions,
  options: WriteOptions,
): void {
  const changed = [...reconciled.renamed].some(([from, to]) => from !== to);
  if (!changed && !reconciled.orphaned.length) return;
  const rows = cachedStatement(
    db,
    `SELECT id, details FROM activities WHERE deleted = 0 AND json_extract(details, '$.seriesId') = ?`,
  ).all(seriesId) as { id: string; details: string }[];
  const batch: Mutation[] = [];
  for (const row of rows) {
    const details = JSON.parse(row.details) as Record<string, unknown>;
    const at = details.recurrenceId;
    if (typeof at !== 'number') continue;
    const to = reconciled.renamed.get(at);
    if (to !== undefined && to !== at)
      batch.push({
        table: 'activities',
        op: 'update',
        id: row.id,
        values: { details: { ...details, recurrenceId: to } },
      });
    else if (reconciled.orphaned.includes(at)) {
      const { seriesId: _series, recurrenceId: _at, uid: _uid, ...own } = details;
      batch.push({ table: 'activities', op: 'update', id: row.id, values: { details: own } });
    }
  }
  if (batch.length) mutate(db, batch, options);
}

/**
 * A repeating task goes on in a new row each time one is completed: its moved occurrences (and so
 * their RECURRENCE-ID on export) follow the series to that row. Only a series with moved
 * occurrences looks for them.
 */
export function handOnMovedOccurrences(
  db: CrmDb,
  from: { id: string; details: Record<string, unknown> },
  toId: string,
  options: WriteOptions,
): void {
  if (!list(from.details.overrides).length) return;
  const rows = cachedStatement(
    db,
    `SELECT id, details FROM activities WHERE deleted = 0 AND json_extract(details, '$.seriesId') = ?`,
  ).all(from.id) as { id: string; details: string }[];
  const batch: Mutation[] = rows.map((row) => ({
    table: 'activities',
    op: 'update',
    id: row.id,
    values: { details: { ...(JSON.parse(row.details) as Record<string, unknown>), seriesId: toId } },
  }));
  if (batch.length) mutate(db, batch, options);
}
