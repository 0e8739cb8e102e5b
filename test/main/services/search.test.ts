import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import type { CrmDb } from '../../../src/main/db/open';
import { createContact, deleteContact } from '../../../src/main/services/contacts';
import { searchQuery, toFtsQuery } from '../../../src/main/services/search';
import type { ContactCreateInput, SearchHit } from '../../../src/shared/contract';
import { contactCreateInput } from '../../../src/shared/contract';
import { ctxFor, tempDb } from '../db/temp-db';

const add = (db: CrmDb, input: ContactCreateInput) => createContact(db, contactCreateInput.parse(input));

async function search(db: CrmDb, query: string, limit?: number): Promise<SearchHit[]> {
  const result = await dispatch('search.query', { query, ...(limit ? { limit } : {}) }, ctxFor(db));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { hits: SearchHit[] }).hits;
}

function seed(db: CrmDb) {
  return {
    jose: add(db, {
      firstName: 'José',
      lastName: 'García',
      jobTitle: 'Director comercial',
      emails: [{ value: 'jose.garcia@acme-iberia.es' }],
      phones: [{ value: '+34 600 11 22 33' }],
    }),
    marta: add(db, { firstName: 'Marta', lastName: 'Ruiz', emails: [{ value: 'marta@example.com' }] }),
    // "Marta" appears only in the body (the department), never in the name.
    pedro: add(db, { firstName: 'Pedro', lastName: 'Soto', department: 'Equipo de Marta' }),
    joseph: add(db, { firstName: 'Joseph', lastName: 'Brown', phones: [{ value: '(202) 555-0143' }] }),
  };
}

describe('search', () => {
  it('finds "José García" by "jose gar": prefixes, accents and case folded', async () => {
    const db = tempDb();
    const { jose } = seed(db);
    const hits = await search(db, 'jose gar');
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ type: 'contact', id: jose.id, title: 'José García' });
    expect(hits[0]!.subtitle).toContain('jose.garcia@acme-iberia.es');
    expect(typeof hits[0]!.score).toBe('number');
    expect((await search(db, 'GARCÍA')).map((h) => h.id)).toEqual([jose.id]);
  });

  it('finds by a fragment of an email address', async () => {
    const db = tempDb();
    const { jose, marta } = seed(db);
    expect((await search(db, 'acme-iberia')).map((h) => h.id)).toEqual([jose.id]);
    expect((await search(db, 'jose.garcia@acme')).map((h) => h.id)).toEqual([jose.id]);
    expect((await search(db, 'marta@example.com')).map((h) => h.id)).toEqual([marta.id]);
  });

  it('finds by phone digits typed with spaces, with or without the country code', async () => {
    const db = tempDb();
    const { jose, joseph } = seed(db);
    expect((await search(db, '600 11 22')).map((h) => h.id)).toEqual([jose.id]);
    expect((await search(db, '+34 600 11')).map((h) => h.id)).toEqual([jose.id]);
    expect((await search(db, '(202) 555')).map((h) => h.id)).toEqual([joseph.id]);
  });

  it('ranks a name match above a match in the body only', async () => {
    const db = tempDb();
    const { marta, pedro } = seed(db);
    const hits = await search(db, 'marta');
    expect(hits.map((h) => h.id)).toEqual([marta.id, pedro.id]);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('does not find deleted contacts', async () => {
    const db = tempDb();
    const { jose } = seed(db);
    deleteContact(db, jose.id);
    expect(await search(db, 'jose garcia')).toEqual([]);
    expect(await search(db, '600 11 22')).toEqual([]);
  });

  it('respects the limit and the type filter', async () => {
    const db = tempDb();
    seed(db);
    expect(await search(db, 'jos', 1)).toHaveLength(1);
    expect(
      searchQuery(db, { query: 'jos' })
        .map((h) => h.title)
        .sort(),
    ).toEqual(['Joseph Brown', 'José García']);
    expect(searchQuery(db, { query: 'jos', types: ['company'] })).toEqual([]);
  });

  it('never throws on FTS syntax typed by a person', async () => {
    const db = tempDb();
    const { jose } = seed(db);
    const nasty = [
      '"',
      '""',
      '*',
      '(',
      ')',
      'NEAR',
      'NEAR(jose garcia, 2)',
      'jose OR',
      'AND',
      'NOT jose',
      'jose -garcia',
      '"unbalanced',
      'title:jose',
      '^jose',
      'jose*',
      "o'brien",
      '{jose}',
      '+',
      '-',
      '   ',
      '',
      '\u0000',
      'ø'.repeat(200),
    ];
    for (const q of nasty) {
      const result = await dispatch('search.query', { query: q }, ctxFor(db));
      expect(result.ok, `query ${JSON.stringify(q)}`).toBe(true);
    }
    // Operators are words like any other: "NOT jose" still looks for jose (and "not").
    expect((await search(db, 'jose*')).map((h) => h.id)).toContain(jose.id);
    expect((await search(db, 'title:jose')).map((h) => h.id)).toEqual([]);
  });

  it('quotes every term so no FTS syntax reaches SQLite', () => {
    expect(toFtsQuery('jose gar')).toBe('"jose"* "gar"*');
    expect(toFtsQuery('NEAR(a "b")')).toBe('"NEAR"* "a"* "b"*');
    expect(toFtsQuery('+34 600 11')).toBe('"3460011"*');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('"*()')).toBeNull();
  });

  it('filters the contacts list with the same words', async () => {
    const db = tempDb();
    const { jose } = seed(db);
    const result = await dispatch('contacts.list', { query: 'jose gar' }, ctxFor(db));
    expect(result.ok && (result.value as { items: { id: string }[] }).items.map((c) => c.id)).toEqual([jose.id]);
  });
});
