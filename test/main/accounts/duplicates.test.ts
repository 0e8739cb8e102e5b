import { describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import type { Contact } from '../../../src/shared/contract';
import { newId } from '../../../src/shared/ids';
import { countRows, tempDb } from '../db/temp-db';
import { call, expectNothingWritten, refuse } from './api';

const contact = (db: CrmDb, input: Parameters<typeof call<'contacts.create'>>[2]) => call(db, 'contacts.create', input);
const company = (db: CrmDb, name: string, domain?: string) =>
  call(db, 'companies.create', { name, ...(domain ? { domain } : {}) });
const link = (db: CrmDb, contactId: string, companyId: string, extra: { role?: string; isPrimary?: boolean } = {}) =>
  call(db, 'contacts.linkCompany', { contactId, companyId, ...extra });

/** There is no activities API yet: activities and their links go through the mutation layer. */
function activityFor(db: CrmDb, subject: string, entityIds: string[]): string {
  const id = newId();
  mutate(db, [
    { table: 'activities', op: 'insert', id, values: { type: 'call', subject, startAt: 1_750_000_000_000 } },
    ...entityIds.map((entityId) => ({
      table: 'activity_links' as const,
      op: 'insert' as const,
      id: newId(),
      values: { activityId: id, entityType: 'contacts', entityId },
    })),
  ]);
  return id;
}

function liveRows(db: CrmDb, table: string, column: string, id: string): string[] {
  return db.sqlite
    .prepare(`SELECT id FROM "${table}" WHERE "${column}" = ? AND deleted = 0 ORDER BY id`)
    .pluck()
    .all(id) as string[];
}
const activityIdsOf = (db: CrmDb, entityId: string) =>
  db.sqlite
    .prepare('SELECT activity_id FROM activity_links WHERE entity_id = ? AND deleted = 0 ORDER BY activity_id')
    .pluck()
    .all(entityId) as string[];

describe('duplicates: live check while typing', () => {
  it('finds the same email in another case, the same phone typed differently, and a similar name at the same company', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const beta = await company(db, 'Beta');
    const ana = await contact(db, {
      firstName: 'Ana',
      lastName: 'López',
      emails: [{ value: 'ana.lopez@example.com' }],
    });
    const phoned = await contact(db, { firstName: 'Pere', lastName: 'Puig', phones: [{ value: '+1 212 555 0100' }] });
    const john = await contact(db, { firstName: 'John', lastName: 'Smith' });
    await link(db, john.id, acme.id);

    const byEmail = await call(db, 'duplicates.check', {
      entity: 'contacts',
      firstName: 'A',
      emails: ['ANA.Lopez@Example.com'],
    });
    expect(byEmail.candidates).toEqual([
      { id: ana.id, title: 'Ana López', subtitle: 'ana.lopez@example.com', reasons: ['same_email'] },
    ]);

    const byPhone = await call(db, 'duplicates.check', { entity: 'contacts', phones: ['(212) 555-0100'] });
    expect(byPhone.candidates.map((c) => [c.id, c.reasons])).toEqual([[phoned.id, ['same_phone']]]);

    const byName = await call(db, 'duplicates.check', {
      entity: 'contacts',
      firstName: 'Jon',
      lastName: 'Smith',
      companyIds: [acme.id],
    });
    expect(byName.candidates.map((c) => [c.id, c.title, c.reasons])).toEqual([
      [john.id, 'John Smith', ['same_name_company']],
    ]);
    // The same name at another company is somebody else.
    const elsewhere = await call(db, 'duplicates.check', {
      entity: 'contacts',
      firstName: 'Jon',
      lastName: 'Smith',
      companyIds: [beta.id],
    });
    expect(elsewhere.candidates).toEqual([]);
    // Nothing in common: nothing found.
    const none = await call(db, 'duplicates.check', {
      entity: 'contacts',
      firstName: 'Zed',
      emails: ['zed@example.com'],
      phones: ['(212) 555-0199'],
    });
    expect(none.candidates).toEqual([]);
  });

  it('two different people with the same last name at one company are not duplicates', async () => {
    const db = tempDb();
    const acme = await company(db, 'Construcciones García');
    const jose = await contact(db, { firstName: 'José', lastName: 'García' });
    const juan = await contact(db, { firstName: 'Juan', lastName: 'García' });
    await link(db, jose.id, acme.id);
    await link(db, juan.id, acme.id);
    const check = await call(db, 'duplicates.check', {
      entity: 'contacts',
      firstName: 'Jaime',
      lastName: 'García',
      companyIds: [acme.id],
    });
    expect(check.candidates).toEqual([]);
    expect((await call(db, 'duplicates.groups', { entity: 'contacts' })).groups).toEqual([]);
  });

  it('leaves out the record being edited (excludeId) and deleted records', async () => {
    const db = tempDb();
    const ana = await contact(db, { firstName: 'Ana', emails: [{ value: 'ana@example.com' }] });
    const probe = { entity: 'contacts' as const, emails: ['ana@example.com'] };
    expect((await call(db, 'duplicates.check', probe)).candidates.map((c) => c.id)).toEqual([ana.id]);
    expect((await call(db, 'duplicates.check', { ...probe, excludeId: ana.id })).candidates).toEqual([]);
    await call(db, 'contacts.delete', { id: ana.id });
    expect((await call(db, 'duplicates.check', probe)).candidates).toEqual([]);
  });

  it('companies: same domain (from a website) or same name', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme Corp', 'acme.com');
    const globex = await company(db, 'Globex');
    const byDomain = await call(db, 'duplicates.check', {
      entity: 'companies',
      domain: 'https://www.ACME.com/contact',
    });
    expect(byDomain.candidates).toEqual([
      { id: acme.id, title: 'Acme Corp', subtitle: 'acme.com', reasons: ['same_domain'] },
    ]);
    const byName = await call(db, 'duplicates.check', { entity: 'companies', name: ' GLÓBEX ' });
    expect(byName.candidates.map((c) => [c.id, c.reasons])).toEqual([[globex.id, ['same_name']]]);
  });
});

describe('duplicates: groups across the book', () => {
  it('joins A~B (email) and B~C (phone) into one group of 3, largest group first', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const a = await contact(db, { firstName: 'Alba', emails: [{ value: 'shared@example.com' }] });
    const b = await contact(db, {
      firstName: 'Berta',
      emails: [{ value: 'Shared@Example.com' }],
      phones: [{ value: '+34 600 111 222' }],
    });
    const c = await contact(db, { firstName: 'Clara', phones: [{ value: '+34600111222' }] });
    await contact(db, { firstName: 'Dora', emails: [{ value: 'dora@example.com' }] });
    const e = await contact(db, { firstName: 'Jon', lastName: 'Smith' });
    const f = await contact(db, { firstName: 'John', lastName: 'Smith' });
    await link(db, e.id, acme.id);
    await link(db, f.id, acme.id);

    const { groups, total } = await call(db, 'duplicates.groups', { entity: 'contacts' });
    expect(total).toBe(2);
    expect(groups[0]!.ids.sort()).toEqual([a.id, b.id, c.id].sort());
    expect(groups[0]!.reasons.sort()).toEqual(['same_email', 'same_phone']);
    expect(groups[0]!.records.find((r) => r.id === b.id)?.reasons.sort()).toEqual(['same_email', 'same_phone']);
    expect(groups[1]!.ids.sort()).toEqual([e.id, f.id].sort());
    expect(groups[1]!.reasons).toEqual(['same_name_company']);
    expect((await call(db, 'duplicates.groups', { entity: 'contacts', limit: 1 })).groups).toHaveLength(1);
  });

  it('groups companies by domain and by name', async () => {
    const db = tempDb();
    const a1 = await company(db, 'Acme Corp', 'acme.com');
    const a2 = await company(db, 'Acme Corporation', 'https://www.acme.com');
    const g1 = await company(db, 'Globex');
    const g2 = await company(db, 'GLÓBEX');
    await company(db, 'Initech', 'initech.com');
    const { groups, total } = await call(db, 'duplicates.groups', { entity: 'companies' });
    expect(total).toBe(2);
    const byReason = new Map(groups.map((g) => [g.reasons.join(','), g.ids.sort()]));
    expect(byReason.get('same_domain')).toEqual([a1.id, a2.id].sort());
    expect(byReason.get('same_name')).toEqual([g1.id, g2.id].sort());
  });
});

interface MergeBook {
  db: CrmDb;
  survivor: Contact;
  merged: Contact;
  acme: string;
  beta: string;
  vip: string;
  lead: string;
  score: string;
  region: string;
  shared: string;
  own: string;
  noteOnMerged: string;
}

/** A survivor and a duplicate with overlapping and different emails, companies, tags, notes and activities. */
async function mergeBook(): Promise<MergeBook> {
  const db = tempDb();
  const score = (await call(db, 'customFields.create', { entity: 'contacts', label: 'Score', type: 'number' })).key;
  const region = (await call(db, 'customFields.create', { entity: 'contacts', label: 'Region', type: 'text' })).key;
  const acme = (await company(db, 'Acme')).id;
  const beta = (await company(db, 'Beta')).id;
  const survivor = await contact(db, {
    firstName: 'Jon',
    lastName: 'Smith',
    emails: [{ value: 'jon@acme.com', label: 'work' }],
    custom: { [score]: 10 },
  });
  const merged = await contact(db, {
    firstName: 'John',
    lastName: 'Smith',
    jobTitle: 'CTO',
    emails: [{ value: 'JON@acme.com' }, { value: 'john.private@example.com', label: 'home' }],
    phones: [{ value: '+34 600 111 222' }],
    custom: { [score]: 99, [region]: 'EMEA' },
  });
  await link(db, survivor.id, acme, { role: 'Engineer' });
  await link(db, merged.id, acme, { role: 'CTO' });
  await link(db, merged.id, beta, { role: 'Advisor' });
  const vip = (await call(db, 'tags.create', { name: 'VIP' })).id;
  const lead = (await call(db, 'tags.create', { name: 'Hot lead' })).id;
  await call(db, 'tags.apply', { tagId: vip, entity: 'contacts', ids: [survivor.id, merged.id] });
  await call(db, 'tags.apply', { tagId: lead, entity: 'contacts', ids: [merged.id] });
  const noteOnMerged = (
    await call(db, 'notes.create', { entityType: 'contacts', entityId: merged.id, body: 'Met at the fair' })
  ).id;
  const shared = activityFor(db, 'Call with both', [survivor.id, merged.id]);
  const own = activityFor(db, 'Call with John', [merged.id]);
  return { db, survivor, merged, acme, beta, vip, lead, score, region, shared, own, noteOnMerged };
}

/** What a person sees of one contact: its values and everything attached to it. */
async function view(db: CrmDb, id: string) {
  const c = db.sqlite.prepare('SELECT * FROM contacts WHERE id = ?').get(id) as Record<string, unknown>;
  const { updated_at: _at, updated_by: _by, ...values } = c;
  return {
    values,
    companies: (await call(db, 'contacts.companies', { id })).items.map((l) => [l.companyId, l.role, l.isPrimary]),
    tags: (await call(db, 'tags.of', { entity: 'contacts', id })).items.map((t) => t.name),
    notes: liveRows(db, 'notes', 'entity_id', id),
    activities: activityIdsOf(db, id),
  };
}

describe('duplicates: merge and undo', () => {
  it('merges into the survivor: chosen fields, united emails, moved links without doubles, merged record redirected', async () => {
    const book = await mergeBook();
    const { db, survivor, merged } = book;
    const { mergeId, survivorId } = await call(db, 'duplicates.merge', {
      entity: 'contacts',
      survivorId: survivor.id,
      mergedIds: [merged.id],
      fields: { firstName: merged.id },
    });
    expect(survivorId).toBe(survivor.id);
    expect(mergeId).toMatch(/^[0-9a-f-]{36}$/);

    const s = await call(db, 'contacts.get', { id: survivor.id });
    expect(s).toMatchObject({ firstName: 'John', lastName: 'Smith', displayName: 'John Smith', jobTitle: 'CTO' });
    // Emails united, the same address once (the survivor's, with its label), order kept.
    expect(s.emails).toEqual([
      { value: 'jon@acme.com', label: 'work' },
      { value: 'john.private@example.com', label: 'home' },
    ]);
    expect(s.phones).toEqual([{ value: '+34600111222' }]);
    // Custom values: the survivor's win, the other fills the gaps.
    expect(s.custom).toEqual({ [book.score]: 10, [book.region]: 'EMEA' });

    // Companies: Acme once (the survivor's own link and role), Beta moved over.
    const companies = (await call(db, 'contacts.companies', { id: survivor.id })).items;
    expect(companies.map((l) => [l.name, l.role])).toEqual([
      ['Acme', 'Engineer'],
      ['Beta', 'Advisor'],
    ]);
    expect((await call(db, 'companies.contacts', { id: book.acme })).items.map((l) => l.contactId)).toEqual([
      survivor.id,
    ]);
    // Tags: VIP once, Hot lead moved.
    expect((await call(db, 'tags.of', { entity: 'contacts', id: survivor.id })).items.map((t) => t.name)).toEqual([
      'Hot lead',
      'VIP',
    ]);
    // Notes and activities moved; the activity with both is linked once.
    expect(liveRows(db, 'notes', 'entity_id', survivor.id)).toEqual([book.noteOnMerged]);
    expect(activityIdsOf(db, survivor.id)).toEqual([book.shared, book.own].sort());
    expect(activityIdsOf(db, merged.id)).toEqual([]);
    const timeline = await call(db, 'timeline.list', {
      entity: 'contacts',
      id: survivor.id,
      kinds: ['note', 'activity'],
    });
    expect(timeline.items.map((i) => i.title).sort()).toEqual(['Call with John', 'Call with both', 'Met at the fair']);

    // The merged record leaves lists, counts, search and the trash, and its id now opens the survivor.
    const raw = db.sqlite.prepare('SELECT deleted, merged_into FROM contacts WHERE id = ?').get(merged.id);
    expect(raw).toEqual({ deleted: 1, merged_into: survivor.id });
    expect((await call(db, 'contacts.list', {})).items.map((c) => c.id)).toEqual([survivor.id]);
    expect((await call(db, 'contacts.count', {})).count).toBe(1);
    expect((await call(db, 'trash.list', { entity: 'contacts' })).items).toEqual([]);
    expect((await call(db, 'contacts.get', { id: merged.id })).id).toBe(survivor.id);
    const hits = (await call(db, 'search.query', { query: 'john.private@example.com' })).hits;
    expect(hits.map((h) => h.id)).toEqual([survivor.id]);
    expect((await call(db, 'duplicates.groups', { entity: 'contacts' })).total).toBe(0);
  });

  it('after a merge the survivor still has exactly one primary company', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const beta = await company(db, 'Beta');
    const s = await contact(db, { firstName: 'Jon', lastName: 'Smith' });
    const m = await contact(db, { firstName: 'John', lastName: 'Smith' });
    await link(db, s.id, acme.id); // primary: her first company
    await link(db, m.id, beta.id); // primary of the duplicate
    await call(db, 'duplicates.merge', { entity: 'contacts', survivorId: s.id, mergedIds: [m.id] });
    const links = (await call(db, 'contacts.companies', { id: s.id })).items;
    expect(links.map((l) => l.name).sort()).toEqual(['Acme', 'Beta']);
    expect(links.filter((l) => l.isPrimary).map((l) => l.name)).toEqual(['Acme']);
  });

  it('after a merge, a company the survivor had once left and the duplicate still had can be unlinked', async () => {
    const db = tempDb();
    const acme = await company(db, 'Acme');
    const s = await contact(db, { firstName: 'Jon', lastName: 'Smith' });
    const m = await contact(db, { firstName: 'John', lastName: 'Smith' });
    await link(db, s.id, acme.id);
    await call(db, 'contacts.unlinkCompany', { contactId: s.id, companyId: acme.id });
    await link(db, m.id, acme.id, { role: 'CTO' });
    await call(db, 'duplicates.merge', { entity: 'contacts', survivorId: s.id, mergedIds: [m.id] });
    expect((await call(db, 'contacts.companies', { id: s.id })).items.map((l) => [l.name, l.role])).toEqual([
      ['Acme', 'CTO'],
    ]);

    // The person now removes Acme from the survivor: it must go.
    expect(await call(db, 'contacts.unlinkCompany', { contactId: s.id, companyId: acme.id })).toEqual({
      removed: true,
    });
    expect((await call(db, 'contacts.companies', { id: s.id })).items).toEqual([]);
  });

  it('undo puts everything back as it was, and a second undo is refused', async () => {
    const book = await mergeBook();
    const { db, survivor, merged } = book;
    const tables = ['contacts', 'contact_companies', 'taggings', 'notes', 'activity_links', 'activities'];
    const liveCount = () =>
      Object.fromEntries(
        tables.map((t) => [t, db.sqlite.prepare(`SELECT count(*) FROM "${t}" WHERE deleted = 0`).pluck().get()]),
      );
    const before = { counts: liveCount(), s: await view(db, survivor.id), m: await view(db, merged.id) };

    const { mergeId } = await call(db, 'duplicates.merge', {
      entity: 'contacts',
      survivorId: survivor.id,
      mergedIds: [merged.id],
      fields: { firstName: merged.id },
    });
    expect(liveCount()).not.toEqual(before.counts);

    const undone = await call(db, 'duplicates.undoMerge', { mergeId });
    expect(undone).toEqual({ restoredIds: [merged.id] });
    expect(liveCount()).toEqual(before.counts);
    expect(await view(db, survivor.id)).toEqual(before.s);
    expect(await view(db, merged.id)).toEqual(before.m);
    expect((await call(db, 'contacts.get', { id: merged.id })).id).toBe(merged.id);
    expect((await call(db, 'contacts.count', {})).count).toBe(2);
    // Search follows: the private address finds the duplicate again, not the survivor.
    const hits = (await call(db, 'search.query', { query: 'john.private@example.com' })).hits;
    expect(hits.map((h) => h.id)).toEqual([merged.id]);

    await expectNothingWritten(db, ['sync_outbox', 'audit_history'], async () => {
      const again = await refuse(db, 'duplicates.undoMerge', { mergeId }, 'es');
      expect(again.issues).toEqual([
        { path: ['mergeId'], key: 'validation.already_undone', message: 'Esto ya se deshizo.' },
      ]);
    });
  });

  it('refuses merging a deleted record or an unknown field choice, and changes nothing', async () => {
    const { db, survivor, merged } = await mergeBook();
    const other = await contact(db, { firstName: 'Gone' });
    await call(db, 'contacts.delete', { id: other.id });
    await expectNothingWritten(db, ['sync_outbox', 'audit_history', 'merge_history'], async () => {
      const deleted = await refuse(db, 'duplicates.merge', {
        entity: 'contacts',
        survivorId: survivor.id,
        mergedIds: [merged.id, other.id],
      });
      expect(deleted).toMatchObject({
        code: 'not_found',
        key: 'errors.not_found',
        params: { entity: 'entity.contact' },
      });
      const deletedSurvivor = await refuse(db, 'duplicates.merge', {
        entity: 'contacts',
        survivorId: other.id,
        mergedIds: [merged.id],
      });
      expect(deletedSurvivor.code).toBe('not_found');
      const badField = await refuse(db, 'duplicates.merge', {
        entity: 'contacts',
        survivorId: survivor.id,
        mergedIds: [merged.id],
        fields: { shoeSize: merged.id },
      });
      expect(badField.issues?.[0]?.path).toEqual(['fields', 'shoeSize']);
      const strangerSource = await refuse(db, 'duplicates.merge', {
        entity: 'contacts',
        survivorId: survivor.id,
        mergedIds: [merged.id],
        fields: { firstName: other.id },
      });
      expect(strangerSource.issues?.[0]?.path).toEqual(['fields', 'firstName']);
      const self = await refuse(db, 'duplicates.merge', {
        entity: 'contacts',
        survivorId: survivor.id,
        mergedIds: [survivor.id],
      });
      expect(self.issues?.[0]?.path).toEqual(['mergedIds']);
    });
    expect(countRows(db, 'merge_history')).toBe(0);
  });

  it('a merged-away record is not in the contacts trash view', async () => {
    const { db, survivor, merged } = await mergeBook();
    await call(db, 'duplicates.merge', { entity: 'contacts', survivorId: survivor.id, mergedIds: [merged.id] });
    // The trash screen (trash.list) hides it; the contact list's trash view must agree.
    expect((await call(db, 'trash.list', { entity: 'contacts' })).items).toEqual([]);
    expect((await call(db, 'contacts.list', { trash: true })).items).toEqual([]);
    expect((await call(db, 'contacts.count', { trash: true })).count).toBe(0);
  });

  it('a merged-away record cannot be brought back through the trash (only by undoing the merge)', async () => {
    const { db, survivor, merged } = await mergeBook();
    await call(db, 'duplicates.merge', { entity: 'contacts', survivorId: survivor.id, mergedIds: [merged.id] });
    expect(await call(db, 'trash.restore', { entity: 'contacts', ids: [merged.id] })).toEqual({ restored: 0 });
    expect((await call(db, 'contacts.count', {})).count).toBe(1);
  });

  it('merges companies: contacts, deals and subsidiaries move to the survivor', async () => {
    const db = tempDb();
    const s = await company(db, 'Acme', 'acme.com');
    const m = await company(db, 'ACME Inc.', 'www.acme.com');
    const sub = await call(db, 'companies.create', { name: 'Acme Labs', parentId: m.id });
    const ana = await contact(db, { firstName: 'Ana' });
    await link(db, ana.id, m.id, { role: 'Buyer' });
    const dealId = newId();
    mutate(db, { table: 'deals', op: 'insert', id: dealId, values: { title: 'Big deal', companyId: m.id } });

    const { mergeId } = await call(db, 'duplicates.merge', {
      entity: 'companies',
      survivorId: s.id,
      mergedIds: [m.id],
    });
    expect((await call(db, 'companies.contacts', { id: s.id })).items.map((l) => [l.name, l.role])).toEqual([
      ['Ana', 'Buyer'],
    ]);
    expect((await call(db, 'companies.get', { id: sub.id })).parentId).toBe(s.id);
    expect(db.sqlite.prepare('SELECT company_id FROM deals WHERE id = ?').pluck().get(dealId)).toBe(s.id);
    expect((await call(db, 'companies.get', { id: m.id })).id).toBe(s.id);
    expect((await call(db, 'companies.list', {})).items.map((c) => c.name)).toEqual(['Acme', 'Acme Labs']);

    await call(db, 'duplicates.undoMerge', { mergeId });
    expect((await call(db, 'companies.get', { id: sub.id })).parentId).toBe(m.id);
    expect(db.sqlite.prepare('SELECT company_id FROM deals WHERE id = ?').pluck().get(dealId)).toBe(m.id);
    expect((await call(db, 'companies.contacts', { id: m.id })).items.map((l) => l.name)).toEqual(['Ana']);
    expect((await call(db, 'companies.count', {})).count).toBe(3);
  });
});
