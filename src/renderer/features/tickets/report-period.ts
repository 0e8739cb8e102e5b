/** Periods the service desk's figures can cover, counted in the user's own calendar days. */
export const REPORT_PERIODS = [
  'last_7',
  'last_30',
  'last_90',
  'this_month',
  'last_month',
  'this_year',
  'custom',
] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

/** Dates typed in a date field ('YYYY-MM-DD'), both ends included. */
export interface CustomRange {
  from?: string | undefined;
  to?: string | undefined;
}

const DAY = 86_400_000;

/** Local midnight of a 'YYYY-MM-DD' date, or undefined for an empty or malformed one. */
function localDay(date: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  if (!m) return undefined;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/**
 * The `tickets.report` input for a period: `from` included, `to` excluded, both instants. The
 * rolling periods end now; calendar ones run from a local midnight to the next. A custom range
 * includes its last day; an end left empty means now.
 */
export function reportRange(period: ReportPeriod, now: number, custom: CustomRange = {}): { from: number; to: number } {
  const d = new Date(now);
  const y = d.getFullYear();
  const m = d.getMonth();
  switch (period) {
    case 'last_7':
      return { from: now - 7 * DAY, to: now };
    case 'last_30':
      return { from: now - 30 * DAY, to: now };
    case 'last_90':
      return { from: now - 90 * DAY, to: now };
    case 'this_month':
      return { from: new Date(y, m, 1).getTime(), to: new Date(y, m + 1, 1).getTime() };
    case 'last_month':
      return { from: new Date(y, m - 1, 1).getTime(), to: new Date(y, m, 1).getTime() };
    case 'this_year':
      return { from: new Date(y, 0, 1).getTime(), to: new Date(y + 1, 0, 1).getTime() };
    case 'custom': {
      const from = localDay(custom.from) ?? 0;
      const last = localDay(custom.to);
      // The day after the last one, at local midnight (not +24 h, which a DST change would skew).
      const to = last === undefined ? now : new Date(new Date(last).setDate(new Date(last).getDate() + 1)).getTime();
      return { from, to: Math.max(from, to) };
    }
  }
}
