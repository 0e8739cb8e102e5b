import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import { fromWall } from '../../../src/main/services/zoned-time';
import { manualClock, tempDb } from '../db/temp-db';
import { call } from '../accounts/api';

const MADRID = 'Europe/Madrid';
/** A wall-clock time in Madrid in 2026 (CET, UTC+1, until 29 March; CEST, UTC+2, after). */
const madrid = (month: number, day: number, hour = 9) => fromWall(Date.UTC(2026, month, day, hour), MADRID);

type Db = ReturnType<typeof tempDb>;
const CLOCK = Date.UTC(2026, 2, 10);

/** A weekly to-do from another calendar, due on Mondays at 10:00 in Madrid from 16 March 2026. */
const PEDIDOS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Other//EN',
  'BEGIN:VTODO',
  'UID:pedidos@example.com',
  'SUMMARY:Revisar pedidos',
  'DUE;TZID=Europe/Madrid:20260316T100000',
  'RRULE:FREQ=WEEKLY',
  'END:VTODO',
  'END:VCALENDAR',
  '',
].join('\r\n');

interface Todo {
  uid: string;
  recurrenceId: string | null;
  rule: boolean;
  status: string;
  summary: string;
}

function todosOf(ics: string): Todo[] {
  const cal = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return cal.getAllSubcomponents('vtodo').map((c) => ({
    uid: String(c.getFirstPropertyValue('uid')),
    recurrenceId: c.hasProperty('recurrence-id') ? String(c.getFirstProperty('recurrence-id')!.toICALString()) : null,
    rule: c.hasProperty('rrule'),
    status: String(c.getFirstPropertyValue('status')),
    summary: String(c.getFirstPropertyValue('summary')),
  }));
}

/**
 * RFC 5545 (3.8.4.7, 3.8.4.4): one UID names one series (one component without RECURRENCE-ID)
 * and its overrides, each for a different RECURRENCE-ID that the file also carries the series of.
 */
function expectValidUids(todos: Todo[]) {
  const masters = todos.filter((t) => t.recurrenceId == null).map((t) => t.uid);
  expect(new Set(masters).size).toBe(masters.length);
  const overrides = todos.filter((t) => t.recurrenceId != null).map((t) => `${t.uid} ${t.recurrenceId}`);
  expect(new Set(overrides).size).toBe(overrides.length);
  for (const t of todos.filter((o) => o.recurrenceId != null)) expect(masters).toContain(t.uid);
}

async function completeTimes(db: Db, id: string, times: number): Promise<string> {
  let current = id;
  for (let i = 0; i < times; i++) current = (await call(db, 'activities.complete', { id: current })).next!.id;
  return current;
}

async function tasks(db: Db) {
  const { items } = await call(db, 'activities.list', { types: ['task'], limit: 100 });
  return items
    .map((t) => [t.subject, t.dueAt, t.doneAt != null] as const)
    .sort((a, b) => a[0].localeCompare(b[0]) || a[1]! - b[1]!);
}

/**
 * Two weekly tasks, each completed three times: one made here (with a later occurrence moved to
 * another day), one imported from another calendar under its own UID.
 */
async function book() {
  const db = tempDb({ now: manualClock(CLOCK).now });
  const informe = await call(db, 'activities.create', {
    type: 'task',
    subject: 'Informe',
    dueAt: madrid(2, 17),
    details: { kind: 'task', recurrence: 'FREQ=WEEKLY', timeZone: MADRID },
  });
  await call(db, 'calendar.moveOccurrence', { id: informe.id, occurrence: madrid(3, 14), startAt: madrid(3, 15) });
  const informeSeries = await completeTimes(db, informe.id, 3);
  expect(await call(db, 'calendar.importIcs', { text: PEDIDOS })).toMatchObject({ imported: 1, issues: [] });
  const pedidos = (await call(db, 'activities.list', { types: ['task'], openOnly: true })).items.find(
    (t) => t.subject === 'Revisar pedidos',
  )!;
  const pedidosSeries = await completeTimes(db, pedidos.id, 3);
  return { db, informeSeries, pedidosSeries };
}

describe('the .ics export of repeating tasks completed several times', () => {
  it('gives every done occurrence a UID of its own, and reads back without duplicates', async () => {
    const { db, informeSeries, pedidosSeries } = await book();
    const { ics, count } = await call(db, 'calendar.exportIcs', {});
    expect(count).toBe(9);
    const todos = todosOf(ics);
    expectValidUids(todos);
    // The imported series keeps its UID, on the one to-do that repeats; what was done goes out
    // completed, as to-dos of their own that repeat nothing.
    const pedidos = todos.filter((t) => t.summary === 'Revisar pedidos');
    expect(pedidos.filter((t) => t.uid === 'pedidos@example.com')).toEqual([
      expect.objectContaining({ rule: true, status: 'NEEDS-ACTION', recurrenceId: null }),
    ]);
    for (const list of [pedidos, todos.filter((t) => t.summary === 'Informe')]) {
      const done = list.filter((t) => t.status === 'COMPLETED');
      expect(done).toHaveLength(3);
      expect(done.every((t) => !t.rule && t.recurrenceId == null)).toBe(true);
    }
    expect(todos.filter((t) => t.recurrenceId != null)).toEqual([
      expect.objectContaining({ uid: `${informeSeries}@crm.local`, status: 'NEEDS-ACTION' }),
    ]);
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Madrid:20260414T090000');

    const before = await tasks(db);
    expect(before.filter(([, , done]) => done)).toHaveLength(6);

    // A fresh book gets the same tasks, done or not; importing the file again changes nothing.
    const other = tempDb({ now: manualClock(CLOCK).now });
    expect(await call(other, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 9, updated: 0 });
    expect(await tasks(other)).toEqual(before);
    expect(await call(other, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 0, updated: 9 });
    expect(await tasks(other)).toEqual(before);
    // Exported from there, the same UIDs go out.
    const again = todosOf((await call(other, 'calendar.exportIcs', {})).ics);
    const ids = (list: Todo[]) => list.map((t) => `${t.uid} ${t.recurrenceId}`).sort();
    expect(ids(again)).toEqual(ids(todos));

    // Into the book it came from: every to-do finds its task.
    expect(await call(db, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 0, updated: 9, issues: [] });
    expect(await tasks(db)).toEqual(before);
    // And the series go on from the rows that carried them.
    const next = await call(db, 'activities.complete', { id: pedidosSeries });
    expect(next.next?.dueAt).toBe(madrid(3, 13, 10));
    expect((await call(db, 'activities.get', { id: informeSeries })).details.overrides).toEqual([madrid(3, 14)]);
  });

  it('keeps the UIDs apart for done rows that still carry their series UID', async () => {
    const { db, pedidosSeries } = await book();
    // Rows completed by earlier versions kept the series' UID.
    const done = (await call(db, 'activities.list', { types: ['task'] })).items.filter(
      (t) => t.subject === 'Revisar pedidos' && t.doneAt != null,
    );
    for (const t of done)
      mutate(db, {
        table: 'activities',
        op: 'update',
        id: t.id,
        values: { details: { ...t.details, uid: 'pedidos@example.com' } },
      });
    const { ics } = await call(db, 'calendar.exportIcs', {});
    const todos = todosOf(ics);
    expectValidUids(todos);
    expect(todos.filter((t) => t.uid === 'pedidos@example.com')).toEqual([expect.objectContaining({ rule: true })]);
    // Exporting one done row alone does not send it as the series.
    const one = todosOf((await call(db, 'calendar.exportIcs', { ids: [done[0]!.id] })).ics);
    expect(one).toEqual([expect.objectContaining({ uid: `${done[0]!.id}@crm.local`, status: 'COMPLETED' })]);

    const before = await tasks(db);
    expect(await call(db, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 0, updated: 9 });
    expect(await tasks(db)).toEqual(before);
    // The other calendar's file updates the series, not a done row.
    expect(await call(db, 'calendar.importIcs', { text: PEDIDOS })).toMatchObject({ imported: 0, updated: 1 });
    expect((await call(db, 'activities.get', { id: pedidosSeries })).dueAt).toBe(madrid(2, 16, 10));
    const stillDone = await Promise.all(done.map((t) => call(db, 'activities.get', { id: t.id })));
    expect(stillDone.map((t) => [t.dueAt, t.doneAt != null])).toEqual(done.map((t) => [t.dueAt, true]));
  });
});

describe("reading a book's own .ics export back into it", () => {
  it('updates the meetings, calls and tasks made here instead of copying them', async () => {
    const db = tempDb({ now: manualClock(CLOCK).now });
    const start = madrid(2, 18, 12);
    await call(db, 'activities.create', {
      type: 'meeting',
      subject: 'Comité',
      startAt: start,
      endAt: start + 3_600_000,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY', timeZone: MADRID, location: 'Sala 2' },
    });
    const phone = await call(db, 'activities.create', {
      type: 'call',
      subject: 'Llamada',
      startAt: start + 7_200_000,
      details: { kind: 'call', direction: 'outbound', durationSeconds: 300 },
    });
    await call(db, 'activities.create', { type: 'task', subject: 'Enviar', dueAt: start });
    const { ics } = await call(db, 'calendar.exportIcs', {});
    const count = async () => (await call(db, 'activities.list', {})).items.map((a) => [a.type, a.subject]).sort();
    const before = await count();
    expect(await call(db, 'calendar.importIcs', { text: ics })).toMatchObject({ imported: 0, updated: 3, issues: [] });
    expect(await count()).toEqual(before);
    // The call is still a call, with what it had.
    expect(await call(db, 'activities.get', { id: phone.id })).toMatchObject({
      type: 'call',
      startAt: start + 7_200_000,
      details: { direction: 'outbound', durationSeconds: 300 },
    });
  });
});
