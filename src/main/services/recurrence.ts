import * as rruleModule from 'rrule';
import { invalid } from '../errors';
import { fromWall, isTimeZone, localTimeZone, toWall } from './zoned-time';

// rrule ships a UMD build as `main`: under Node's ESM loader its exports sit on `default`, under
// Vite/Vitest on the namespace itself.
const rrule = ((rruleModule as unknown as { default?: typeof rruleModule }).default ??
  rruleModule) as typeof rruleModule;

/** At most this many occurrences come out of one expansion: a calendar never shows more per activity. */
const MAX_OCCURRENCES = 1000;
/** The widest offset from UTC of any zone (+14:00), with a margin: the wall-time window around a range. */
const ZONE_MARGIN = 15 * 3_600_000;

/** "RRULE:FREQ=WEEKLY;BYDAY=MO" and "freq=weekly;byday=mo" are the same rule: stored as "FREQ=WEEKLY;BYDAY=MO". */
export function normalizeRule(rule: string): string {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
}

/**
 * How a series repeats beyond its rule: the zone whose clocks it follows and the occurrences left
 * out of it (EXDATEs, and occurrences moved elsewhere as exceptions).
 */
export interface SeriesOptions {
  /** IANA zone; "UTC" repeats in UTC (and all-day series, whose dates are UTC midnights). */
  timeZone?: string | undefined;
  /** Starts (UTC ms) of occurrences that are not shown. */
  skip?: readonly number[] | undefined;
}

/**
 * The zone a stored series repeats in: all-day ones in UTC, whose midnights are their calendar
 * dates (so a date never moves with the viewer's zone); timed ones in the zone they were made or
 * imported in, or, for those stored before zones were kept, this computer's zone.
 */
export function seriesOptions(details: Record<string, unknown>, allDay: boolean): SeriesOptions {
  const skip = [...numbers(details.exdates), ...numbers(details.overrides)];
  const timeZone = allDay ? 'UTC' : isTimeZone(details.timeZone) ? details.timeZone : localTimeZone();
  return { timeZone, skip: skip.length ? skip : undefined };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

/** Parsed rules by their text: a team's calendar expands a thousand rows, most with the same few rules. */
const parsedRules = new Map<string, Partial<rruleModule.Options>>();

function ruleOptions(rule: string): Partial<rruleModule.Options> {
  let options = parsedRules.get(rule);
  if (!options) {
    options = rrule.RRule.parseString(normalizeRule(rule));
    if (options.freq === undefined) throw new Error('FREQ is missing');
    if (parsedRules.size > 5000) parsedRules.clear();
    parsedRules.set(rule, options);
  }
  return options;
}

/**
 * The rule on wall times of `zone` from a wall-time start. Its UNTIL, given in UTC as RFC 5545
 * asks when the start has a zone, is moved onto the same wall clock.
 */
function build(rule: string, wallStart: number, zone = 'UTC'): rruleModule.RRule {
  const options = { ...ruleOptions(rule), dtstart: new Date(wallStart) };
  if (options.until && zone !== 'UTC' && /UNTIL=[0-9T]+Z/.test(normalizeRule(rule)))
    options.until = new Date(toWall(options.until.getTime(), zone));
  return new rrule.RRule(options);
}

/**
 * Checks a rule the way rrule reads it and returns it normalised; a bad one is refused as
 * `details.recurrence` with the parser's reason.
 */
export function checkRule(
  rule: string,
  dtstart: number,
  path: (string | number)[] = ['details', 'recurrence'],
): string {
  const normalized = normalizeRule(rule);
  try {
    if (!/^FREQ=|;FREQ=/.test(normalized)) throw new Error('FREQ is missing');
    const parsed = rrule.rrulestr(`RRULE:${normalized}`, { dtstart: new Date(dtstart) });
    if (!(parsed instanceof rrule.RRule)) throw new Error('not a single rule');
    // An impossible rule (BYMONTHDAY=31;BYMONTH=2) yields nothing: say so now, not as an empty calendar.
    if (!parsed.after(new Date(dtstart - 1), true) && !parsed.options.until && !parsed.options.count)
      throw new Error('no dates');
  } catch (error) {
    throw invalid([{ path, key: 'validation.recurrence_invalid', params: { reason: (error as Error).message } }]);
  }
  return normalized;
}

/**
 * Starts of the occurrences that overlap [from, to): those starting up to `duration` before `from`
 * count too. The rule runs on the wall clock of the series' zone, so 09:00 stays 09:00 local
 * across a daylight-saving change (and moves by an hour in UTC); skipped starts are left out.
 */
export function occurrencesBetween(
  rule: string,
  dtstart: number,
  from: number,
  to: number,
  duration = 0,
  series: SeriesOptions = {},
): number[] {
  const zone = series.timeZone ?? 'UTC';
  const margin = zone === 'UTC' ? 0 : ZONE_MARGIN;
  const wallFrom = from - duration - margin;
  const wallTo = to + margin;
  const skip = series.skip?.length ? new Set(series.skip) : null;
  const out: number[] = [];
  const take = (wall: number) => {
    const t = fromWall(wall, zone);
    if (t < to && (t + duration > from || (duration === 0 && t >= from)) && !skip?.has(t)) out.push(t);
    return out.length < MAX_OCCURRENCES;
  };
  try {
    const wallStart = toWall(dtstart, zone);
    const simple = simpleRule(rule, zone);
    if (simple) simpleBetween(simple, wallStart, wallFrom, wallTo, take);
    else
      build(rule, fastForward(rule, wallStart, wallFrom), zone).between(
        new Date(wallFrom),
        new Date(wallTo - 1),
        true,
        (date) => take(date.getTime()),
      );
  } catch {
    return [dtstart]; // a rule that arrived broken by sync still shows its first occurrence
  }
  return out;
}

const DAY = 86_400_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** A daily or weekly rule with nothing but an interval, an end date, plain weekdays and a week start. */
interface SimpleRule {
  freq: 'DAILY' | 'WEEKLY';
  interval: number;
  /** Weekdays (0 = Monday) of a weekly rule with BYDAY; null for every `interval` days or weeks. */
  days: number[] | null;
  wkst: number;
  /** The last wall time allowed (UNTIL), or null. */
  until: number | null;
}

const simpleRules = new Map<string, SimpleRule | null>();

/**
 * Most repeating meetings are "every week on Monday" or "every day": their occurrences are plain
 * arithmetic on wall times, some fifty times cheaper than rrule's general walk (which builds the
 * masks of a whole year for each rule). Anything else (COUNT, BYSETPOS, BYMONTHDAY, monthly...)
 * goes to rrule; a property test checks the two agree on the rules taken here.
 */
function simpleRule(rule: string, zone: string): SimpleRule | null {
  const cacheKey = `${zone}|${rule}`;
  if (simpleRules.has(cacheKey)) return simpleRules.get(cacheKey)!;
  let simple: SimpleRule | null = null;
  const parts = new Map(
    normalizeRule(rule)
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const freq = parts.get('FREQ');
  const known = [...parts.keys()].every((k) => ['FREQ', 'INTERVAL', 'UNTIL', 'BYDAY', 'WKST'].includes(k));
  const byday = parts.get('BYDAY')?.split(',');
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const wkst = WEEKDAYS.indexOf(parts.get('WKST') ?? 'MO');
  if (
    known &&
    (freq === 'WEEKLY' || (freq === 'DAILY' && !byday)) &&
    Number.isInteger(interval) &&
    interval >= 1 &&
    wkst >= 0 &&
    (byday ?? []).every((d) => WEEKDAYS.includes(d))
  ) {
    const until = ruleOptions(rule).until;
    simple = {
      freq,
      interval,
      days: byday ? [...new Set(byday.map((d) => WEEKDAYS.indexOf(d)))] : null,
      wkst,
      until: until
        ? zone !== 'UTC' && /UNTIL=[0-9T]+Z/.test(normalizeRule(rule))
          ? toWall(until.getTime(), zone)
          : until.getTime()
        : null,
    };
  }
  if (simpleRules.size > 5000) simpleRules.clear();
  simpleRules.set(cacheKey, simple);
  return simple;
}

/** Calls `take` with each wall time of the rule in [lo, hi), in order, while it returns true. */
function simpleBetween(
  rule: SimpleRule,
  wallStart: number,
  lo: number,
  hi: number,
  take: (wall: number) => boolean,
): void {
  const last = Math.min(hi - 1, rule.until ?? Infinity);
  if (!rule.days) {
    const step = rule.interval * (rule.freq === 'DAILY' ? DAY : 7 * DAY);
    for (let t = wallStart + Math.max(0, Math.ceil((lo - wallStart) / step)) * step; t <= last; t += step)
      if (!take(t)) return;
    return;
  }
  // Weeks begin on WKST; the week holding the start is the first, then every `interval`-th one.
  const timeOfDay = ((wallStart % DAY) + DAY) % DAY;
  const startDay = wallStart - timeOfDay;
  const weekday = (day: number) => (((Math.floor(day / DAY) + 3) % 7) + 7) % 7; // 1 January 1970 was a Thursday
  const firstWeek = startDay - ((weekday(startDay) - rule.wkst + 7) % 7) * DAY;
  const offsets = rule.days.map((d) => (d - rule.wkst + 7) % 7).sort((a, b) => a - b);
  const period = 7 * DAY * rule.interval;
  for (let w = Math.max(0, Math.floor((lo - firstWeek) / period) - 1); ; w++) {
    const week = firstWeek + w * period;
    if (week > last) return;
    for (const offset of offsets) {
      const t = week + offset * DAY + timeOfDay;
      if (t < wallStart || t < lo) continue;
      if (t > last) return;
      if (!take(t)) return;
    }
  }
}

const PERIOD: Record<string, number> = { DAILY: 86_400_000, WEEKLY: 7 * 86_400_000, HOURLY: 3_600_000 };

/**
 * rrule walks a rule from its start: a weekly meeting begun four years ago costs 200 steps per
 * calendar page. A rule without COUNT that repeats by a fixed period (daily, weekly, hourly) has
 * the same occurrences from a start moved forward by whole periods, so the walk begins just before
 * the range instead. The times are wall times, on which every day has 24 hours.
 */
function fastForward(rule: string, dtstart: number, from: number): number {
  const parts = Object.fromEntries(
    normalizeRule(rule)
      .split(';')
      .map((p) => p.split('=') as [string, string]),
  );
  const period = PERIOD[parts.FREQ ?? ''];
  if (!period || parts.COUNT || parts.BYSETPOS || from <= dtstart) return dtstart;
  const step = period * Math.max(1, Number(parts.INTERVAL ?? 1) || 1);
  const periods = Math.floor((from - dtstart) / step) - 1;
  return periods > 0 ? dtstart + periods * step : dtstart;
}

/** The first occurrence strictly after `after` (on the series' wall clock, skips left out), or null when the rule has ended. */
export function nextOccurrence(
  rule: string,
  dtstart: number,
  after: number,
  series: SeriesOptions = {},
): number | null {
  const zone = series.timeZone ?? 'UTC';
  try {
    const r = build(rule, toWall(dtstart, zone), zone);
    let wall = toWall(after, zone);
    // A few tries: past skipped starts, and past a wall time that falls before `after` in the
    // hour repeated when clocks go back.
    for (let i = 0; i < 1000; i++) {
      const next = r.after(new Date(wall), false)?.getTime();
      if (next === undefined) return null;
      const t = fromWall(next, zone);
      if (t > after && !series.skip?.includes(t)) return t;
      wall = next;
    }
    return null;
  } catch {
    return null;
  }
}
