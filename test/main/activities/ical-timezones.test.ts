import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fromWall } from '../../../src/main/services/zoned-time';
import { tempDb } from '../db/temp-db';
import { call } from '../accounts/api';

const HOUR = 3_600_000;
const MADRID = 'Europe/Madrid';
/** 09:00 on Madrid's clocks in 2026: CET (UTC+1) until 29 March, CEST (UTC+2) until 25 October. */
const madrid9 = (month: number, day: number) => fromWall(Date.UTC(2026, month, day, 9), MADRID);
/** Mondays 16 March to 6 April 2026, across the change of 29 March. */
const MONDAYS = [Date.UTC(2026, 2, 16, 8), Date.UTC(2026, 2, 23, 8), Date.UTC(2026, 2, 30, 7), Date.UTC(2026, 3, 6, 7)];

async function madridWeekly() {
  const db = tempDb();
  const start = madrid9(2, 16);
  const series = await call(db, 'activities.create', {
    type: 'meeting',
    subject: 'Comité',
    startAt: start,
    endAt: start + HOUR,
    details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=MO', timeZone: MADRID },
  });
  return { db, series };
}

describe('an .ics export of a series kept in a time zone', () => {
  it('carries a VTIMEZONE for the TZID its times name, with Madrid’s offsets and daylight-saving rules', async () => {
    const { db } = await madridWeekly();
    const { ics } = await call(db, 'calendar.exportIcs', {});
    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const zones = cal.getAllSubcomponents('vtimezone');
    expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual([MADRID]);
    const event = cal.getFirstSubcomponent('vevent')!;
    expect(event.getFirstProperty('dtstart')!.getParameter('tzid')).toBe(MADRID);
    // RFC 5545 puts the zone's definition before the components that use it.
    expect(ics.indexOf('BEGIN:VTIMEZONE')).toBeLessThan(ics.indexOf('BEGIN:VEVENT'));

    // Read with nothing but the file's own definition (no IANA database): the same instants on
    // both sides of the change.
    const zone = new ICAL.Timezone(zones[0]!);
    const dtstart = event.getFirstPropertyValue('dtstart') as ICAL.Time;
    const start = ICAL.Time.fromData(
      {
        year: dtstart.year,
        month: dtstart.month,
        day: dtstart.day,
        hour: dtstart.hour,
        minute: dtstart.minute,
      },
      zone,
    );
    const rule = event.getFirstPropertyValue('rrule') as ICAL.Recur;
    const it = rule.iterator(start);
    const instants: number[] = [];
    for (let next = it.next(); next && instants.length < 4; next = it.next()) instants.push(next.toUnixTime() * 1000);
    expect(instants).toEqual(MONDAYS);
  });

  it('re-imports at the same local times across the daylight-saving change', async () => {
    const { db } = await madridWeekly();
    const { ics } = await call(db, 'calendar.exportIcs', {});
    const other = tempDb();
    expect(await call(other, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 1, issues: [] });
    const [series] = (await call(other, 'activities.list', {})).items;
    expect(series!.details.timeZone).toBe(MADRID);
    const { events } = await call(other, 'calendar.range', { from: Date.UTC(2026, 2, 15), to: Date.UTC(2026, 3, 7) });
    expect(events.map((e) => e.start)).toEqual(MONDAYS);
  });

  it('writes one VTIMEZONE per zone, none for UTC or all-day series', async () => {
    const { db } = await madridWeekly();
    await call(db, 'activities.create', {
      type: 'task',
      subject: 'Informe',
      dueAt: madrid9(2, 17),
      details: { kind: 'task', recurrence: 'FREQ=WEEKLY', timeZone: MADRID },
    });
    await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'NY',
      startAt: Date.UTC(2026, 2, 16, 14),
      details: { kind: 'meeting', recurrence: 'FREQ=DAILY;COUNT=3', timeZone: 'America/New_York' },
    });
    await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'UTC',
      startAt: Date.UTC(2026, 2, 16, 14),
      details: { kind: 'meeting', recurrence: 'FREQ=DAILY;COUNT=3', timeZone: 'UTC' },
    });
    await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'All day',
      startAt: Date.UTC(2026, 2, 16),
      allDay: true,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY', timeZone: MADRID },
    });
    const { ics } = await call(db, 'calendar.exportIcs', {});
    const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
    const tzids = cal.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(tzids).toEqual(['America/New_York', MADRID]);
  });
});
