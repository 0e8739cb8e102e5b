import { normalizeRule } from './recurrence';

const DAY = 86_400_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** Days since 1970-01-01 of a wall time, and that day's weekday (0 = Monday; 1 January 1970 was a Thursday). */
const dayOf = (wall: number) => Math.floor(wall / DAY);
const weekdayOf = (day: number) => (((day + 3) % 7) + 7) % 7;

/** Day of the month (1–31) and the month's length of a wall time. */
function monthDay(wall: number): { day: number; length: number } {
  const d = new Date(wall);
  const length = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { day: d.getUTCDate(), length };
}

/**
 * A series' rule after its start moves from one wall time to another (both on the series' own
 * clock): a rule that names weekdays or a day of the month would otherwise keep its occurrences
 * where they were (a weekly Tuesday meeting dragged to Thursday would start on Thursday and go on
 * on Tuesdays). Every weekday of BYDAY moves by the same number of days as the start (MO,WE two
 * days later is WE,FR); a monthly "second Tuesday" or "the 15th" becomes the position of the new
 * start in its month. A change of time alone leaves the rule as it is. Rules where the shift has
 * no single meaning are kept as they were:
 * - BYSETPOS, BYYEARDAY, BYWEEKNO, BYHOUR/BYMINUTE and yearly rules with BYMONTHDAY: what a
 *   day's move means for them depends on the month or the year;
 * - a monthly ordinal weekday (2TU) or day of the month the old start was not on, several of
 *   them (1TU,3TU), or a new start that is a fifth weekday or past the 28th (not in every month);
 * - BYDAY with BYMONTHDAY together (Friday the 13th).
 */
export function shiftRule(rule: string, oldWall: number, newWall: number): string {
  const days = dayOf(newWall) - dayOf(oldWall);
  if (days === 0) return rule;
  const parts = normalizeRule(rule)
    .split(';')
    .map((p) => p.split('=') as [string, string]);
  const get = (key: string) => parts.find(([k]) => k === key)?.[1];
  const set = (key: string, value: string) => parts.map(([k, v]) => [k, k === key ? value : v] as [string, string]);
  const text = (p: [string, string][]) => p.map(([k, v]) => `${k}=${v}`).join(';');
  const freq = get('FREQ');
  const byday = get('BYDAY');
  const bymonthday = get('BYMONTHDAY');
  if (['BYSETPOS', 'BYYEARDAY', 'BYWEEKNO', 'BYHOUR', 'BYMINUTE', 'BYSECOND'].some((k) => get(k) !== undefined))
    return rule;
  if (byday && bymonthday) return rule;

  if (byday) {
    const items = byday.split(',');
    if (items.every((d) => WEEKDAYS.includes(d))) {
      if (days % 7 === 0) return rule;
      const shift = (d: string) => WEEKDAYS[(((WEEKDAYS.indexOf(d) + days) % 7) + 7) % 7]!;
      let next = set('BYDAY', items.map(shift).join(','));
      // Every other week on Sunday and Monday groups the two in the weeks that start on WKST: the
      // week start moves with the days, or a shift across it would pair different days.
      const interval = Number(get('INTERVAL') ?? 1);
      if (freq === 'WEEKLY' && interval > 1 && items.length > 1) {
        const wkst = get('WKST');
        next = wkst ? next.map(([k, v]) => [k, k === 'WKST' ? shift(v) : v]) : [...next, ['WKST', shift('MO')]];
      }
      return text(next);
    }
    // One ordinal weekday of a monthly rule ("second Tuesday", "last Friday"), which the old start was on.
    const ordinal = /^([+-]?)([1-5])(MO|TU|WE|TH|FR|SA|SU)$/.exec(items.length === 1 ? items[0]! : '');
    if (freq !== 'MONTHLY' || !ordinal) return rule;
    const [, sign, n, weekday] = ordinal;
    const old = monthDay(oldWall);
    const position = (m: { day: number; length: number }) =>
      sign === '-' ? Math.ceil((m.length - m.day + 1) / 7) : Math.ceil(m.day / 7);
    if (WEEKDAYS[weekdayOf(dayOf(oldWall))] !== weekday || position(old) !== Number(n)) return rule;
    const moved = position(monthDay(newWall));
    if (moved > 4) return rule;
    return text(set('BYDAY', `${sign === '-' ? '-' : ''}${moved}${WEEKDAYS[weekdayOf(dayOf(newWall))]}`));
  }

  if (bymonthday) {
    // "Every month on the 15th" dragged to the 17th: the 17th, when the old start was on the 15th.
    if (freq !== 'MONTHLY' || !/^\d+$/.test(bymonthday) || Number(bymonthday) !== monthDay(oldWall).day) return rule;
    const day = monthDay(newWall).day;
    return day > 28 ? rule : text(set('BYMONTHDAY', String(day)));
  }
  return rule;
}
