import ICAL from 'ical.js';
import { and, eq, inArray } from 'drizzle-orm';
import { activities } from '../../../db/schema';
import { CrmError } from '../errors';
import { write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { translate } from '../../shared/i18n/messages';
import type { Locale } from '../../shared/i18n/locales';
import { activitiesByIds, createActivity, updateActivity } from './activities';
import { hasVtimezone, vtimezoneFor } from './ical-timezones';
import { importedByKey, keyOf, localUid, uidHolders } from './ical-uids';
import { checkRule } from './recurrence';
import { fromWall, isTimeZone, toWall } from './zoned-time';

type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };
type ActivityRow = typeof activities.$inferSelect;

const PRODID = '-//Offline CRM//Activities//EN';
const DAY = 86_400_000;

// --- export ---------------------------------------------------------------------------------

function utcTime(ms: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(ms), true);
}

/** An all-day event's days are UTC calendar dates (stored as UTC midnights). */
function utcDate(ms: number): ICAL.Time {
  const d = new Date(ms);
  return ICAL.Time.fromData({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    isDate: true,
  });
}

type ExportDetails = {
  recurrence?: string;
  uid?: string;
  location?: string;
  reminders?: number[];
  exdates?: number[];
  seriesId?: string;
  recurrenceId?: number;
};

/**
 * Adds a date property: a date for all-day activities, the wall time with its TZID for a series
 * that follows a zone's clock (so other calendars repeat it at the same local time across
 * daylight-saving changes), UTC otherwise.
 */
function addTimeProperty(comp: ICAL.Component, name: string, ms: number, allDay: boolean, zone: string | null): void {
  if (allDay) {
    comp.addPropertyWithValue(name, utcDate(ms));
  } else if (zone) {
    const w = new Date(toWall(ms, zone));
    const time = ICAL.Time.fromData({
      year: w.getUTCFullYear(),
      month: w.getUTCMonth() + 1,
      day: w.getUTCDate(),
      hour: w.getUTCHours(),
      minute: w.getUTCMinutes(),
      second: w.getUTCSeconds(),
    });
    comp.addPropertyWithValue(name, time).setParameter('tzid', zone);
  } else {
    comp.addPropertyWithValue(name, utcTime(ms));
  }
}

/**
 * The zone a series is written in: its own when it has one other than UTC that a VTIMEZONE can
 * describe; otherwise UTC, which every reader understands (a TZID without its VTIMEZONE is not).
 */
function exportZone(details: ExportDetails & { timeZone?: unknown }): string | null {
  const zone = details.timeZone;
  return isTimeZone(zone) && zone !== 'UTC' && hasVtimezone(zone) ? zone : null;
}

interface SeriesRef {
  uid: string;
  zone: string | null;
}

/** `zones` collects the zones the event names in TZID parameters, whose VTIMEZONEs the file needs. */
function eventOf(
  row: ActivityRow,
  uidOf: (id: string, details: ExportDetails) => string,
  seriesOf: (id: string) => SeriesRef | null,
  zones: Set<string>,
): ICAL.Component | null {
  const details = row.details as ExportDetails;
  const isTask = row.type === 'task';
  const start = isTask ? (row.dueAt ?? row.startAt) : (row.startAt ?? row.dueAt);
  if (start == null) return null;
  const comp = new ICAL.Component(isTask ? 'vtodo' : 'vevent');
  const addTime = (name: string, ms: number, allDay: boolean, zone: string | null) => {
    if (zone && !allDay) zones.add(zone);
    addTimeProperty(comp, name, ms, allDay, zone);
  };
  // A moved occurrence goes out under its series' UID with the start it replaces (RECURRENCE-ID);
  // a done occurrence of a repeating task under its own (see ical-uids.ts).
  const series = details.seriesId && details.recurrenceId != null ? seriesOf(details.seriesId) : null;
  comp.addPropertyWithValue('uid', series?.uid ?? uidOf(row.id, details));
  if (series) addTime('recurrence-id', details.recurrenceId!, row.allDay, series.zone);
  const zone = details.recurrence ? exportZone(details) : null;
  comp.addPropertyWithValue('dtstamp', utcTime(row.updatedAt));
  comp.addPropertyWithValue('summary', row.subject);
  if (row.body) comp.addPropertyWithValue('description', row.body);
  if (details.location) comp.addPropertyWithValue('location', details.location);
  comp.addPropertyWithValue('categories', row.type.toUpperCase());
  if (isTask) {
    addTime('due', start, row.allDay, zone);
    comp.addPropertyWithValue('status', row.doneAt ? 'COMPLETED' : 'NEEDS-ACTION');
    if (row.doneAt) comp.addPropertyWithValue('completed', utcTime(row.doneAt));
  } else {
    addTime('dtstart', start, row.allDay, zone);
    const end = row.endAt ?? (row.allDay ? start + DAY : null);
    if (end != null) addTime('dtend', end, row.allDay, zone);
  }
  if (details.recurrence) {
    comp.addPropertyWithValue('rrule', ICAL.Recur.fromString(details.recurrence));
    for (const at of details.exdates ?? []) addTime('exdate', at, row.allDay, zone);
  }
  for (const minutes of details.reminders ?? []) {
    const alarm = new ICAL.Component('valarm');
    alarm.addPropertyWithValue('action', 'DISPLAY');
    alarm.addPropertyWithValue('description', row.subject);
    alarm.addPropertyWithValue('trigger', ICAL.Duration.fromSeconds(-minutes * 60));
    comp.addSubcomponent(alarm);
  }
  return comp;
}

/** RFC 5545 text of the given activities, or of every dated meeting, call and task when none are given. */
export function exportIcs(db: CrmDb, ids?: string[]): { ics: string; count: number } {
  const cal = new ICAL.Component('vcalendar');
  cal.addPropertyWithValue('prodid', PRODID);
  cal.addPropertyWithValue('version', '2.0');
  cal.addPropertyWithValue('calscale', 'GREGORIAN');
  const rows = ids?.length
    ? db.orm
        .select()
        .from(activities)
        .where(and(inArray(activities.id, ids), eq(activities.deleted, false)))
        .all()
    : (db.sqlite
        .prepare(
          `SELECT id FROM activities WHERE deleted = 0 AND type IN ('meeting', 'call', 'task')
             AND coalesce(start_at, due_at) IS NOT NULL ORDER BY coalesce(start_at, due_at), id`,
        )
        .pluck()
        .all() as string[]);
  const full = typeof rows[0] === 'string' ? fullRows(db, rows as string[]) : (rows as ActivityRow[]);
  const events: ICAL.Component[] = [];
  const zones = new Set<string>();
  // The series of the moved occurrences, and who holds each stored UID, read once for the file.
  const movedFrom = (d: ExportDetails) => (d.seriesId && d.recurrenceId != null ? [d.seriesId] : []);
  const seriesIds = [...new Set(full.flatMap((r) => movedFrom(r.details as ExportDetails)))];
  const seriesRows = new Map(
    activitiesByIds(db, seriesIds)
      .filter((s) => !s.deleted)
      .map((s) => [s.id, s]),
  );
  const storedUids = [...full, ...seriesRows.values()].flatMap((r) => {
    const uid = (r.details as ExportDetails).uid;
    return typeof uid === 'string' ? [uid] : [];
  });
  const holders = uidHolders(db, storedUids);
  /** The UID an activity goes out under: the one it was imported with while it stands for it, or one made of its id. */
  const uidOf = (id: string, details: ExportDetails) =>
    details.uid !== undefined && holders.get(details.uid) === id ? details.uid : localUid(id);
  const seriesOf = (id: string): SeriesRef | null => {
    const series = seriesRows.get(id);
    return series ? { uid: uidOf(series.id, series.details as ExportDetails), zone: exportZone(series.details) } : null;
  };
  for (const row of full) {
    const comp = eventOf(row, uidOf, seriesOf, zones);
    if (comp) events.push(comp);
  }
  // The zones' definitions come first, as calendars write them.
  for (const zone of [...zones].sort()) cal.addSubcomponent(vtimezoneFor(zone)!);
  for (const comp of events) cal.addSubcomponent(comp);
  return { ics: cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n', count: events.length };
}

function fullRows(db: CrmDb, ids: string[]): ActivityRow[] {
  const out: ActivityRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...db.orm
        .select()
        .from(activities)
        .where(inArray(activities.id, ids.slice(i, i + 500)))
        .all(),
    );
  }
  return out;
}

// --- import ---------------------------------------------------------------------------------

export interface IcsIssue {
  line: number | null;
  uid: string | null;
  summary: string | null;
  message: string;
}

interface Block {
  kind: 'vevent' | 'vtodo';
  line: number;
  lines: string[];
  broken: number[];
}

const PROPERTY_LINE = /^[A-Za-z0-9-]+(;[^:]*)?:/;

/**
 * Splits the file into its events without trusting the whole of it: a broken line spoils only the
 * event it sits in (reported with its line number), never the rest of the file.
 */
function splitCalendar(text: string): { blocks: Block[]; timezones: string[]; stray: number[]; sawCalendar: boolean } {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // Unfold continuation lines, remembering where each logical line started.
  const lines: { text: string; line: number }[] = [];
  raw.forEach((l, i) => {
    if ((l.startsWith(' ') || l.startsWith('\t')) && lines.length) lines[lines.length - 1]!.text += l.slice(1);
    else if (l.trim() !== '') lines.push({ text: l, line: i + 1 });
  });
  const blocks: Block[] = [];
  const timezones: string[] = [];
  const stray: number[] = [];
  let sawCalendar = false;
  let current: Block | null = null;
  let depth = 0;
  let tz: string[] | null = null;
  for (const { text: l, line } of lines) {
    const upper = l.toUpperCase();
    if (upper === 'BEGIN:VCALENDAR') sawCalendar = true;
    if (tz) {
      tz.push(l);
      if (upper === 'END:VTIMEZONE') {
        timezones.push(tz.join('\r\n'));
        tz = null;
      }
      continue;
    }
    if (!current && upper === 'BEGIN:VTIMEZONE') {
      tz = [l];
      continue;
    }
    if (!current && (upper === 'BEGIN:VEVENT' || upper === 'BEGIN:VTODO')) {
      current = { kind: upper === 'BEGIN:VEVENT' ? 'vevent' : 'vtodo', line, lines: [l], broken: [] };
      depth = 0;
      continue;
    }
    if (current) {
      if (!PROPERTY_LINE.test(l)) {
        current.broken.push(line);
        continue;
      }
      current.lines.push(l);
      if (upper.startsWith('BEGIN:')) depth++;
      else if (upper.startsWith('END:') && depth > 0) depth--;
      else if (upper === `END:${current.kind.toUpperCase()}`) {
        blocks.push(current);
        current = null;
      }
      continue;
    }
    if (!PROPERTY_LINE.test(l)) stray.push(line);
  }
  if (current) {
    current.broken.push(current.line);
    blocks.push(current);
  }
  return { blocks, timezones, stray, sawCalendar };
}

function quick(lines: string[], name: string): string | null {
  const hit = lines.find((l) => l.toUpperCase().startsWith(`${name}:`) || l.toUpperCase().startsWith(`${name};`));
  return hit ? hit.slice(hit.indexOf(':') + 1) : null;
}

/** The TZID parameter of a date property (ical.js forgets it when the file has no VTIMEZONE for it). */
function tzidOf(comp: ICAL.Component, name: string): string | null {
  const tzid = comp.getFirstProperty(name)?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : null;
}

function toMs(t: ICAL.Time, tzid: string | null = null): number {
  if (t.isDate) return Date.UTC(t.year, t.month - 1, t.day);
  // A TZID without a VTIMEZONE in the file is read as an IANA zone when it is one (ical.js alone
  // would take the time as this computer's local time).
  if (tzid && t.zone?.tzid !== tzid && isTimeZone(tzid))
    return fromWall(Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second), tzid);
  return t.toJSDate().getTime();
}

/**
 * The zone a series' wall clock follows: its DTSTART's TZID when that is an IANA zone, UTC for a
 * UTC start; none (this computer's zone) for a floating start or a zone only the file defines.
 */
function zoneOf(t: ICAL.Time, tzid: string | null): string | null {
  if (t.isDate) return null;
  if (t.zone?.tzid === 'UTC') return 'UTC';
  return tzid && isTimeZone(tzid) ? tzid : null;
}

/** Every date of the EXDATE properties (one property may hold several). */
function exdatesOf(comp: ICAL.Component): number[] {
  const out: number[] = [];
  for (const prop of comp.getAllProperties('exdate')) {
    const tzid = prop.getParameter('tzid');
    for (const value of prop.getValues())
      if (value instanceof ICAL.Time) out.push(toMs(value, typeof tzid === 'string' ? tzid : null));
  }
  return [...new Set(out.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b);
}

interface Parsed {
  uid: string | null;
  type: 'meeting' | 'task';
  subject: string;
  body: string | null;
  startAt: number | null;
  endAt: number | null;
  dueAt: number | null;
  allDay: boolean;
  doneAt: number | null;
  location: string | null;
  recurrence: string | null;
  reminders: number[];
  timeZone: string | null;
  exdates: number[];
  /** RECURRENCE-ID: this event replaces the occurrence of its UID's series that started then. */
  recurrenceId: number | null;
  cancelled: boolean;
}

function parseBlock(block: Block, timezones: string[]): Parsed {
  const wrapped = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:import',
    ...timezones,
    ...block.lines,
    'END:VCALENDAR',
  ].join('\r\n');
  const cal = new ICAL.Component(ICAL.parse(wrapped) as unknown[]);
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const comp = cal.getFirstSubcomponent(block.kind);
  if (!comp) throw new Error('empty');
  const text = (name: string) => {
    const v = comp.getFirstPropertyValue(name);
    return typeof v === 'string' && v.trim() !== '' ? v : null;
  };
  const reminders = comp
    .getAllSubcomponents('valarm')
    .map((a) => a.getFirstPropertyValue('trigger'))
    .filter((t): t is ICAL.Duration => t instanceof ICAL.Duration)
    .map((d) => Math.round(-d.toSeconds() / 60))
    .filter((m) => m >= 0 && m <= 40_320);
  const rrule = comp.getFirstPropertyValue('rrule');
  const recurrenceId = comp.getFirstPropertyValue('recurrence-id');
  const base = {
    uid: text('uid'),
    // No SUMMARY: stored empty, and each screen shows "(no title)" in its reader's language.
    subject: text('summary') ?? '',
    body: text('description'),
    location: text('location'),
    recurrence: rrule instanceof ICAL.Recur ? rrule.toString() : null,
    reminders: [...new Set(reminders)].sort((a, b) => a - b),
    exdates: exdatesOf(comp),
    recurrenceId: recurrenceId instanceof ICAL.Time ? toMs(recurrenceId, tzidOf(comp, 'recurrence-id')) : null,
    cancelled: String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED',
  };
  if (block.kind === 'vtodo') {
    const due = comp.getFirstPropertyValue('due') ?? comp.getFirstPropertyValue('dtstart');
    const completed = comp.getFirstPropertyValue('completed');
    const dueName = comp.hasProperty('due') ? 'due' : 'dtstart';
    const dueAt = due instanceof ICAL.Time ? toMs(due, tzidOf(comp, dueName)) : null;
    if (dueAt != null && !Number.isFinite(dueAt)) throw new CrmError('invalid_input', 'ics.bad_date' as never);
    return {
      ...base,
      type: 'task',
      startAt: null,
      endAt: null,
      dueAt,
      allDay: due instanceof ICAL.Time ? due.isDate : false,
      timeZone: due instanceof ICAL.Time ? zoneOf(due, tzidOf(comp, dueName)) : null,
      doneAt:
        completed instanceof ICAL.Time
          ? toMs(completed)
          : String(comp.getFirstPropertyValue('status') ?? '').toUpperCase() === 'COMPLETED'
            ? Date.now()
            : null,
    };
  }
  if (!comp.hasProperty('dtstart')) throw new CrmError('invalid_input', 'ics.no_start' as never);
  const event = new ICAL.Event(comp);
  const start = event.startDate;
  // ical.js derives the end from DTEND, or DURATION, or (for a date) the next day.
  const end = event.endDate;
  const startAt = toMs(start, tzidOf(comp, 'dtstart'));
  const endAt = end ? toMs(end, tzidOf(comp, comp.hasProperty('dtend') ? 'dtend' : 'dtstart')) : null;
  if (!Number.isFinite(startAt) || (endAt != null && !Number.isFinite(endAt)))
    throw new CrmError('invalid_input', 'ics.bad_date' as never);
  return {
    ...base,
    type: 'meeting',
    startAt,
    endAt: endAt != null && endAt >= startAt ? endAt : null,
    dueAt: null,
    allDay: start.isDate,
    doneAt: null,
    timeZone: zoneOf(start, tzidOf(comp, 'dtstart')),
  };
}

/** Adds starts to one of a series' lists of skipped occurrences (EXDATE, or moved out). */
function skipOccurrence(
  db: CrmDb,
  seriesId: string,
  list: 'exdates' | 'overrides',
  at: number,
  options: WriteOptions,
): void {
  const series = activitiesByIds(db, [seriesId])[0];
  if (!series) return;
  const current = Array.isArray(series.details[list]) ? (series.details[list] as number[]) : [];
  if (current.includes(at)) return;
  updateActivity(
    db,
    seriesId,
    { details: { kind: series.type, [list]: [...current, at].sort((a, b) => a - b) } },
    options,
  );
}

interface Good {
  block: Block;
  parsed: Parsed;
  recurrence: string | null;
  report: (message: string, line?: number) => void;
}

/**
 * Imports the events (as meetings) and to-dos (as tasks) of an .ics text. Every good event is
 * kept; every bad one is reported with its line, UID and summary, in the caller's language.
 * A series keeps its zone (TZID) and EXDATEs; an event (or to-do) with a RECURRENCE-ID becomes an
 * activity of its own at its new time and its series leaves out the occurrence it replaces (a cancelled one is
 * just left out). Series are written first, so their moved occurrences find them in any order.
 */
export function importIcs(
  db: CrmDb,
  text: string,
  options: WriteOptions & { locale?: Locale; links?: Link[] } = {},
): { imported: number; updated: number; issues: IcsIssue[] } {
  const locale = options.locale ?? 'en';
  const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key, params);
  const { blocks, timezones, stray, sawCalendar } = splitCalendar(text);
  if (!sawCalendar) throw new CrmError('invalid_input', 'errors.ics_unreadable', { reason: 'BEGIN:VCALENDAR' });
  if (!blocks.length) throw new CrmError('invalid_input', 'errors.ics_empty');
  const issues: IcsIssue[] = [];
  if (stray.length)
    issues.push({
      line: stray[0]!,
      uid: null,
      summary: null,
      message: t('ics.unparsed_lines', { lines: stray.join(', ') }),
    });
  const good: Good[] = [];
  for (const block of blocks) {
    const uid = quick(block.lines, 'UID');
    const summary = quick(block.lines, 'SUMMARY');
    const report = (message: string, line = block.line) => issues.push({ line, uid, summary, message });
    if (block.broken.length) {
      report(
        t('ics.bad_event', { reason: t('ics.unparsed_lines', { lines: block.broken.join(', ') }) }),
        block.broken[0],
      );
      continue;
    }
    let parsed: Parsed;
    let ruleDropped = false;
    try {
      try {
        parsed = parseBlock(block, timezones);
      } catch (error) {
        // A rule ical.js cannot read spoils only the rule: the event comes in without it.
        const withoutRule = block.lines.filter((l) => !/^RRULE[:;]/i.test(l));
        if (error instanceof CrmError || withoutRule.length === block.lines.length) throw error;
        parsed = parseBlock({ ...block, lines: withoutRule }, timezones);
        ruleDropped = true;
      }
    } catch (error) {
      report(error instanceof CrmError ? t(error.key) : t('ics.bad_event', { reason: (error as Error).message }));
      continue;
    }
    if (ruleDropped) report(t('ics.bad_rule'));
    let recurrence: string | null = null;
    // A moved occurrence is one event: the rule is its series'.
    if (parsed.recurrence && parsed.recurrenceId == null) {
      try {
        recurrence = checkRule(parsed.recurrence, parsed.startAt ?? parsed.dueAt ?? db.now());
      } catch {
        report(t('ics.bad_rule'));
      }
    }
    good.push({ block, parsed, recurrence, report });
  }
  const isMoved = (g: Good) => g.parsed.recurrenceId != null && g.parsed.uid != null;
  const known = importedByKey(db);
  let imported = 0;
  let updated = 0;
  write(db, () => {
    for (const { parsed, recurrence, report } of [...good.filter((g) => !isMoved(g)), ...good.filter(isMoved)]) {
      const seriesId = isMoved({ parsed } as Good) ? known.find(parsed.uid!) : undefined;
      try {
        if (seriesId && parsed.cancelled) {
          skipOccurrence(db, seriesId, 'exdates', parsed.recurrenceId!, options);
          continue;
        }
        const moved = seriesId != null && parsed.recurrenceId != null;
        const key = parsed.uid ? keyOf(parsed.uid, moved ? parsed.recurrenceId : null) : null;
        const existing = key ? known.find(key) : undefined;
        const existingType = existing ? activitiesByIds(db, [existing])[0]?.type : undefined;
        // A UID made of the row's own id is not stored: it is the row's anyway.
        const ownUid = existing !== undefined && parsed.uid === localUid(existing);
        const details = {
          kind: parsed.type,
          ...(parsed.uid && !ownUid ? { uid: parsed.uid } : {}),
          ...(parsed.location && parsed.type === 'meeting' ? { location: parsed.location } : {}),
          ...(recurrence ? { recurrence } : {}),
          ...(recurrence && parsed.timeZone ? { timeZone: parsed.timeZone } : {}),
          ...(recurrence && parsed.exdates.length ? { exdates: parsed.exdates } : {}),
          ...(moved ? { seriesId, recurrenceId: parsed.recurrenceId } : {}),
          ...(parsed.reminders.length ? { reminders: parsed.reminders } : {}),
        };
        const values = {
          type: parsed.type,
          subject: parsed.subject.slice(0, 300),
          body: parsed.body?.slice(0, 100_000) ?? null,
          startAt: parsed.startAt,
          endAt: parsed.endAt,
          dueAt: parsed.dueAt,
          allDay: parsed.allDay,
          doneAt: parsed.doneAt,
          details,
        };
        if (existing && existingType === 'call' && parsed.type === 'meeting') {
          // A call of this book read back from its own export, where it is an event: it stays a
          // call, with the subject, notes and time the file has.
          const { subject, body, startAt, allDay } = values;
          updateActivity(db, existing, { subject, body, startAt, allDay }, options);
          updated++;
        } else if (existing && existingType === parsed.type) {
          // The file speaks for what it can hold (place, rule, zone, excluded dates, alarms): what
          // it no longer has is removed. Details it cannot hold (attendees, occurrences moved in
          // this app) are kept.
          const fromFile = {
            location: null,
            recurrence: null,
            reminders: null,
            exdates: null,
            timeZone: null,
            ...details,
          };
          updateActivity(db, existing, { ...values, details: fromFile }, options);
          updated++;
        } else {
          const created = createActivity(db, { ...values, links: options.links }, options);
          if (key) known.add(key, created.id);
          imported++;
        }
        if (moved) skipOccurrence(db, seriesId, 'overrides', parsed.recurrenceId!, options);
      } catch (error) {
        // Each write is its own savepoint: a refused event leaves the others in place.
        report(t('ics.bad_event', { reason: error instanceof CrmError ? t(error.key, error.params) : String(error) }));
      }
    }
  });
  return { imported, updated, issues };
}
