import { describe, expect, it } from 'vitest';
import { fromWall, toWall } from '../../../src/main/services/zoned-time';
import { manualClock, tempDb } from '../db/temp-db';
import { call } from '../accounts/api';

const MADRID = 'Europe/Madrid';
/** A wall-clock time in Madrid in 2026 (CET, UTC+1, until 29 March; CEST, UTC+2, after). */
const madrid = (month: number, day: number, hour = 9) => fromWall(Date.UTC(2026, month, day, hour), MADRID);
/** The weekday (0 = Sunday) and hour a time shows on a Madrid clock. */
const onMadridClock = (ms: number) => {
  const wall = new Date(toWall(ms, MADRID));
  return { weekday: wall.getUTCDay(), hour: wall.getUTCHours() };
};
const THURSDAY = 4;

type Db = ReturnType<typeof tempDb>;

/**
 * A weekly task due on Tuesdays at 09:00 (Madrid) from 17 March 2026, completed once: the row that
 * carries the series on is due on Tuesday 24 March and counts its occurrences from the 17th.
 */
async function completedOnce(db: Db) {
  const first = await call(db, 'activities.create', {
    type: 'task',
    subject: 'Llamar a proveedores',
    dueAt: madrid(2, 17),
    details: { kind: 'task', recurrence: 'FREQ=WEEKLY', timeZone: MADRID },
  });
  const { next } = await call(db, 'activities.complete', { id: first.id });
  expect(next).toMatchObject({ dueAt: madrid(2, 24) });
  return next!;
}

async function shown(db: Db) {
  const { events } = await call(db, 'calendar.range', {
    from: Date.UTC(2026, 2, 23),
    to: Date.UTC(2026, 3, 13),
    types: ['task'],
  });
  return events.filter((e) => !e.done).map((e) => e.start);
}

describe('a repeating task moved as a whole series after it has been completed', () => {
  it('goes on on the day it was dragged to in the calendar', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await completedOnce(db);
    // The calendar's "whole series" drag: the row's due time moves by two days.
    await call(db, 'activities.update', { id: series.id, dueAt: madrid(2, 26), allDay: false });
    expect(await shown(db)).toEqual([madrid(2, 26), madrid(3, 2), madrid(3, 9)]);
    const { next } = await call(db, 'activities.complete', { id: series.id });
    // Thursday 2 April at 09:00 (across the change to summer time), as the calendar showed.
    expect(next?.dueAt).toBe(madrid(3, 2));
    expect(onMadridClock(next!.dueAt!)).toEqual({ weekday: THURSDAY, hour: 9 });
    expect(await shown(db)).toEqual([madrid(3, 2), madrid(3, 9)]);
    // And on again from there.
    const { next: after } = await call(db, 'activities.complete', { id: next!.id });
    expect(after?.dueAt).toBe(madrid(3, 9));
  });

  it('keeps the new time of day when dragged to another hour', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await completedOnce(db);
    await call(db, 'activities.update', { id: series.id, dueAt: madrid(2, 26, 11) });
    const { next } = await call(db, 'activities.complete', { id: series.id });
    expect(next?.dueAt).toBe(madrid(3, 2, 11));
    expect(onMadridClock(next!.dueAt!)).toEqual({ weekday: THURSDAY, hour: 11 });
  });

  it('goes on on the day it was snoozed to from the tasks inbox', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const series = await completedOnce(db);
    await call(db, 'activities.snooze', { id: series.id, until: madrid(2, 26) });
    const { next } = await call(db, 'activities.complete', { id: series.id });
    expect(next?.dueAt).toBe(madrid(3, 2));
    expect(onMadridClock(next!.dueAt!)).toEqual({ weekday: THURSDAY, hour: 9 });
  });

  it('still counts a limited series from its first occurrence', async () => {
    const db = tempDb({ now: manualClock(Date.UTC(2026, 2, 10)).now });
    const first = await call(db, 'activities.create', {
      type: 'task',
      subject: 'Three times',
      dueAt: madrid(2, 17),
      details: { kind: 'task', recurrence: 'FREQ=WEEKLY;COUNT=3', timeZone: MADRID },
    });
    const { next: second } = await call(db, 'activities.complete', { id: first.id });
    await call(db, 'activities.snooze', { id: second!.id, until: madrid(2, 26) });
    const { next: third } = await call(db, 'activities.complete', { id: second!.id });
    expect(third?.dueAt).toBe(madrid(3, 2));
    // Three occurrences in all: completing the third makes no fourth.
    expect((await call(db, 'activities.complete', { id: third!.id })).next).toBeNull();
  });
});
