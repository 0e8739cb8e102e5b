import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { startBackgroundWork } from '../../../src/main/services/background';
import { listBackups } from '../../../src/main/services/backup';
import { createContact } from '../../../src/main/services/contacts';
import { tempDb } from '../db/temp-db';

const daily = (db: CrmDb) => listBackups(db).filter((b) => b.reason === 'daily');

/** Waits on real events (the backup runs in a worker thread) while the timers stay faked. */
async function settle(ms: number, done: () => boolean = () => false): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await new Promise((r) => setImmediate(r));
}

describe('background work while the workspace is open', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("makes the day's backup a minute after opening, once, and stops with the workspace", async () => {
    const db = tempDb();
    createContact(db, { firstName: 'Lola' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const stop = startBackgroundWork(db, { locale: 'en' });

    // Opening the book is never slowed down by the backup: nothing in the first minute.
    vi.advanceTimersByTime(30_000);
    await settle(300);
    expect(daily(db)).toHaveLength(0);

    vi.advanceTimersByTime(31_000);
    await settle(20_000, () => daily(db).length === 1);
    expect(daily(db)).toHaveLength(1);

    // The hourly check on the same day finds today's backup and makes no other.
    vi.advanceTimersByTime(60 * 60 * 1000);
    await settle(1_000);
    expect(daily(db)).toHaveLength(1);

    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
