import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { syncRound } from '../../../src/main/sync/engine';
import { countRows, tempDir, track } from '../db/temp-db';
import { signIn, signUp, startTestServer, type TestServer } from './harness';

const ROOT = join(import.meta.dirname, '../../..');

/** `crm sync --db PATH` in a child process; resolves with how it ended. */
function crmSync(
  path: string,
  failpoint?: string,
  extra: string[] = [],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/crm.js'), 'sync', '--db', path, '--json', ...extra], {
      cwd: ROOT,
      env: { ...process.env, CRM_FAILPOINT: failpoint ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, out }));
  });
}

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.stop();
});

function openBook(dir: string, name: string): CrmDb {
  return track(openDatabase({ path: join(dir, name), create: true }));
}

function dump(db: CrmDb) {
  return db.sqlite.prepare('SELECT id, first_name, job_title, custom, deleted FROM contacts ORDER BY id').all();
}

async function serverCounts(workspaceId: string) {
  const q = async (sql: string) => Number((await srv.server.db.query<{ n: string }>(sql, [workspaceId]))[0]!.n);
  return {
    cells: await q('SELECT count(*) AS n FROM field_state WHERE workspace_id = $1'),
    logged: await q('SELECT count(*) AS n FROM change_log WHERE workspace_id = $1'),
  };
}

describe('crm sync', () => {
  it('signs in with --server/--email/--password, runs one round, then works with the stored device token', async () => {
    const dir = tempDir();
    const a = openBook(dir, 'a.sqlite');
    await signUp(a, srv.server.url, 'cli@example.com');
    mutate(a, { table: 'contacts', op: 'insert', id: 'cli1', values: { firstName: 'Cli' } });
    await syncRound(a);
    openBook(dir, 'b.sqlite').close();
    const refused = await crmSync(join(dir, 'b.sqlite'));
    expect(refused.code).not.toBe(0);
    expect(refused.out).toMatch(/--server/);
    const first = await crmSync(join(dir, 'b.sqlite'), undefined, [
      '--server',
      srv.server.url,
      '--email',
      'cli@example.com',
      '--password',
      'correct horse battery',
    ]);
    expect(first.code, first.out).toBe(0);
    expect(JSON.parse(first.out)).toMatchObject({ snapshot: true, pending: 0 });
    const again = await crmSync(join(dir, 'b.sqlite'));
    expect(again.code, again.out).toBe(0);
    const b = openBook(dir, 'b.sqlite');
    expect(dump(b)).toEqual(dump(a));
  }, 120_000);
});

describe('a sync client killed at a failpoint converges after restart', () => {
  it('after the push response, before trimming the outbox: the retry is not applied twice', async () => {
    const dir = tempDir();
    const a = openBook(dir, 'a.sqlite');
    const session = await signUp(a, srv.server.url, 'crash-push@example.com');
    for (let i = 0; i < 40; i++) {
      mutate(a, { table: 'contacts', op: 'insert', id: `p${i}`, values: { firstName: `P${i}`, custom: { n: i } } });
    }
    const pending = countRows(a, 'sync_outbox');
    a.close();

    const killed = await crmSync(join(dir, 'a.sqlite'), 'after-push-before-trim');
    expect(killed.signal).toBe('SIGKILL');
    const reopened = openBook(dir, 'a.sqlite');
    expect(countRows(reopened, 'sync_outbox')).toBe(pending); // the server has it, the book does not know yet
    const committed = await serverCounts(session.workspaceId);
    expect(committed.cells).toBeGreaterThan(0);
    reopened.close();

    const again = await crmSync(join(dir, 'a.sqlite'));
    expect(again.code, again.out).toBe(0);
    const after = openBook(dir, 'a.sqlite');
    expect(countRows(after, 'sync_outbox')).toBe(0);
    // Nothing doubled: the resent batch was answered from the server's record, not applied again.
    expect(await serverCounts(session.workspaceId)).toEqual(committed);

    const b = openBook(dir, 'b.sqlite');
    await signIn(b, srv.server.url, 'crash-push@example.com');
    await syncRound(b);
    expect(dump(b)).toEqual(dump(after));
  }, 120_000);

  it('after applying a page, before saving the cursor: the page and cursor commit together', async () => {
    const dir = tempDir();
    const a = openBook(dir, 'a.sqlite');
    await signUp(a, srv.server.url, 'crash-pull@example.com');
    mutate(a, { table: 'contacts', op: 'insert', id: 'first', values: { firstName: 'First' } });
    await syncRound(a);
    const b = openBook(dir, 'b.sqlite');
    await signIn(b, srv.server.url, 'crash-pull@example.com');
    await syncRound(b);
    b.close();
    for (let i = 0; i < 30; i++) {
      mutate(a, { table: 'contacts', op: 'insert', id: `q${i}`, values: { firstName: `Q${i}`, jobTitle: 'x' } });
    }
    mutate(a, { table: 'contacts', op: 'update', id: 'first', values: { jobTitle: 'Boss', custom: { tier: 'gold' } } });
    await syncRound(a);

    const killed = await crmSync(join(dir, 'b.sqlite'), 'after-apply-before-cursor');
    expect(killed.signal).toBe('SIGKILL');
    const mid = openBook(dir, 'b.sqlite');
    expect(countRows(mid, 'contacts')).toBe(1); // the page rolled back with its cursor
    mid.close();

    const again = await crmSync(join(dir, 'b.sqlite'));
    expect(again.code, again.out).toBe(0);
    const after = openBook(dir, 'b.sqlite');
    expect(dump(after)).toEqual(dump(a));
    expect(countRows(after, 'sync_outbox')).toBe(0);
    const audits = after.sqlite
      .prepare("SELECT count(*) FROM audit_history WHERE origin = 'sync' AND op = 'insert'")
      .pluck()
      .get();
    expect(audits).toBe(31); // each record arrived once
  }, 120_000);
});
