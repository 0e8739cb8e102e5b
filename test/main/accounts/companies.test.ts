import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import type { Company, Contact, MethodInput } from '../../../src/shared/contract';
import { foldText } from '../../../src/shared/domain/text';
import { tempDb } from '../db/temp-db';
import { allPages, call, expectNothingWritten, refuse } from './api';

const company = (
  db: CrmDb,
  name: string,
  extra: Omit<MethodInput<'companies.create'>, 'name'> = {},
): Promise<Company> => call(db, 'companies.create', { name, ...extra });
const contact = (db: CrmDb, firstName: string, lastName?: string): Promise<Contact> =>
  call(db, 'contacts.create', { firstName, ...(lastName ? { lastName } : {}) });

describe('companies: create and domain', () => {
  it('stores a website as its bare, lower-case domain', async () => {
    const db = tempDb();
    const acme = await call(db, 'companies.create', {
      name: 'Acme Iberia',
      domain: 'https://www.Acme.es/about',
      type: 'customer',
      employees: 40,
      phones: [{ value: '(212) 555-0100', label: 'office' }],
    });
    expect(acme).toMatchObject({ name: 'Acme Iberia', domain: 'acme.es', type: 'customer', employees: 40 });
    expect(acme.phones).toEqual([{ value: '+12125550100', label: 'office' }]);
    expect((await call(db, 'companies.get', { id: acme.id })).domain).toBe('acme.es');
  });

  it('refuses an invalid domain at ["domain"] and writes nothing', async () => {
    const db = tempDb();
    await company(db, 'Existing');
    await expectNothingWritten(db, ['companies', 'sync_outbox', 'audit_history', 'search_doc'], async () => {
      const error = await refuse(db, 'companies.create', { name: 'Bad', domain: 'not a domain' }, 'es');
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toEqual([
        { path: ['domain'], key: 'validation.domain_invalid', message: 'Escribe un dominio como ejemplo.com.' },
      ]);
    });
  });

  it('refuses an invalid domain on update and keeps the old one', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme', { domain: 'acme.com' });
    await expectNothingWritten(db, ['sync_outbox', 'audit_history'], async () => {
      const error = await refuse(db, 'companies.update', { id: acme.id, domain: 'http://' });
      expect(error.issues?.map((i) => [i.path, i.key])).toEqual([[['domain'], 'validation.domain_invalid']]);
    });
    expect((await call(db, 'companies.get', { id: acme.id })).domain).toBe('acme.com');
  });
});

describe('companies: parent and subsidiaries', () => {
  it('lists the subsidiaries of a parent, and a parent shows on each subsidiary', async () => {
    const db = tempDb();
    const group = await company(db, 'Acme Group');
    const es = await call(db, 'companies.create', { name: 'Acme España', parentId: group.id });
    const fr = await call(db, 'companies.create', { name: 'Acme France', parentId: group.id });
    await company(db, 'Unrelated');
    const subs = await call(db, 'companies.list', { parentId: group.id });
    expect(subs.items.map((c) => c.name)).toEqual(['Acme España', 'Acme France']);
    expect((await call(db, 'companies.count', { parentId: group.id })).count).toBe(2);
    expect((await call(db, 'companies.get', { id: es.id })).parentId).toBe(group.id);
    expect((await call(db, 'companies.list', { parentId: fr.id })).items).toEqual([]);
  });

  it('refuses making a company its own ancestor, directly or through a subsidiary', async () => {
    const db = tempDb();
    const group = await company(db, 'Group');
    const sub = await call(db, 'companies.create', { name: 'Sub', parentId: group.id });
    const subSub = await call(db, 'companies.create', { name: 'SubSub', parentId: sub.id });

    await expectNothingWritten(db, ['sync_outbox', 'audit_history'], async () => {
      for (const parentId of [group.id, sub.id, subSub.id]) {
        const error = await refuse(db, 'companies.update', { id: group.id, parentId });
        expect(error.code).toBe('invalid_input');
        expect(error.issues).toEqual([
          {
            path: ['parentId'],
            key: 'validation.parent_cycle',
            message: 'A company cannot be its own parent, directly or through its subsidiaries.',
          },
        ]);
      }
    });
    expect((await call(db, 'companies.get', { id: group.id })).parentId).toBeNull();
    // Moving a subsidiary elsewhere in its own tree is fine.
    const moved = await call(db, 'companies.update', { id: subSub.id, parentId: group.id });
    expect(moved.parentId).toBe(group.id);
  });

  it('refuses a parent that does not exist', async () => {
    const db = tempDb();
    const error = await refuse(db, 'companies.create', {
      name: 'Orphan',
      parentId: '01900000-0000-7000-8000-000000000000',
    });
    expect(error.issues?.[0]).toMatchObject({ path: ['parentId'], key: 'errors.not_found' });
  });
});

describe('companies: contacts linked with a role and a primary company', () => {
  it('links with a role; the first link is primary; isPrimary moves the flag; lists show primary first', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const zeta = await company(db, 'Zeta Corp');
    const beta = await company(db, 'Beta');
    const ana = await contact(db, 'Ana', 'Zamora');
    const bob = await contact(db, 'Bob', 'Abad');

    const first = await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: zeta.id, role: 'CTO' });
    expect(first).toMatchObject({
      contactId: ana.id,
      companyId: zeta.id,
      role: 'CTO',
      isPrimary: true,
      name: 'Zeta Corp',
    });
    const second = await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id, role: 'Advisor' });
    expect(second.isPrimary).toBe(false);

    // Ana's companies: the primary first, even though "Acme" sorts before "Zeta".
    let anaCompanies = (await call(db, 'contacts.companies', { id: ana.id })).items;
    expect(anaCompanies.map((l) => [l.name, l.role, l.isPrimary])).toEqual([
      ['Zeta Corp', 'CTO', true],
      ['Acme', 'Advisor', false],
    ]);

    // Linking another company as primary moves the flag: only one primary.
    await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: beta.id, isPrimary: true });
    anaCompanies = (await call(db, 'contacts.companies', { id: ana.id })).items;
    expect(anaCompanies.map((l) => [l.name, l.isPrimary])).toEqual([
      ['Beta', true],
      ['Acme', false],
      ['Zeta Corp', false],
    ]);

    // Changing only the role keeps the primary flag as it is.
    const relinked = await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: beta.id, role: 'CEO' });
    expect(relinked).toMatchObject({ role: 'CEO', isPrimary: true });

    // Acme's contacts: Ana (primary there) before Bob (not primary) although Abad < Zamora.
    await call(db, 'contacts.linkCompany', { contactId: bob.id, companyId: beta.id });
    await call(db, 'contacts.linkCompany', { contactId: bob.id, companyId: acme.id, role: 'Buyer' });
    await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id, isPrimary: true });
    const acmeContacts = (await call(db, 'companies.contacts', { id: acme.id })).items;
    expect(acmeContacts.map((l) => [l.name, l.role, l.isPrimary])).toEqual([
      ['Ana Zamora', 'Advisor', true],
      ['Bob Abad', 'Buyer', false],
    ]);
    expect((await call(db, 'contacts.companies', { id: ana.id })).items.filter((l) => l.isPrimary)).toHaveLength(1);
  });

  it('unlinks, and a second unlink reports nothing removed', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const ana = await contact(db, 'Ana');
    await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id, role: 'CTO' });
    expect(await call(db, 'contacts.unlinkCompany', { contactId: ana.id, companyId: acme.id })).toEqual({
      removed: true,
    });
    expect((await call(db, 'contacts.companies', { id: ana.id })).items).toEqual([]);
    expect((await call(db, 'companies.contacts', { id: acme.id })).items).toEqual([]);
    expect(await call(db, 'contacts.unlinkCompany', { contactId: ana.id, companyId: acme.id })).toEqual({
      removed: false,
    });

    // Linking again brings one link back, primary again as it is her only company.
    const again = await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id });
    expect(again.isPrimary).toBe(true);
    expect((await call(db, 'companies.contacts', { id: acme.id })).items).toHaveLength(1);
  });

  it('refuses linking to a deleted company', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const ana = await contact(db, 'Ana');
    await call(db, 'companies.delete', { id: acme.id });
    const error = await refuse(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id });
    expect(error).toMatchObject({
      code: 'not_found',
      params: { entity: 'entity.company' },
      message: 'Company not found.',
    });
  });

  it('tells a Spanish user that a company was not found in correct Spanish', async () => {
    const db = tempDb();
    const ana = await contact(db, 'Ana');
    const error = await refuse(
      db,
      'contacts.linkCompany',
      { contactId: ana.id, companyId: '01900000-0000-7000-8000-000000000000' },
      'es',
    );
    // "Empresa" is feminine: today the message reads "Empresa no encontrado."
    expect(error.message).toContain('Empresa');
    expect(error.message).not.toMatch(/Empresa no encontrado\b/);
  });
});

describe('companies: trash', () => {
  it("deletes and restores; a deleted company leaves the list and its contacts' company lists", async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    await company(db, 'Beta');
    const ana = await contact(db, 'Ana');
    await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id });

    expect((await call(db, 'companies.delete', { id: acme.id })).deleted).toBe(true);
    expect((await call(db, 'companies.list', {})).items.map((c) => c.name)).toEqual(['Beta']);
    expect((await call(db, 'companies.list', { trash: true })).items.map((c) => c.id)).toEqual([acme.id]);
    expect((await call(db, 'contacts.companies', { id: ana.id })).items).toEqual([]);
    expect((await call(db, 'search.query', { query: 'acme' })).hits).toEqual([]);

    expect((await call(db, 'companies.restore', { id: acme.id })).deleted).toBe(false);
    expect((await call(db, 'companies.list', {})).items.map((c) => c.name)).toEqual(['Acme', 'Beta']);
    expect((await call(db, 'contacts.companies', { id: ana.id })).items.map((l) => l.name)).toEqual(['Acme']);
    expect((await call(db, 'search.query', { query: 'acme' })).hits.map((h) => h.id)).toEqual([acme.id]);
  });
});

describe('companies: list and search', () => {
  it('pages by name across 3 pages, each company exactly once, in folded name order', async () => {
    const db = tempDb();
    const names = [
      'Álamo',
      'Beta',
      'Cobalto',
      'Delta',
      'Émbolo',
      'Faro',
      'Gamma',
      'Hélice',
      'Índigo',
      'Jade',
      'Kilo',
      'Lima',
      'Mármol',
      'Nube',
      'Ópalo',
      'Pino',
      'Quark',
      'Roble',
      'Sauce',
      'Tilo',
      'Umbra',
      'Vela',
    ];
    for (const name of [...names].reverse()) await company(db, name);

    const pages = await allPages((cursor) => call(db, 'companies.list', { limit: 8, ...(cursor ? { cursor } : {}) }));
    expect(pages.map((p) => p.length)).toEqual([8, 8, 6]);
    const all = pages.flat();
    expect(all.map((c) => c.name)).toEqual(names);
    expect(new Set(all.map((c) => c.id)).size).toBe(names.length);

    const desc = await allPages((cursor) =>
      call(db, 'companies.list', {
        limit: 8,
        sort: { field: 'name', direction: 'desc' },
        ...(cursor ? { cursor } : {}),
      }),
    );
    expect(desc.flat().map((c) => c.name)).toEqual([...names].reverse());
    expect((await call(db, 'companies.count', {})).count).toBe(names.length);
  });

  it('finds a company by its domain, by a word of its name and in the list by words', async () => {
    const db = tempDb();
    const acme = await company(db, 'Industrias Acmé', { domain: 'https://www.acme-industrias.es/' });
    await company(db, 'Other', { domain: 'other.com' });
    const byDomain = await call(db, 'search.query', { query: 'acme-industrias.es' });
    expect(byDomain.hits[0]).toMatchObject({ type: 'company', id: acme.id, title: 'Industrias Acmé' });
    const byName = await call(db, 'search.query', { query: 'acme', types: ['company'] });
    expect(byName.hits.map((h) => h.id)).toEqual([acme.id]);
    const listed = await call(db, 'companies.list', { query: 'industrias' });
    expect(listed.items.map((c) => foldText(c.name))).toEqual(['industrias acme']);
  });
});
