import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import { syncRound } from '../../../src/main/sync/engine';
import type { FetchLike } from '../../../src/main/sync/http';
import { MAX_BATCH_BYTES, SYNC_PATHS } from '../../../src/shared/sync/protocol';
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

describe('a first sync of large rows', () => {
  it('arrives whole in pages of at most 1 MB, each row once', async () => {
    const a = tempDb();
    const b = tempDb();
    await signUp(a, srv.server.url, 'large@example.com');
    // 600 contacts with 3 KB (multi-byte) bios: 2,000 of them would be one 6 MB page.
    const bio = (i: number) => `${i} ${'ñ€'.repeat(600)}`;
    mutate(
      a,
      Array.from({ length: 600 }, (_, i) => ({
        table: 'contacts' as const,
        op: 'insert' as const,
        id: `c${i}`,
        values: { firstName: `Name ${i}`, custom: { bio: bio(i) } },
      })),
    );
    expect((await syncRound(a)).pending).toBe(0);

    const pages: number[] = [];
    const fetchFn: FetchLike = async (url, init) => {
      const res = await fetch(url, init);
      if (!url.includes(SYNC_PATHS.bootstrap)) return res;
      const body = await res.arrayBuffer();
      pages.push(body.byteLength);
      return new Response(body, { status: res.status, headers: res.headers });
    };
    await signIn(b, srv.server.url, 'large@example.com');
    const first = await syncRound(b, { fetch: fetchFn });
    expect(first.snapshot).toBe(true);
    expect(countRows(b, 'contacts')).toBe(600);
    for (const i of [0, 299, 599]) expect(readRow(b, 'contacts', `c${i}`)).toEqual(readRow(a, 'contacts', `c${i}`));
    expect(pages.length).toBeGreaterThan(2);
    for (const bytes of pages) expect(bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
  }, 60_000);
});

describe('a server restored from a backup (new epoch)', () => {
  it('makes devices take a fresh snapshot and push their own writes again', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { startSyncServer } = await import('../../../src/server/index');
    const dir = mkdtempSync(join(tmpdir(), 'crm-epoch-'));
    const options = {
      dataDir: dir,
      logLevel: 'silent' as const,
      jwtSecret: 'epoch-secret-epoch-secret-epoch-secret-0',
    };
    let server = await startSyncServer(options);
    try {
      const a = tempDb();
      await signUp(a, server.url, 'epoch@example.com');
      mutate(a, { table: 'contacts', op: 'insert', id: 'e1', values: { firstName: 'Before' } });
      await syncRound(a);
      const port = server.port;
      await server.close();
      server = await startSyncServer({ ...options, port, newEpoch: true });
      // Pretend the restored server lost A's writes: A must send them again.
      await server.db.query('DELETE FROM field_state');
      await server.db.query('DELETE FROM row_state');
      mutate(a, { table: 'contacts', op: 'update', id: 'e1', values: { jobTitle: 'After' } });
      const round = await syncRound(a);
      expect(round.snapshot).toBe(true);
      await syncRound(a); // pushes what the restore lost
      const b = tempDb();
      await signIn(b, server.url, 'epoch@example.com');
      await syncRound(b);
      expect(readRow(b, 'contacts', 'e1')).toMatchObject({ firstName: 'Before', jobTitle: 'After' });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
