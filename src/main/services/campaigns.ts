import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import {
  campaignMembers,
  campaignResponses,
  campaigns,
  contactCompanies,
  contacts,
  dealContacts,
  deals,
  savedViews,
  smtpAccounts,
  stages,
  templates,
} from '../../../db/schema';
import type {
  Campaign,
  CampaignMember,
  CampaignResponse,
  CampaignStats,
  MemberStatus,
} from '../../shared/contract/campaigns';
import { MEMBER_STATUSES } from '../../shared/contract/campaigns';
import type { FilterGroup } from '../../shared/contract/filters';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { mutate, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import {
  ensureCampaignSender,
  pendingMembersWhere,
  queueCampaignBatch,
  reconcileCampaign,
  retryFailed,
  takeBackQueued,
} from './campaign-sender';
import { decodeCursor, encodeCursor } from './cursor';
import { converter } from './exchange-rates';
import { queryRecords } from './record-list';
import { scopeOf } from './reports/scope';
import { SEGMENTS, scoreCustomers, type Segment } from './segments';
import { toFtsQuery } from './search';
import { checkFields, getTemplate } from './templates';

type CampaignRow = typeof campaigns.$inferSelect;
export interface CampaignContext {
  actor: string | null;
  locale: Locale;
  origin?: string;
}
const opts = (ctx: CampaignContext): WriteOptions => ({ actor: ctx.actor, origin: ctx.origin ?? 'ui' });

// --- audience sources ------------------------------------------------------------------------

/**
 * A segment of the analytics module (RFM segments of customer companies): the contacts of the
 * companies in it, as of now.
 */
function segmentAudience(db: CrmDb, id: string, locale: Locale): { name: string; contactIds: string[] } {
  if (!(SEGMENTS as readonly string[]).includes(id))
    throw invalid([{ path: ['source', 'id'], key: 'errors.campaign_segment_unavailable' }]);
  const companyIds = scoreCustomers(db, scopeOf({}), { segment: id as Segment }).map((c) => c.companyId);
  const contactIds = companyIds.length
    ? db.orm
        .selectDistinct({ id: contactCompanies.contactId })
        .from(contactCompanies)
        .where(and(inArray(contactCompanies.companyId, companyIds), eq(contactCompanies.deleted, false)))
        .all()
        .map((r) => r.id)
    : [];
  return { name: translate(locale, `analytics.segment.${id}`), contactIds };
}

function viewAudience(db: CrmDb, id: string, actor: string | null): { name: string; contactIds: string[] } {
  const view = db.orm.select().from(savedViews).where(eq(savedViews.id, id)).get();
  if (!view || view.deleted || view.entity !== 'contacts')
    throw invalid([{ path: ['source', 'id'], key: 'errors.campaign_view_not_contacts' }]);
  const config = view.config as { query?: string; filter?: FilterGroup; ownerId?: string; tagId?: string };
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = queryRecords(
      db,
      'contacts',
      {
        query: config.query,
        filter: config.filter,
        ownerId: config.ownerId,
        tagId: config.tagId,
        sort: { field: 'createdAt', direction: 'asc' },
        limit: 1000,
        cursor,
      },
      actor,
    );
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { name: view.name, contactIds: ids };
}

// --- reading ---------------------------------------------------------------------------------

function campaignRow(db: CrmDb, id: string): CampaignRow {
  const row = db.orm.select().from(campaigns).where(eq(campaigns.id, id)).get();
  if (!row) throw notFound('entity.campaign');
  return row;
}

interface DealFact {
  id: string;
  title: string;
  amount: number | null;
  currency: string | null;
  outcome: 'open' | 'won' | 'lost';
}

function dealsOf(db: CrmDb, campaignId: string): DealFact[] {
  return db.orm
    .select({ id: deals.id, title: deals.title, amount: deals.amount, currency: deals.currency, kind: stages.kind })
    .from(deals)
    .leftJoin(stages, eq(stages.id, deals.stageId))
    .where(and(eq(deals.campaignId, campaignId), eq(deals.deleted, false)))
    .orderBy(desc(deals.createdAt))
    .all()
    .map((d) => ({
      id: d.id,
      title: d.title,
      amount: d.amount,
      currency: d.currency,
      outcome: d.kind === 'won' || d.kind === 'lost' ? d.kind : 'open',
    }));
}

export function campaignStats(db: CrmDb, row: CampaignRow): CampaignStats {
  const byStatus = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>;
  const counts = db.orm
    .select({ status: campaignMembers.status, n: sql<number>`count(*)` })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, row.id), eq(campaignMembers.deleted, false)))
    .groupBy(campaignMembers.status)
    .all();
  for (const c of counts) if (c.status in byStatus) byStatus[c.status as MemberStatus] = c.n;
  const count = (where: SQL | undefined) =>
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(campaignMembers)
      .where(where)
      .get()?.n ?? 0;
  const base = and(
    eq(campaignMembers.campaignId, row.id),
    eq(campaignMembers.deleted, false),
    eq(campaignMembers.status, 'targeted'),
  );
  const queued = count(and(base, isNotNull(campaignMembers.outboxId), isNull(campaignMembers.lastError)));
  const failed = count(and(base, isNotNull(campaignMembers.lastError)));
  const responses =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(campaignResponses)
      .where(and(eq(campaignResponses.campaignId, row.id), eq(campaignResponses.deleted, false)))
      .get()?.n ?? 0;
  const fx = converter(db);
  const attributed = dealsOf(db, row.id);
  const won = attributed.filter((d) => d.outcome === 'won');
  const wonRevenue = won.reduce((sum, d) => sum + (d.amount != null ? (fx.toBase(d.amount, d.currency) ?? 0) : 0), 0);
  const cost = row.actualCost != null ? fx.toBase(row.actualCost, row.currency) : null;
  const members = Object.values(byStatus).reduce((a, b) => a + b, 0);
  const reachable = members - byStatus.opted_out;
  const answered = byStatus.responded + byStatus.converted;
  return {
    members,
    byStatus,
    queued,
    failed,
    responses,
    deals: attributed.length,
    wonDeals: won.length,
    wonRevenue,
    baseCurrency: fx.base,
    roi: cost ? (wonRevenue - cost) / cost : null,
    responseRate: reachable > 0 ? answered / reachable : null,
    costPerResponse: cost != null && responses > 0 ? Math.round(cost / responses) : null,
  };
}

function toCampaign(db: CrmDb, row: CampaignRow): Campaign {
  return {
    ...row,
    type: row.type as Campaign['type'],
    status: row.status as Campaign['status'],
    audience: row.audience ?? null,
    stats: campaignStats(db, row),
  };
}

export function getCampaign(db: CrmDb, id: string): Campaign {
  return toCampaign(db, campaignRow(db, id));
}

export function listCampaigns(
  db: CrmDb,
  input: { status?: string | undefined; type?: string | undefined; query?: string | undefined },
): Campaign[] {
  ensureCampaignSender(db);
  const where: SQL[] = [eq(campaigns.deleted, false)];
  if (input.status) where.push(eq(campaigns.status, input.status));
  if (input.type) where.push(eq(campaigns.type, input.type));
  const fts = input.query ? toFtsQuery(input.query) : null;
  if (fts)
    where.push(sql`${campaigns.id} IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
      WHERE search_index MATCH ${fts} AND d.type = 'campaign')`);
  return db.orm
    .select()
    .from(campaigns)
    .where(and(...where))
    .orderBy(desc(campaigns.createdAt), desc(campaigns.id))
    .limit(500)
    .all()
    .map((r) => toCampaign(db, r));
}

export function listMembers(
  db: CrmDb,
  input: {
    id: string;
    status?: string | undefined;
    query?: string | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  },
): { items: CampaignMember[]; nextCursor: string | null } {
  campaignRow(db, input.id);
  const limit = input.limit ?? 100;
  const where: SQL[] = [eq(campaignMembers.campaignId, input.id), eq(campaignMembers.deleted, false)];
  if (input.status) where.push(eq(campaignMembers.status, input.status));
  // Every word must appear in the name or the address, so "lola flo" finds Lola Flores.
  for (const word of (input.query ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const like = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(lower(coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, '')) LIKE ${like} ESCAPE '\\'
        OR lower(coalesce(${campaignMembers.email}, '')) LIKE ${like} ESCAPE '\\')`,
    );
  }
  if (input.cursor) where.push(gt(campaignMembers.id, String(decodeCursor(input.cursor)[1])));
  const rows = db.orm
    .select({ member: campaignMembers, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(campaignMembers)
    .leftJoin(contacts, eq(contacts.id, campaignMembers.contactId))
    .where(and(...where))
    .orderBy(asc(campaignMembers.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      ...r.member,
      status: r.member.status as MemberStatus,
      contactName: [r.firstName, r.lastName].filter(Boolean).join(' '),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([0, last.member.id]) : null,
  };
}

// --- writing ---------------------------------------------------------------------------------

function checkTemplate(db: CrmDb, templateId: string | null | undefined): void {
  if (!templateId) return;
  const template = db.orm
    .select({ deleted: templates.deleted })
    .from(templates)
    .where(eq(templates.id, templateId))
    .get();
  if (!template || template.deleted) throw invalid([{ path: ['templateId'], key: 'validation.invalid_value' }]);
}

export function createCampaign(
  db: CrmDb,
  input: Record<string, unknown> & { name: string },
  ctx: CampaignContext,
): Campaign {
  checkTemplate(db, input.templateId as string | null | undefined);
  checkDates(input.startDate as string | null | undefined, input.endDate as string | null | undefined);
  const id = newId();
  mutate(
    db,
    {
      table: 'campaigns',
      op: 'insert',
      id,
      values: { type: 'email', ownerId: ctx.actor, ...input, status: 'planned' },
    },
    opts(ctx),
  );
  return getCampaign(db, id);
}

function checkDates(start: string | null | undefined, end: string | null | undefined): void {
  if (start && end && end < start) throw invalid([{ path: ['endDate'], key: 'validation.end_before_start' }]);
}

export function updateCampaign(db: CrmDb, id: string, patch: Record<string, unknown>, ctx: CampaignContext): Campaign {
  const before = campaignRow(db, id);
  if ('templateId' in patch) {
    checkTemplate(db, patch.templateId as string | null | undefined);
    if (before.sendStartedAt && patch.templateId !== before.templateId)
      throw new CrmError('conflict', 'errors.campaign_sending_locked');
  }
  checkDates(
    (patch.startDate as string | null | undefined) ?? before.startDate,
    (patch.endDate as string | null | undefined) ?? before.endDate,
  );
  // Completing or cancelling a campaign that is sending stops it: its mails still waiting in the
  // outbox are taken back, and the sender only ever serves active campaigns, so nothing more goes.
  const stopping = patch.status !== undefined && patch.status !== before.status && before.status === 'active';
  mutate(db, { table: 'campaigns', op: 'update', id, values: patch }, opts(ctx));
  if (stopping) takeBackQueued(db, id, opts(ctx));
  return getCampaign(db, id);
}

export function deleteCampaign(db: CrmDb, id: string, ctx: CampaignContext): Campaign {
  const before = campaignRow(db, id);
  if (before.status === 'active') takeBackQueued(db, id, opts(ctx));
  mutate(
    db,
    { table: 'campaigns', op: 'delete', id, values: before.status === 'active' ? { status: 'paused' } : {} },
    opts(ctx),
  );
  return getCampaign(db, id);
}

/**
 * Takes a snapshot of the audience: one member per contact, opted-out contacts kept as opted out
 * (so the report shows them) and never mailed. Refused when empty or once sending has started.
 */
export function setAudience(
  db: CrmDb,
  input: {
    id: string;
    source: { kind: 'view'; id: string } | { kind: 'segment'; id: string } | { kind: 'contacts'; ids: string[] };
  },
  ctx: CampaignContext,
): Campaign {
  const campaign = campaignRow(db, input.id);
  if (campaign.sendStartedAt) throw new CrmError('conflict', 'errors.campaign_sending_locked');
  let name = '';
  let ids: string[];
  const source = input.source;
  if (source.kind === 'view') {
    ({ name, contactIds: ids } = viewAudience(db, source.id, ctx.actor));
  } else if (source.kind === 'segment') {
    ({ name, contactIds: ids } = segmentAudience(db, source.id, ctx.locale));
  } else {
    ids = source.ids;
  }
  const unique = [...new Set(ids)];
  const people = unique.length
    ? db.orm
        .select({ id: contacts.id, emails: contacts.emails, optOut: contacts.emailOptOut, deleted: contacts.deleted })
        .from(contacts)
        .where(inArray(contacts.id, unique))
        .all()
        .filter((c) => !c.deleted)
    : [];
  if (!people.length) throw invalid([{ path: ['source'], key: 'errors.campaign_empty_audience' }]);
  const existing = db.orm
    .select({ id: campaignMembers.id })
    .from(campaignMembers)
    .where(and(eq(campaignMembers.campaignId, input.id), eq(campaignMembers.deleted, false)))
    .all();
  const batch: Mutation[] = existing.map((m) => ({ table: 'campaign_members', op: 'delete', id: m.id }));
  for (const p of people)
    batch.push({
      table: 'campaign_members',
      op: 'insert',
      id: newId(),
      values: {
        campaignId: input.id,
        contactId: p.id,
        email: p.emails[0]?.value ?? null,
        status: p.optOut ? 'opted_out' : 'targeted',
      },
    });
  const audience =
    source.kind === 'contacts'
      ? { kind: 'contacts', count: people.length }
      : { kind: source.kind, id: source.id, name };
  batch.push({ table: 'campaigns', op: 'update', id: input.id, values: { audience } });
  mutate(db, batch, opts(ctx));
  return getCampaign(db, input.id);
}

/**
 * Starts a campaign. An event, webinar, advert, mailing or social campaign is run outside the app:
 * starting it only marks it active. An email campaign starts sending; everything that would stop it
 * is checked first, with nothing queued or changed: no template or an unknown merge field in it,
 * nobody to mail, no mail account.
 */
export function startCampaign(db: CrmDb, id: string, ctx: CampaignContext): Campaign {
  const campaign = campaignRow(db, id);
  if (campaign.deleted) throw notFound('entity.campaign');
  if (campaign.status === 'active') return getCampaign(db, id);
  if (campaign.status === 'completed' || campaign.status === 'cancelled')
    throw new CrmError('conflict', 'errors.campaign_finished');
  if (campaign.type !== 'email') {
    mutate(db, { table: 'campaigns', op: 'update', id, values: { status: 'active' } }, opts(ctx));
    return getCampaign(db, id);
  }
  if (!campaign.templateId)
    throw new CrmError('invalid_input', 'errors.campaign_no_template', {}, [
      { path: ['templateId'], key: 'errors.campaign_no_template' },
    ]);
  const template = getTemplate(db, campaign.templateId);
  if (template.deleted) throw notFound('entity.template');
  checkFields(db, [
    { path: 'subject', text: template.subject },
    { path: 'body', text: template.body },
  ]);
  const sendable =
    db.orm
      .select({ n: sql<number>`count(*)` })
      .from(campaignMembers)
      .where(pendingMembersWhere(id))
      .get()?.n ?? 0;
  if (!sendable)
    throw new CrmError('invalid_input', 'errors.campaign_empty_audience', {}, [
      { path: ['audience'], key: 'errors.campaign_empty_audience' },
    ]);
  if (!db.orm.select({ id: smtpAccounts.id }).from(smtpAccounts).get())
    throw new CrmError('invalid_input', 'errors.email_no_account');
  mutate(
    db,
    {
      table: 'campaigns',
      op: 'update',
      id,
      values: { status: 'active', senderNode: db.nodeId, sendStartedAt: campaign.sendStartedAt ?? db.now() },
    },
    opts(ctx),
  );
  queueCampaignBatch(db, id, { locale: ctx.locale, writeOptions: opts(ctx) });
  ensureCampaignSender(db, { locale: ctx.locale });
  return getCampaign(db, id);
}

export function pauseCampaign(db: CrmDb, id: string, ctx: CampaignContext): Campaign {
  const campaign = campaignRow(db, id);
  if (campaign.status !== 'active') throw new CrmError('conflict', 'errors.campaign_not_active');
  mutate(db, { table: 'campaigns', op: 'update', id, values: { status: 'paused' } }, opts(ctx));
  takeBackQueued(db, id, opts(ctx));
  return getCampaign(db, id);
}

export function resumeCampaign(db: CrmDb, id: string, ctx: CampaignContext): Campaign {
  const campaign = campaignRow(db, id);
  // A finished campaign resumes only to retry the members it could not mail.
  const retrying = campaign.status === 'completed' && campaignStats(db, campaign).failed > 0;
  if (campaign.status !== 'paused' && !retrying) throw new CrmError('conflict', 'errors.campaign_not_paused');
  if (campaign.type !== 'email') {
    // Nothing to send: it is only marked active again (and no device becomes its sender).
    mutate(db, { table: 'campaigns', op: 'update', id, values: { status: 'active' } }, opts(ctx));
    return getCampaign(db, id);
  }
  mutate(db, { table: 'campaigns', op: 'update', id, values: { status: 'active', senderNode: db.nodeId } }, opts(ctx));
  reconcileCampaign(db, id, opts(ctx));
  retryFailed(db, id, opts(ctx));
  queueCampaignBatch(db, id, { locale: ctx.locale, writeOptions: opts(ctx) });
  ensureCampaignSender(db, { locale: ctx.locale });
  return getCampaign(db, id);
}

function memberOf(db: CrmDb, campaignId: string, contactId: string) {
  return db.orm
    .select()
    .from(campaignMembers)
    .where(
      and(
        eq(campaignMembers.campaignId, campaignId),
        eq(campaignMembers.contactId, contactId),
        eq(campaignMembers.deleted, false),
      ),
    )
    .get();
}

export function recordResponse(
  db: CrmDb,
  input: { id: string; contactId: string; kind: string; note?: string | null | undefined },
  ctx: CampaignContext,
) {
  campaignRow(db, input.id);
  const member = memberOf(db, input.id, input.contactId);
  if (!member) throw invalid([{ path: ['contactId'], key: 'errors.campaign_not_member' }]);
  const now = db.now();
  const responseId = newId();
  const batch: Mutation[] = [
    {
      table: 'campaign_responses',
      op: 'insert',
      id: responseId,
      values: { campaignId: input.id, contactId: input.contactId, kind: input.kind, note: input.note ?? null, at: now },
    },
  ];
  if (member.status === 'targeted' || member.status === 'sent')
    batch.push({
      table: 'campaign_members',
      op: 'update',
      id: member.id,
      values: { status: 'responded', respondedAt: now },
    });
  mutate(db, batch, opts(ctx));
  return responsesOf(db, input.id).find((r) => r.id === responseId)!;
}

export function responsesOf(db: CrmDb, id: string) {
  campaignRow(db, id);
  return db.orm
    .select({ response: campaignResponses, firstName: contacts.firstName, lastName: contacts.lastName })
    .from(campaignResponses)
    .leftJoin(contacts, eq(contacts.id, campaignResponses.contactId))
    .where(and(eq(campaignResponses.campaignId, id), eq(campaignResponses.deleted, false)))
    .orderBy(desc(campaignResponses.at), desc(campaignResponses.id))
    .all()
    .map((r) => ({
      ...r.response,
      kind: r.response.kind as CampaignResponse['kind'],
      contactName: [r.firstName, r.lastName].filter(Boolean).join(' '),
    }));
}

/** Attributes a deal to a campaign (or none); its contacts who are members count as converted. */
export function attributeDeal(
  db: CrmDb,
  input: { id: string | null; dealId: string },
  ctx: CampaignContext,
): { dealId: string; campaignId: string | null } {
  const deal = db.orm
    .select({ id: deals.id, deleted: deals.deleted })
    .from(deals)
    .where(eq(deals.id, input.dealId))
    .get();
  if (!deal || deal.deleted) throw notFound('entity.deal');
  if (input.id) {
    const c = campaignRow(db, input.id);
    if (c.deleted) throw notFound('entity.campaign');
  }
  const batch: Mutation[] = [{ table: 'deals', op: 'update', id: input.dealId, values: { campaignId: input.id } }];
  if (input.id) {
    const people = db.orm
      .select({ contactId: dealContacts.contactId })
      .from(dealContacts)
      .where(and(eq(dealContacts.dealId, input.dealId), eq(dealContacts.deleted, false)))
      .all();
    for (const p of people) {
      const member = memberOf(db, input.id, p.contactId);
      if (member && member.status !== 'opted_out' && member.status !== 'converted')
        batch.push({ table: 'campaign_members', op: 'update', id: member.id, values: { status: 'converted' } });
    }
  }
  mutate(db, batch, opts(ctx));
  return { dealId: input.dealId, campaignId: input.id };
}

export function campaignDeals(db: CrmDb, id: string): DealFact[] {
  campaignRow(db, id);
  return dealsOf(db, id);
}
