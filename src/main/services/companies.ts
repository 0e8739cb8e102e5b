import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { companies } from '../../../db/schema';
import type { Company, companyCreateInput, companyUpdateInput } from '../../shared/contract/companies';
import { normaliseDomain } from '../../shared/domain/company';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { mergeCustomValues } from './custom-fields';
import { normalisePhones, stripLabels } from './contact-points';
import { countRecords, queryRecords, type ListQuery } from './record-list';

type CreateInput = z.output<typeof companyCreateInput>;
type UpdateInput = z.output<typeof companyUpdateInput>;
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
  if (!readCompany(db, parentId))
    throw invalid([{ path: ['parentId'], key: 'errors.not_found', params: { entity: 'entity.company' } }]);
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
    custom: mergeCustomValues(db, 'companies', {}, input.custom) ?? {},
  };
  mutate(db, { table: 'companies', op: 'insert', id, values }, options);
  return getCompany(db, id);
}

export function updateCompany(db: CrmDb, input: UpdateInput, options: WriteOptions = {}): Company {
  const { id, ...patch } = input;
  const before = readCompany(db, id);
  if (!before) throw notFound('entity.company');
  checkParent(db, id, patch.parentId);
  const values: Record<string, unknown> = { ...patch };
  if (patch.domain !== undefined) values.domain = domainOf(patch.domain);
  if (patch.emails) values.emails = stripLabels(patch.emails);
  if (patch.phones) values.phones = normalisePhones(db, patch.phones);
  if (patch.custom) values.custom = mergeCustomValues(db, 'companies', before.custom, patch.custom);
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

export function listCompanies(
  db: CrmDb,
  input: ListQuery,
  actor: string | null = null,
): { items: Company[]; nextCursor: string | null } {
  const page = queryRecords(db, 'companies', input, actor);
  return { items: page.rows.map(toCompany), nextCursor: page.nextCursor };
}

export function countCompanies(db: CrmDb, input: ListQuery, actor: string | null = null): number {
  return countRecords(db, 'companies', input, actor);
}
