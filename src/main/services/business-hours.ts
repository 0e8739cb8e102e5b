import { formatter } from './zoned-time';

/**
 * Business-hours arithmetic in a time zone, with Intl only: an SLA target of "4 business hours"
 * becomes a due instant that skips nights, weekends and holidays, and daylight-saving changes.
 */

export interface BusinessHoursSpec {
  timezone: string;
  /** Weekly open windows: day 0 = Sunday, times 'HH:MM' local, end after start. */
  schedule: { day: number; start: string; end: string }[];
  /** Local dates ('YYYY-MM-DD') closed all day. */
  holidays: string[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Ten years of closed days in a row means the schedule can never be met: stop looking. */
const MAX_DAYS = 3660;

interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(at: number, timezone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timezone).formatToParts(new Date(at))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(at: number, timezone: string): number {
  const p = localParts(at, timezone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

/** The instant a local wall time happens in the zone (a time skipped by a DST jump moves forward). */
export function localToInstant(
  date: { year: number; month: number; day: number },
  minuteOfDay: number,
  timezone: string,
): number {
  const guess = Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE;
  const first = guess - offsetAt(guess, timezone);
  const second = guess - offsetAt(first, timezone);
  return second;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

function isoDate(d: { year: number; month: number; day: number }): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function nextDate(d: { year: number; month: number; day: number }) {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Open windows of one local date as instants, in order. */
function windowsOn(
  spec: BusinessHoursSpec,
  date: { year: number; month: number; day: number },
  holidays: Set<string>,
): [number, number][] {
  if (holidays.has(isoDate(date))) return [];
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return spec.schedule
    .filter((w) => w.day === weekday && minutesOf(w.end) > minutesOf(w.start))
    .map((w) => [minutesOf(w.start), minutesOf(w.end)] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([s, e]) => [localToInstant(date, s, spec.timezone), localToInstant(date, e, spec.timezone)]);
}

/**
 * The instant `minutes` of open time after `start`. Without business hours (null, or a week with
 * no open window) the clock runs around the clock.
 */
export function addBusinessMinutes(start: number, minutes: number, spec: BusinessHoursSpec | null): number {
  if (!spec || !spec.schedule.some((w) => minutesOf(w.end) > minutesOf(w.start))) return start + minutes * MINUTE;
  const holidays = new Set(spec.holidays);
  let remaining = minutes * MINUTE;
  const p = localParts(start, spec.timezone);
  let date = { year: p.year, month: p.month, day: p.day };
  for (let i = 0; i < MAX_DAYS; i++) {
    for (const [open, close] of windowsOn(spec, date, holidays)) {
      if (close <= start) continue;
      const from = Math.max(start, open);
      if (remaining <= close - from) return from + remaining;
      remaining -= close - from;
    }
    date = nextDate(date);
  }
  return start + minutes * MINUTE;
}

/** Open time between two instants, in minutes (for reports in business time). */
export function businessMinutesBetween(from: number, to: number, spec: BusinessHoursSpec | null): number {
  if (to <= from) return 0;
  if (!spec || !spec.schedule.some((w) => minutesOf(w.end) > minutesOf(w.start))) return (to - from) / MINUTE;
  const holidays = new Set(spec.holidays);
  const p = localParts(from, spec.timezone);
  let date = { year: p.year, month: p.month, day: p.day };
  let total = 0;
  for (let i = 0; i < MAX_DAYS; i++) {
    const windows = windowsOn(spec, date, holidays);
    for (const [open, close] of windows) {
      const s = Math.max(open, from);
      const e = Math.min(close, to);
      if (e > s) total += e - s;
    }
    if (localToInstant(date, 0, spec.timezone) > to) break;
    date = nextDate(date);
  }
  return total / MINUTE;
}
