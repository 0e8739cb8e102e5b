import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import { stopSync } from '../../../src/main/sync/controller';
import type { CrmDb } from '../../../src/main/db/open';
import { call, refuse } from '../accounts/api';
import { countRows, tempDb } from '../db/temp-db';
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

function book(): CrmDb {
  const db = tempDb();
  opened.push(db);
  return db;
}

describe('sync through the API (Settings → Sync, Conflicts)', () => {
  it('is off until signed in, and the app works without it', async () => {
    const db = book();
    const status = await call(db, 'sync.status', {});
    expect(status).toMatchObject({ state: 'off', server: null, pending: 0, openConflicts: 0 });
    mutate(db, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana' } });
    expect((await call(db, 'sync.status', {})).pending).toBe(1);
  });

  it('refuses a wrong password with a translated message and stores nothing', async () => {
    const db = book();
    await call(db, 'sync.signUp', {
      server: srv.server.url,
      email: 'api-owner@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    const other = book();
    const error = await refuse(
      other,
      'sync.signIn',
      { server: srv.server.url, email: 'api-owner@example.com', password: 'wrong' },
      'es',
    );
    expect(error.message).toMatch(/Correo o contraseña incorrectos/);
    expect((await call(other, 'sync.status', {})).state).toBe('off');
    const offline = await refuse(other, 'sync.signIn', {
      server: 'http://127.0.0.1:9',
      email: 'x@example.com',
      password: 'whatever1',
    });
    expect(offline.code).toBe('unavailable');
  });

  it('lists a same-field conflict with both values; choosing the other value is a new edit that reaches the other device', async () => {
    const a = book();
    const b = book();
    await call(a, 'sync.signUp', {
      server: srv.server.url,
      email: 'conflict@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    mutate(a, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana' } });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.signIn', { server: srv.server.url, email: 'conflict@example.com', password: 'long enough pw' });
    await call(b, 'sync.runNow', {});
    expect(readRow(b, 'contacts', 'c1')?.firstName).toBe('Ana');

    // Offline on both: different fields, and the same field.
    mutate(a, { table: 'contacts', op: 'update', id: 'c1', values: { department: 'Sales', jobTitle: 'From A' } });
    mutate(b, { table: 'contacts', op: 'update', id: 'c1', values: { lastName: 'Bee', jobTitle: 'From B' } });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.runNow', {});
    await call(a, 'sync.runNow', {});
    const ra = readRow(a, 'contacts', 'c1')!;
    expect(ra).toEqual(readRow(b, 'contacts', 'c1'));
    expect(ra).toMatchObject({ department: 'Sales', lastName: 'Bee', jobTitle: 'From B' });

    const { items } = await call(a, 'sync.conflicts', {});
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      entity: 'contacts',
      recordId: 'c1',
      field: 'job_title',
      fieldKey: 'jobTitle',
      recordLabel: 'Ana Bee',
    });
    expect([items[0]!.kept.value, items[0]!.other.value].sort()).toEqual(['From A', 'From B']);

    const after = await call(a, 'sync.resolveConflict', { id: items[0]!.id, choice: 'other' });
    expect(after.items).toHaveLength(0);
    expect(readRow(a, 'contacts', 'c1')!.jobTitle).toBe(items[0]!.other.value);
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.runNow', {});
    expect(readRow(b, 'contacts', 'c1')!.jobTitle).toBe(items[0]!.other.value);
    // Settled on the other device too: the field was edited after both values.
    expect((await call(b, 'sync.conflicts', {})).items).toHaveLength(0);
    expect(countRows(b, 'sync_outbox')).toBe(0);
  }, 60_000);

  it('keeping the value shown is a new edit too: it reaches the other device and settles the conflict there', async () => {
    const a = book();
    const b = book();
    await call(a, 'sync.signUp', {
      server: srv.server.url,
      email: 'keep@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    mutate(a, { table: 'contacts', op: 'insert', id: 'k1', values: { firstName: 'Ana' } });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.signIn', { server: srv.server.url, email: 'keep@example.com', password: 'long enough pw' });
    await call(b, 'sync.runNow', {});

    mutate(a, { table: 'contacts', op: 'update', id: 'k1', values: { jobTitle: 'From A' } });
    mutate(b, { table: 'contacts', op: 'update', id: 'k1', values: { jobTitle: 'From B' } });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.runNow', {});
    await call(a, 'sync.runNow', {});
    const shown = readRow(a, 'contacts', 'k1')!.jobTitle;
    const onA = (await call(a, 'sync.conflicts', {})).items;
    const onB = (await call(b, 'sync.conflicts', {})).items;
    expect(onA.length + onB.length).toBeGreaterThan(0);
    // Whichever device saw the conflict keeps the value it shows.
    const [device, other, items] = onA.length ? [a, b, onA] : [b, a, onB];
    expect(items[0]!.current).toBe(shown);

    const after = await call(device, 'sync.resolveConflict', { id: items[0]!.id, choice: 'kept' });
    expect(after.items).toHaveLength(0);
    expect(readRow(device, 'contacts', 'k1')!.jobTitle).toBe(shown);
    expect(countRows(device, 'sync_outbox')).toBeGreaterThan(0);
    await call(device, 'sync.runNow', {});
    await call(other, 'sync.runNow', {});
    expect(readRow(other, 'contacts', 'k1')!.jobTitle).toBe(shown);
    expect((await call(other, 'sync.conflicts', {})).items).toHaveLength(0);
    expect((await call(device, 'sync.conflicts', {})).items).toHaveLength(0);
  }, 60_000);

  it('gives a conflict on a list field as the app reads it, so the screen can show addresses, not JSON', async () => {
    const a = book();
    const b = book();
    await call(a, 'sync.signUp', {
      server: srv.server.url,
      email: 'lists@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    mutate(a, { table: 'contacts', op: 'insert', id: 'e1', values: { firstName: 'Eva' } });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.signIn', { server: srv.server.url, email: 'lists@example.com', password: 'long enough pw' });
    await call(b, 'sync.runNow', {});
    mutate(a, { table: 'contacts', op: 'update', id: 'e1', values: { emails: [{ value: 'a@example.com' }] } });
    mutate(b, { table: 'contacts', op: 'update', id: 'e1', values: { emails: [{ value: 'b@example.com' }] } });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.runNow', {});
    await call(a, 'sync.runNow', {});
    const items = [...(await call(a, 'sync.conflicts', {})).items, ...(await call(b, 'sync.conflicts', {})).items];
    expect(items.length).toBeGreaterThan(0);
    const c = items[0]!;
    expect(c).toMatchObject({ field: 'emails', fieldKey: 'emails' });
    const addresses = (v: unknown) => (v as { value: string }[]).map((e) => e.value);
    expect([...addresses(c.kept.value), ...addresses(c.other.value)].sort()).toEqual([
      'a@example.com',
      'b@example.com',
    ]);
    expect(addresses(c.current)).toEqual(addresses(c.kept.value));
  }, 60_000);

  it('signs out: the device stops syncing and keeps its data and unsent changes', async () => {
    const db = book();
    await call(db, 'sync.signUp', {
      server: srv.server.url,
      email: 'signout@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    await call(db, 'sync.runNow', {});
    mutate(db, { table: 'contacts', op: 'insert', id: 'kept', values: { firstName: 'Kept' } });
    const status = await call(db, 'sync.signOut', {});
    expect(status).toMatchObject({ state: 'off', pending: 1 });
    expect(readRow(db, 'contacts', 'kept')).toBeDefined();
  }, 60_000);

  it('lists the devices of the workspace; a revoked device is refused and shown as revoked', async () => {
    const a = book();
    const b = book();
    await call(a, 'sync.signUp', {
      server: srv.server.url,
      email: 'devices@example.com',
      password: 'long enough pw',
      workspaceName: 'W',
    });
    await call(a, 'sync.runNow', {});
    await call(b, 'sync.signIn', { server: srv.server.url, email: 'devices@example.com', password: 'long enough pw' });
    await call(b, 'sync.runNow', {});

    const listed = (await call(a, 'sync.devices', {})).items;
    expect(listed).toHaveLength(2);
    expect(listed.filter((d) => d.current)).toHaveLength(1);
    expect(listed.every((d) => d.email === 'devices@example.com' && d.revokedAt === null)).toBe(true);
    const other = listed.find((d) => !d.current)!;
    expect((await call(b, 'sync.devices', {})).items.find((d) => d.current)?.id).toBe(other.id);

    const after = (await call(a, 'sync.revokeDevice', { deviceId: other.id })).items;
    expect(after.find((d) => d.id === other.id)?.revokedAt).not.toBeNull();
    // B's next round is refused by the server: it reports why, in its own words, and keeps its data.
    mutate(b, { table: 'contacts', op: 'insert', id: 'on-b', values: { firstName: 'Bea' } });
    const status = await call(b, 'sync.runNow', {});
    expect(status.state).toBe('error');
    expect(status.error?.reason).toBe('unauthorized');
    expect(status.pending).toBe(1);
    expect(readRow(b, 'contacts', 'on-b')).toBeDefined();

    // Revoking this device itself is a sign-out.
    const self = await call(a, 'sync.revokeDevice', { deviceId: listed.find((d) => d.current)!.id });
    expect(self.items).toEqual([]);
    expect((await call(a, 'sync.status', {})).state).toBe('off');
  }, 60_000);
});
