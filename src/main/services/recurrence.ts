import * as rruleModule from 'rrule';
import { invalid } from '../errors';

// rrule ships a UMD build as `main`: under Node's ESM loader its exports sit on `default`, under
// Vite/Vitest on the namespace itself.
const rrule = ((rruleModule as unknown as { default?: typeof rruleModule }).default ??
  rruleModule) as typeof rruleModule;

/** At most this many occurrences come out of one expansion: a calendar never shows more per activity. */
const MAX_OCCURRENCES = 1000;

/** "RRULE:FREQ=WEEKLY;BYDAY=MO" and "freq=weekly;byday=mo" are the same rule: stored as "FREQ=WEEKLY;BYDAY=MO". */
export function normalizeRule(rule: string): string {
  return rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
}

function build(rule: string, dtstart: number): rruleModule.RRule {
  const parsed = rrule.rrulestr(`RRULE:${normalizeRule(rule)}`, { dtstart: new Date(dtstart) });
  if (!(parsed instanceof rrule.RRule)) throw new Error('not a single rule');
  return parsed;
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
    const r = build(normalized, dtstart);
    // An impossible rule (BYMONTHDAY=31;BYMONTH=2) yields nothing: say so now, not as an empty calendar.
    if (!r.after(new Date(dtstart - 1), true) && !r.options.until && !r.options.count) throw new Error('no dates');
  } catch (error) {
    throw invalid([{ path, key: 'validation.recurrence_invalid', params: { reason: (error as Error).message } }]);
  }
  return normalized;
}

/** Starts of the occurrences that overlap [from, to): those starting up to `duration` before `from` count too. */
export function occurrencesBetween(rule: string, dtstart: number, from: number, to: number, duration = 0): number[] {
  let r: rruleModule.RRule;
  try {
    r = build(rule, fastForward(rule, dtstart, from - duration));
  } catch {
    return [dtstart]; // a rule that arrived broken by sync still shows its first occurrence
  }
  const out: number[] = [];
  r.between(new Date(from - duration), new Date(to - 1), true, (date) => {
    const t = date.getTime();
    if (t + duration > from || (duration === 0 && t >= from)) out.push(t);
    return out.length < MAX_OCCURRENCES;
  });
  return out;
}

const PERIOD: Record<string, number> = { DAILY: 86_400_000, WEEKLY: 7 * 86_400_000, HOURLY: 3_600_000 };

/**
 * rrule walks a rule from its start: a weekly meeting begun four years ago costs 200 steps per
 * calendar page. A rule without COUNT that repeats by a fixed period (daily, weekly, hourly; times
 * are UTC) has the same occurrences from a start moved forward by whole periods, so the walk
 * begins just before the range instead.
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

/** The first occurrence strictly after `after`, or null when the rule has ended. */
export function nextOccurrence(rule: string, dtstart: number, after: number): number | null {
  try {
    return build(rule, dtstart).after(new Date(after), false)?.getTime() ?? null;
  } catch {
    return null;
  }
}
