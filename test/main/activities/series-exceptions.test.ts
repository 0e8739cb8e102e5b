import { describe, expect, it } from 'vitest';
import { fromWall } from '../../../src/main/services/zoned-time';
import { tempDb } from '../db/temp-db';
import { call } from '../accounts/api';

const HOUR = 3_600_000;
const MADRID = 'Europe/Madrid';
/** A wall-clock time in Madrid in 2026 (CEST, UTC+2, from 29 March). */
const madrid = (month: number, day: number, hour = 9) => fromWall(Date.UTC(2026, month, day, hour), MADRID);

type Db = ReturnType<typeof tempDb>;

async function shown(db: Db) {
  const { events } = await call(db, 'calendar.range', { from: Date.UTC(2026, 3, 6), to: Date.UTC(2026, 4, 1) });
  return events.map((e) => [e.title, e.start]);
}

/**
 * The committee on Tuesdays at 09:00 from 7 April 2026: the 14th deleted (EXDATE), the 21st
 * moved to Wednesday 22nd at 10:00.
 */
async function committee(db: Db) {
  const series = await call(db, 'activities.create', {
    type: 'meeting',
    subject: 'Comité',
    startAt: madrid(3, 7),
    endAt: madrid(3, 7) + HOUR,
    details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=TU', timeZone: MADRID, exdates: [madrid(3, 14)] },
  });
  const moved = await call(db, 'calendar.moveOccurrence', {
    id: series.id,
    occurrence: madrid(3, 21),
    startAt: madrid(3, 22, 10),
  });
  return { series, moved };
}

describe('the exceptions of a series whose rule or time changes', () => {
  it('follow the whole series when it is moved an hour later', async () => {
    const db = tempDb();
    const { series, moved } = await committee(db);
    await call(db, 'activities.update', { id: series.id, startAt: madrid(3, 7, 10), endAt: madrid(3, 7, 11) });
    // The deleted 14th stays deleted and the moved 21st stays moved, at the series' new hour.
    expect(await shown(db)).toEqual([
      ['Comité', madrid(3, 7, 10)],
      ['Comité', madrid(3, 22, 10)],
      ['Comité', madrid(3, 28, 10)],
    ]);
    const after = await call(db, 'activities.get', { id: series.id });
    expect(after.details).toMatchObject({ exdates: [madrid(3, 14, 10)], overrides: [madrid(3, 21, 10)] });
    expect((await call(db, 'activities.get', { id: moved.id })).details.recurrenceId).toBe(madrid(3, 21, 10));
    const { ics } = await call(db, 'calendar.exportIcs', {});
    expect(ics).toContain('EXDATE;TZID=Europe/Madrid:20260414T100000');
    expect(ics).toContain('RECURRENCE-ID;TZID=Europe/Madrid:20260421T100000');
  });

  it('keep the exceptions the new rule still has, and drop those it has not', async () => {
    const db = tempDb();
    const { series, moved } = await committee(db);
    // Tuesdays and Thursdays: the deleted and the moved Tuesdays are still occurrences.
    await call(db, 'activities.update', {
      id: series.id,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=TU,TH' },
    });
    let now = await call(db, 'activities.get', { id: series.id });
    expect(now.details).toMatchObject({ exdates: [madrid(3, 14)], overrides: [madrid(3, 21)] });

    // Mondays: neither is an occurrence any more; the moved meeting stays where it was put, on its own.
    await call(db, 'activities.update', {
      id: series.id,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=MO' },
    });
    now = await call(db, 'activities.get', { id: series.id });
    expect(now.details).toMatchObject({ exdates: [], overrides: [] });
    const alone = await call(db, 'activities.get', { id: moved.id });
    expect(alone.startAt).toBe(madrid(3, 22, 10));
    expect(alone.details.seriesId).toBeUndefined();
    expect(alone.details.recurrenceId).toBeUndefined();
    const { ics } = await call(db, 'calendar.exportIcs', {});
    expect(ics).not.toContain('RECURRENCE-ID');
    expect(ics).not.toContain('EXDATE');

    // Back to Tuesdays: the Tuesday deleted under the first rule is not silently deleted again.
    await call(db, 'activities.update', {
      id: series.id,
      details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=TU' },
    });
    expect(await shown(db)).toEqual([
      ['Comité', madrid(3, 7)],
      ['Comité', madrid(3, 14)],
      ['Comité', madrid(3, 21)],
      ['Comité', madrid(3, 22, 10)],
      ['Comité', madrid(3, 28)],
    ]);
  });

  it('are dropped with the rule when the meeting stops repeating', async () => {
    const db = tempDb();
    const { series, moved } = await committee(db);
    await call(db, 'activities.update', { id: series.id, details: { kind: 'meeting', recurrence: null } });
    const after = await call(db, 'activities.get', { id: series.id });
    expect(after.details.exdates).toEqual([]);
    expect((await call(db, 'activities.get', { id: moved.id })).details.seriesId).toBeUndefined();
  });
});
