import { and, count, eq, like, type SQL } from 'drizzle-orm';
import { contacts } from '../../../db/schema';
import type {
  Contact,
  ContactSortField,
  contactCreateInput,
  contactListInput,
  contactUpdateInput,
} from '../../shared/contract/contacts';
import { contactDisplayName } from '../../shared/domain/contact';
import { foldText } from '../../shared/domain/text';
import { newId } from '../../shared/ids';
import type { z } from 'zod';
import { notFound } from '../errors';
import { normalisePhones, stripLabels } from './contact-points';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { toFtsQuery } from './search';
import { keysetOrder, keysetPage, keysetWhere, matchesSearch, type KeysetSpec } from './keyset';

type CreateInput = z.output<typeof contactCreateInput>;
type UpdateInput = z.output<typeof contactUpdateInput>;
type ListInput = z.output<typeof contactListInput>;
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

const SORT_COLUMNS = {
  name: contacts.nameSort,
  createdAt: contacts.createdAt,
  updatedAt: contacts.updatedAt,
} satisfies Record<ContactSortField, unknown>;

function filters(input: Pick<ListInput, 'query' | 'trash'>): SQL[] {
  const where: SQL[] = [eq(contacts.deleted, input.trash ?? false)];
  if (input.query) {
    const fts = toFtsQuery(input.query);
    if (input.trash) {
      // Deleted records leave the search index; the trash is small, a scan of names is enough.
      where.push(like(contacts.nameSort, `%${foldText(input.query).replace(/[%_]/g, '')}%`));
    } else if (fts) {
      where.push(matchesSearch(contacts.id, 'contact', fts));
    }
  }
  return where;
}

/** One page, keyset-paginated on (sort column, id) so every page costs the same at any depth. */
export function listContacts(db: CrmDb, input: ListInput): { items: Contact[]; nextCursor: string | null } {
  const limit = input.limit ?? 50;
  const field: ContactSortField = input.sort?.field ?? 'name';
  const spec: KeysetSpec = {
    column: SORT_COLUMNS[field],
    key: field === 'name' ? 'nameSort' : field,
    id: contacts.id,
    direction: input.sort?.direction ?? 'asc',
  };
  const rows = db.orm
    .select()
    .from(contacts)
    .where(keysetWhere(spec, input.cursor, filters(input)))
    .orderBy(...keysetOrder(spec))
    .limit(limit + 1)
    .all();
  const page = keysetPage(rows, limit, spec);
  return { items: page.rows.map(toContact), nextCursor: page.nextCursor };
}

export function countContacts(db: CrmDb, input: Pick<ListInput, 'query' | 'trash'>): number {
  const row = db.orm
    .select({ n: count() })
    .from(contacts)
    .where(and(...filters(input)))
    .get();
  return row?.n ?? 0;
}
