import { and, asc, count, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import { contacts } from '../../../db/schema';
import type {
  Contact,
  ContactSortField,
  contactCreateInput,
  contactListInput,
  contactUpdateInput,
} from '../../shared/contract/contacts';
import { contactDisplayName } from '../../shared/domain/contact';
import { normalisePhone } from '../../shared/domain/phone';
import { foldText } from '../../shared/domain/text';
import { newId } from '../../shared/ids';
import type { z } from 'zod';
import { invalid, notFound, type IssueSpec } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { toFtsQuery } from './search';
import { getSetting } from './settings';
import { decodeCursor, encodeCursor } from './cursor';

type CreateInput = z.output<typeof contactCreateInput>;
type UpdateInput = z.output<typeof contactUpdateInput>;
type ListInput = z.output<typeof contactListInput>;
type ContactRow = typeof contacts.$inferSelect;

export function toContact(row: ContactRow): Contact {
  const { nameSort: _local, ...rest } = row;
  return {
    ...rest,
    lifecycleStage: row.lifecycleStage as Contact['lifecycleStage'],
    displayName: contactDisplayName(row),
  };
}

/** Phones to E.164 in the workspace's default country; every bad one is reported at its path. */
function normalisePhones(db: CrmDb, phones: { value: string; label?: string | undefined }[] | undefined) {
  if (!phones) return undefined;
  const country = getSetting(db, 'defaultCountry');
  const issues: IssueSpec[] = [];
  const out = phones.map((p, i) => {
    const e164 = normalisePhone(p.value, country);
    if (!e164) issues.push({ path: ['phones', i, 'value'], key: 'validation.phone_invalid', params: { country } });
    return p.label ? { value: e164 ?? p.value, label: p.label } : { value: e164 ?? p.value };
  });
  if (issues.length) throw invalid(issues);
  return out;
}

function stripLabels<T extends { value: string; label?: string | undefined }>(list: T[] | undefined) {
  return list?.map((e) => (e.label ? { value: e.value, label: e.label } : { value: e.value }));
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
      where.push(
        sql`${contacts.id} IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
            WHERE search_index MATCH ${fts} AND d.type = 'contact')`,
      );
    }
  }
  return where;
}

/** One page, keyset-paginated on (sort column, id) so every page costs the same at any depth. */
export function listContacts(db: CrmDb, input: ListInput): { items: Contact[]; nextCursor: string | null } {
  const limit = input.limit ?? 50;
  const field: ContactSortField = input.sort?.field ?? 'name';
  const direction = input.sort?.direction ?? 'asc';
  const column = SORT_COLUMNS[field];
  const where = filters(input);
  if (input.cursor) {
    const [value, id] = decodeCursor(input.cursor);
    const op = direction === 'asc' ? sql.raw('>') : sql.raw('<');
    where.push(sql`(${column}, ${contacts.id}) ${op} (${value}, ${id})`);
  }
  const order = direction === 'asc' ? [asc(column), asc(contacts.id)] : [desc(column), desc(contacts.id)];
  const rows = db.orm
    .select()
    .from(contacts)
    .where(and(...where))
    .orderBy(...order)
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > limit && last ? encodeCursor([last[field === 'name' ? 'nameSort' : field], last.id]) : null;
  return { items: page.map(toContact), nextCursor };
}

export function countContacts(db: CrmDb, input: Pick<ListInput, 'query' | 'trash'>): number {
  const row = db.orm
    .select({ n: count() })
    .from(contacts)
    .where(and(...filters(input)))
    .get();
  return row?.n ?? 0;
}
