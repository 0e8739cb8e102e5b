import { describe, expect, it } from 'vitest';
import { shiftRule } from '../../../src/main/services/rule-shift';
import { fromWall, toWall } from '../../../src/main/services/zoned-time';
import { tempDb } from '../db/temp-db';
import { call } from '../accounts/api';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MADRID = 'Europe/Madrid';
/** A wall-clock time in Madrid in 2026: CET (UTC+1) until 29 March, CEST (UTC+2) after. */
const madrid = (month: number, day: number, hour = 9) => fromWall(Date.UTC(2026, month, day, hour), MADRID);

type Db = ReturnType<typeof tempDb>;

/** Weekdays (as Madrid shows them) and hours of the series' occurrences from 1 March to 1 May 2026. */
async function shown(db: Db, subject: string) {
  const { events } = await call(db, 'calendar.range', { from: madrid(2, 1, 0), to: madrid(4, 1, 0) });
  return events
    .filter((e) => e.title === subject)
    .map((e) => {
      const wall = new Date(toWall(e.start, MADRID));
      return `${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][wall.getUTCDay()]} ${wall.getUTCDate()}/${wall.getUTCMonth() + 1} ${wall.getUTCHours()}:00`;
    });
}

async function series(db: Db, subject: string, start: number, recurrence: string, exdates: number[] = []) {
  return call(db, 'activities.create', {
    type: 'meeting',
    subject,
    startAt: start,
    endAt: start + HOUR,
    details: { kind: 'meeting', recurrence, timeZone: MADRID, ...(exdates.length ? { exdates } : {}) },
  });
}

/** What the calendar sends when the whole series is dragged: its stored times plus the drag's step. */
async function drag(db: Db, id: string, step: number) {
  const a = await call(db, 'activities.get', { id });
  return call(db, 'activities.update', { id, startAt: a.startAt! + step, endAt: a.endAt! + step, allDay: false });
}

describe('a whole series dragged to another day', () => {
  it('moves a Tuesday meeting to Thursdays, across the change to summer time, with its EXDATE', async () => {
    const db = tempDb();
    // Tuesdays at 09:00 from 17 March; the 31st deleted.
    const s = await series(db, 'Comité', madrid(2, 17), 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260422T000000Z', [madrid(2, 31)]);
    // Dragged from Tuesday 17 to Thursday 19 March: two days of 24 hours, before the clocks change.
    const moved = await drag(db, s.id, 2 * DAY);
    expect(moved.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=TH;UNTIL=20260422T000000Z');
    expect(await shown(db, 'Comité')).toEqual(['Thu 19/3 9:00', 'Thu 26/3 9:00', 'Thu 9/4 9:00', 'Thu 16/4 9:00']);
    expect(moved.details.exdates).toEqual([madrid(3, 2)]);
    const { ics } = await call(db, 'calendar.exportIcs', {});
    expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=TH;UNTIL=20260422T000000Z');
    expect(ics).toContain('EXDATE;TZID=Europe/Madrid:20260402T090000');
    expect(ics).not.toContain('BYDAY=TU');
  });

  it('moves Monday-and-Wednesday one day later to Tuesday-and-Thursday', async () => {
    const db = tempDb();
    const s = await series(db, 'Stand-up', madrid(2, 23), 'FREQ=WEEKLY;BYDAY=MO,WE');
    const moved = await drag(db, s.id, DAY);
    expect(moved.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
    // 29 March is the day the clocks change: the meeting stays at 09:00 on both sides.
    expect((await shown(db, 'Stand-up')).slice(0, 5)).toEqual([
      'Tue 24/3 9:00',
      'Thu 26/3 9:00',
      'Tue 31/3 9:00',
      'Thu 2/4 9:00',
      'Tue 7/4 9:00',
    ]);
  });

  it('counts the days on Madrid clocks when the drag crosses the change to summer time', async () => {
    const db = tempDb();
    const s = await series(db, 'Review', madrid(2, 27), 'FREQ=WEEKLY;BYDAY=FR');
    // Friday 27 March 09:00 CET to Monday 30 March 09:00 CEST: three days less an hour.
    const moved = await drag(db, s.id, madrid(2, 30) - madrid(2, 27));
    expect(moved.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=MO');
    expect((await shown(db, 'Review')).slice(0, 2)).toEqual(['Mon 30/3 9:00', 'Mon 6/4 9:00']);
  });

  it('keeps the weekdays when only the time changes', async () => {
    const db = tempDb();
    const s = await series(db, 'Comité', madrid(2, 24), 'FREQ=WEEKLY;BYDAY=TU');
    const moved = await drag(db, s.id, 2 * HOUR);
    expect(moved.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=TU');
    expect((await shown(db, 'Comité')).slice(0, 2)).toEqual(['Tue 24/3 11:00', 'Tue 31/3 11:00']);
  });

  it('moves a monthly "second Tuesday" to the second Thursday', async () => {
    const db = tempDb();
    const s = await series(db, 'Board', madrid(2, 10), 'FREQ=MONTHLY;BYDAY=2TU');
    const moved = await drag(db, s.id, 2 * DAY);
    expect(moved.details.recurrence).toBe('FREQ=MONTHLY;BYDAY=2TH');
    expect(await shown(db, 'Board')).toEqual(['Thu 12/3 9:00', 'Thu 9/4 9:00']);
  });

  it('takes the rule a form sends with the new start as it is', async () => {
    const db = tempDb();
    const s = await series(db, 'Comité', madrid(2, 24), 'FREQ=WEEKLY;BYDAY=TU');
    const edited = await call(db, 'activities.update', {
      id: s.id,
      startAt: madrid(2, 25),
      endAt: madrid(2, 25) + HOUR,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=WE,FR' },
    });
    expect(edited.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=WE,FR');
    // A write that names the rule (an .ics re-import, whose file is the organiser's) keeps it too.
    const reimported = await call(db, 'activities.update', {
      id: s.id,
      startAt: madrid(2, 26),
      endAt: madrid(2, 26) + HOUR,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=WE,FR' },
    });
    expect(reimported.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=WE,FR');
  });

  it('moves a weekly task series dragged by its due time', async () => {
    const db = tempDb();
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Informe',
      dueAt: madrid(2, 24),
      details: { kind: 'task', recurrence: 'FREQ=WEEKLY;BYDAY=TU', timeZone: MADRID },
    });
    const moved = await call(db, 'activities.update', { id: task.id, dueAt: madrid(2, 27), allDay: false });
    expect(moved.details.recurrence).toBe('FREQ=WEEKLY;BYDAY=FR');
  });
});

describe('shiftRule', () => {
  const wall = (day: number, hour = 9) => Date.UTC(2026, 2, day, hour);
  it('shifts every weekday by the days the start moved, keeping the other parts', () => {
    expect(shiftRule('FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10', wall(16), wall(18))).toBe('FREQ=WEEKLY;BYDAY=WE,FR;COUNT=10');
    expect(shiftRule('FREQ=WEEKLY;BYDAY=MO', wall(16), wall(15))).toBe('FREQ=WEEKLY;BYDAY=SU');
    // A week later is the same weekdays.
    expect(shiftRule('FREQ=WEEKLY;BYDAY=MO', wall(16), wall(23))).toBe('FREQ=WEEKLY;BYDAY=MO');
  });
  it('moves the week start of an every-other-week rule with several days, so the same days pair up', () => {
    expect(shiftRule('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO', wall(15), wall(16))).toBe(
      'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU;WKST=TU',
    );
  });
  it('moves a monthly day of the month the start was on', () => {
    expect(shiftRule('FREQ=MONTHLY;BYMONTHDAY=15', wall(15), wall(17))).toBe('FREQ=MONTHLY;BYMONTHDAY=17');
    // The 30th is not in every month: the rule stays.
    expect(shiftRule('FREQ=MONTHLY;BYMONTHDAY=27', wall(27), wall(30))).toBe('FREQ=MONTHLY;BYMONTHDAY=27');
  });
  it('moves a "last Friday" to the last weekday the new start is', () => {
    expect(shiftRule('FREQ=MONTHLY;BYDAY=-1FR', wall(27), wall(26))).toBe('FREQ=MONTHLY;BYDAY=-1TH');
  });
  it('keeps rules a move of day has no single meaning for', () => {
    for (const rule of [
      'FREQ=MONTHLY;BYDAY=1TU,3TU',
      'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
    ])
      expect(shiftRule(rule, wall(17), wall(19))).toBe(rule);
  });
});
