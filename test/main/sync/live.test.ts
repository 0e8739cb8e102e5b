import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { stopSync, syncController } from '../../../src/main/sync/controller';
import { call } from '../accounts/api';
import { tempDb } from '../db/temp-db';
import { startTestServer, type TestServer } from './harness';

let srv: TestServer;
const opened: CrmDb[] = [];
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterEach(() => {
  for (const db of opened.splice(0)) stopSync(db);
});
afterAll(async () => {
  await srv?.stop();
});

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

describe('live updates from the sync server', () => {
  it("another device's edit arrives within moments, long before the next interval round", async () => {
    const a = tempDb();
    const b = tempDb();
    opened.push(a, b);
    // Interval rounds an hour apart: only the live stream can bring the edit in time.
    syncController(a, { intervalMs: 3_600_000, debounceMs: 100 });
    syncController(b, { intervalMs: 3_600_000, debounceMs: 100, liveRetryMs: 200 });
    await call(a, 'sync.signUp', {
      server: srv.server.url,
      email: 'live@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    await call(b, 'sync.signIn', { server: srv.server.url, email: 'live@example.com', password: 'long enough pw' });
    await call(b, 'sync.runNow', {});

    mutate(a, { table: 'contacts', op: 'insert', id: 'live-1', values: { firstName: 'Lola' } });
    expect(await until(() => readRow(b, 'contacts', 'live-1')?.firstName === 'Lola', 10_000)).toBe(true);

    mutate(a, { table: 'contacts', op: 'update', id: 'live-1', values: { jobTitle: 'CEO' } });
    expect(await until(() => readRow(b, 'contacts', 'live-1')?.jobTitle === 'CEO', 10_000)).toBe(true);
  }, 60_000);
});
