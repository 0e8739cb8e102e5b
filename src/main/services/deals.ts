import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { companies, contacts, dealContacts, deals, stages } from '../../../db/schema';
import type { Deal, DealContact, dealCreateInput, dealUpdateInput } from '../../shared/contract/deals';
import type { StageKind } from '../../shared/contract/pipelines';
import { contactDisplayName } from '../../shared/domain/contact';
import type { Locale } from '../../shared/i18n/locales';
import { newId } from '../../shared/ids';
import { invalid, notFound, type IssueSpec } from '../errors';
import { mutate, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { mergeCustomValues } from './custom-fields';
import { firstStayMutation, stageChangeMutations } from './deal-stage-history';
import { baseCurrency } from './exchange-rates';
import { firstPipeline, firstStageOfKind, readPipeline, readStage } from './pipelines';
import { countRecords, queryRecords, type ListQuery } from './record-list';

type CreateInput = z.output<typeof dealCreateInput>;
type UpdateInput = z.output<typeof dealUpdateInput>;
type DealRow = typeof deals.$inferSelect;
type StageRow = typeof stages.$inferSelect;

export const DAY = 86_400_000;

/** What a deal's computed fields need of its stage. */
interface StageFacts {
  name: string;
  kind: StageKind;
  probability: number;
  rottingDays: number | null;
}

export function isRotting(stage: StageFacts | undefined, enteredAt: number | null, now: number): boolean {
  return (
    !!stage &&
    stage.kind === 'open' &&
    !!stage.rottingDays &&
    enteredAt !== null &&
    now - enteredAt > stage.rottingDays * DAY
  );
}

export function toDeal(row: DealRow, stage: StageFacts | undefined, now: number): Deal {
  const { nameSort: _local, ...rest } = row;
  return {
    ...rest,
    status: stage?.kind ?? 'open',
    stageName: stage?.name ?? null,
    effectiveProbability: row.probability ?? stage?.probability ?? 0,
    rotting: isRotting(stage, row.stageEnteredAt, now),
  };
}

function stageFacts(row: StageRow | undefined): StageFacts | undefined {
  return row
    ? { name: row.name, kind: row.kind as StageKind, probability: row.probability, rottingDays: row.rottingDays }
    : undefined;
}

function readDeal(db: CrmDb, id: string): DealRow | undefined {
  return db.orm.select().from(deals).where(eq(deals.id, id)).get();
}

function liveDeal(db: CrmDb, id: string): DealRow {
  const row = readDeal(db, id);
  if (!row) throw notFound('entity.deal');
  return row;
}

export function getDeal(db: CrmDb, id: string): Deal {
  const row = liveDeal(db, id);
  return toDeal(row, stageFacts(row.stageId ? readStage(db, row.stageId) : undefined), db.now());
}

/**
 * The stage a deal goes to, checked: it exists, is live and belongs to the pipeline (when one is
 * named). Without a stage, the pipeline's first open stage; without either, the first pipeline's.
 */
function resolveStage(
  db: CrmDb,
  pipelineId: string | undefined,
  stageId: string | undefined,
  locale: Locale,
  options: WriteOptions,
): StageRow {
  const pipeline = pipelineId ? readPipeline(db, pipelineId) : firstPipeline(db, locale, options);
  if (!pipeline || pipeline.deleted)
    throw invalid([{ path: ['pipelineId'], key: 'errors.not_found', params: { entity: 'entity.pipeline' } }]);
  if (!stageId) {
    if (pipeline.archived)
      throw invalid([
        { path: ['pipelineId'], key: 'validation.pipeline_archived', params: { pipeline: pipeline.name } },
      ]);
    return firstStageOfKind(db, pipeline, 'open', ['stageId']);
  }
  const stage = readStage(db, stageId);
  if (!stage || stage.deleted)
    throw invalid([{ path: ['stageId'], key: 'errors.not_found', params: { entity: 'entity.stage' } }]);
  if (pipelineId && stage.pipelineId !== pipelineId)
    throw invalid([{ path: ['stageId'], key: 'validation.stage_other_pipeline', params: { pipeline: pipeline.name } }]);
  if (stage.archived)
    throw invalid([{ path: ['stageId'], key: 'validation.stage_archived', params: { stage: stage.name } }]);
  return stage;
}

function requireReason(stage: StageRow, reason: string | null | undefined, path: string[]): void {
  if (stage.kind === 'lost' && !reason?.trim()) throw invalid([{ path, key: 'validation.lost_reason_required' }]);
}

function checkRefs(db: CrmDb, input: { companyId?: string | null | undefined; contactIds?: string[] }): void {
  const issues: IssueSpec[] = [];
  if (
    input.companyId &&
    !db.orm.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId)).get()
  )
    issues.push({ path: ['companyId'], key: 'errors.not_found', params: { entity: 'entity.company' } });
  input.contactIds?.forEach((id, i) => {
    if (!db.orm.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).get())
      issues.push({
        path: ['contacts', i, 'contactId'],
        key: 'errors.not_found',
        params: { entity: 'entity.contact' },
      });
  });
  if (issues.length) throw invalid(issues);
}

export interface CreateDealOptions {
  locale?: Locale;
  /**
   * Records taken in as they are (an import of history, the sample dataset): a lost deal without
   * a recorded reason is kept, and the dates given are used. People marking a deal lost always
   * give a reason.
   */
  asRecorded?: { closedAt?: number | null; engagedAt?: number | null; stageEnteredAt?: number | null };
}

/** The writes that create a deal (row, first stage stay, contacts), for callers that batch or combine them. */
export function createDealMutations(
  db: CrmDb,
  input: CreateInput,
  options: WriteOptions = {},
  extra: CreateDealOptions = {},
): { id: string; mutations: Mutation[] } {
  const stage = resolveStage(db, input.pipelineId, input.stageId, extra.locale ?? 'en', options);
  if (!extra.asRecorded) requireReason(stage, input.lostReason, ['lostReason']);
  checkRefs(db, { companyId: input.companyId, contactIds: input.contacts?.map((c) => c.contactId) ?? [] });
  const id = newId();
  const now = db.now();
  const recorded = extra.asRecorded;
  const enteredAt = recorded?.stageEnteredAt ?? recorded?.closedAt ?? now;
  const { contacts: people, ...fields } = input;
  const values = {
    ...fields,
    pipelineId: stage.pipelineId,
    stageId: stage.id,
    currency: input.currency ?? baseCurrency(db),
    lostReason: stage.kind === 'lost' ? (input.lostReason ?? null) : null,
    stageEnteredAt: enteredAt,
    engagedAt: recorded?.engagedAt ?? null,
    closedAt: stage.kind === 'open' ? null : (recorded?.closedAt ?? now),
    custom: mergeCustomValues(db, 'deals', {}, input.custom) ?? {},
  };
  const mutations: Mutation[] = [
    { table: 'deals', op: 'insert', id, values },
    firstStayMutation(id, stage, enteredAt),
    ...(people ?? []).map((p): Mutation => ({
      table: 'deal_contacts',
      op: 'insert',
      id: newId(),
      values: { dealId: id, contactId: p.contactId, role: p.role ?? null },
    })),
  ];
  return { id, mutations };
}

export function createDeal(
  db: CrmDb,
  input: CreateInput,
  options: WriteOptions = {},
  extra: CreateDealOptions = {},
): Deal {
  const id = write(db, () => {
    const made = createDealMutations(db, input, options, extra);
    mutate(db, made.mutations, options);
    return made.id;
  });
  return getDeal(db, id);
}

/**
 * Changes fields of a deal. A new stage (or pipeline) goes through the same path as a move:
 * checked against the pipeline, recorded in the history, with its close date and lost reason.
 */
export function updateDeal(db: CrmDb, input: UpdateInput, options: WriteOptions = {}, locale: Locale = 'en'): Deal {
  const { id, ...patch } = input;
  const before = liveDeal(db, id);
  checkRefs(db, { companyId: patch.companyId });
  const values: Record<string, unknown> = { ...patch };
  delete values.pipelineId;
  delete values.stageId;
  if (patch.custom) values.custom = mergeCustomValues(db, 'deals', before.custom, patch.custom);

  const stageChanges =
    patch.stageId !== undefined || (patch.pipelineId !== undefined && patch.pipelineId !== before.pipelineId);
  const list: Mutation[] = [];
  if (stageChanges) {
    const pipelineId = patch.pipelineId ?? before.pipelineId ?? undefined;
    const stage = resolveStage(db, pipelineId, patch.stageId, locale, options);
    const reason = patch.lostReason !== undefined ? patch.lostReason : before.lostReason;
    requireReason(stage, reason, ['lostReason']);
    list.push(...stageChangeMutations(db, before, stage, db.now(), reason ?? null, values));
  }
  if (!list.length) {
    // Staying in a lost stage keeps needing a reason.
    const stage = before.stageId ? readStage(db, before.stageId) : undefined;
    if (stage && patch.lostReason !== undefined) requireReason(stage, patch.lostReason, ['lostReason']);
    list.push({ table: 'deals', op: 'update', id, values });
  }
  mutate(db, list, options);
  return getDeal(db, id);
}

/** The board's drag and drop: another stage of the deal's own pipeline. */
export function moveDeal(
  db: CrmDb,
  id: string,
  stageId: string,
  lostReason: string | undefined,
  options: WriteOptions = {},
): Deal {
  const before = liveDeal(db, id);
  const target = readStage(db, stageId);
  if (!target || target.deleted)
    throw invalid([{ path: ['stageId'], key: 'errors.not_found', params: { entity: 'entity.stage' } }]);
  if (target.pipelineId !== before.pipelineId) {
    const own = before.pipelineId ? readPipeline(db, before.pipelineId) : undefined;
    throw invalid([
      { path: ['stageId'], key: 'validation.stage_other_pipeline', params: { pipeline: own?.name ?? '' } },
    ]);
  }
  if (target.archived)
    throw invalid([{ path: ['stageId'], key: 'validation.stage_archived', params: { stage: target.name } }]);
  const reason =
    lostReason?.trim() || (target.kind === 'lost' && target.id === before.stageId ? before.lostReason : null);
  requireReason(target, reason, ['lostReason']);
  const list = stageChangeMutations(db, before, target, db.now(), reason ?? null);
  if (list.length) mutate(db, list, options);
  return getDeal(db, id);
}

function closeDeal(
  db: CrmDb,
  id: string,
  kind: 'won' | 'lost',
  reason: string | undefined,
  options: WriteOptions,
): Deal {
  const before = liveDeal(db, id);
  const pipeline = before.pipelineId ? readPipeline(db, before.pipelineId) : undefined;
  if (!pipeline) throw notFound('entity.pipeline');
  const current = before.stageId ? readStage(db, before.stageId) : undefined;
  const target = current?.kind === kind && !current.archived ? current : firstStageOfKind(db, pipeline, kind, ['id']);
  if (kind === 'lost' && target.id === before.stageId) {
    // Already lost: only the reason changes.
    requireReason(target, reason, ['reason']);
    mutate(db, { table: 'deals', op: 'update', id, values: { lostReason: reason } }, options);
    return getDeal(db, id);
  }
  return moveDeal(db, id, target.id, reason, options);
}

export const winDeal = (db: CrmDb, id: string, options: WriteOptions = {}) =>
  closeDeal(db, id, 'won', undefined, options);
export const loseDeal = (db: CrmDb, id: string, reason: string, options: WriteOptions = {}) =>
  closeDeal(db, id, 'lost', reason, options);

export function deleteDeal(db: CrmDb, id: string, options: WriteOptions = {}): Deal {
  liveDeal(db, id);
  mutate(db, { table: 'deals', op: 'delete', id }, options);
  return getDeal(db, id);
}

export function restoreDeal(db: CrmDb, id: string, options: WriteOptions = {}): Deal {
  liveDeal(db, id);
  mutate(db, { table: 'deals', op: 'restore', id }, options);
  return getDeal(db, id);
}

export interface DealListQuery extends ListQuery {
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  status?: StageKind | undefined;
  companyId?: string | undefined;
  contactId?: string | undefined;
}

function dealWhere(input: DealListQuery): SQL[] {
  const where: SQL[] = [];
  if (input.pipelineId) where.push(eq(deals.pipelineId, input.pipelineId));
  if (input.stageId) where.push(eq(deals.stageId, input.stageId));
  if (input.status) where.push(sql`${deals.stageId} IN (SELECT id FROM stages WHERE kind = ${input.status})`);
  if (input.companyId) where.push(eq(deals.companyId, input.companyId));
  if (input.contactId)
    where.push(
      sql`${deals.id} IN (SELECT deal_id FROM deal_contacts WHERE contact_id = ${input.contactId} AND deleted = 0)`,
    );
  return where;
}

function stageMap(db: CrmDb): Map<string, StageFacts> {
  return new Map(
    db.orm
      .select()
      .from(stages)
      .all()
      .map((s) => [s.id, stageFacts(s)!]),
  );
}

export function listDeals(
  db: CrmDb,
  input: DealListQuery,
  actor: string | null = null,
): { items: Deal[]; nextCursor: string | null } {
  const page = queryRecords(db, 'deals', { ...input, where: dealWhere(input) }, actor);
  const byId = stageMap(db);
  const now = db.now();
  return {
    items: page.rows.map((row) =>
      toDeal(row as DealRow, row.stageId ? byId.get(row.stageId as string) : undefined, now),
    ),
    nextCursor: page.nextCursor,
  };
}

export function countDeals(db: CrmDb, input: DealListQuery, actor: string | null = null): number {
  return countRecords(db, 'deals', { ...input, where: dealWhere(input) }, actor);
}

/* Contacts on a deal */

export function dealContactsOf(db: CrmDb, dealId: string): DealContact[] {
  const rows = db.orm
    .select({
      id: dealContacts.id,
      dealId: dealContacts.dealId,
      contactId: dealContacts.contactId,
      role: dealContacts.role,
      prefix: contacts.prefix,
      firstName: contacts.firstName,
      middleName: contacts.middleName,
      lastName: contacts.lastName,
      suffix: contacts.suffix,
    })
    .from(dealContacts)
    .innerJoin(contacts, eq(contacts.id, dealContacts.contactId))
    .where(and(eq(dealContacts.dealId, dealId), eq(dealContacts.deleted, false), eq(contacts.deleted, false)))
    .all();
  return rows.map((r) => ({
    id: r.id,
    dealId: r.dealId,
    contactId: r.contactId,
    role: r.role,
    name: contactDisplayName(r),
  }));
}

function linkRow(db: CrmDb, dealId: string, contactId: string) {
  return db.orm
    .select()
    .from(dealContacts)
    .where(and(eq(dealContacts.dealId, dealId), eq(dealContacts.contactId, contactId)))
    .get();
}

/** The writes that put a contact on a deal (or change its role); none when it is already there with that role. */
export function linkContactMutations(
  db: CrmDb,
  dealId: string,
  contactId: string,
  role: string | null | undefined,
): Mutation[] {
  const existing = linkRow(db, dealId, contactId);
  if (!existing)
    return [{ table: 'deal_contacts', op: 'insert', id: newId(), values: { dealId, contactId, role: role ?? null } }];
  const values: Record<string, unknown> = { deleted: false };
  if (role !== undefined) values.role = role;
  return [{ table: 'deal_contacts', op: 'update', id: existing.id, values }];
}

export function linkDealContact(
  db: CrmDb,
  input: { dealId: string; contactId: string; role?: string | null | undefined },
  options: WriteOptions = {},
): DealContact {
  liveDeal(db, input.dealId);
  if (!db.orm.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, input.contactId)).get())
    throw invalid([{ path: ['contactId'], key: 'errors.not_found', params: { entity: 'entity.contact' } }]);
  mutate(db, linkContactMutations(db, input.dealId, input.contactId, input.role), options);
  return dealContactsOf(db, input.dealId).find((c) => c.contactId === input.contactId)!;
}

export function unlinkDealContact(db: CrmDb, dealId: string, contactId: string, options: WriteOptions = {}): boolean {
  const existing = linkRow(db, dealId, contactId);
  if (!existing || existing.deleted) return false;
  mutate(db, { table: 'deal_contacts', op: 'delete', id: existing.id }, options);
  return true;
}

/* Bulk actions of the list */

function bulkRows(db: CrmDb, ids: string[]): DealRow[] {
  const unique = [...new Set(ids)];
  const rows: DealRow[] = [];
  for (let i = 0; i < unique.length; i += 900)
    rows.push(
      ...db.orm
        .select()
        .from(deals)
        .where(inArray(deals.id, unique.slice(i, i + 900)))
        .all(),
    );
  if (rows.length !== unique.length) throw notFound('entity.deal');
  return rows;
}

export function bulkDeals(
  db: CrmDb,
  op: 'update' | 'delete' | 'restore',
  ids: string[],
  patch: { ownerId?: string | null } = {},
  options: WriteOptions = {},
): number {
  const rows = bulkRows(db, ids).filter((r) => (op === 'restore' ? r.deleted && !r.mergedInto : !r.deleted));
  mutate(
    db,
    rows.map((r): Mutation => ({ table: 'deals', op, id: r.id, ...(op === 'update' ? { values: patch } : {}) })),
    options,
  );
  return rows.length;
}
