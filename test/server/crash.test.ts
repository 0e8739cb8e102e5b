/**
 * The sync server killed with SIGKILL in the middle of a push (a child process running `crm
 * sync-server`): before the commit, after the commit but before the answer, and at a random moment.
 * After a restart the client retries the same batch and the workspace converges: every change once,
 * server_seq contiguous, nothing lost and nothing doubled. Runs on PGlite and on PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS, type FieldChange } from '../../src/shared/sync/protocol';
import { Device, request, signup } from './harness';
import { startPostgres, type TestPostgres } from './postgres';

const ROOT = join(import.meta.dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface Child {
  proc: ChildProcess;
  /** Resolves when a JSON log line with this event appears. */
  waitFor(event: string): Promise<void>;
}

async function startChild(dataDir: string, port: number, env: Record<string, string>): Promise<Child> {
  const proc = spawn(process.execPath, ['bin/crm.js', 'sync-server', '--data', dataDir, '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { event: string; resolve: () => void }[] = [];
  proc.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      if (out.includes(`"event":"${w.event}"`)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode !== null) throw new Error(`sync server exited: ${err}`);
    const ok = await fetch(base + SYNC_PATHS.health)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    proc,
    waitFor: (event) =>
      out.includes(`"event":"${event}"`)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ event, resolve })),
  };
}

async function kill(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return;
  const exited = new Promise((r) => child.proc.once('exit', r));
  child.proc.kill('SIGKILL');
  await exited;
}

const batch = (d: Device, tag: string, n: number): FieldChange[] =>
  Array.from({ length: n }, (_, i) => d.change('contacts', `${tag}-${i}`, 'name', `${tag} contact number ${i}`));

let cluster: TestPostgres | undefined;
const children: Child[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const c of children) await kill(c);
  await cluster?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}, 60_000);

describe.each(['pglite', 'postgres'] as const)('sync server killed mid-push (%s)', (storage) => {
  it('restarts and converges when the client retries the batch: no loss, no duplicates', async (ctx) => {
    const env: Record<string, string> = {};
    if (storage === 'postgres') {
      const pg = await startPostgres();
      if ('skip' in pg) {
        console.warn(`[crash test] PostgreSQL skipped: ${pg.skip}`);
        return ctx.skip();
      }
      cluster = pg;
      env.DATABASE_URL = await pg.createDatabase('crash');
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'crm-crash-'));
    dirs.push(dataDir);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const run = async (failpoint?: string) => {
      const child = await startChild(dataDir, port, failpoint ? { ...env, CRM_SYNC_FAILPOINT: failpoint } : env);
      children.push(child);
      return child;
    };

    let server = await run('push_before_commit');
    const device = await signup(base);
    expect((await device.hello()).status).toBe(200);
    const N = 3000;

    // 1. Killed inside the transaction, before COMMIT: nothing was stored; the retry applies it all.
    const first = batch(device, 'a', N);
    const lost1 = device.push(first, 1).catch((e: unknown) => e);
    await server.waitFor('failpoint');
    await kill(server);
    expect(await lost1).toBeInstanceOf(Error);
    server = await run('push_after_commit:2'); // the retry below passes, the next push stalls
    const retry1 = await device.push(first, 1);
    expect(retry1.body).toMatchObject({ duplicate: false, applied: N, fromSeq: 1, toSeq: N });

    // 2. Killed after COMMIT, before the answer: the retry is recognised and applies nothing.
    const second = batch(device, 'b', N);
    const lost2 = device.push(second, 2).catch((e: unknown) => e);
    await server.waitFor('failpoint');
    await kill(server);
    expect(await lost2).toBeInstanceOf(Error);
    server = await run();
    const retry2 = await device.push(second, 2);
    expect(retry2.body).toMatchObject({ duplicate: true, ackedSeq: 2, applied: N, fromSeq: N + 1, toSeq: 2 * N });

    // 3. Killed at an arbitrary moment while a batch is in flight.
    const third = batch(device, 'c', N);
    const lost3 = device.push(third, 3).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 5 + Math.floor(Math.random() * 150)));
    await kill(server);
    await lost3;
    server = await run();
    const retry3 = await device.push(third, 3);
    expect(retry3.status).toBe(200);
    expect(retry3.body.ackedSeq).toBe(3);

    // Everything once, in a gap-free sequence.
    const epoch = (await device.hello()).body.epoch;
    const { changes } = await device.pullAll(epoch, 0, 5000);
    expect(changes).toHaveLength(3 * N);
    expect(changes.map((c) => c.serverSeq)).toEqual(Array.from({ length: 3 * N }, (_, i) => i + 1));
    expect(new Set(changes.map((c) => c.rowId)).size).toBe(3 * N);
    const health = await request<{ ok: boolean }>(base, 'GET', SYNC_PATHS.health);
    expect(health.body.ok).toBe(true);

    // SIGTERM: a graceful stop, exit code 0.
    const exited = new Promise<number | null>((r) => server.proc.once('exit', (code) => r(code)));
    server.proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 300_000);
});
