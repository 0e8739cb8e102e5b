/**
 * Report periods: whole UTC days, both ends included, as half-open epoch-millisecond ranges
 * [start, end) so every query compares with `>= start AND < end` over its index.
 */
export const DAY = 86_400_000;

export interface Period {
  /** First day included (YYYY-MM-DD), null from the beginning. */
  from: string | null;
  /** Last day included (YYYY-MM-DD), null up to now. */
  to: string | null;
  start: number;
  end: number;
}

const FAR_FUTURE = 8_640_000_000_000_000;

export function dayStart(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function periodOf(from?: string | null, to?: string | null): Period {
  return {
    from: from ?? null,
    to: to ?? null,
    start: from ? dayStart(from) : -FAR_FUTURE,
    end: to ? dayStart(to) + DAY : FAR_FUTURE,
  };
}

/** The same number of days just before, for the dashboard's comparison; null for an open-ended period. */
export function previousPeriod(p: Period): Period | null {
  if (!p.from || !p.to) return null;
  const length = p.end - p.start;
  return { from: isoDay(p.start - length), to: isoDay(p.start - DAY), start: p.start - length, end: p.start };
}

/** The first day of the month `offset` months after the one holding `ms` (UTC). */
export function monthStart(ms: number, offset = 0): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + offset, 1);
}

export function monthKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}
