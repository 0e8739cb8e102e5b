import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncCommand } from '../../../src/main/cli/sync';
import type { CliIo } from '../../../src/main/cli/io';
import { translate } from '../../../src/shared/i18n/messages';
import { mutate } from '../../../src/main/db/mutation';
import { openDatabase } from '../../../src/main/db/open';
import { SyncHttp } from '../../../src/main/sync/http';
import { tempDir } from '../db/temp-db';
import { startTestServer, type TestServer } from './harness';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.stop();
});

const EMAIL = 'cli-owner@example.com';
const PASSWORD = 'correct horse battery';

/** Runs `crm sync` in this process; returns its exit code and its --json output. */
async function crmSync(args: string[]): Promise<{ code: number; out: { pushed: number; pulled: number } }> {
  const lines: string[] = [];
  const io: CliIo = {
    locale: 'en',
    json: true,
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    t: (key, params) => translate('en', key, params),
  };
  const code = await syncCommand.run(args, io);
  return { code, out: JSON.parse(lines.join('\n')) as { pushed: number; pulled: number } };
}

async function devicesOf(email: string): Promise<{ id: string; revoked: boolean }[]> {
  const rows = await srv.server.db.query<{ id: string; revoked_at: string | null }>(
    'SELECT d.id, d.revoked_at FROM devices d JOIN users u ON u.id = d.user_id WHERE u.email = $1 ORDER BY d.created_at',
    [email],
  );
  return rows.map((r) => ({ id: r.id, revoked: r.revoked_at !== null }));
}

describe('crm sync --email --password', () => {
  it('enrols the book once and reuses its device on later runs; a revoked device is replaced', async () => {
    const http = new SyncHttp(srv.server.url);
    const owner = await http.signup({ email: EMAIL, password: PASSWORD, workspaceName: 'W', deviceName: 'laptop' });
    const path = join(tempDir(), 'book.sqlite');
    const db = openDatabase({ path, create: true });
    mutate(db, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana' } });
    db.close();
    const args = ['--db', path, '--server', srv.server.url, '--email', EMAIL, '--password', PASSWORD, '--json'];

    const first = await crmSync(args);
    expect(first.code).toBe(0);
    expect(first.out.pushed).toBeGreaterThan(0);
    expect(await devicesOf(EMAIL)).toHaveLength(2); // the laptop and this book

    // The same command again, as a script would run it: no new device, and the round still works.
    const second = await crmSync(args);
    expect(second.code).toBe(0);
    const afterSecond = await devicesOf(EMAIL);
    expect(afterSecond).toHaveLength(2);

    // The book's device is revoked from the laptop: the next run signs in again (a new device).
    const bookDevice = afterSecond.find((d) => d.id !== owner.deviceId)!;
    await http.revokeDevice(owner.accessToken, bookDevice.id);
    const third = await crmSync(args);
    expect(third.code).toBe(0);
    const afterThird = await devicesOf(EMAIL);
    expect(afterThird).toHaveLength(3);
    expect(afterThird.find((d) => d.id === bookDevice.id)?.revoked).toBe(true);
    expect(afterThird.filter((d) => !d.revoked)).toHaveLength(2);
  });
});
