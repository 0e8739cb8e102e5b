import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { CrmError } from '../../../src/main/errors';
import { createCompany } from '../../../src/main/services/companies';
import { linkCompany } from '../../../src/main/services/contact-companies';
import { createContact } from '../../../src/main/services/contacts';
import { collectBook, decodeBook, encodeBook, mergeBook, type Book } from '../../../src/main/services/export/book';
import { applyRemote } from '../../../src/main/sync/apply';
import { storedAccount, syncRound } from '../../../src/main/sync/engine';
import { cellsOfRow, pendingCount, readOutbox } from '../../../src/main/sync/outbox';
import { decodeHlc } from '../../../src/shared/sync/hlc';
import { translate } from '../../../src/shared/i18n/messages';
import { MAX_CLOCK_SKEW_MS } from '../../../src/shared/sync/protocol';
import { countRows, tempDb, tempDir } from '../db/temp-db';
import { signIn, signUp, startTestServer, type TestServer } from './harness';

const YEAR = 365 * 24 * 60 * 60 * 1000;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
}, 60_000);
afterAll(async () => {
  await srv?.stop();
});

/** A client's workspace (W2, its own node ids): one company with two contacts, cut into a book file and read back. */
function clientBook(options: { now?: () => number } = {}) {
  const w2 = tempDb(options);
  const company = createCompany(w2, { name: 'Northwind Traders', domain: 'northwind.example' });
  const ana = createContact(w2, { firstName: 'Ana', lastName: 'López', jobTitle: 'Buyer' });
  const luis = createContact(w2, { firstName: 'Luis', lastName: 'Pérez', jobTitle: 'Manager' });
  linkCompany(w2, { contactId: ana.id, companyId: company.id, isPrimary: true });
  linkCompany(w2, { contactId: luis.id, companyId: company.id });
  const path = join(tempDir(), 'northwind.crmbook');
  writeFileSync(path, encodeBook(collectBook(w2, [company.id])));
  const book = (): Book => decodeBook(readFileSync(path));
  return { w2, company: company.id, contacts: [ana.id, luis.id], book };
}

/** The cells of a row as a replica holds them (value and stamp), in a stable order. */
function cells(db: CrmDb, table: string, rowId: string) {
  return cellsOfRow(db, table, rowId)
    .map((c) => ({ field: c.field, value: c.value, hlc: c.hlc }))
    .sort((x, y) => x.field.localeCompare(y.field));
}

async function serverRows<T>(sql: string, params: string[]): Promise<T[]> {
  return srv.server.db.query<T & Record<string, unknown>>(sql, params);
}

async function serverCell(rowId: string, field: string) {
  const [row] = await serverRows<{ value: unknown; node: string }>(
    'SELECT value, node FROM field_state WHERE row_id = $1 AND field = $2',
    [rowId, field],
  );
  return row;
}

async function serverConflicts(rowId: string): Promise<number> {
  const [row] = await serverRows<{ n: string }>('SELECT count(*) AS n FROM conflicts WHERE row_id = $1', [rowId]);
  return Number(row!.n);
}

/** Workspace W1: device A signed up and synced, device B of the same user signed in and synced. */
async function workspace(email: string) {
  const a = tempDb();
  const b = tempDb();
  await signUp(a, srv.server.url, email);
  mutate(a, { table: 'companies', op: 'insert', id: `${email}-own`, values: { name: 'Our own client' } });
  await syncRound(a);
  await signIn(b, srv.server.url, email);
  await syncRound(b);
  return { a, b };
}

describe('a client book merged into a synced workspace', () => {
  it('reaches the other devices with the same values and stamps; merging it again sends nothing; a later edit wins everywhere', async () => {
    const { a, b } = await workspace('merge-book@example.com');
    const client = clientBook();
    expect(client.w2.nodeId).not.toBe(a.nodeId);

    const merged = mergeBook(a, client.book());
    expect(merged.changed).toMatchObject({ companies: 1, contacts: 2, contact_companies: 2 });
    // Queued and pushed as the book stamped them: the client workspace's node, not this device's.
    const batch = readOutbox(a);
    expect(batch.changes.length).toBeGreaterThan(0);
    expect(new Set(batch.changes.map((c) => c.node))).toEqual(new Set([client.w2.nodeId]));
    const pushed = await syncRound(a);
    expect(pushed.pending).toBe(0);
    expect(await serverCell(client.company, 'name')).toEqual({ value: 'Northwind Traders', node: client.w2.nodeId });

    // Device B sees the company, its contacts and their links, field by field as the client holds them.
    await syncRound(b);
    expect(readRow(b, 'companies', client.company)).toMatchObject({ name: 'Northwind Traders' });
    expect(readRow(b, 'companies', client.company)).toEqual(readRow(a, 'companies', client.company));
    for (const id of client.contacts) {
      expect(readRow(b, 'contacts', id)).toEqual(readRow(a, 'contacts', id));
      expect(cells(b, 'contacts', id)).toEqual(cells(client.w2, 'contacts', id));
    }
    expect(cells(b, 'companies', client.company)).toEqual(cells(client.w2, 'companies', client.company));
    const links = (db: CrmDb) =>
      db.sqlite
        .prepare('SELECT contact_id FROM contact_companies WHERE company_id = ? ORDER BY contact_id')
        .pluck()
        .all(client.company);
    expect(links(b)).toEqual([...client.contacts].sort());

    // The same book again, on either device: nothing new, nothing queued, nothing pushed.
    expect(mergeBook(a, client.book()).rows).toBe(0);
    expect(mergeBook(b, client.book()).rows).toBe(0);
    expect(pendingCount(a)).toBe(0);
    expect(pendingCount(b)).toBe(0);
    expect((await syncRound(a)).pushed).toBe(0);

    // Edited on B after the merge: B's value wins on the server, on A, and over the book merged again.
    mutate(b, { table: 'companies', op: 'update', id: client.company, values: { name: 'Northwind Traders Ltd' } });
    await syncRound(b);
    await syncRound(a);
    expect(readRow(a, 'companies', client.company)).toMatchObject({ name: 'Northwind Traders Ltd' });
    const again = mergeBook(a, client.book());
    expect(again.rows).toBe(0);
    expect(again.ignored).toBeGreaterThan(0);
    expect(readRow(a, 'companies', client.company)).toMatchObject({ name: 'Northwind Traders Ltd' });
    expect((await syncRound(a)).pushed).toBe(0);
    expect(await serverCell(client.company, 'name')).toEqual({ value: 'Northwind Traders Ltd', node: b.nodeId });
    // B had seen the merged name before replacing it: a sequential edit, not a conflict to review.
    expect(await serverConflicts(client.company)).toBe(0);
  }, 60_000);

  it('does not push a merged field that a pull overwrote before the push', async () => {
    const { a, b } = await workspace('merge-then-pull@example.com');
    const client = clientBook();
    // B merges the book first, syncs, then renames the company.
    mergeBook(b, client.book());
    await syncRound(b);
    mutate(b, { table: 'companies', op: 'update', id: client.company, values: { name: 'Northwind (renamed on B)' } });
    await syncRound(b);

    // A merges the same book while its round pulls, after the first page: the pages after it
    // bring B's rename over the merged name before A pushes anything.
    let mergedOnA = false;
    await syncRound(a, {
      pageLimit: 5,
      onProgress: (p) => {
        if (p.phase !== 'pull' || mergedOnA) return;
        mergedOnA = true;
        mergeBook(a, client.book());
      },
    });
    expect(mergedOnA).toBe(true);
    expect(readRow(a, 'companies', client.company)).toMatchObject({ name: 'Northwind (renamed on B)' });
    const batch = readOutbox(a);
    expect(batch.changes.some((c) => c.rowId === client.company && c.field === 'name')).toBe(false);

    await syncRound(a);
    expect(pendingCount(a)).toBe(0);
    expect(await serverCell(client.company, 'name')).toEqual({ value: 'Northwind (renamed on B)', node: b.nodeId });
    const deviceA = storedAccount(a)!.deviceId;
    const [fromA] = await serverRows<{ n: string }>(
      "SELECT count(*) AS n FROM change_log WHERE row_id = $1 AND field = 'name' AND device_id = $2",
      [client.company, deviceA],
    );
    expect(Number(fromA!.n)).toBe(0);
    expect(await serverConflicts(client.company)).toBe(0);
    await syncRound(b);
    expect(readRow(b, 'companies', client.company)).toEqual(readRow(a, 'companies', client.company));
  }, 60_000);

  it('a book stamped a minute ahead merges and syncs; one stamped a year ahead is refused with nothing merged', async () => {
    const { a, b } = await workspace('merge-ahead@example.com');
    const soon = clientBook({ now: () => Date.now() + 60_000 });
    mergeBook(a, soon.book());
    expect((await syncRound(a)).pending).toBe(0);
    await syncRound(b);
    expect(readRow(b, 'companies', soon.company)).toMatchObject({ name: 'Northwind Traders' });

    const late = clientBook({ now: () => Date.now() + YEAR });
    const companies = countRows(a, 'companies');
    const clock = a.clock.current();
    let refused: unknown;
    try {
      mergeBook(a, late.book());
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(CrmError);
    const { key, params } = refused as CrmError;
    expect(key).toBe('book.clock_ahead');
    const day = new Date(decodeHlc(late.book().writes[0]!.hlc).millis).toISOString().slice(0, 10);
    expect(translate('es', key, params)).toContain(day);
    expect(translate('en', key, params)).toContain('Nothing was merged');
    // Untouched: no record, nothing queued, and the clock did not jump a year on.
    expect(countRows(a, 'companies')).toBe(companies);
    expect(readRow(a, 'companies', late.company)).toBeUndefined();
    expect(pendingCount(a)).toBe(0);
    expect(a.clock.current()).toBe(clock);
    expect(decodeHlc(a.clock.current()).millis).toBeLessThan(Date.now() + MAX_CLOCK_SKEW_MS);
    expect((await syncRound(a)).pending).toBe(0);
  }, 60_000);
});

describe('the push of a merge entry, without a server', () => {
  it('sends a merged cell while this device holds its stamp, and stops once a newer write replaced it', () => {
    const client = clientBook();
    const laptop = tempDb();
    mergeBook(laptop, client.book());
    const name = readOutbox(laptop).changes.find((c) => c.rowId === client.company && c.field === 'name')!;
    expect(name).toMatchObject({ value: 'Northwind Traders', node: client.w2.nodeId, base: null });

    // A pulled write from a third node, newer than the book's: it is not this device's to send.
    const later = `${String(decodeHlc(name.hlc).millis + 1000).padStart(15, '0')}:0000:third-node`;
    const pulled = { table: 'companies', rowId: client.company, field: 'name', value: 'Pulled', hlc: later };
    applyRemote(laptop, [{ ...pulled, node: 'third-node' }]);
    const after = readOutbox(laptop).changes;
    expect(after.some((c) => c.rowId === client.company && c.field === 'name')).toBe(false);
    expect(after.some((c) => c.rowId === client.company && c.field === 'domain')).toBe(true);
  });
});
