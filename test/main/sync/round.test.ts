import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import { syncRound } from '../../../src/main/sync/engine';
import { countRows, tempDb } from '../db/temp-db';
import { signIn, signUp, startTestServer, type TestServer } from './harness';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.stop();
});

describe('sync round against the server', () => {
  it('brings a new device up to date by snapshot, then exchanges edits both ways', async () => {
    const a = tempDb();
    const b = tempDb();
    await signUp(a, srv.server.url, 'round@example.com');
    mutate(a, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana', custom: { size: 'S' } } });
    mutate(a, { table: 'companies', op: 'insert', id: 'k1', values: { name: 'Acme' } });
    const first = await syncRound(a);
    expect(first.pending).toBe(0);
    expect(countRows(a, 'sync_outbox')).toBe(0);

    await signIn(b, srv.server.url, 'round@example.com');
    const snap = await syncRound(b);
    expect(snap.snapshot).toBe(true);
    expect(readRow(b, 'contacts', 'c1')).toEqual(readRow(a, 'contacts', 'c1'));

    mutate(a, { table: 'contacts', op: 'update', id: 'c1', values: { jobTitle: 'CEO', custom: { size: 'M' } } });
    mutate(b, {
      table: 'contacts',
      op: 'update',
      id: 'c1',
      values: { department: 'Sales', custom: { size: 'S', tier: 'gold' } },
    });
    await syncRound(a);
    await syncRound(b);
    await syncRound(a);
    const ra = readRow(a, 'contacts', 'c1');
    expect(ra).toEqual(readRow(b, 'contacts', 'c1'));
    expect(ra).toMatchObject({ jobTitle: 'CEO', department: 'Sales', custom: { size: 'M', tier: 'gold' } });
  }, 60_000);
});
