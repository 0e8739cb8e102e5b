/**
 * The sync server's integration suite, run once on PGlite (pglite.test.ts) and once on a real
 * PostgreSQL (postgres.test.ts). Each test signs up its own workspace, so tests share a server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  MAX_BATCH_BYTES,
  MAX_CLOCK_SKEW_MS,
  PROTOCOL_VERSION,
  SYNC_PATHS,
  type ErrorBody,
  type InviteResponse,
  type ListDevicesResponse,
  type Session,
  type SnapshotResponse,
  type BootstrapCellsRow,
  type BootstrapResponse,
  type SyncConflict,
  type LoggedChange,
  type PullResponse,
} from '../../src/shared/sync/protocol';
import type { SyncServer } from '../../src/server/index';
import { counts, Device, errorCode, PASSWORD, request, signin, signup, uniqueEmail, type Backend } from './harness';

/** A bootstrap page as a client of protocol 1 gets it (no `stamps=row`): a stamp per cell. */
type CellsPage = Omit<BootstrapResponse, 'rows'> & { rows: BootstrapCellsRow[] };

export function defineServerSuite(makeBackend: () => Backend | Promise<Backend>): void {
  let backend: Backend;
  let server: SyncServer;
  let base: string;
  const clock = { offset: 0 };

  beforeAll(async () => {
    backend = await makeBackend();
    if (backend.skip) return;
    server = await backend.start({
      now: () => Date.now() + clock.offset,
      minSchemaVersion: 2,
      signin: { freeAttempts: 3, freeAttemptsPerEmail: 50, baseDelayMs: 1000, maxDelayMs: 60_000 },
      livePollMs: 200,
    });
    base = server.url;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await backend?.stop();
  }, 60_000);
  afterEach(() => {
    clock.offset = 0;
  });

  /** A signed-up device that has said hello, with its workspace epoch. */
  async function ready(email?: string): Promise<{ device: Device; epoch: string }> {
    const device = await signup(base, email);
    const hi = await device.hello();
    expect(hi.status).toBe(200);
    return { device, epoch: hi.body.epoch };
  }

  describe('health and accounts', () => {
    it('answers /health with the storage in use', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const r = await request<{ ok: boolean; storage: string }>(base, 'GET', SYNC_PATHS.health);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ ok: true, storage: backend.name });
    });

    it('signs up an owner, signs in a second device, refreshes, and refuses a wrong password', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const email = uniqueEmail();
      const owner = await signup(base, email.toUpperCase()); // emails are case-insensitive
      expect(owner.session.role).toBe('owner');
      expect(owner.session.refreshToken).toBeTruthy();

      const wrong = await signin(base, email, 'not the password');
      expect(wrong.status).toBe(401);
      expect(errorCode(wrong)).toBe('unauthorized');
      const unknown = await signin(base, uniqueEmail('nobody'), PASSWORD);
      expect(unknown.status).toBe(401);

      const second = await signin(base, email);
      expect(second.status).toBe(200);
      expect(second.body.workspaceId).toBe(owner.session.workspaceId);
      expect(second.body.deviceId).not.toBe(owner.session.deviceId);

      const refreshed = await request<Session>(base, 'POST', SYNC_PATHS.refresh, {
        refreshToken: owner.session.refreshToken,
      });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.deviceId).toBe(owner.session.deviceId);
      expect(refreshed.body.refreshToken).toBeUndefined();
      owner.session = { ...owner.session, accessToken: refreshed.body.accessToken };
      expect((await owner.hello()).status).toBe(200);

      const bogus = await request(base, 'POST', SYNC_PATHS.refresh, { refreshToken: 'x'.repeat(43) });
      expect(bogus.status).toBe(401);
    });

    it('lets an existing user create a second workspace only with their password', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const email = uniqueEmail();
      const first = await signup(base, email, 'One');
      const stolen = await request(base, 'POST', SYNC_PATHS.signup, {
        email,
        password: 'someone else',
        workspaceName: 'Two',
        deviceName: 'x',
      });
      expect(stolen.status).toBe(401);
      const second = await signup(base, email, 'Two');
      expect(second.session.workspaceId).not.toBe(first.session.workspaceId);
      expect(second.session.workspaces?.map((w) => w.name).sort()).toEqual(['One', 'Two']);
      const pick = await signin(base, email, PASSWORD, first.session.workspaceId);
      expect(pick.body.workspaceId).toBe(first.session.workspaceId);
      const notMine = await signin(base, email, PASSWORD, (await signup(base)).session.workspaceId);
      expect(notMine.status).toBe(403);
    });

    it('expires access tokens after 15 minutes; the refresh token still works', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device } = await ready();
      clock.offset = 16 * 60 * 1000;
      const late = await device.hello();
      expect(late.status).toBe(401);
      const refreshed = await request<Session>(base, 'POST', SYNC_PATHS.refresh, {
        refreshToken: device.session.refreshToken,
      });
      expect(refreshed.status).toBe(200);
      device.session = { ...device.session, accessToken: refreshed.body.accessToken };
      expect((await device.hello()).status).toBe(200);
    });

    it('invites by role: owners and admins invite, members cannot; an invitation works once for its email', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: owner, epoch } = await ready();
      await owner.push([owner.change('contacts', 'c1', 'name', 'Ada')]);

      const adminEmail = uniqueEmail('admin');
      const inv = await owner.call<InviteResponse>('POST', SYNC_PATHS.invitations, {
        email: adminEmail,
        role: 'admin',
      });
      expect(inv.status).toBe(201);

      const wrongEmail = await request(base, 'POST', SYNC_PATHS.accept, {
        token: inv.body.token,
        email: uniqueEmail('other'),
        password: PASSWORD,
        deviceName: 'tablet',
      });
      expect(wrongEmail.status).toBe(403);
      const accepted = await request<Session>(base, 'POST', SYNC_PATHS.accept, {
        token: inv.body.token,
        email: adminEmail,
        password: PASSWORD,
        deviceName: 'tablet',
      });
      expect(accepted.status).toBe(200);
      expect(accepted.body).toMatchObject({ workspaceId: owner.session.workspaceId, role: 'admin' });
      const again = await request(base, 'POST', SYNC_PATHS.accept, {
        token: inv.body.token,
        email: adminEmail,
        password: PASSWORD,
        deviceName: 'tablet',
      });
      expect(again.status).toBe(409);

      // The admin reads the workspace's data.
      const admin = new Device(base, accepted.body);
      expect((await admin.hello()).status).toBe(200);
      const { changes } = await admin.pullAll(epoch);
      expect(changes.map((c) => c.value)).toEqual(['Ada']);

      // An admin may invite members but not owners.
      const ownerInvite = await admin.call('POST', SYNC_PATHS.invitations, { email: uniqueEmail(), role: 'owner' });
      expect(ownerInvite.status).toBe(403);
      const memberEmail = uniqueEmail('member');
      const memberInvite = await admin.call<InviteResponse>('POST', SYNC_PATHS.invitations, {
        email: memberEmail,
        role: 'member',
      });
      expect(memberInvite.status).toBe(201);
      const memberSession = await request<Session>(base, 'POST', SYNC_PATHS.accept, {
        token: memberInvite.body.token,
        email: memberEmail,
        password: PASSWORD,
        deviceName: 'phone',
      });
      const member = new Device(base, memberSession.body);
      expect(member.session.role).toBe('member');
      const memberInvites = await member.call('POST', SYNC_PATHS.invitations, { email: uniqueEmail(), role: 'member' });
      expect(memberInvites.status).toBe(403);

      // Members see their own devices, managers all of them.
      const mine = await member.call<ListDevicesResponse>('GET', SYNC_PATHS.devices);
      expect(mine.body.devices.map((d) => d.id)).toEqual([member.session.deviceId]);
      const all = await owner.call<ListDevicesResponse>('GET', SYNC_PATHS.devices);
      expect(all.body.devices).toHaveLength(3);

      // A member cannot revoke another's device; an admin can.
      const memberRevokes = await member.call('POST', SYNC_PATHS.revokeDevice, { deviceId: owner.session.deviceId });
      expect(memberRevokes.status).toBe(403);
      const adminRevokes = await admin.call('POST', SYNC_PATHS.revokeDevice, { deviceId: member.session.deviceId });
      expect(adminRevokes.status).toBe(200);
      expect((await member.hello()).status).toBe(401);
    });

    it('refuses a revoked or signed-out device everywhere, including refresh', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device, epoch } = await ready();
      const email = (await device.call<ListDevicesResponse>('GET', SYNC_PATHS.devices)).body.devices[0]!.userEmail;
      const other = new Device(base, (await signin(base, email)).body);
      expect((await other.hello()).status).toBe(200);

      expect((await device.call('POST', SYNC_PATHS.revokeDevice, { deviceId: other.session.deviceId })).status).toBe(
        200,
      );
      const before = await counts(server, device.session.workspaceId);
      for (const r of [
        await other.hello(),
        await other.push([other.change('contacts', 'x', 'name', 'evil')]),
        await other.pull(epoch, 0),
        await other.call('GET', SYNC_PATHS.snapshot),
        await other.call('GET', SYNC_PATHS.bootstrap),
        await request(base, 'POST', SYNC_PATHS.refresh, { refreshToken: other.session.refreshToken }),
      ]) {
        expect(r.status).toBe(401);
        expect(errorCode(r)).toBe('unauthorized');
      }
      expect(await counts(server, device.session.workspaceId)).toEqual(before);

      const out = await device.call('POST', SYNC_PATHS.signout, {});
      expect(out.status).toBe(200);
      expect((await device.hello()).status).toBe(401);
      const refresh = await request(base, 'POST', SYNC_PATHS.refresh, { refreshToken: device.session.refreshToken });
      expect(refresh.status).toBe(401);
    });

    it('slows down password guessing: after 3 failures each attempt must wait, even with the right password', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const email = uniqueEmail('victim');
      await signup(base, email);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await signin(base, email, `guess-${i}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401]);
      // 20 further guesses in a burst: all refused without checking the password.
      const burst = await Promise.all(Array.from({ length: 20 }, (_, i) => signin(base, email, `burst-${i}`)));
      expect(burst.every((r) => r.status === 429)).toBe(true);
      const locked = await signin(base, email, PASSWORD);
      expect(locked.status).toBe(429);
      const retryAfterMs = (locked.body as unknown as ErrorBody).error.details?.retryAfterMs as number;
      expect(retryAfterMs).toBeGreaterThan(0);
      expect(retryAfterMs).toBeLessThanOrEqual(1000);
      // A wrong guess after the wait doubles the next wait.
      clock.offset += retryAfterMs;
      expect((await signin(base, email, 'guess-5')).status).toBe(401);
      const longer = await signin(base, email, PASSWORD);
      expect(longer.status).toBe(429);
      expect((longer.body as unknown as ErrorBody).error.details?.retryAfterMs).toBeGreaterThan(1000);
      // The owner, after waiting, gets in, and the counter starts over.
      clock.offset += 2000;
      expect((await signin(base, email, PASSWORD)).status).toBe(200);
      expect((await signin(base, email, 'typo')).status).toBe(401);
      expect((await signin(base, email, PASSWORD)).status).toBe(200);
    });
  });

  describe('protocol', () => {
    it('hello checks the device id and the minimum schema; an old client cannot push until it upgrades', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const device = await signup(base);
      const hi = await device.hello(3);
      expect(hi.body).toMatchObject({
        protocolVersion: PROTOCOL_VERSION,
        minSchemaVersion: 2,
        workspace: { id: device.session.workspaceId, name: 'Acme' },
        deviceId: device.session.deviceId,
        ackedSeq: 0,
        headSeq: 0,
        maxClockSkewMs: MAX_CLOCK_SKEW_MS,
      });
      const spoofed = await device.call('POST', SYNC_PATHS.hello, {
        deviceId: 'someone-else',
        nodeId: 'n',
        schemaVersion: 3,
        clientTime: Date.now(),
      });
      expect(spoofed.status).toBe(403);

      const old = await device.hello(1);
      expect(old.status).toBe(426);
      expect(errorCode(old)).toBe('schema_too_old');
      const push = await device.push([device.change('contacts', 'a', 'name', 'x')]);
      expect(errorCode(push)).toBe('schema_too_old');
      expect((await counts(server, device.session.workspaceId)).changeLog).toBe(0);
      await device.hello(3);
      expect((await device.push([device.change('contacts', 'a', 'name', 'x')], 1)).status).toBe(200);
    });

    it('keeps the last writer per field by (hlc, node) and records concurrent losers as conflicts', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a, epoch } = await ready();
      const email = (await a.call<ListDevicesResponse>('GET', SYNC_PATHS.devices)).body.devices[0]!.userEmail;
      const b = new Device(base, (await signin(base, email)).body);
      await b.hello();
      const t0 = Date.now() - 60_000;

      // Different fields of one row both survive.
      expect((await a.push([a.change('contacts', 'r1', 'name', 'Ann', t0)])).body.applied).toBe(1);
      expect((await b.push([b.change('contacts', 'r1', 'phone', '555', t0 + 1)])).body.applied).toBe(1);

      // Same field offline on both: the later clock wins whichever arrives first; the other is a conflict.
      const late = a.change('contacts', 'r1', 'email', 'a@x.com', t0 + 20);
      const early = b.change('contacts', 'r1', 'email', 'b@x.com', t0 + 10);
      const r1 = await a.push([late]);
      expect(r1.body).toMatchObject({ applied: 1, conflicts: 0 });
      const r2 = await b.push([early]);
      expect(r2.body).toMatchObject({ applied: 0, superseded: 1, conflicts: 1, fromSeq: null, toSeq: null });

      // The later clock arriving second wins and the replaced value is the conflict's loser.
      const e1 = a.change('contacts', 'r2', 'name', 'Old', t0 + 30);
      const e2 = b.change('contacts', 'r2', 'name', 'New', t0 + 40);
      await a.push([e1]);
      expect((await b.push([e2])).body).toMatchObject({ applied: 1, conflicts: 1 });

      // A sequential edit (the writer had seen the value: `base`) is no conflict; nor is an equal value.
      const seen = { ...a.change('contacts', 'r2', 'name', 'Newer', t0 + 50), base: e2.hlc };
      expect((await a.push([seen])).body).toMatchObject({ applied: 1, conflicts: 0 });
      expect((await b.push([b.change('contacts', 'r2', 'name', 'Newer', t0 + 45)])).body).toMatchObject({
        conflicts: 0,
        superseded: 1,
      });
      // An equal clock from a greater node id wins the tie.
      const tieA = { table: 'deals', rowId: 'd', field: 'x', value: 1, hlc: `${'0'.repeat(15)}:0000:n-a`, node: 'n-a' };
      const tieB = { ...tieA, value: 2, hlc: `${'0'.repeat(15)}:0000:n-b`, node: 'n-b' };
      await a.push([tieB]);
      await b.push([tieA]);

      const { changes } = await a.pullAll(epoch);
      const state = new Map<string, unknown>();
      for (const c of changes) state.set(`${c.rowId}.${c.field}`, c.value);
      expect(Object.fromEntries(state)).toEqual({
        'r1.name': 'Ann',
        'r1.phone': '555',
        'r1.email': 'a@x.com',
        'r2.name': 'Newer',
        'd.x': 2,
      });
      const conflicts = await a.call<{ conflicts: SyncConflict[] }>('GET', SYNC_PATHS.conflicts);
      expect(
        conflicts.body.conflicts.map((c) => [c.rowId, c.field, c.winner.value, c.loser.value, c.loser.node]),
      ).toEqual([
        ['r1', 'email', 'a@x.com', 'b@x.com', b.node],
        ['r2', 'name', 'New', 'Old', a.node],
        ['d', 'x', 2, 1, 'n-a'],
      ]);
      // JSON values keep their shape; key order does not matter.
      await a.push([a.change('contacts', 'r3', 'custom', { b: [1, { c: null }], a: 'é' })]);
      const more = await a.pullAll(epoch, changes.at(-1)!.serverSeq);
      expect(more.changes[0]!.value).toEqual({ a: 'é', b: [1, { c: null }] });
    });

    it('re-pushing an acknowledged batch stores nothing twice', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device, epoch } = await ready();
      const batch = [device.change('contacts', 'r', 'name', 'A'), device.change('contacts', 'r', 'city', 'Lima')];
      const first = await device.push(batch, 1);
      expect(first.body).toMatchObject({ ackedSeq: 1, duplicate: false, fromSeq: 1, toSeq: 2, applied: 2 });
      const before = await counts(server, device.session.workspaceId);
      const again = await device.push(batch, 1);
      expect(again.status).toBe(200);
      expect(again.body).toMatchObject({ ackedSeq: 1, duplicate: true, fromSeq: 1, toSeq: 2, applied: 2 });
      // The same changes under a new seq (the client lost its ack and renumbered) are no-ops too.
      const renumbered = await device.push(batch, 2);
      expect(renumbered.body).toMatchObject({ duplicate: false, applied: 0, superseded: 2, conflicts: 0 });
      // An older seq is answered with the current ack.
      expect((await device.push([device.change('contacts', 'r', 'name', 'Z')], 1)).body).toMatchObject({
        duplicate: true,
        ackedSeq: 2,
      });
      expect(await counts(server, device.session.workspaceId)).toEqual(before);
      expect((await device.pullAll(epoch)).changes).toHaveLength(2);
      expect((await device.hello()).body.ackedSeq).toBe(2);
    });

    it('rejects a batch stamped more than 5 minutes ahead of the server, storing nothing', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device } = await ready();
      const ok = device.change('contacts', 'r', 'name', 'fine');
      const ahead = device.change('contacts', 'r', 'phone', '1', Date.now() + MAX_CLOCK_SKEW_MS + 60_000);
      const r = await device.push([ok, ahead]);
      expect(r.status).toBe(409);
      expect(errorCode(r)).toBe('clock_skew');
      expect((r.body as unknown as ErrorBody).error.details).toMatchObject({ maxClockSkewMs: MAX_CLOCK_SKEW_MS });
      expect(await counts(server, device.session.workspaceId)).toMatchObject({ changeLog: 0, fieldState: 0, head: 0 });
      expect((await device.hello()).body.ackedSeq).toBe(0);
      // Four minutes ahead is tolerated.
      const slightly = device.change('contacts', 'r', 'phone', '1', Date.now() + 4 * 60_000);
      expect((await device.push([ok, slightly], 1)).status).toBe(200);
    });

    it('answers malformed and oversized requests with 4xx and stores nothing', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device, epoch } = await ready();
      const ws = device.session.workspaceId;
      const good = device.change('contacts', 'r', 'name', 'x');
      const cases: [unknown, number][] = [
        ['{not json', 400],
        [{ deviceId: device.session.deviceId, seq: 1 }, 400],
        [{ deviceId: device.session.deviceId, seq: 0, changes: [good] }, 400],
        [{ deviceId: device.session.deviceId, seq: 1, changes: [{ ...good, hlc: 'yesterday' }] }, 400],
        [{ deviceId: device.session.deviceId, seq: 1, changes: [{ ...good, node: 'someone-else' }] }, 400],
        [{ deviceId: device.session.deviceId, seq: 1, changes: [{ ...good, table: '' }] }, 400],
        [[good], 400],
      ];
      for (const [body, status] of cases) {
        const r = await device.call('POST', SYNC_PATHS.push, body);
        expect(r.status, JSON.stringify(body)).toBe(status);
        expect(errorCode(r)).toBe('invalid');
      }
      const big = Array.from({ length: 1100 }, (_, i) => device.change('notes', `n${i}`, 'body', 'x'.repeat(1000)));
      const tooLarge = await device.push(big, 1);
      expect(tooLarge.status).toBe(413);
      expect(errorCode(tooLarge)).toBe('payload_too_large');
      // Streamed without a Content-Length: cut off just the same.
      const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
      let sent = 0;
      const streamed = await fetch(base + SYNC_PATHS.push, {
        method: 'POST',
        headers: { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' },
        body: new ReadableStream({
          pull(controller) {
            if (sent++ < 20) controller.enqueue(chunk);
            else controller.close();
          },
        }),
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const badQuery = await device.call('GET', `${SYNC_PATHS.pull}?epoch=${epoch}&after=-1`);
      expect(badQuery.status).toBe(400);
      const badAfter = await device.call('GET', `${SYNC_PATHS.snapshot}?after=nonsense`);
      expect(badAfter.status).toBe(400);
      for (const after of ['nonsense', '["contacts"]', '[1,2]']) {
        const bad = await device.call('GET', `${SYNC_PATHS.bootstrap}?after=${encodeURIComponent(after)}`);
        expect(bad.status).toBe(400);
      }
      expect((await device.call('GET', `${SYNC_PATHS.bootstrap}?limit=100000`)).status).toBe(400);
      const noToken = await device.call('POST', SYNC_PATHS.push, { deviceId: device.session.deviceId }, null);
      expect(noToken.status).toBe(401);
      const forged = await device.call('GET', SYNC_PATHS.devices, undefined, device.token.slice(0, -4) + 'AAAA');
      expect(forged.status).toBe(401);
      expect(await counts(server, ws)).toMatchObject({ changeLog: 0, fieldState: 0, head: 0 });
      expect((await device.hello()).body.ackedSeq).toBe(0);
    });

    it('never lets a token of workspace A read or write workspace B, whatever the body says', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a, epoch: epochA } = await ready();
      const { device: b, epoch: epochB } = await ready();
      await b.push([b.change('contacts', 'shared-id', 'name', 'B secret')]);
      const bBefore = await counts(server, b.session.workspaceId);

      // A names B's device and workspace: refused; B untouched.
      const asB = await a.call('POST', SYNC_PATHS.push, {
        deviceId: b.session.deviceId,
        workspaceId: b.session.workspaceId,
        seq: 1,
        changes: [a.change('contacts', 'shared-id', 'name', 'A was here')],
      });
      expect(asB.status).toBe(403);
      const helloAsB = await a.call('POST', SYNC_PATHS.hello, {
        deviceId: b.session.deviceId,
        nodeId: 'x',
        schemaVersion: 3,
        clientTime: Date.now(),
      });
      expect(helloAsB.status).toBe(403);
      // A writes the same table and row id: it lands in A only.
      const own = await a.call('POST', SYNC_PATHS.push, {
        deviceId: a.session.deviceId,
        workspaceId: b.session.workspaceId,
        seq: 1,
        changes: [a.change('contacts', 'shared-id', 'name', 'A value')],
      });
      expect(own.status).toBe(200);
      expect(await counts(server, b.session.workspaceId)).toEqual(bBefore);

      // Reads: A sees only A's data through pull, snapshot and conflicts, even with B's epoch.
      expect((await a.pullAll(epochA)).changes.map((c) => c.value)).toEqual(['A value']);
      expect(errorCode(await a.pull(epochB, 0))).toBe('epoch_changed');
      const snap = await a.call<SnapshotResponse>('GET', `${SYNC_PATHS.snapshot}?workspaceId=${b.session.workspaceId}`);
      expect(snap.body.changes.map((c) => c.value)).toEqual(['A value']);
      const rows = await a.call<CellsPage>('GET', `${SYNC_PATHS.bootstrap}?workspaceId=${b.session.workspaceId}`);
      expect(rows.body.rows.map(([, , cells]) => cells.name?.[0])).toEqual(['A value']);
      const devices = await a.call<ListDevicesResponse>('GET', SYNC_PATHS.devices);
      expect(devices.body.devices.map((d) => d.id)).toEqual([a.session.deviceId]);
      // Management: A cannot revoke B's device.
      const revoke = await a.call('POST', SYNC_PATHS.revokeDevice, { deviceId: b.session.deviceId });
      expect(revoke.status).toBe(404);
      expect((await b.hello()).status).toBe(200);
      // B still sees only its own value.
      expect((await b.pullAll(epochB)).changes.map((c) => c.value)).toEqual(['B secret']);
    });

    it('concurrent pushes from two devices never produce a cursor that skips a row', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a, epoch } = await ready();
      const email = (await a.call<ListDevicesResponse>('GET', SYNC_PATHS.devices)).body.devices[0]!.userEmail;
      const b = new Device(base, (await signin(base, email)).body);
      await b.hello();
      const reader = new Device(base, (await signin(base, email)).body);
      const batches = 15;
      const perBatch = 40;
      const pushAll = async (d: Device) => {
        for (let i = 0; i < batches; i++) {
          const r = await d.push(
            Array.from({ length: perBatch }, (_, j) =>
              d.change('contacts', `${d.node}-${i}-${j}`, 'name', `${i}/${j}`),
            ),
          );
          expect(r.status).toBe(200);
        }
      };
      // A reader pulls small pages while the writers race; it must end with every row, each once.
      const seen: LoggedChange[] = [];
      let cursor = 0;
      let writing = true;
      const read = async () => {
        while (writing) {
          const page = await reader.pull(epoch, cursor, 7);
          expect(page.status).toBe(200);
          seen.push(...page.body.changes);
          cursor = page.body.next.serverSeq;
        }
      };
      const readerDone = read();
      await Promise.all([pushAll(a), pushAll(b)]);
      writing = false;
      await readerDone;
      seen.push(...(await reader.pullAll(epoch, cursor, 7)).changes);

      const total = 2 * batches * perBatch;
      expect(seen.map((c) => c.serverSeq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      const everything = await a.pullAll(epoch);
      expect(new Set(seen.map((c) => `${c.rowId}`))).toEqual(new Set(everything.changes.map((c) => c.rowId)));
      expect(new Set(seen.map((c) => c.rowId)).size).toBe(total);
    });

    it('snapshots the current state in pages, then pulls what came after from its cursor', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a, epoch } = await ready();
      for (let i = 0; i < 5; i++) {
        await a.push([a.change('contacts', `c${i}`, 'name', `v1-${i}`), a.change('contacts', `c${i}`, 'city', 'X')]);
        await a.push([a.change('contacts', `c${i}`, 'name', `v2-${i}`)]);
      }
      const email = (await a.call<ListDevicesResponse>('GET', SYNC_PATHS.devices)).body.devices[0]!.userEmail;
      const fresh = new Device(base, (await signin(base, email)).body);
      const rows: LoggedChange[] = [];
      let page = await fresh.call<SnapshotResponse>('GET', `${SYNC_PATHS.snapshot}?limit=3`);
      const cursor = page.body.cursor;
      expect(cursor).toEqual({ epoch, serverSeq: 15 });
      expect(page.body.total).toBe(10);
      rows.push(...page.body.changes);
      // A push between pages: the cursor stays the first page's; the later value may show up early.
      await a.push([a.change('contacts', 'c9', 'name', 'late')]);
      while (page.body.hasMore) {
        const q = new URLSearchParams({
          after: page.body.nextAfter!,
          at: String(cursor.serverSeq),
          epoch: cursor.epoch,
          limit: '3',
        });
        page = await fresh.call<SnapshotResponse>('GET', `${SYNC_PATHS.snapshot}?${q}`);
        expect(page.body.cursor).toEqual(cursor);
        rows.push(...page.body.changes);
      }
      const names = rows.filter((r) => r.field === 'name' && r.rowId !== 'c9').map((r) => r.value);
      expect(names).toEqual(['v2-0', 'v2-1', 'v2-2', 'v2-3', 'v2-4']);
      expect(rows.filter((r) => r.field === 'city')).toHaveLength(5);
      const after = await fresh.pullAll(cursor.epoch, cursor.serverSeq);
      expect(after.changes.map((c) => c.value)).toEqual(['late']);

      const stale = await fresh.call('GET', `${SYNC_PATHS.snapshot}?epoch=old-epoch`);
      expect(errorCode(stale)).toBe('epoch_changed');
    });

    it('bootstraps whole rows in pages with the current winner of every cell, then pulls from its cursor', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a, epoch } = await ready();
      for (let i = 0; i < 5; i++) {
        await a.push([a.change('contacts', `c${i}`, 'name', `v1-${i}`), a.change('contacts', `c${i}`, 'city', 'X')]);
        await a.push([a.change('contacts', `c${i}`, 'name', `v2-${i}`)]);
      }
      const custom = a.change('companies', 'k1', 'custom.tier', { level: 'gold', since: 2020 });
      await a.push([custom, a.change('companies', 'k1', 'name', null)]);
      const email = (await a.call<ListDevicesResponse>('GET', SYNC_PATHS.devices)).body.devices[0]!.userEmail;
      const fresh = new Device(base, (await signin(base, email)).body);
      let page = await fresh.call<CellsPage>('GET', `${SYNC_PATHS.bootstrap}?limit=2`);
      expect(page.status).toBe(200);
      const cursor = page.body.cursor;
      expect(cursor).toEqual({ epoch, serverSeq: 17 });
      expect(page.body.total).toBe(6);
      const rows: CellsPage['rows'] = [...page.body.rows];
      // A push between pages: the cursor stays the first page's; the later value may show up early.
      await a.push([a.change('contacts', 'c4', 'name', 'late')]);
      while (page.body.hasMore) {
        expect(page.body.rows).toHaveLength(2);
        const q = new URLSearchParams({
          after: page.body.nextAfter!,
          at: String(cursor.serverSeq),
          epoch: cursor.epoch,
          limit: '2',
        });
        page = await fresh.call<CellsPage>('GET', `${SYNC_PATHS.bootstrap}?${q}`);
        expect(page.body.cursor).toEqual(cursor);
        expect(page.body.total).toBeNull();
        rows.push(...page.body.rows);
      }
      // Every row once, in (table, id) order, each with all its cells and their clocks.
      expect(rows.map(([t, r]) => `${t}/${r}`)).toEqual([
        'companies/k1',
        ...[0, 1, 2, 3, 4].map((i) => `contacts/c${i}`),
      ]);
      expect(rows[0]![2]).toEqual({ 'custom.tier': [custom.value, custom.hlc], name: [null, expect.any(String)] });
      for (const [, rowId, cells] of rows.slice(1, 4)) {
        expect(Object.keys(cells).sort()).toEqual(['city', 'name']);
        expect(cells.name![0]).toBe(`v2-${rowId.slice(1)}`);
        expect(cells.name![1]).toMatch(new RegExp(`:${a.node}$`));
      }
      expect(['v2-4', 'late']).toContain(rows[5]![2].name![0]);
      const after = await fresh.pullAll(cursor.epoch, cursor.serverSeq);
      expect(after.changes.map((c) => c.value)).toEqual(['late']);

      const stale = await fresh.call('GET', `${SYNC_PATHS.bootstrap}?epoch=old-epoch`);
      expect(errorCode(stale)).toBe('epoch_changed');
      const ahead = await fresh.call('GET', `${SYNC_PATHS.bootstrap}?at=999`);
      expect(errorCode(ahead)).toBe('epoch_changed');
      // row_state is field_state by row, always.
      const byField = await server.db.query<{
        table_name: string;
        row_id: string;
        field: string;
        value: unknown;
        hlc: string;
      }>('SELECT table_name, row_id, field, value, hlc FROM field_state WHERE workspace_id = $1', [
        a.session.workspaceId,
      ]);
      const byRow = await server.db.query<{
        table_name: string;
        row_id: string;
        cells: Record<string, [unknown, string]>;
      }>('SELECT table_name, row_id, cells FROM row_state WHERE workspace_id = $1', [a.session.workspaceId]);
      const flat = byRow.flatMap((r) =>
        Object.entries(r.cells).map(
          ([field, [value, hlc]]) => `${r.table_name}/${r.row_id}/${field}=${JSON.stringify(value)}@${hlc}`,
        ),
      );
      expect(flat.sort()).toEqual(
        byField.map((f) => `${f.table_name}/${f.row_id}/${f.field}=${JSON.stringify(f.value)}@${f.hlc}`).sort(),
      );
    });

    it('bootstraps a row whose cells share one stamp with that stamp once when asked (stamps=row)', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a } = await ready();
      const once = a.hlc();
      const created = ['name', 'city', 'custom.tier'].map((field) => ({
        ...a.change('contacts', 'c1', field, field === 'custom.tier' ? { level: 'gold' } : `${field} 1`),
        hlc: once,
      }));
      await a.push([...created, a.change('contacts', 'c2', 'name', 'Ana'), a.change('contacts', 'c2', 'city', 'Vigo')]);
      const compact = await a.call<BootstrapResponse>('GET', `${SYNC_PATHS.bootstrap}?stamps=row`);
      expect(compact.status).toBe(200);
      expect(compact.body.rows).toEqual([
        ['contacts', 'c1', { name: 'name 1', city: 'city 1', 'custom.tier': { level: 'gold' } }, once],
        ['contacts', 'c2', { name: ['Ana', expect.any(String)], city: ['Vigo', expect.any(String)] }],
      ]);
      // Without it (a client of protocol 1), every cell with its own stamp, as before.
      const plain = await a.call<CellsPage>('GET', SYNC_PATHS.bootstrap);
      expect(plain.body.rows[0]).toEqual([
        'contacts',
        'c1',
        { name: ['name 1', once], city: ['city 1', once], 'custom.tier': [{ level: 'gold' }, once] },
      ]);
      expect(plain.body.rows[1]).toEqual(compact.body.rows[1]);
      expect((await a.call('GET', `${SYNC_PATHS.bootstrap}?stamps=field`)).status).toBe(400);
    });

    it('keeps every page of bootstrap, snapshot and pull within 1 MB, each row once and in order', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device: a, epoch } = await ready();
      // Contacts with long notes: 2,000 of them (a bootstrap page by count) would be about 5 MB. The
      // notes are multi-byte, so a page measured in characters rather than bytes would overflow.
      const note = (i: number) => `${i} ${'ñ€'.repeat(500)}`;
      const ids = Array.from({ length: 750 }, (_, i) => `c${String(i).padStart(4, '0')}`);
      for (let from = 0; from < ids.length; from += 250) {
        const batch = ids.slice(from, from + 250).map((id, i) => a.change('contacts', id, 'notes', note(from + i)));
        expect((await a.push(batch)).status).toBe(200);
      }
      // One row bigger than a page on its own (two cells of 600 KB, pushed one at a time): it comes alone.
      for (const field of ['notes', 'custom.bio'])
        expect((await a.push([a.change('contacts', 'c9999', field, 'x'.repeat(600_000))])).status).toBe(200);
      const expected = [...ids, 'c9999'];

      const get = async <T>(path: string) => {
        const res = await fetch(base + path, { headers: { authorization: `Bearer ${a.token}` } });
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        return { bytes: bytes.length, body: JSON.parse(new TextDecoder().decode(bytes)) as T };
      };
      type Page = { entries: number; bytes: number; hasMore: boolean };
      const expectCapped = (pages: Page[]) => {
        expect(pages.length).toBeGreaterThan(2);
        for (const page of pages) {
          expect(page.entries).toBeGreaterThan(0);
          if (page.entries > 1) expect(page.bytes).toBeLessThanOrEqual(MAX_BATCH_BYTES);
        }
        // Full pages, not a cap far below the limit: every page but the last holds more than half a batch,
        // unless it is the oversized row alone.
        for (const page of pages.slice(0, -1))
          if (page.entries > 1) expect(page.bytes).toBeGreaterThan(MAX_BATCH_BYTES / 2);
      };

      // Bootstrap, with the row stamps of protocol 2 and with a stamp per cell (older clients).
      for (const stamps of ['row', 'cell']) {
        const rows: string[] = [];
        const pages: Page[] = [];
        let q = new URLSearchParams({ stamps });
        for (;;) {
          const { bytes, body } = await get<BootstrapResponse>(`${SYNC_PATHS.bootstrap}?${q}`);
          pages.push({ entries: body.rows.length, bytes, hasMore: body.hasMore });
          rows.push(...body.rows.map(([, rowId]) => rowId));
          if (!body.hasMore) break;
          q = new URLSearchParams({ stamps, after: body.nextAfter!, at: String(body.cursor.serverSeq), epoch });
        }
        expect(rows).toEqual(expected);
        expectCapped(pages);
        const alone = pages.find((p) => p.bytes > MAX_BATCH_BYTES);
        expect(alone?.entries).toBe(1);
      }

      // Snapshot by fields: every field once, in (row, field) order.
      const fields: string[] = [];
      const snapPages: Page[] = [];
      let q = new URLSearchParams({ limit: '5000' });
      for (;;) {
        const { bytes, body } = await get<SnapshotResponse>(`${SYNC_PATHS.snapshot}?${q}`);
        snapPages.push({ entries: body.changes.length, bytes, hasMore: body.hasMore });
        fields.push(...body.changes.map((c) => `${c.rowId}/${c.field}`));
        if (!body.hasMore) break;
        q = new URLSearchParams({ limit: '5000', after: body.nextAfter!, at: String(body.cursor.serverSeq) });
      }
      expect(fields).toEqual([...ids.map((id) => `${id}/notes`), 'c9999/custom.bio', 'c9999/notes']);
      expectCapped(snapPages);

      // Pull: every change once, in server_seq order, each page's cursor right after its last change.
      const seqs: number[] = [];
      const pullPages: Page[] = [];
      for (let after = 0; ;) {
        const { bytes, body } = await get<PullResponse>(`${SYNC_PATHS.pull}?epoch=${epoch}&after=${after}&limit=5000`);
        pullPages.push({ entries: body.changes.length, bytes, hasMore: body.hasMore });
        seqs.push(...body.changes.map((c) => c.serverSeq));
        expect(body.next.serverSeq).toBe(body.changes.at(-1)!.serverSeq);
        after = body.next.serverSeq;
        if (!body.hasMore) break;
      }
      expect(seqs).toEqual(Array.from({ length: expected.length + 1 }, (_, i) => i + 1));
      expectCapped(pullPages);
    });

    it('a new epoch (after a restore) makes old cursors fail with epoch_changed', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device, epoch } = await ready();
      await device.push([device.change('contacts', 'r', 'name', 'x')]);
      expect((await device.pull(epoch, 1)).status).toBe(200);
      const beyond = await device.pull(epoch, 99);
      expect(beyond.status).toBe(410);
      await server.db.query("UPDATE workspaces SET epoch = 'restored-epoch' WHERE id = $1", [
        device.session.workspaceId,
      ]);
      const old = await device.pull(epoch, 1);
      expect(old.status).toBe(410);
      expect(errorCode(old)).toBe('epoch_changed');
      expect((old.body as unknown as ErrorBody).error.details).toEqual({ epoch: 'restored-epoch' });
      expect((await device.hello()).body.epoch).toBe('restored-epoch');
    });

    it('live sends the head when a stream opens and again after each push', async (ctx) => {
      if (backend.skip) return ctx.skip(backend.skip);
      const { device, epoch } = await ready();
      const aborter = new AbortController();
      const res = await fetch(base + SYNC_PATHS.live, {
        headers: { authorization: `Bearer ${device.token}` },
        signal: aborter.signal,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/event-stream');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      const nextEvent = async () => {
        for (;;) {
          const end = buffer.indexOf('\n\n');
          if (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (data) return JSON.parse(data.slice(6)) as { epoch: string; headSeq: number };
            continue;
          }
          const { value, done } = await reader.read();
          if (done) throw new Error('stream ended');
          buffer += decoder.decode(value, { stream: true });
        }
      };
      expect(await nextEvent()).toEqual({ epoch, headSeq: 0 });
      await device.push([device.change('contacts', 'r', 'name', 'x'), device.change('contacts', 'r', 'a', 1)]);
      expect(await nextEvent()).toEqual({ epoch, headSeq: 2 });
      aborter.abort();
      await reader.cancel().catch(() => undefined);
    });
  });
}
