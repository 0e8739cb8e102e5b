import { eq } from 'drizzle-orm';
import { contacts } from '../../../db/schema';
import type { Contact, contactCreateInput, contactUpdateInput } from '../../shared/contract/contacts';
import { contactDisplayName } from '../../shared/domain/contact';
import { newId } from '../../shared/ids';
import type { z } from 'zod';
import { notFound } from '../errors';
import { normalisePhones, stripLabels } from './contact-points';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { mergeCustomValues } from './custom-fields';
import { countRecords, queryRecords, type ListQuery } from './record-list';

type CreateInput = z.output<typeof contactCreateInput>;
type UpdateInput = z.output<typeof contactUpdateInput>;
type ContactRow = typeof contacts.$inferSelect;

export function toContact(row: ContactRow): Contact {
  const { nameSort: _local, ...rest } = row;
  return {
    ...rest,
    addresses: row.addresses as Contact['addresses'],
    social: row.social as Contact['social'],
    lifecycleStage: row.lifecycleStage as Contact['lifecycleStage'],
    displayName: contactDisplayName(row),
  };
}

/** Opt-out flags carry the date they were set, so consent can be shown and audited. */
function consentDates(db: CrmDb, input: Partial<CreateInput>, before?: ContactRow) {
  const out: Record<string, unknown> = {};
  if (input.emailOptOut !== undefined && input.emailOptOut !== before?.emailOptOut) {
    out.emailOptOutAt = input.emailOptOut ? db.now() : null;
  }
  if (input.phoneOptOut !== undefined && input.phoneOptOut !== before?.phoneOptOut) {
    out.phoneOptOutAt = input.phoneOptOut ? db.now() : null;
  }
  return out;
}

function readContact(db: CrmDb, id: string): ContactRow | undefined {
  return db.orm.select().from(contacts).where(eq(contacts.id, id)).get();
}

export function getContact(db: CrmDb, id: string): Contact {
  const row = readContact(db, id);
  if (!row) throw notFound('entity.contact');
  return toContact(row);
}

export function createContact(db: CrmDb, input: CreateInput, options: WriteOptions = {}): Contact {
  const id = newId();
  const values = {
    ...input,
    emails: stripLabels(input.emails) ?? [],
    phones: normalisePhones(db, input.phones) ?? [],
    custom: mergeCustomValues(db, 'contacts', {}, input.custom) ?? {},
    ...consentDates(db, input),
  };
  mutate(db, { table: 'contacts', op: 'insert', id, values }, options);
  return getContact(db, id);
}

export function updateContact(db: CrmDb, input: UpdateInput, options: WriteOptions = {}): Contact {
  const { id, ...patch } = input;
  const before = readContact(db, id);
  if (!before) throw notFound('entity.contact');
  const values: Record<string, unknown> = { ...patch, ...consentDates(db, patch, before) };
  if (patch.emails) values.emails = stripLabels(patch.emails);
  if (patch.phones) values.phones = normalisePhones(db, patch.phones);
  if (patch.custom) values.custom = mergeCustomValues(db, 'contacts', before.custom, patch.custom);
  mutate(db, { table: 'contacts', op: 'update', id, values }, options);
  return getContact(db, id);
}

export function deleteContact(db: CrmDb, id: string, options: WriteOptions = {}): Contact {
  mutate(db, { table: 'contacts', op: 'delete', id }, options);
  return getContact(db, id);
}

export function restoreContact(db: CrmDb, id: string, options: WriteOptions = {}): Contact {
  mutate(db, { table: 'contacts', op: 'restore', id }, options);
  return getContact(db, id);
}

/** One page of contacts; see queryRecords for how paging stays fast at any depth. */
export function listContacts(
  db: CrmDb,
  input: ListQuery,
  actor: string | null = null,
): { items: Contact[]; nextCursor: string | null } {
  const page = queryRecords(db, 'contacts', input, actor);
  return { items: page.rows.map(toContact), nextCursor: page.nextCursor };
}

export function countContacts(db: CrmDb, input: ListQuery, actor: string | null = null): number {
  return countRecords(db, 'contacts', input, actor);
}
