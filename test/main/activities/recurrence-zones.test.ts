import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as rruleModule from 'rrule';
import { occurrencesBetween } from '../../../src/main/services/recurrence';
import { fromWall, toWall } from '../../../src/main/services/zoned-time';
import { translate } from '../../../src/shared/i18n/messages';
import { tempDb, manualClock } from '../db/temp-db';
import { DAY, call, refuse } from '../accounts/api';

const HOUR = 3_600_000;
const SAMPLES = join(__dirname, '../../../../shared/datasets/interop/ics');
const MADRID = 'Europe/Madrid';
/** 09:00 in Madrid on a day of 2026, as an instant (CET is UTC+1 until 29 March, CEST UTC+2 until 25 October). */
const madrid9 = (month: number, day: number) => fromWall(Date.UTC(2026, month, day, 9), MADRID);

async function range(db: ReturnType<typeof tempDb>, from: number, to: number, id: string) {
  const { events } = await call(db, 'calendar.range', { from, to });
  return events.filter((e) => e.activityId === id).map((e) => e.start);
}

describe('wall-clock time in a zone', () => {
  it('reads Madrid around the last Sunday of March and of October', () => {
    expect(madrid9(2, 28)).toBe(Date.UTC(2026, 2, 28, 8)); // Saturday, CET
    expect(madrid9(2, 30)).toBe(Date.UTC(2026, 2, 30, 7)); // Monday after the change, CEST
    expect(madrid9(9, 26)).toBe(Date.UTC(2026, 9, 26, 8)); // back to CET
    // 02:30 on 29 March never shows on Madrid's clocks: it is read as 03:30 CEST.
    expect(fromWall(Date.UTC(2026, 2, 29, 2, 30), MADRID)).toBe(Date.UTC(2026, 2, 29, 1, 30));
    // 02:30 on 25 October shows twice: the first one (CEST) is meant.
    expect(fromWall(Date.UTC(2026, 9, 25, 2, 30), MADRID)).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(toWall(Date.UTC(2026, 9, 25, 1, 30), MADRID)).toBe(Date.UTC(2026, 9, 25, 2, 30));
  });
});

describe('repeating activities across a daylight-saving change', () => {
  it('keeps a weekly 09:00 Madrid meeting at 09:00 on both sides of March and October', async () => {
    const db = tempDb();
    const start = madrid9(2, 16); // Monday 16 March 2026
    const weekly = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Comité',
      startAt: start,
      endAt: start + HOUR,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=MO', timeZone: MADRID },
    });
    expect(await range(db, Date.UTC(2026, 2, 14), Date.UTC(2026, 3, 8), weekly.id)).toEqual([
      madrid9(2, 16),
      madrid9(2, 23),
      Date.UTC(2026, 2, 30, 7), // 09:00 CEST, an hour earlier in UTC than the week before
      Date.UTC(2026, 3, 6, 7),
    ]);
    expect(await range(db, Date.UTC(2026, 9, 15), Date.UTC(2026, 10, 3), weekly.id)).toEqual([
      Date.UTC(2026, 9, 19, 7),
      Date.UTC(2026, 9, 26, 8), // back to CET
      Date.UTC(2026, 10, 2, 8),
    ]);
    const { events } = await call(db, 'calendar.range', { from: Date.UTC(2026, 2, 30), to: Date.UTC(2026, 2, 31) });
    expect(events[0]).toMatchObject({ start: Date.UTC(2026, 2, 30, 7), end: Date.UTC(2026, 2, 30, 8) });
  });

  it('keeps an all-day series on its calendar dates whatever the zone', async () => {
    const db = tempDb();
    const friday = Date.UTC(2026, 2, 27);
    const series = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Cierre semanal',
      startAt: friday,
      endAt: friday + DAY,
      allDay: true,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY', timeZone: MADRID },
    });
    expect(await range(db, Date.UTC(2026, 2, 20), Date.UTC(2026, 3, 11), series.id)).toEqual([
      Date.UTC(2026, 2, 27),
      Date.UTC(2026, 3, 3),
      Date.UTC(2026, 3, 10),
    ]);
  });

  it('schedules the next occurrence of a repeating task at the same local time after the change', async () => {
    const clock = manualClock(Date.UTC(2026, 2, 27, 12), 1);
    const db = tempDb({ now: clock.now });
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Informe semanal',
      dueAt: madrid9(2, 27), // Friday before the change
      details: { kind: 'task', recurrence: 'FREQ=WEEKLY', timeZone: MADRID },
    });
    const { next } = await call(db, 'activities.complete', { id: task.id });
    expect(next?.dueAt).toBe(Date.UTC(2026, 3, 3, 7)); // 09:00 CEST
  });

  it('refuses a zone the computer does not know', async () => {
    const db = tempDb();
    const bad = await refuse(db, 'activities.create', {
      type: 'meeting',
      subject: 'x',
      startAt: madrid9(2, 16),
      details: { kind: 'meeting', recurrence: 'FREQ=DAILY', timeZone: 'Mars/Olympus' },
    });
    expect(bad.issues?.[0]).toMatchObject({ path: ['details', 'timeZone'] });
  });

  it('expands the shared daily sample at 05:00 in Los Angeles in summer and in winter', async () => {
    const db = tempDb();
    await call(db, 'calendar.importIcs', { text: readFileSync(join(SAMPLES, 'daily_recur.ics'), 'utf8') });
    const [series] = (await call(db, 'activities.list', {})).items;
    expect(series!.details.timeZone).toBe('America/Los_Angeles');
    // PDT (UTC-7) until 4 November 2012, then PST (UTC-8).
    expect(await range(db, Date.UTC(2012, 10, 3), Date.UTC(2012, 10, 6), series!.id)).toEqual([
      Date.UTC(2012, 10, 3, 12),
      Date.UTC(2012, 10, 4, 13),
      Date.UTC(2012, 10, 5, 13),
    ]);
  });
});

const SERIES = [
  'BEGIN:VEVENT',
  'UID:comite@example.com',
  'RECURRENCE-ID;TZID=Europe/Madrid:20260413T090000',
  'DTSTART;TZID=Europe/Madrid:20260414T100000',
  'DTEND;TZID=Europe/Madrid:20260414T110000',
  'SUMMARY:Comité (moved to Tuesday)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:comite@example.com',
  'DTSTART;TZID=Europe/Madrid:20260323T090000',
  'DTEND;TZID=Europe/Madrid:20260323T100000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO',
  'EXDATE;TZID=Europe/Madrid:20260406T090000',
  'SUMMARY:Comité',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:comite@example.com',
  'RECURRENCE-ID;TZID=Europe/Madrid:20260420T090000',
  'DTSTART;TZID=Europe/Madrid:20260420T090000',
  'STATUS:CANCELLED',
  'SUMMARY:Comité',
  'END:VEVENT',
];
const calendar = (events: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:test', ...events, 'END:VCALENDAR'].join('\r\n');

describe('exceptions to a series', () => {
  it('honours EXDATE and RECURRENCE-ID from an .ics, in any order, and re-imports without copies', async () => {
    const db = tempDb();
    const first = await call(db, 'calendar.importIcs', { text: calendar(SERIES) });
    expect(first).toEqual({ imported: 2, updated: 0, issues: [] });
    const from = Date.UTC(2026, 2, 22);
    const to = Date.UTC(2026, 3, 28);
    const shown = async () =>
      (await call(db, 'calendar.range', { from, to })).events.map((e) => [e.title, e.start, e.recurring]);
    const expected = [
      ['Comité', madrid9(2, 23), true],
      ['Comité', Date.UTC(2026, 2, 30, 7), true],
      // 6 April is excluded; 13 April moved to Tuesday 14 at 10:00; 20 April cancelled.
      ['Comité (moved to Tuesday)', Date.UTC(2026, 3, 14, 8), false],
      ['Comité', Date.UTC(2026, 3, 27, 7), true],
    ];
    expect(await shown()).toEqual(expected);
    const again = await call(db, 'calendar.importIcs', { text: calendar(SERIES) });
    expect(again).toEqual({ imported: 0, updated: 2, issues: [] });
    expect(await shown()).toEqual(expected);

    // Exported, the series keeps its EXDATEs and the moved occurrence its RECURRENCE-ID.
    const { ics } = await call(db, 'calendar.exportIcs', {});
    expect(ics).toContain('DTSTART;TZID=Europe/Madrid:20260323T090000');
    expect(ics).toContain('EXDATE;TZID=Europe/Madrid:20260406T090000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Madrid:20260413T090000');
    expect(ics.match(/UID:comite@example.com/g)).toHaveLength(2);
    const other = tempDb();
    await call(other, 'calendar.importIcs', { text: ics });
    expect((await call(other, 'calendar.range', { from, to })).events.map((e) => e.start)).toEqual(
      expected.map((e) => e[1]),
    );
  });

  it('moves one occurrence of a series and leaves the others where they were', async () => {
    const db = tempDb();
    const start = madrid9(2, 16);
    const contact = await call(db, 'contacts.create', { firstName: 'Lola', lastName: 'Flores' });
    const series = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Comité',
      startAt: start,
      endAt: start + HOUR,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=MO', timeZone: MADRID, location: 'Sala 2' },
      links: [{ entityType: 'contacts', entityId: contact.id }],
    });
    const occurrence = Date.UTC(2026, 2, 30, 7);
    const newStart = Date.UTC(2026, 2, 31, 8);
    const moved = await call(db, 'calendar.moveOccurrence', { id: series.id, occurrence, startAt: newStart });
    expect(moved).toMatchObject({ subject: 'Comité', startAt: newStart, endAt: newStart + HOUR });
    expect(moved.details).toMatchObject({ location: 'Sala 2', seriesId: series.id, recurrenceId: occurrence });
    expect(moved.links).toEqual([{ entityType: 'contacts', entityId: contact.id }]);
    const { events } = await call(db, 'calendar.range', { from: Date.UTC(2026, 2, 22), to: Date.UTC(2026, 3, 8) });
    expect(events.map((e) => [e.activityId, e.start])).toEqual([
      [series.id, madrid9(2, 23)],
      [moved.id, newStart],
      [series.id, Date.UTC(2026, 3, 6, 7)],
    ]);
    // A start that is not one of the series' is refused, and a plain meeting has no occurrences.
    await refuse(db, 'calendar.moveOccurrence', { id: series.id, occurrence: occurrence + HOUR, startAt: newStart });
    await refuse(db, 'calendar.moveOccurrence', { id: moved.id, occurrence: newStart, startAt: newStart + HOUR });
  });
});

describe('an event without a title', () => {
  it('is stored without one, so each reader sees "(no title)" in their own language', async () => {
    const db = tempDb();
    const text = calendar(['BEGIN:VEVENT', 'UID:untitled-1', 'DTSTART:20260302T090000Z', 'END:VEVENT']);
    expect(await call(db, 'calendar.importIcs', { text }, 'es')).toMatchObject({ imported: 1 });
    const [event] = (await call(db, 'calendar.range', { from: Date.UTC(2026, 2, 2), to: Date.UTC(2026, 2, 3) })).events;
    expect(event!.title).toBe('');
    expect(translate('es', 'activity.untitled')).toBe('(sin título)');
    expect(translate('en', 'activity.untitled')).toBe('(no title)');
  });
});

describe('rule expansion', () => {
  const rrule = ((rruleModule as unknown as { default?: typeof rruleModule }).default ??
    rruleModule) as typeof rruleModule;

  it('gives what rrule gives for daily and weekly rules (the ones expanded without it)', () => {
    const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
    fc.assert(
      fc.property(
        fc.record({
          weekly: fc.boolean(),
          interval: fc.integer({ min: 1, max: 4 }),
          byday: fc.subarray(days),
          wkst: fc.constantFrom(...days),
          until: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
          start: fc.integer({ min: 0, max: 5 * 365 * 24 * 4 }),
          ms: fc.constantFrom(0, 0, 123, 59_999),
          from: fc.integer({ min: -30, max: 5 * 365 + 400 }),
          length: fc.integer({ min: 1, max: 60 }),
          duration: fc.constantFrom(0, HOUR, 3 * DAY),
        }),
        (c) => {
          const start = Date.UTC(2020, 0, 1) + c.start * 15 * 60_000 + c.ms;
          const until = c.until == null ? null : new Date(start + c.until * DAY + 7 * HOUR);
          const rule = [
            `FREQ=${c.weekly ? 'WEEKLY' : 'DAILY'}`,
            c.interval > 1 ? `INTERVAL=${c.interval}` : '',
            c.weekly && c.byday.length ? `BYDAY=${c.byday.join(',')}` : '',
            c.weekly ? `WKST=${c.wkst}` : '',
            until ? `UNTIL=${until.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}` : '',
          ]
            .filter(Boolean)
            .join(';');
          const from = Date.UTC(2020, 0, 1) + c.from * DAY;
          const to = from + c.length * DAY;
          const expected = rrule
            .rrulestr(`RRULE:${rule}`, { dtstart: new Date(start) })
            .between(new Date(from - c.duration), new Date(to - 1), true)
            .map((d) => d.getTime())
            .filter((t) => t + c.duration > from || (c.duration === 0 && t >= from));
          expect(occurrencesBetween(rule, start, from, to, c.duration)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('follows the zone for rules rrule expands too (monthly)', () => {
    const start = madrid9(0, 30);
    expect(
      occurrencesBetween('FREQ=MONTHLY;BYMONTHDAY=30', start, Date.UTC(2026, 0, 1), Date.UTC(2026, 4, 1), HOUR, {
        timeZone: MADRID,
      }),
    ).toEqual([Date.UTC(2026, 0, 30, 8), Date.UTC(2026, 2, 30, 7), Date.UTC(2026, 3, 30, 7)]);
  });
});
