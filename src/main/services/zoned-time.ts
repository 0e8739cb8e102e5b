/**
 * Wall-clock time in an IANA time zone, with the platform's own zone data (Intl), so a repeating
 * meeting at 09:00 in Madrid stays at 09:00 on both sides of a daylight-saving change.
 *
 * A "wall" time is a number of milliseconds whose UTC fields read as the local date and time in
 * the zone (09:00 in Madrid is `Date.UTC(y, m, d, 9)`); recurrence rules are expanded on wall
 * times, where every day has 24 hours, and each result is turned back into an instant.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone giving every wall-clock field in 24-hour form (shared with business hours). */
export function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Whether the platform knows the zone ("Europe/Madrid" yes, "Pacific Standard Time" no). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '' || zone.length > 100) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

let local: { zone: string; at: number } | null = null;
/** Other names of UTC ("Etc/UTC" on many Linux systems): all are stored and exported as "UTC". */
const UTC_NAMES = /^(Etc\/)?(UTC|UCT|GMT|Universal|Zulu|Greenwich)$/i;

/**
 * The zone of this computer: where the app runs is where its user is. Asking Intl costs more than
 * expanding a rule, and a calendar month asks for each repeating row: the answer is kept a minute
 * (a change of the system's zone shows within it).
 */
export function localTimeZone(): string {
  const now = Date.now();
  if (!local || now - local.at > 60_000) {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    local = { zone: isTimeZone(zone) && !UTC_NAMES.test(zone) ? zone : 'UTC', at: now };
  }
  return local.zone;
}

/** The zone's offset from UTC (ms, east positive) at an instant, asked of Intl. */
function exactOffset(zone: string, at: number): number {
  const parts = formatter(zone).formatToParts(new Date(at));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/**
 * Offsets at the start of each UTC hour, per zone: a month of a team's calendar converts thousands
 * of occurrences, and Intl costs microseconds a call. Offsets change at most once in an hour, so
 * an hour whose two ends agree has that offset throughout; only an hour with a change asks again.
 */
const hourly = new Map<string, Map<number, number>>();

function hourOffset(zone: string, hour: number): number {
  let perZone = hourly.get(zone);
  if (!perZone || perZone.size > 50_000) hourly.set(zone, (perZone = new Map()));
  let offset = perZone.get(hour);
  if (offset === undefined) perZone.set(hour, (offset = exactOffset(zone, hour * HOUR)));
  return offset;
}

export function offsetAt(zone: string, at: number): number {
  if (zone === 'UTC') return 0;
  const hour = Math.floor(at / HOUR);
  const start = hourOffset(zone, hour);
  return start === hourOffset(zone, hour + 1) ? start : exactOffset(zone, at);
}

/** The wall time in the zone at an instant. */
export function toWall(at: number, zone: string): number {
  return at + offsetAt(zone, at);
}

/**
 * The instant at which the zone's clocks show a wall time. A time that happens twice (the hour
 * repeated when clocks go back) is the first; a time that never happens (the hour skipped when
 * they go forward) is read with the offset before the change, so 02:30 becomes 03:30, as RFC 5545
 * says for DTSTART.
 */
export function fromWall(wall: number, zone: string): number {
  if (zone === 'UTC') return wall;
  const before = offsetAt(zone, wall - DAY);
  const after = offsetAt(zone, wall + DAY);
  const early = wall - before;
  if (offsetAt(zone, early) === before) return early;
  const late = wall - after;
  if (offsetAt(zone, late) === after) return late;
  return early;
}
