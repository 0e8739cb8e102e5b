import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import type { CrmDb } from '../../../src/main/db/open';
import type { Contact, ContactCreateInput, ContactListInput, Result } from '../../../src/shared/contract';
import { foldText } from '../../../src/shared/domain/text';
import { countRows, ctxFor, manualClock, tempDb } from '../db/temp-db';

/** Unwraps a successful envelope, failing the test with the error otherwise. */
function ok<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const create = async (db: CrmDb, input: ContactCreateInput) =>
  ok<Contact>(await dispatch('contacts.create', input, ctxFor(db)));
const list = async (db: CrmDb, input: ContactListInput = {}) =>
  ok<{ items: Contact[]; nextCursor: string | null }>(await dispatch('contacts.list', input, ctxFor(db)));

async function allPages(db: CrmDb, input: ContactListInput): Promise<Contact[][]> {
  const pages: Contact[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list(db, { ...input, ...(cursor ? { cursor } : {}) });
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 50);
  return pages;
}

const PEOPLE: [string, string][] = [
  ['Ángela', 'Álvarez'],
  ['Bruno', 'Alvarez'],
  ['Carmen', 'Benítez'],
  ['Íñigo', 'Zubiri'],
  ['Nuria', 'Ñúñez'],
  ['Óscar', 'Ortega'],
  ['Zoe', 'Öztürk'],
  ['Élodie', 'Écija'],
  ['Ana', 'Ebro'],
  ['Luis', 'López'],
  ['Lucía', 'Lopez'],
  ['Marta', 'Martínez'],
  ['Diego', 'Muñoz'],
  ['Sofía', 'Sánchez'],
  ['Pablo', 'Sanz'],
  ['Irene', 'Iglesias'],
  ['Raúl', 'Ramos'],
  ['Elena', 'Gómez'],
  ['Jorge', 'Gil'],
  ['Alba', 'Castro'],
  ['Hugo', 'Cortés'],
  ['Noa', 'Navarro'],
  ['Leo', 'Úbeda'],
  ['Vera', 'Vázquez'],
  ['Teo', 'Torres'],
];

describe('contacts: create, get, update, delete, restore', () => {
  it('creates a contact with normalised emails and phones and returns it with its id', async () => {
    const db = tempDb();
    const contact = await create(db, {
      firstName: '  Ana ',
      lastName: 'López',
      emails: [{ value: ' Ana.Lopez@Example.COM ', label: 'work' }],
      phones: [{ value: '(202) 555-0143' }],
    });
    expect(contact.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(contact).toMatchObject({
      firstName: 'Ana',
      lastName: 'López',
      displayName: 'Ana López',
      emails: [{ value: 'ana.lopez@example.com', label: 'work' }],
      phones: [{ value: '+12025550143' }],
      deleted: false,
    });
    expect(ok<Contact>(await dispatch('contacts.get', { id: contact.id }, ctxFor(db)))).toEqual(contact);
  });

  it('updates only the given fields and clears one with null', async () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const c = await create(db, { firstName: 'Ana', lastName: 'López', jobTitle: 'CEO' });
    const updated = ok<Contact>(
      await dispatch('contacts.update', { id: c.id, jobTitle: null, middleName: 'María' }, ctxFor(db)),
    );
    expect(updated).toMatchObject({ firstName: 'Ana', lastName: 'López', middleName: 'María', jobTitle: null });
    expect(updated.displayName).toBe('Ana María López');
    expect(updated.updatedAt).toBeGreaterThan(c.updatedAt);
    expect(updated.createdAt).toBe(c.createdAt);
  });

  it('moves a contact to the trash and back', async () => {
    const db = tempDb();
    const c = await create(db, { firstName: 'Marta', lastName: 'Ruiz' });
    await create(db, { firstName: 'Other' });

    const deleted = ok<Contact>(await dispatch('contacts.delete', { id: c.id }, ctxFor(db)));
    expect(deleted.deleted).toBe(true);
    expect((await list(db)).items.map((x) => x.firstName)).toEqual(['Other']);
    expect((await list(db, { trash: true })).items.map((x) => x.id)).toEqual([c.id]);
    expect((await list(db, { trash: true, query: 'rui' })).items.map((x) => x.id)).toEqual([c.id]);
    expect(ok<{ count: number }>(await dispatch('contacts.count', { trash: true }, ctxFor(db)))).toEqual({ count: 1 });
    // Still readable by id (the detail page of a trashed contact).
    expect(ok<Contact>(await dispatch('contacts.get', { id: c.id }, ctxFor(db))).deleted).toBe(true);

    const restored = ok<Contact>(await dispatch('contacts.restore', { id: c.id }, ctxFor(db)));
    expect(restored.deleted).toBe(false);
    expect((await list(db)).items.map((x) => x.firstName)).toEqual(['Other', 'Marta']);
    expect((await list(db, { trash: true })).items).toEqual([]);
  });

  it('answers not_found, translated, for an unknown id', async () => {
    const db = tempDb();
    const id = '01900000-0000-7000-8000-000000000000';
    for (const method of ['contacts.get', 'contacts.delete', 'contacts.restore'] as const) {
      const result = await dispatch(method, { id }, ctxFor(db, 'es'));
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'not_found',
          key: 'errors.not_found',
          params: { entity: 'entity.contact' },
          message: 'Contacto: no se encontró.',
        },
      });
    }
    const update = await dispatch('contacts.update', { id, firstName: 'X' }, ctxFor(db));
    expect(!update.ok && update.error.message).toBe('Contact not found.');
  });
});

describe('contacts: list', () => {
  it('pages through every contact exactly once, in name order with accents folded', async () => {
    const db = tempDb();
    for (const [firstName, lastName] of PEOPLE) await create(db, { firstName, lastName });

    const pages = await allPages(db, { limit: 10 });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    const all = pages.flat();
    expect(new Set(all.map((c) => c.id)).size).toBe(PEOPLE.length);

    const key = (c: Contact) => foldText(`${c.lastName} ${c.firstName}`);
    const keys = all.map(key);
    expect(keys).toEqual([...keys].sort());
    // "Ángela Álvarez" sorts with "Bruno Alvarez" at the top, not after "Zubiri"; "Ñúñez" sits among the n's.
    expect(all.slice(0, 2).map((c) => c.displayName)).toEqual(['Ángela Álvarez', 'Bruno Alvarez']);
    const n = all.findIndex((c) => c.lastName === 'Ñúñez');
    expect(all[n - 1]?.lastName).toBe('Navarro');
    expect(all.at(-1)?.lastName).toBe('Zubiri');
  });

  it('pages the same way in descending name order', async () => {
    const db = tempDb();
    for (const [firstName, lastName] of PEOPLE.slice(0, 12)) await create(db, { firstName, lastName });
    const pages = await allPages(db, { limit: 5, sort: { field: 'name', direction: 'desc' } });
    expect(pages.map((p) => p.length)).toEqual([5, 5, 2]);
    const keys = pages.flat().map((c) => foldText(`${c.lastName} ${c.firstName}`));
    expect(keys).toEqual([...keys].sort().reverse());
  });

  it('sorts by creation date, newest first, across pages', async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const created: string[] = [];
    for (const [firstName, lastName] of PEOPLE.slice(0, 9))
      created.push((await create(db, { firstName, lastName })).id);

    const pages = await allPages(db, { limit: 4, sort: { field: 'createdAt', direction: 'desc' } });
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    const all = pages.flat();
    expect(all.map((c) => c.id)).toEqual([...created].reverse());
    const times = all.map((c) => c.createdAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('filters by words, accent- and case-insensitively, with a matching count', async () => {
    const db = tempDb();
    for (const [firstName, lastName] of PEOPLE) await create(db, { firstName, lastName });
    const found = await list(db, { query: 'LOPEZ' });
    expect(found.items.map((c) => c.displayName).sort()).toEqual(['Lucía Lopez', 'Luis López']);
    expect(ok<{ count: number }>(await dispatch('contacts.count', { query: 'lopez' }, ctxFor(db)))).toEqual({
      count: 2,
    });
    expect(ok<{ count: number }>(await dispatch('contacts.count', {}, ctxFor(db)))).toEqual({ count: PEOPLE.length });
  });
});

describe('contacts: bad input is refused, translated, and writes nothing', () => {
  async function expectNothingWritten(db: CrmDb, fn: () => Promise<void>) {
    const before = ['contacts', 'sync_outbox', 'audit_history', 'search_doc'].map((t) => countRows(db, t));
    await fn();
    expect(['contacts', 'sync_outbox', 'audit_history', 'search_doc'].map((t) => countRows(db, t))).toEqual(before);
  }

  it('an invalid email', async () => {
    const db = tempDb();
    await create(db, { firstName: 'Existing' });
    await expectNothingWritten(db, async () => {
      const result = await dispatch(
        'contacts.create',
        { firstName: 'Ana', emails: [{ value: 'ana@' }] },
        ctxFor(db, 'es'),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('invalid_input');
      expect(result.error.issues).toEqual([
        {
          path: ['emails', 0, 'value'],
          key: 'validation.email_invalid',
          params: {},
          message: 'Escribe un correo válido, como nombre@ejemplo.com.',
        },
      ]);
      expect(result.error.message).toContain('Hay campos que corregir.');
    });
  });

  it('an invalid phone, on create and on update', async () => {
    const db = tempDb();
    const c = await create(db, { firstName: 'Existing', phones: [{ value: '+34 600 11 22 33' }] });
    await expectNothingWritten(db, async () => {
      const result = await dispatch(
        'contacts.create',
        { firstName: 'Ana', phones: [{ value: '+34 600 11 22 33' }, { value: 'llámame' }] },
        ctxFor(db, 'es'),
      );
      expect(!result.ok && result.error.code).toBe('invalid_input');
      expect(!result.ok && result.error.issues).toEqual([
        {
          path: ['phones', 1, 'value'],
          key: 'validation.phone_invalid',
          params: { country: 'US' },
          message: 'Escribe un teléfono válido, con el prefijo del país si no es de US.',
        },
      ]);

      const update = await dispatch('contacts.update', { id: c.id, phones: [{ value: '12' }] }, ctxFor(db));
      expect(!update.ok && update.error.issues?.map((i) => i.path)).toEqual([['phones', 0, 'value']]);
    });
    expect(ok<Contact>(await dispatch('contacts.get', { id: c.id }, ctxFor(db))).phones).toEqual([
      { value: '+34600112233' },
    ]);
  });

  it('a missing first name', async () => {
    const db = tempDb();
    await expectNothingWritten(db, async () => {
      const result = await dispatch('contacts.create', { firstName: '   ' }, ctxFor(db));
      expect(!result.ok && result.error.issues?.[0]).toMatchObject({
        path: ['firstName'],
        key: 'validation.required',
        message: 'This field is required.',
      });
    });
  });
});
