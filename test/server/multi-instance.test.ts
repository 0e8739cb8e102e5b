/**
 * Two server instances on one PostgreSQL (the server keeps nothing between requests): writers on
 * both are serialised per workspace, so a reader on either never skips a row, and a live stream on
 * one hears about pushes committed through the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSyncServer, type SyncServer } from '../../src/server/index';
import { createLogger } from '../../src/server/logger';
import { SYNC_PATHS, type LoggedChange, type Session } from '../../src/shared/sync/protocol';
import { Device, signin, signup } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

let cluster: TestPostgres | undefined;
let skip: string | undefined;
const servers: SyncServer[] = [];
const dirs: string[] = [];

beforeAll(async () => {
  const pg = await startPostgres();
  if ('skip' in pg) {
    skip = pg.skip;
    console.warn(`[multi-instance test] skipped: ${skip}`);
    return;
  }
  cluster = pg;
  const url = await pg.createDatabase('multi');
  for (let i = 0; i < 2; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'crm-sync-multi-'));
    dirs.push(dir);
    // Instances behind one address share the JWT secret (JWT_SECRET in production).
    servers.push(
      await startSyncServer({
        dataDir: dir,
        databaseUrl: url,
        jwtSecret: 'shared',
        logLevel: 'silent',
        livePollMs: 100,
      }),
    );
  }
}, 120_000);
afterAll(async () => {
  for (const s of servers) await s.close();
  await cluster?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

describe('several instances on one PostgreSQL', () => {
  it('serialise writers across instances: a reader never skips a row; live hints cross instances', async (ctx) => {
    if (skip) return ctx.skip(skip);
    const [one, two] = servers as [SyncServer, SyncServer];
    const a = await signup(one.url);
    const email = (await a.call<{ devices: { userEmail: string }[] }>('GET', SYNC_PATHS.devices)).body.devices[0]!
      .userEmail;
    const b = new Device(two.url, (await signin(two.url, email)).body as Session);
    const epoch = (await a.hello()).body.epoch;
    await b.hello();

    // A live stream on instance one.
    const aborter = new AbortController();
    const live = await fetch(one.url + SYNC_PATHS.live, {
      headers: { authorization: `Bearer ${a.token}` },
      signal: aborter.signal,
    });
    const reader = live.body!.getReader();
    let text = '';
    const waitForHead = async (head: number) => {
      while (!text.includes(`"headSeq":${head}`)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('live stream ended');
        text += new TextDecoder().decode(value);
      }
    };

    const pushes = async (d: Device) => {
      for (let i = 0; i < 10; i++) {
        const r = await d.push(
          Array.from({ length: 30 }, (_, j) => d.change('contacts', `${d.node}-${i}-${j}`, 'n', j)),
        );
        expect(r.status).toBe(200);
      }
    };
    const seen: LoggedChange[] = [];
    let cursor = 0;
    let writing = true;
    const watcher = new Device(two.url, (await signin(two.url, email)).body as Session);
    const read = async () => {
      while (writing) {
        const page = await watcher.pull(epoch, cursor, 11);
        seen.push(...page.body.changes);
        cursor = page.body.next.serverSeq;
      }
    };
    const reading = read();
    await Promise.all([pushes(a), pushes(b)]);
    writing = false;
    await reading;
    seen.push(...(await watcher.pullAll(epoch, cursor)).changes);
    expect(seen.map((c) => c.serverSeq)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));

    // The last pushes went through instance two as well: instance one's stream reports the head.
    await waitForHead(600);
    aborter.abort();
    await reader.cancel().catch(() => undefined);
  }, 120_000);

  it('warns at start when an instance on PostgreSQL signs with a key of its own (no JWT_SECRET)', async (ctx) => {
    if (skip || !cluster) return ctx.skip(skip);
    const lines: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'crm-sync-multi-'));
    dirs.push(dir);
    const server = await startSyncServer({
      dataDir: dir,
      databaseUrl: await cluster.createDatabase('multi_no_secret'),
      logger: createLogger('info', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) })),
    });
    await server.close();
    const warning = lines
      .map((l) => JSON.parse(l) as { event?: string; msg?: string })
      .find((l) => l.event === 'jwt_secret_per_instance');
    expect(warning?.msg).toMatch(/set the same JWT_SECRET/);
  }, 60_000);
});
