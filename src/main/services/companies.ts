import { and, count, eq, like, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { companies } from '../../../db/schema';
import type { Company, companyCreateInput, companyListInput, companyUpdateInput } from '../../shared/contract/companies';
import { normaliseDomain } from '../../shared/domain/company';
import { foldText } from '../../shared/domain/text';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { normalisePhones, stripLabels } from './contact-points';
import { keysetOrder, keysetPage, keysetWhere, matchesSearch, type KeysetSpec } from './keyset';
import { toFtsQuery } from './search';

type CreateInput = z.output<typeof companyCreateInput>;
type UpdateInput = z.output<typeof companyUpdateInput>;
type ListInput = z.output<typeof companyListInput>;
type CompanyRow = typeof companies.$inferSelect;

export function toCompany(row: CompanyRow): Company {
  const { nameSort: _local, ...rest } = row;
  return {
    ...rest,
    type: row.type as Company['type'],
    lifecycleStage: row.lifecycleStage as Company['lifecycleStage'],
    addresses: row.addresses as Company['addresses'],
    social: row.social as Company['social'],
  };
}

function readCompany(db: CrmDb, id: string): CompanyRow | undefined {
  return db.orm.select().from(companies).where(eq(companies.id, id)).get();
}

export function getCompany(db: CrmDb, id: string): Company {
  const row = readCompany(db, id);
  if (!row) throw notFound('entity.company');
  return toCompany(row);
}

function domainOf(value: string | null | undefined): string | null | undefined {
  if (value === undefined || value === null || value.trim() === '') return value === undefined ? undefined : null;
  const domain = normaliseDomain(value);
  if (!domain) throw invalid([{ path: ['domain'], key: 'validation.domain_invalid' }]);
  return domain;
}

/** A parent must exist and must not be the company itself or one of its subsidiaries. */
function checkParent(db: CrmDb, id: string | null, parentId: string | null | undefined): void {
  if (!parentId) return;
  if (!readCompany(db, parentId)) throw invalid([{ path: ['parentId'], key: 'errors.not_found', params: { entity: 'entity.company' } }]);
  let cursor: string | null = parentId;
  for (let depth = 0; cursor && depth < 1000; depth++) {
    if (cursor === id) throw invalid([{ path: ['parentId'], key: 'validation.parent_cycle' }]);
    cursor = readCompany(db, cursor)?.parentId ?? null;
  }
}

export function createCompany(db: CrmDb, input: CreateInput, options: WriteOptions = {}): Company {
  const id = newId();
  checkParent(db, id, input.parentId);
  const values = {
    ...input,
    domain: domainOf(input.domain) ?? null,
    emails: stripLabels(input.emails) ?? [],
    phones: normalisePhones(db, input.phones) ?? [],
  };
  mutate(db, { table: 'companies', op: 'insert', id, values }, options);
  return getCompany(db, id);
}

export function updateCompany(db: CrmDb, input: UpdateInput, options: WriteOptions = {}): Company {
  const { id, ...patch } = input;
  if (!readCompany(db, id)) throw notFound('entity.company');
  checkParent(db, id, patch.parentId);
  const values: Record<string, unknown> = { ...patch };
  if (patch.domain !== undefined) values.domain = domainOf(patch.domain);
  if (patch.emails) values.emails = stripLabels(patch.emails);
  if (patch.phones) values.phones = normalisePhones(db, patch.phones);
  mutate(db, { table: 'companies', op: 'update', id, values }, options);
  return getCompany(db, id);
}

export function deleteCompany(db: CrmDb, id: string, options: WriteOptions = {}): Company {
  mutate(db, { table: 'companies', op: 'delete', id }, options);
  return getCompany(db, id);
}

export function restoreCompany(db: CrmDb, id: string, options: WriteOptions = {}): Company {
  mutate(db, { table: 'companies', op: 'restore', id }, options);
  return getCompany(db, id);
}

const SORT_COLUMNS = { name: companies.nameSort, createdAt: companies.createdAt, updatedAt: companies.updatedAt };

function filters(input: Pick<ListInput, 'query' | 'trash' | 'parentId'>): SQL[] {
  const where: SQL[] = [eq(companies.deleted, input.trash ?? false)];
  if (input.parentId) where.push(eq(companies.parentId, input.parentId));
  if (input.query) {
    const fts = toFtsQuery(input.query);
    if (input.trash) where.push(like(companies.nameSort, `%${foldText(input.query).replace(/[%_]/g, '')}%`));
    else if (fts) where.push(matchesSearch(companies.id, 'company', fts));
  }
  return where;
}

export function listCompanies(db: CrmDb, input: ListInput): { items: Company[]; nextCursor: string | null } {
  const limit = input.limit ?? 50;
  const field = input.sort?.field ?? 'name';
  const spec: KeysetSpec = {
    column: SORT_COLUMNS[field],
    key: field === 'name' ? 'nameSort' : field,
    id: companies.id,
    direction: input.sort?.direction ?? 'asc',
  };
  const rows = db.orm
    .select()
    .from(companies)
    .where(keysetWhere(spec, input.cursor, filters(input)))
    .orderBy(...keysetOrder(spec))
    .limit(limit + 1)
    .all();
  const page = keysetPage(rows, limit, spec);
  return { items: page.rows.map(toCompany), nextCursor: page.nextCursor };
}

export function countCompanies(db: CrmDb, input: Pick<ListInput, 'query' | 'trash' | 'parentId'>): number {
  return db.orm.select({ n: count() }).from(companies).where(and(...filters(input))).get()?.n ?? 0;
}
