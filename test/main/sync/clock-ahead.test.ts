import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import { stopSync, syncController } from '../../../src/main/sync/controller';
import { syncRound } from '../../../src/main/sync/engine';
import { SyncRemoteError } from '../../../src/main/sync/http';
import { toCrmError } from '../../../src/main/sync/service';
import { CrmError } from '../../../src/main/errors';
import { decodeHlc } from '../../../src/shared/sync/hlc';
import { MAX_CLOCK_SKEW_MS } from '../../../src/shared/sync/protocol';
import { countRows, tempDb } from '../db/temp-db';
import { signIn, signUp, startTestServer, type TestServer } from './harness';

const YEAR = 365 * 24 * 60 * 60 * 1000;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.stop();
});

/** How many times the server logged a winning write of this cell. */
async function logged(rowId: string, field: string): Promise<number> {
  const rows = await srv.server.db.query<{ n: string }>(
    'SELECT count(*) AS n FROM change_log WHERE row_id = $1 AND field = $2',
    [rowId, field],
  );
  return Number(rows[0]!.n);
}

async function serverHolds(rowId: string): Promise<boolean> {
  const rows = await srv.server.db.query('SELECT 1 FROM field_state WHERE row_id = $1 LIMIT 1', [rowId]);
  return rows.length > 0;
}

function clocksOf(db: ReturnType<typeof tempDb>, table: string, rowId: string): Record<string, string> {
  const text = db.sqlite
    .prepare('SELECT clocks FROM sync_cell_clock WHERE table_name = ? AND row_id = ?')
    .pluck()
    .get(table, rowId) as string;
  return JSON.parse(text) as Record<string, string>;
}

/** Lets the wall clock pass a stamp, so an edit made next is later in real time too. */
async function passStamp(hlc: string): Promise<void> {
  const millis = decodeHlc(hlc).millis;
  while (Date.now() <= millis) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('a device whose clock ran a year ahead', () => {
  it('is refused while ahead, then after the clock is fixed sends its offline edits once, as made now', async () => {
    let ahead = 0;
    const a = tempDb({ now: () => Date.now() + ahead });
    const b = tempDb();
    await signUp(a, srv.server.url, 'ahead@example.com');
    mutate(a, { table: 'contacts', op: 'insert', id: 'ah-1', values: { firstName: 'Ana', jobTitle: 'Intern' } });
    mutate(a, { table: 'contacts', op: 'insert', id: 'ah-3', values: { firstName: 'Carla' } });
    await syncRound(a);
    await signIn(b, srv.server.url, 'ahead@example.com');
    await syncRound(b);
    const firstNode = a.nodeId;

    // Offline on A: one edit while its clock is still right, then the date jumps a year on.
    mutate(a, { table: 'contacts', op: 'update', id: 'ah-1', values: { birthday: '1990-01-01' } });
    const birthdayStamp = clocksOf(a, 'contacts', 'ah-1').birthday!;
    ahead = YEAR;
    mutate(a, { table: 'contacts', op: 'update', id: 'ah-1', values: { jobTitle: 'CTO', custom: { size: 'L' } } });
    mutate(a, { table: 'contacts', op: 'insert', id: 'ah-2', values: { firstName: 'Bea' } });
    mutate(a, { table: 'contacts', op: 'delete', id: 'ah-3' });
    mutate(a, { table: 'contacts', op: 'update', id: 'ah-3', values: { leadSource: 'fair' } });
    // Meanwhile B (right clock) edits another field of the same contact, and the birthday after A did.
    await passStamp(birthdayStamp);
    mutate(b, { table: 'contacts', op: 'update', id: 'ah-1', values: { department: 'Sales', birthday: '1991-02-02' } });
    await syncRound(b);

    // Refused, and nothing of it stored on the server.
    const pendingBefore = countRows(a, 'sync_outbox');
    await expect(syncRound(a)).rejects.toMatchObject({ code: 'clock_skew' });
    expect(await serverHolds('ah-2')).toBe(false);
    expect(await logged('ah-1', 'job_title')).toBe(1); // the insert only
    expect(countRows(a, 'sync_outbox')).toBe(pendingBefore);
    expect(a.nodeId).toBe(firstNode);

    // The clock is fixed: the next round re-stamps and sends everything.
    ahead = 0;
    const round = await syncRound(a);
    expect(round.pending).toBe(0);
    expect(a.nodeId).not.toBe(firstNode);
    expect(decodeHlc(a.clock.current()).millis).toBeLessThanOrEqual(Date.now() + MAX_CLOCK_SKEW_MS);
    // The edit made while the clock was right kept its stamp (and the node id of then): it was
    // sent, and lost to B's later edit of the birthday, which A now holds too.
    expect(decodeHlc(clocksOf(a, 'contacts', 'ah-1').birthday!).node).toBe(b.nodeId);
    expect(
      a.sqlite.prepare("SELECT loser FROM sync_conflicts WHERE row_id = 'ah-1' AND field = 'birthday'").pluck().get(),
    ).toContain(birthdayStamp);
    // Exactly once on the server.
    expect(await logged('ah-1', 'job_title')).toBe(2);
    expect(await logged('ah-2', 'first_name')).toBe(1);
    expect(await logged('ah-3', 'lead_source')).toBe(2); // the insert and the edit
    expect(await logged('ah-1', 'birthday')).toBe(2); // the insert and B's: A's earlier one lost
    expect((await syncRound(a)).pushed).toBe(0);

    await syncRound(b);
    expect(readRow(b, 'contacts', 'ah-1')).toMatchObject({
      jobTitle: 'CTO',
      department: 'Sales',
      birthday: '1991-02-02',
      custom: { size: 'L' },
    });
    expect(readRow(b, 'contacts', 'ah-2')).toMatchObject({ firstName: 'Bea' });
    expect(readRow(b, 'contacts', 'ah-3')).toMatchObject({ deleted: true, leadSource: 'fair' });
    // The edit made after the delete is still after it.
    const c3 = clocksOf(b, 'contacts', 'ah-3');
    expect(c3.lead_source! > c3.deleted!).toBe(true);
    // No stamp from the year ahead reached B.
    for (const hlc of Object.values(clocksOf(b, 'contacts', 'ah-1')))
      expect(decodeHlc(hlc).millis).toBeLessThanOrEqual(Date.now() + MAX_CLOCK_SKEW_MS);

    // A later edit of the same field on B wins over the re-stamped one, everywhere.
    await passStamp(clocksOf(a, 'contacts', 'ah-1').job_title!);
    mutate(b, { table: 'contacts', op: 'update', id: 'ah-1', values: { jobTitle: 'CEO' } });
    await syncRound(b);
    await syncRound(a);
    expect(readRow(a, 'contacts', 'ah-1')).toMatchObject({
      jobTitle: 'CEO',
      department: 'Sales',
      birthday: '1991-02-02',
    });
    expect(readRow(a, 'contacts', 'ah-1')).toEqual(readRow(b, 'contacts', 'ah-1'));
    expect(readRow(a, 'contacts', 'ah-2')).toEqual(readRow(b, 'contacts', 'ah-2'));
    expect(readRow(a, 'contacts', 'ah-3')).toEqual(readRow(b, 'contacts', 'ah-3'));

    // A's next edits carry the new node id and are accepted straight away.
    mutate(a, { table: 'contacts', op: 'update', id: 'ah-2', values: { jobTitle: 'Buyer' } });
    expect((await syncRound(a)).pending).toBe(0);
    expect(decodeHlc(clocksOf(a, 'contacts', 'ah-2').job_title!).node).toBe(a.nodeId);
    await syncRound(b);
    expect(readRow(b, 'contacts', 'ah-2')).toMatchObject({ jobTitle: 'Buyer' });
  }, 60_000);

  it('keeps an offline edit ahead of the value it replaced, even one stamped by a clock a little fast', async () => {
    let ahead = 0;
    const a = tempDb({ now: () => Date.now() + ahead });
    // B's clock runs four minutes fast: within what the server accepts.
    const b = tempDb({ now: () => Date.now() + MAX_CLOCK_SKEW_MS - 60_000 });
    await signUp(a, srv.server.url, 'fast-peer@example.com');
    mutate(a, { table: 'contacts', op: 'insert', id: 'fp-1', values: { firstName: 'Eva' } });
    await syncRound(a);
    await signIn(b, srv.server.url, 'fast-peer@example.com');
    await syncRound(b);
    mutate(b, { table: 'contacts', op: 'update', id: 'fp-1', values: { jobTitle: 'from B' } });
    await syncRound(b);
    await syncRound(a);
    expect(readRow(a, 'contacts', 'fp-1')).toMatchObject({ jobTitle: 'from B' });

    // A saw B's value, then (with its date a year on) replaced it.
    ahead = YEAR;
    mutate(a, { table: 'contacts', op: 'update', id: 'fp-1', values: { jobTitle: 'from A' } });
    await expect(syncRound(a)).rejects.toMatchObject({ code: 'clock_skew' });
    ahead = 0;
    await syncRound(a);
    await syncRound(b);
    expect(readRow(b, 'contacts', 'fp-1')).toMatchObject({ jobTitle: 'from A' });
    expect(readRow(a, 'contacts', 'fp-1')).toEqual(readRow(b, 'contacts', 'fp-1'));
  }, 60_000);

  it('keeps being refused while the clock is still wrong, stores nothing and says why', async () => {
    const a = tempDb({ now: () => Date.now() + YEAR });
    await signUp(a, srv.server.url, 'still-ahead@example.com');
    mutate(a, { table: 'contacts', op: 'insert', id: 'sa-1', values: { firstName: 'Dora' } });
    const node = a.nodeId;
    const stamp = clocksOf(a, 'contacts', 'sa-1')['*'];

    const error = await syncRound(a).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncRemoteError);
    expect(error).toMatchObject({ code: 'clock_skew' });
    // `crm sync` says what to do, in the user's language.
    const cli = toCrmError(error);
    expect(cli).toBeInstanceOf(CrmError);
    expect((cli as CrmError).key).toBe('sync.error_clock_skew');

    const controller = syncController(a, { intervalMs: 3_600_000, live: false });
    try {
      await controller.runNow();
      const status = controller.status();
      expect(status.state).toBe('error');
      expect(status.error?.reason).toBe('clock_skew');
      expect(status.pending).toBe(1);
    } finally {
      stopSync(a);
    }
    expect(await serverHolds('sa-1')).toBe(false);
    // Nothing was re-stamped: the edits wait, as they were, for the clock to be right.
    expect(a.nodeId).toBe(node);
    expect(clocksOf(a, 'contacts', 'sa-1')['*']).toBe(stamp);
  }, 60_000);
});
