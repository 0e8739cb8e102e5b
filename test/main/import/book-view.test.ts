import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import { dispatchThroughGate } from '../../../src/main/api/gate';
import type { CrmDb } from '../../../src/main/db/open';
import { collectBook, encodeBook } from '../../../src/main/services/export/book';
import { gateFor } from '../../../src/main/services/encryption';
import type { MethodName, Result } from '../../../src/shared/contract';
import { countRows, ctxFor, tempDb } from '../db/temp-db';

async function ok<T>(result: Promise<Result<unknown>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(`${r.error.key}: ${r.error.message}`);
  return r.value as T;
}

/** A consultant's client: one company with a contact, a deal and a call, as a sealed book. */
async function clientBook(): Promise<Buffer> {
  const office = tempDb();
  const ctx = ctxFor(office);
  const acme = await ok<{ id: string }>(dispatch('companies.create', { name: 'Acme Corporation' }, ctx));
  const ana = await ok<{ id: string }>(dispatch('contacts.create', { firstName: 'Ana', lastName: 'López' }, ctx));
  await ok(dispatch('contacts.linkCompany', { contactId: ana.id, companyId: acme.id, isPrimary: true }, ctx));
  await ok(dispatch('deals.create', { title: 'Acme renewal', companyId: acme.id }, ctx));
  await ok(
    dispatch(
      'activities.create',
      { type: 'call', subject: 'Kick-off call', links: [{ entityType: 'contacts', entityId: ana.id }] },
      ctx,
    ),
  );
  return encodeBook(collectBook(office, [acme.id]), 'correct horse');
}

describe('a client book opened read-only in the app', () => {
  it('is browsed through the same calls with its id, refuses every edit, and leaves the workspace alone', async () => {
    const data = await clientBook();
    const workspace = tempDb();
    const gate = gateFor(workspace);
    const ctx = { locale: 'es' as const, actor: null, origin: 'ui' };
    const call = (method: MethodName, input: unknown, book?: string) =>
      dispatchThroughGate(gate, method, input, ctx, book);
    const { uploadId } = await ok<{ uploadId: string }>(
      call('import.upload', { fileName: 'book-acme-corporation-2026-12-05.crmbook', data: data.toString('base64') }),
    );

    // A wrong passphrase opens nothing and changes nothing.
    expect(await call('import.openBook', { uploadId, passphrase: 'wrong horse' })).toMatchObject({
      ok: false,
      error: { key: 'book.wrong_passphrase', message: expect.stringContaining('Contraseña incorrecta') },
    });
    const opened = await ok<{ bookId: string; name: string }>(
      call('import.openBook', { uploadId, passphrase: 'correct horse' }),
    );
    expect(opened.name).toBe('book-acme-corporation-2026-12-05');

    const names = async (method: MethodName, field: string, book?: string) =>
      (await ok<{ items: Record<string, unknown>[] }>(call(method, {}, book))).items.map((r) => r[field]);
    expect(await names('companies.list', 'name', opened.bookId)).toEqual(['Acme Corporation']);
    expect(await names('contacts.list', 'firstName', opened.bookId)).toEqual(['Ana']);
    expect(await names('deals.list', 'title', opened.bookId)).toEqual(['Acme renewal']);
    expect(await names('activities.list', 'subject', opened.bookId)).toEqual(['Kick-off call']);
    // The workspace itself holds none of it.
    expect(await names('companies.list', 'name')).toEqual([]);

    const [company] = (await ok<{ items: { id: string }[] }>(call('companies.list', {}, opened.bookId))).items;
    const refusal = {
      ok: false,
      error: { key: 'book.read_only', message: expect.stringContaining('solo lectura') },
    };
    expect(await call('companies.update', { id: company!.id, name: 'Changed' }, opened.bookId)).toMatchObject(refusal);
    expect(await call('companies.create', { name: 'New one' }, opened.bookId)).toMatchObject(refusal);
    expect(await call('companies.delete', { id: company!.id }, opened.bookId)).toMatchObject(refusal);
    expect(await names('companies.list', 'name', opened.bookId)).toEqual(['Acme Corporation']);
    expect(countRows(workspace, 'companies')).toBe(0);
    expect(countRows(workspace, 'sync_outbox')).toBe(0);

    // Closed: the workspace answers as before, and the book's id no longer reaches anything.
    expect(await ok(call('import.closeBook', { bookId: opened.bookId }, opened.bookId))).toEqual({ closed: true });
    expect(await call('companies.list', {}, opened.bookId)).toMatchObject({
      ok: false,
      error: { key: 'book.view_closed' },
    });
    expect(await names('companies.list', 'name')).toEqual([]);
  });

  it('an unknown book id reaches neither a book nor the workspace', async () => {
    const workspace: CrmDb = tempDb();
    const result = await dispatchThroughGate(
      gateFor(workspace),
      'companies.create',
      { name: 'Stray' },
      { locale: 'en', actor: null, origin: 'ui' },
      'f'.repeat(32),
    );
    expect(result).toMatchObject({ ok: false, error: { key: 'book.view_closed' } });
    expect(countRows(workspace, 'companies')).toBe(0);
  });
});
