import { describe, expect, it } from 'vitest';
import { reportRange } from '../../src/renderer/features/tickets/report-period';

const DAY = 86_400_000;
// 15 May 2026, 14:30 on the user's own clock (whatever zone the test runs in).
const now = new Date(2026, 4, 15, 14, 30).getTime();
const local = (y: number, m: number, d: number) => new Date(y, m - 1, d).getTime();

describe('the period of the ticket figures', () => {
  it('rolls back 7, 30 or 90 days from now', () => {
    expect(reportRange('last_7', now)).toEqual({ from: now - 7 * DAY, to: now });
    expect(reportRange('last_30', now)).toEqual({ from: now - 30 * DAY, to: now });
    expect(reportRange('last_90', now)).toEqual({ from: now - 90 * DAY, to: now });
  });

  it('covers whole calendar months and years, from midnight to midnight', () => {
    expect(reportRange('this_month', now)).toEqual({ from: local(2026, 5, 1), to: local(2026, 6, 1) });
    expect(reportRange('last_month', now)).toEqual({ from: local(2026, 4, 1), to: local(2026, 5, 1) });
    expect(reportRange('this_year', now)).toEqual({ from: local(2026, 1, 1), to: local(2027, 1, 1) });
    // January's previous month is last December.
    expect(reportRange('last_month', local(2026, 1, 10))).toEqual({ from: local(2025, 12, 1), to: local(2026, 1, 1) });
  });

  it('includes the last day of a custom range, and runs to now when its end is left empty', () => {
    expect(reportRange('custom', now, { from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: local(2026, 3, 1),
      to: local(2026, 4, 1),
    });
    expect(reportRange('custom', now, { from: '2026-05-01' })).toEqual({ from: local(2026, 5, 1), to: now });
    // An end before the start is an empty period, not a negative one; no start means from the beginning.
    expect(reportRange('custom', now, { from: '2026-05-10', to: '2026-05-01' })).toEqual({
      from: local(2026, 5, 10),
      to: local(2026, 5, 10),
    });
    expect(reportRange('custom', now, {}).from).toBe(0);
  });
});
