import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { offsetClock } from '../../../src/main/cli/offset-clock';
import { call } from '../accounts/api';
import { manualClock, tempDb, tempDir } from '../db/temp-db';

const HOUR = 3_600_000;
/** Longer than the clock trusts one look at its file. */
const LATER = 100;

describe('the clock offset file of crm serve', () => {
  it('adds the milliseconds written in the file to the wall clock; no file or an empty one adds nothing', () => {
    const file = join(tempDir(), 'offset');
    const wall = manualClock(1_000_000, 0);
    const clock = offsetClock(file, { wall: wall.now });
    expect(clock()).toBe(1_000_000);

    writeFileSync(file, `${2 * HOUR}\n`);
    wall.set(1_000_000 + LATER);
    expect(clock()).toBe(1_000_000 + LATER + 2 * HOUR);

    writeFileSync(file, '');
    wall.set(1_000_000 + 2 * LATER);
    expect(clock()).toBe(1_000_000 + 2 * LATER);

    writeFileSync(file, '-5000');
    wall.set(1_000_000 + 3 * LATER);
    expect(clock()).toBe(1_000_000 + 3 * LATER - 5000);

    rmSync(file);
    wall.set(1_000_000 + 4 * LATER);
    expect(clock()).toBe(1_000_000 + 4 * LATER);
  });

  it('keeps the previous offset and says so when the file holds something else than a whole number', () => {
    const file = join(tempDir(), 'offset');
    const wall = manualClock(1_000_000, 0);
    const complaints: string[] = [];
    writeFileSync(file, String(HOUR));
    const clock = offsetClock(file, { wall: wall.now, onInvalid: (content) => complaints.push(content) });
    expect(clock()).toBe(1_000_000 + HOUR);

    writeFileSync(file, 'two hours');
    wall.set(1_000_000 + LATER);
    expect(clock()).toBe(1_000_000 + LATER + HOUR);
    expect(complaints).toEqual(['two hours']);
  });

  it('moves the time a book judges SLA targets by: the ticket breaches once the offset passes its target', async () => {
    const file = join(tempDir(), 'offset');
    const wall = manualClock(Date.UTC(2026, 2, 2, 9), 0);
    const db = tempDb({ now: offsetClock(file, { wall: wall.now }) });
    await call(db, 'slaPolicies.save', {
      name: 'Fast',
      isDefault: true,
      targets: { normal: { firstResponseMinutes: 60, resolutionMinutes: 240 } },
    });
    const { ticket } = await call(db, 'tickets.create', { subject: 'Printer on fire' });
    expect(ticket.sla).toMatchObject({ firstResponse: 'pending', breached: false });

    // The wall clock stands still: only the file moves the book's time.
    writeFileSync(file, String(61 * 60_000));
    wall.set(Date.UTC(2026, 2, 2, 9) + LATER);
    expect((await call(db, 'tickets.get', { id: ticket.id })).sla).toMatchObject({
      firstResponse: 'breached',
      breached: true,
    });
    expect((await call(db, 'tickets.list', { queue: 'breached' })).items.map((t) => t.id)).toEqual([ticket.id]);
    expect((await call(db, 'tickets.queueCounts', {})).breached).toBe(1);
  });
});
