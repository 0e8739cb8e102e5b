import { and, asc, desc, eq } from 'drizzle-orm';
import { companies, contactCompanies, contacts } from '../../../db/schema';
import type { ContactCompanyLink } from '../../shared/contract/companies';
import { contactDisplayName } from '../../shared/domain/contact';
import { newId } from '../../shared/ids';
import { notFound } from '../errors';
import { mutate, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

type LinkRow = typeof contactCompanies.$inferSelect;

function findLink(db: CrmDb, contactId: string, companyId: string): LinkRow | undefined {
  return (
    db.orm
      .select()
      .from(contactCompanies)
      .where(and(eq(contactCompanies.contactId, contactId), eq(contactCompanies.companyId, companyId)))
      // A merge can leave a live and a deleted row for one pair: the live one is the link.
      .orderBy(asc(contactCompanies.deleted), desc(contactCompanies.updatedAt))
      .get()
  );
}

/** Creates or updates the link; making it primary clears the flag on the contact's other links. */
export function linkCompany(
  db: CrmDb,
  input: { contactId: string; companyId: string; role?: string | null | undefined; isPrimary?: boolean | undefined },
  options: WriteOptions = {},
): ContactCompanyLink {
  const contact = db.orm.select().from(contacts).where(eq(contacts.id, input.contactId)).get();
  if (!contact || contact.deleted) throw notFound('entity.contact');
  const company = db.orm.select().from(companies).where(eq(companies.id, input.companyId)).get();
  if (!company || company.deleted) throw notFound('entity.company');

  const existing = findLink(db, input.contactId, input.companyId);
  const others = db.orm
    .select()
    .from(contactCompanies)
    .where(and(eq(contactCompanies.contactId, input.contactId), eq(contactCompanies.deleted, false)))
    .all()
    .filter((l) => l.companyId !== input.companyId);
  // The first company of a contact is its primary one unless said otherwise.
  const isPrimary =
    input.isPrimary ?? (existing && !existing.deleted ? existing.isPrimary : others.every((o) => !o.isPrimary));
  const values = {
    contactId: input.contactId,
    companyId: input.companyId,
    deleted: false,
    isPrimary,
    ...(input.role !== undefined ? { role: input.role } : {}),
  };
  const id = existing?.id ?? newId();
  const batch: Mutation[] = [{ table: 'contact_companies', op: existing ? 'update' : 'insert', id, values }];
  if (isPrimary) {
    for (const other of others.filter((o) => o.isPrimary)) {
      batch.push({ table: 'contact_companies', op: 'update', id: other.id, values: { isPrimary: false } });
    }
  }
  mutate(db, batch, options);
  const link = findLink(db, input.contactId, input.companyId)!;
  return { ...pick(link), name: company.name };
}

export function unlinkCompany(db: CrmDb, contactId: string, companyId: string, options: WriteOptions = {}): boolean {
  const link = findLink(db, contactId, companyId);
  if (!link || link.deleted) return false;
  const batch: Mutation[] = [{ table: 'contact_companies', op: 'delete', id: link.id }];
  // Losing the primary company promotes another one, so a contact with companies always has one.
  if (link.isPrimary) {
    const next = companiesOfContact(db, contactId).find((l) => l.companyId !== companyId);
    if (next) batch.push({ table: 'contact_companies', op: 'update', id: next.id, values: { isPrimary: true } });
  }
  mutate(db, batch, options);
  return true;
}

function pick(l: LinkRow) {
  return { id: l.id, contactId: l.contactId, companyId: l.companyId, role: l.role, isPrimary: l.isPrimary };
}

export function companiesOfContact(db: CrmDb, contactId: string): ContactCompanyLink[] {
  return db.orm
    .select({ link: contactCompanies, name: companies.name })
    .from(contactCompanies)
    .innerJoin(companies, eq(companies.id, contactCompanies.companyId))
    .where(
      and(eq(contactCompanies.contactId, contactId), eq(contactCompanies.deleted, false), eq(companies.deleted, false)),
    )
    .orderBy(desc(contactCompanies.isPrimary), companies.nameSort)
    .all()
    .map((r) => ({ ...pick(r.link), name: r.name }));
}

export function contactsOfCompany(db: CrmDb, companyId: string): ContactCompanyLink[] {
  return db.orm
    .select({ link: contactCompanies, contact: contacts })
    .from(contactCompanies)
    .innerJoin(contacts, eq(contacts.id, contactCompanies.contactId))
    .where(
      and(eq(contactCompanies.companyId, companyId), eq(contactCompanies.deleted, false), eq(contacts.deleted, false)),
    )
    .orderBy(desc(contactCompanies.isPrimary), contacts.nameSort)
    .all()
    .map((r) => ({ ...pick(r.link), name: contactDisplayName(r.contact) }));
}
