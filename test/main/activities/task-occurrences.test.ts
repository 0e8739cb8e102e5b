import { describe, expect, it } from 'vitest';
import { fromWall } from '../../../src/main/services/zoned-time';
import { manualClock, tempDb } from '../db/temp-db';
import { call, refuse } from '../accounts/api';

const HOUR = 3_600_000;
const MADRID = 'Europe/Madrid';
/** A wall-clock time in Madrid in 2026 (CET, UTC+1, until 29 March; CEST, UTC+2, after). */
const madrid = (month: number, day: number, hour = 9) => fromWall(Date.UTC(2026, month, day, hour), MADRID);

type Db = ReturnType<typeof tempDb>;
const FROM = Date.UTC(2026, 2, 14);
const TO = Date.UTC(2026, 3, 12);

async function shown(db: Db) {
  const { events } = await call(db, 'calendar.range', { from: FROM, to: TO, types: ['task'] });
  return events.map((e) => [e.activityId, e.start]);
}

/** A weekly Monday 09:00 (Madrid) report, due first on Monday 16 March 2026, with a checklist and a contact. */
async function weeklyReport(db: Db) {
  const contact = await call(db, 'contacts.create', { firstName: 'Lola', lastName: 'Flores' });
  return call(db, 'activities.create', {
    type: 'task',
    subject: 'Informe semanal',
    dueAt: madrid(2, 16),
    details: {
      kind: 'task',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
      timeZone: MADRID,
      priority: 'high',
      checklist: [
        { text: 'Cifras', done: true },
        { text: 'Enviar', done: false },
      ],
    },
    links: [{ entityType: 'contacts', entityId: contact.id }],
  });
}

describe('one occurrence of a repeating task', () => {
  it('moves a later occurrence to another day and leaves the rest of the series where it was', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await weeklyReport(db);
    const moved = await call(db, 'calendar.moveOccurrence', {
      id: series.id,
      occurrence: madrid(2, 23),
      startAt: madrid(2, 24, 11),
    });
    expect(moved).toMatchObject({ type: 'task', subject: 'Informe semanal', dueAt: madrid(2, 24, 11), doneAt: null });
    expect(moved.details).toMatchObject({ seriesId: series.id, recurrenceId: madrid(2, 23), priority: 'high' });
    expect(moved.details.recurrence).toBeUndefined();
    // A later occurrence starts with its checklist unticked; the links come along.
    expect(moved.details.checklist).toEqual([
      { text: 'Cifras', done: false },
      { text: 'Enviar', done: false },
    ]);
    expect(moved.links).toEqual(series.links);
    expect(await shown(db)).toEqual([
      [series.id, madrid(2, 16)],
      [moved.id, madrid(2, 24, 11)],
      [series.id, madrid(2, 30)], // 09:00 CEST
      [series.id, madrid(3, 6)],
    ]);
    // Only a start of the series can be moved, and a plain task has no occurrences.
    await refuse(db, 'calendar.moveOccurrence', { id: series.id, occurrence: madrid(2, 23) + HOUR, startAt: 0 });
    const plain = await call(db, 'activities.create', { type: 'task', subject: 'Once', dueAt: madrid(2, 17) });
    const refused = await refuse(db, 'calendar.moveOccurrence', {
      id: plain.id,
      occurrence: madrid(2, 17),
      startAt: madrid(2, 18),
    });
    expect(refused.message).toBe('Only a repeating meeting or task has occurrences to move one by one.');
  });

  it('exports the moved task under the series UID with its RECURRENCE-ID, and reads it back the same', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await weeklyReport(db);
    await call(db, 'calendar.moveOccurrence', { id: series.id, occurrence: madrid(2, 23), startAt: madrid(2, 24, 11) });
    const { ics } = await call(db, 'calendar.exportIcs', {});
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Madrid:20260323T090000');
    expect(ics.match(new RegExp(`UID:${series.id}@crm.local`, 'g'))).toHaveLength(2);
    const other = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    expect(await call(other, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 2, issues: [] });
    const back = (await shown(other)).map(([, start]) => start);
    expect(back).toEqual([madrid(2, 16), madrid(2, 24, 11), madrid(2, 30), madrid(3, 6)]);
  });

  it('moves the current occurrence with its progress, and the series goes on to its next one', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await weeklyReport(db);
    const later = await call(db, 'calendar.moveOccurrence', {
      id: series.id,
      occurrence: madrid(2, 23),
      startAt: madrid(2, 24, 11),
    });
    const current = await call(db, 'calendar.moveOccurrence', {
      id: series.id,
      occurrence: madrid(2, 16),
      startAt: madrid(2, 18, 10),
    });
    // This week's task keeps what was already ticked.
    expect(current.details.checklist).toEqual([
      { text: 'Cifras', done: true },
      { text: 'Enviar', done: false },
    ]);
    // The series row is now due at its next occurrence not moved elsewhere (30 March), unticked.
    const rest = await call(db, 'activities.get', { id: series.id });
    expect(rest.dueAt).toBe(madrid(2, 30));
    expect(rest.details.checklist).toEqual([
      { text: 'Cifras', done: false },
      { text: 'Enviar', done: false },
    ]);
    expect(await shown(db)).toEqual([
      [current.id, madrid(2, 18, 10)],
      [later.id, madrid(2, 24, 11)],
      [series.id, madrid(2, 30)],
      [series.id, madrid(3, 6)],
    ]);
    // The inbox lists each once, at the time the calendar shows.
    const inbox = await call(db, 'tasks.inbox', { bucket: 'upcoming', scope: 'team', dayStart: FROM, dayEnd: FROM });
    expect(inbox.items.map((t) => [t.id, t.dueAt])).toEqual([
      [current.id, madrid(2, 18, 10)],
      [later.id, madrid(2, 24, 11)],
      [series.id, madrid(2, 30)],
    ]);
  });

  it('completes a moved occurrence on its own, and the series hands its moved occurrences on when completed', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await weeklyReport(db);
    const moved = await call(db, 'calendar.moveOccurrence', {
      id: series.id,
      occurrence: madrid(2, 23),
      startAt: madrid(2, 24, 11),
    });
    // Completing the moved task makes no new one: the series already goes on.
    const doneMoved = await call(db, 'activities.complete', { id: moved.id });
    expect(doneMoved.next).toBeNull();
    expect(doneMoved.task.details.status).toBe('done');
    // Completing this week's occurrence makes the next one: 30 March, past the moved 23 March.
    const { next } = await call(db, 'activities.complete', { id: series.id });
    expect(next?.dueAt).toBe(madrid(2, 30));
    expect(next?.details.overrides).toEqual([madrid(2, 23)]);
    // The moved occurrence now belongs to the row that carries the series on.
    expect((await call(db, 'activities.get', { id: moved.id })).details.seriesId).toBe(next!.id);
    const { ics } = await call(db, 'calendar.exportIcs', { ids: [moved.id, next!.id] });
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Madrid:20260323T090000');
  });

  it('turns the last occurrence into a plain task when it is moved', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const task = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Two weeks',
      dueAt: madrid(2, 16),
      details: { kind: 'task', recurrence: 'FREQ=WEEKLY;COUNT=1', timeZone: MADRID },
    });
    const moved = await call(db, 'calendar.moveOccurrence', {
      id: task.id,
      occurrence: madrid(2, 16),
      startAt: madrid(2, 17),
    });
    expect(moved).toMatchObject({ id: task.id, dueAt: madrid(2, 17) });
    expect(moved.details.recurrence).toBeUndefined();
  });
});
