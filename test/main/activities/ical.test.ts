import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDb } from '../db/temp-db';
import { call, expectNothingWritten, refuse } from '../accounts/api';

const SAMPLES = join(__dirname, '../../../../shared/datasets/interop/ics');
const sample = (name: string) => readFileSync(join(SAMPLES, name), 'utf8');
const HOUR = 3_600_000;

describe('iCalendar import', () => {
  it('imports the shared samples: time zones, a daily rule, DURATION instead of DTEND, a date-only event', async () => {
    const db = tempDb();
    const daily = await call(db, 'calendar.importIcs', { text: sample('daily_recur.ics') });
    expect(daily).toEqual({ imported: 1, updated: 0, issues: [] });
    const minimal = await call(db, 'calendar.importIcs', { text: sample('minimal.ics') });
    expect(minimal.imported).toBe(1);
    const { items } = await call(db, 'activities.list', {});
    const byTitle = new Map(items.map((a) => [a.subject, a]));
    const recurring = byTitle.get('Every day recurring')!;
    // 05:00 in Los Angeles in August (PDT, UTC-7) is 12:00 UTC.
    expect(recurring.startAt).toBe(Date.UTC(2012, 7, 1, 12));
    expect(recurring.endAt).toBe(Date.UTC(2012, 7, 1, 13));
    expect(recurring.details).toMatchObject({
      kind: 'meeting',
      recurrence: 'FREQ=DAILY',
      uid: 'tgh9qho17b07pk2n2ji3gluans@google.com',
      reminders: [30],
    });
    const week = await call(db, 'calendar.range', { from: Date.UTC(2012, 7, 1), to: Date.UTC(2012, 7, 8) });
    expect(week.events.filter((e) => e.activityId === recurring.id)).toHaveLength(7);
    const plain = byTitle.get('Really long event name thing')!;
    expect([plain.startAt, plain.endAt]).toEqual([Date.UTC(2012, 5, 30, 13), Date.UTC(2012, 5, 30, 14)]);

    // These two share a UID: the second import updates the first instead of adding a copy.
    const duration = await call(db, 'calendar.importIcs', { text: sample('duration_instead_of_dtend.ics') });
    expect(duration.imported).toBe(1);
    let event = (await call(db, 'activities.list', {})).items.find(
      (a) => a.details.uid === 'dn4vrfmfn5p05roahsopg57h48@example.com',
    )!;
    expect(event.endAt! - event.startAt!).toBe(24 * HOUR);
    const dateOnly = await call(db, 'calendar.importIcs', { text: sample('only_dtstart_date.ics') });
    expect(dateOnly).toEqual({ imported: 0, updated: 1, issues: [] });
    event = await call(db, 'activities.get', { id: event.id });
    expect(event.allDay).toBe(true);
    expect(event.startAt).toBe(Date.UTC(2012, 5, 30));
    expect(event.endAt).toBe(Date.UTC(2012, 6, 1));
    expect((await call(db, 'activities.list', {})).items).toHaveLength(3);
  });

  it('imports the good events of a file with broken lines and reports the bad ones', async () => {
    const db = tempDb();
    const text = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:good-1',
      'DTSTART:20260302T090000Z',
      'DTEND:20260302T100000Z',
      'SUMMARY:Good one',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:broken-1',
      'DTSTART:20260303T090000Z',
      'this line is garbage',
      'SUMMARY:Broken one',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:nostart',
      'SUMMARY:No start',
      'END:VEVENT',
      'BEGIN:VEVENT',
      'UID:good-2',
      'DTSTART;VALUE=DATE:20260305',
      'SUMMARY:Good two',
      'RRULE:FREQ=NEVER',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const result = await call(db, 'calendar.importIcs', { text }, 'es');
    expect(result.imported).toBe(2);
    expect(result.issues.map((i) => [i.uid, i.line])).toEqual([
      ['broken-1', 12],
      ['nostart', 15],
      ['good-2', 19],
    ]);
    expect(result.issues[0]!.message).toMatch(/^Evento omitido/);
    expect(result.issues[1]!.message).toBe('Evento omitido: no tiene inicio (DTSTART).');
    expect(result.issues[2]!.message).toMatch(/sin su regla de repetición/);
    const titles = (await call(db, 'activities.list', {})).items.map((a) => a.subject).sort();
    expect(titles).toEqual(['Good one', 'Good two']);
  });

  it('refuses a file that is not a calendar, with nothing written', async () => {
    const db = tempDb();
    await expectNothingWritten(db, ['activities'], async () => {
      const error = await refuse(db, 'calendar.importIcs', { text: 'name,email\nAna,ana@example.com' }, 'es');
      expect(error.message).toMatch(/No es un archivo iCalendar/);
      const empty = await refuse(db, 'calendar.importIcs', { text: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR' });
      expect(empty.message).toBe('The file has no calendar events.');
    });
  });
});

describe('iCalendar export', () => {
  it('writes RFC 5545 with the rules kept, and reads back the same', async () => {
    const db = tempDb();
    const start = Date.UTC(2026, 2, 2, 9);
    const meeting = await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Weekly, with commas; and semicolons',
      startAt: start,
      endAt: start + HOUR,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=MO;COUNT=5', location: 'Sala 1', reminders: [10] },
    });
    const task = await call(db, 'activities.create', { type: 'task', subject: 'Due', dueAt: start + 5 * HOUR });
    await call(db, 'activities.create', { type: 'note', subject: 'Not on a calendar' });
    const all = await call(db, 'calendar.exportIcs', {});
    expect(all.count).toBe(2);
    expect(all.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(all.ics).toContain('RRULE:FREQ=WEEKLY;COUNT=5;BYDAY=MO');
    expect(all.ics).toContain('DTSTART:20260302T090000Z');
    expect(all.ics).toContain('BEGIN:VTODO');
    expect(all.ics).toContain('SUMMARY:Weekly\\, with commas\\; and semicolons');
    const one = await call(db, 'calendar.exportIcs', { ids: [meeting.id] });
    expect(one.count).toBe(1);

    const other = tempDb();
    const back = await call(other, 'calendar.importIcs', { text: all.ics });
    expect(back).toMatchObject({ imported: 2, issues: [] });
    const items = (await call(other, 'activities.list', {})).items;
    const m = items.find((a) => a.type === 'meeting')!;
    expect(m).toMatchObject({ subject: meeting.subject, startAt: start, endAt: start + HOUR });
    expect(m.details).toMatchObject({
      recurrence: 'FREQ=WEEKLY;COUNT=5;BYDAY=MO',
      location: 'Sala 1',
      reminders: [10],
    });
    expect(items.find((a) => a.type === 'task')).toMatchObject({ subject: 'Due', dueAt: task.dueAt });
  });
});
