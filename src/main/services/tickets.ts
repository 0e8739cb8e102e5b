import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, gt, or, sql, type SQL } from 'drizzle-orm';
import {
  companies,
  contacts,
  emailOutbox,
  members,
  settings,
  smtpAccounts,
  ticketMessages,
  tickets,
} from '../../../db/schema';
import type { Ticket, TicketMessage, TicketQueue, TicketSettings, TicketStatus } from '../../shared/contract/tickets';
import { TICKET_QUEUES } from '../../shared/contract/tickets';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { mutate, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { decodeCursor, encodeCursor } from './cursor';
import { queueEmail } from './email-outbox';
import { articlesForReply } from './knowledge-base';
import { toFtsQuery } from './search';
import { dueTimes, retarget, slaView } from './sla';
import { pickAssignee } from './ticket-assignment';
import { getTemplate } from './templates';

type TicketRow = typeof tickets.$inferSelect;
type MessageRow = typeof ticketMessages.$inferSelect;
export interface TicketContext {
  actor: string | null;
  locale: Locale;
  origin?: string;
}

const OPEN_STATUSES: TicketStatus[] = ['new', 'open', 'pending'];
const SETTINGS_KEY = 'ticketSettings';
const DEFAULT_SETTINGS: TicketSettings = {
  autoReply: true,
  autoReplyTemplateIds: { en: null, es: null },
  soonMinutes: 120,
};

const opts = (ctx: TicketContext): WriteOptions => ({ actor: ctx.actor, origin: ctx.origin ?? 'ui' });

// --- settings --------------------------------------------------------------------------------

export function getTicketSettings(db: CrmDb): TicketSettings {
  const row = db.orm.select({ value: settings.value }).from(settings).where(eq(settings.id, SETTINGS_KEY)).get();
  const stored = (row?.value ?? {}) as Partial<TicketSettings>;
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    autoReplyTemplateIds: { ...DEFAULT_SETTINGS.autoReplyTemplateIds, ...(stored.autoReplyTemplateIds ?? {}) },
  };
}

export function saveTicketSettings(
  db: CrmDb,
  patch: {
    autoReply?: boolean | undefined;
    autoReplyTemplateIds?: { en?: string | null | undefined; es?: string | null | undefined } | undefined;
    soonMinutes?: number | undefined;
  },
  options: WriteOptions = {},
): TicketSettings {
  const before = getTicketSettings(db);
  const ids = { ...before.autoReplyTemplateIds };
  for (const locale of ['en', 'es'] as const) {
    const id = patch.autoReplyTemplateIds?.[locale];
    if (id === undefined) continue;
    if (id) {
      const template = getTemplate(db, id);
      if (template.deleted)
        throw invalid([{ path: ['autoReplyTemplateIds', locale], key: 'validation.invalid_value' }]);
    }
    ids[locale] = id;
  }
  const value: TicketSettings = {
    autoReply: patch.autoReply ?? before.autoReply,
    autoReplyTemplateIds: ids,
    soonMinutes: patch.soonMinutes ?? before.soonMinutes,
  };
  const exists = db.orm.select({ id: settings.id }).from(settings).where(eq(settings.id, SETTINGS_KEY)).get();
  mutate(db, { table: 'settings', op: exists ? 'update' : 'insert', id: SETTINGS_KEY, values: { value } }, options);
  return value;
}

// --- reading ---------------------------------------------------------------------------------

function contactName(row: { firstName: string; lastName: string | null }): string {
  return [row.firstName, row.lastName].filter(Boolean).join(' ');
}

/** Tickets with their SLA state as of the book's clock and the names of whom they concern. */
function toTickets(db: CrmDb, rows: TicketRow[]): Ticket[] {
  const now = db.now();
  const ids = (key: 'contactId' | 'companyId' | 'assigneeId') => [
    ...new Set(rows.map((r) => r[key]).filter((v): v is string => !!v)),
  ];
  const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const contactIds = ids('contactId');
  const companyIds = ids('companyId');
  const memberIds = ids('assigneeId');
  const people = byId(
    contactIds.length
      ? db.orm
          .select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName })
          .from(contacts)
          .where(inArray(contacts.id, contactIds))
          .all()
      : [],
  );
  const orgs = byId(
    companyIds.length
      ? db.orm
          .select({ id: companies.id, name: companies.name })
          .from(companies)
          .where(inArray(companies.id, companyIds))
          .all()
      : [],
  );
  const team = byId(
    memberIds.length
      ? db.orm.select({ id: members.id, name: members.name }).from(members).where(inArray(members.id, memberIds)).all()
      : [],
  );
  return rows.map((row) => {
    const person = row.contactId ? people.get(row.contactId) : undefined;
    return {
      ...row,
      channel: row.channel as Ticket['channel'],
      priority: row.priority as Ticket['priority'],
      status: row.status as Ticket['status'],
      sla: slaView(row, now),
      contactName: person ? contactName(person) : null,
      companyName: row.companyId ? (orgs.get(row.companyId)?.name ?? null) : null,
      assigneeName: row.assigneeId ? (team.get(row.assigneeId)?.name ?? null) : null,
    };
  });
}

function ticketRow(db: CrmDb, id: string): TicketRow {
  const row = db.orm.select().from(tickets).where(eq(tickets.id, id)).get();
  if (!row) throw notFound('entity.ticket');
  return row;
}

export function getTicket(db: CrmDb, id: string): Ticket {
  return toTickets(db, [ticketRow(db, id)])[0]!;
}

function queueWhere(queue: TicketQueue, actor: string | null, now: number, soon: number): SQL | undefined {
  const open = inArray(tickets.status, OPEN_STATUSES);
  const firstPending = and(isNull(tickets.firstRespondedAt), isNotNull(tickets.firstResponseDueAt));
  const resolutionPending = and(isNull(tickets.resolvedAt), isNotNull(tickets.resolutionDueAt));
  switch (queue) {
    case 'all':
      return undefined;
    case 'open':
      return open;
    case 'mine':
      return and(open, eq(tickets.assigneeId, actor ?? ''));
    case 'unassigned':
      return and(open, isNull(tickets.assigneeId));
    case 'breaching_soon':
      // Still within target, but not for long.
      return and(
        open,
        or(
          and(firstPending, gt(tickets.firstResponseDueAt, now), lte(tickets.firstResponseDueAt, now + soon)),
          and(resolutionPending, gt(tickets.resolutionDueAt, now), lte(tickets.resolutionDueAt, now + soon)),
        ),
      );
    case 'breached':
      return and(
        open,
        or(
          and(firstPending, lte(tickets.firstResponseDueAt, now)),
          and(resolutionPending, lte(tickets.resolutionDueAt, now)),
        ),
      );
  }
}

export function listTickets(
  db: CrmDb,
  input: {
    queue?: TicketQueue | undefined;
    status?: TicketStatus | undefined;
    contactId?: string | undefined;
    companyId?: string | undefined;
    query?: string | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  },
  actor: string | null,
): { items: Ticket[]; nextCursor: string | null } {
  const limit = input.limit ?? 50;
  const now = db.now();
  const where: (SQL | undefined)[] = [
    eq(tickets.deleted, false),
    queueWhere(input.queue ?? 'all', actor, now, getTicketSettings(db).soonMinutes * 60_000),
  ];
  if (input.status) where.push(eq(tickets.status, input.status));
  if (input.contactId) where.push(eq(tickets.contactId, input.contactId));
  if (input.companyId) where.push(eq(tickets.companyId, input.companyId));
  const fts = input.query ? toFtsQuery(input.query) : null;
  if (fts)
    where.push(sql`${tickets.id} IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
      WHERE search_index MATCH ${fts} AND d.type = 'ticket')`);
  if (input.cursor) {
    const [at, id] = decodeCursor(input.cursor);
    where.push(sql`(${tickets.createdAt}, ${tickets.id}) < (${at}, ${id})`);
  }
  const rows = db.orm
    .select()
    .from(tickets)
    .where(and(...where))
    .orderBy(desc(tickets.createdAt), desc(tickets.id))
    .limit(limit + 1)
    .all();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: toTickets(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null,
  };
}

export function queueCounts(db: CrmDb, actor: string | null): Record<TicketQueue, number> {
  const now = db.now();
  const soon = getTicketSettings(db).soonMinutes * 60_000;
  const out = {} as Record<TicketQueue, number>;
  for (const q of TICKET_QUEUES) {
    out[q] =
      db.orm
        .select({ n: sql<number>`count(*)` })
        .from(tickets)
        .where(and(eq(tickets.deleted, false), queueWhere(q, actor, now, soon)))
        .get()?.n ?? 0;
  }
  return out;
}

function toMessages(db: CrmDb, rows: MessageRow[]): TicketMessage[] {
  const outboxIds = rows.map((r) => r.outboxId).filter((v): v is string => !!v);
  const delivery = new Map(
    outboxIds.length
      ? db.orm
          .select({ id: emailOutbox.id, status: emailOutbox.status })
          .from(emailOutbox)
          .where(inArray(emailOutbox.id, outboxIds))
          .all()
          .map((o) => [o.id, o.status])
      : [],
  );
  return rows.map((r) => ({
    ...r,
    kind: r.kind as TicketMessage['kind'],
    delivery: r.outboxId ? (delivery.get(r.outboxId) ?? null) : null,
  }));
}

export function ticketMessagesOf(db: CrmDb, id: string): TicketMessage[] {
  ticketRow(db, id);
  return toMessages(
    db,
    db.orm
      .select()
      .from(ticketMessages)
      .where(and(eq(ticketMessages.ticketId, id), eq(ticketMessages.deleted, false)))
      .orderBy(asc(ticketMessages.createdAt), asc(ticketMessages.id))
      .all(),
  );
}

function messageRow(db: CrmDb, id: string): TicketMessage {
  return toMessages(db, [db.orm.select().from(ticketMessages).where(eq(ticketMessages.id, id)).get()!])[0]!;
}

// --- writing ---------------------------------------------------------------------------------

/** Merge braces in what a customer typed would be read as template fields by the outbox: defuse them. */
const defuse = (text: string) => text.replace(/\{\{/g, '{ {').replace(/\}\}/g, '} }');
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The short reference customers quote: the end of the id, which is the random part of a UUIDv7. */
export function ticketRef(id: string): string {
  return id.replace(/-/g, '').slice(-6).toUpperCase();
}

function contactOf(db: CrmDb, id: string | null | undefined) {
  if (!id) return undefined;
  const row = db.orm.select().from(contacts).where(eq(contacts.id, id)).get();
  return row && !row.deleted ? row : undefined;
}

function checkLinks(
  db: CrmDb,
  input: {
    contactId?: string | null | undefined;
    companyId?: string | null | undefined;
    assigneeId?: string | null | undefined;
  },
): void {
  if (input.contactId && !contactOf(db, input.contactId))
    throw invalid([{ path: ['contactId'], key: 'validation.invalid_value' }]);
  if (input.companyId) {
    const row = db.orm
      .select({ deleted: companies.deleted })
      .from(companies)
      .where(eq(companies.id, input.companyId))
      .get();
    if (!row || row.deleted) throw invalid([{ path: ['companyId'], key: 'validation.invalid_value' }]);
  }
  if (input.assigneeId) {
    const row = db.orm.select({ deleted: members.deleted }).from(members).where(eq(members.id, input.assigneeId)).get();
    if (!row || row.deleted) throw invalid([{ path: ['assigneeId'], key: 'validation.invalid_value' }]);
  }
}

function primaryCompanyOf(db: CrmDb, contactId: string): string | null {
  return (
    (db.sqlite
      .prepare(
        'SELECT company_id FROM contact_companies WHERE contact_id = ? AND deleted = 0 ORDER BY is_primary DESC, created_at LIMIT 1',
      )
      .pluck()
      .get(contactId) as string | undefined) ?? null
  );
}

type AutoReply = 'queued' | 'skipped' | 'no_email' | 'no_account';

/** Queues the automatic reply of a new ticket in the contact's language; returns its message insert. */
function autoReply(db: CrmDb, ticket: TicketRow, ctx: TicketContext): { status: AutoReply; mutation?: Mutation } {
  const config = getTicketSettings(db);
  if (!config.autoReply) return { status: 'skipped' };
  const contact = contactOf(db, ticket.contactId);
  const email = contact?.emails[0]?.value;
  if (!contact || !email) return { status: 'no_email' };
  if (!db.orm.select({ id: smtpAccounts.id }).from(smtpAccounts).get()) return { status: 'no_account' };
  const lang: Locale =
    contact.preferredLanguage === 'es' || contact.preferredLanguage === 'en' ? contact.preferredLanguage : ctx.locale;
  const templateId = config.autoReplyTemplateIds[lang] ?? config.autoReplyTemplateIds[lang === 'en' ? 'es' : 'en'];
  const params = { subject: defuse(ticket.subject), ref: ticketRef(ticket.id), name: defuse(contact.firstName) };
  const subject = translate(lang, 'service.auto_reply_subject', params);
  const body = templateId
    ? undefined
    : `<p>${escapeHtml(translate(lang, 'service.auto_reply_greeting', params))}</p><p>${escapeHtml(
        translate(lang, 'service.auto_reply_body', params),
      )}</p>`;
  const links = [
    { entityType: 'contacts' as const, entityId: contact.id },
    ...(ticket.companyId ? [{ entityType: 'companies' as const, entityId: ticket.companyId }] : []),
  ];
  const mail = queueEmail(
    db,
    {
      to: [email],
      subject: templateId ? undefined : subject,
      body,
      templateId: templateId ?? undefined,
      target: { entityType: 'contacts', entityId: contact.id },
      links,
    },
    { actor: ctx.actor, locale: lang },
  );
  return {
    status: 'queued',
    mutation: {
      table: 'ticket_messages',
      op: 'insert',
      id: newId(),
      values: {
        ticketId: ticket.id,
        kind: 'auto_reply',
        subject: mail.subject,
        body: body ?? getTemplate(db, templateId!).body,
        outboxId: mail.id,
        templateId: templateId ?? null,
      },
    },
  };
}

export function createTicket(
  db: CrmDb,
  input: {
    subject: string;
    description?: string | null | undefined;
    contactId?: string | null | undefined;
    companyId?: string | null | undefined;
    channel?: string | undefined;
    category?: string | null | undefined;
    priority?: string | undefined;
    assigneeId?: string | null | undefined;
  },
  ctx: TicketContext,
): { ticket: Ticket; autoReply: AutoReply } {
  checkLinks(db, input);
  const now = db.now();
  const id = newId();
  const priority = input.priority ?? 'normal';
  const category = input.category?.trim() || null;
  const companyId = input.companyId ?? (input.contactId ? primaryCompanyOf(db, input.contactId) : null);
  const batch: Mutation[] = [];
  let assigneeId = input.assigneeId ?? null;
  if (input.assigneeId === undefined) {
    const pick = pickAssignee(db, category);
    if (pick) {
      assigneeId = pick.assigneeId;
      if (pick.ruleUpdate) batch.push(pick.ruleUpdate);
    }
  }
  const values = {
    subject: input.subject,
    description: input.description ?? null,
    contactId: input.contactId ?? null,
    companyId,
    channel: input.channel ?? 'email',
    category,
    priority,
    status: 'new',
    assigneeId,
    ...dueTimes(db, { category, priority, from: now }),
  };
  let status: AutoReply = 'skipped';
  write(db, () => {
    mutate(db, [{ table: 'tickets', op: 'insert', id, values }, ...batch], opts(ctx));
    const reply = autoReply(db, ticketRow(db, id), ctx);
    status = reply.status;
    if (reply.mutation) mutate(db, reply.mutation, opts(ctx));
  });
  return { ticket: getTicket(db, id), autoReply: status };
}

const DONE_STATUSES: readonly string[] = ['resolved', 'closed'];

/**
 * Status side effects: resolving stamps the time, closing too, reopening clears both. A reopened
 * ticket is new work: its resolution target (and a first-response target never met) counts again
 * from the reopening, under the policy that applies now, instead of a due time long past. The
 * reopening time is kept so targets worked out again later (a new priority, the policy deleted)
 * count from it too.
 */
function statusValues(
  db: CrmDb,
  before: TicketRow,
  status: string | undefined,
  now: number,
  next: { priority: string; category: string | null } = before,
): Record<string, unknown> {
  if (!status || status === before.status) return {};
  if (status === 'resolved') return { status, resolvedAt: before.resolvedAt ?? now, closedAt: null };
  if (status === 'closed') return { status, resolvedAt: before.resolvedAt ?? now, closedAt: before.closedAt ?? now };
  const values: Record<string, unknown> = { status, resolvedAt: null, closedAt: null };
  if (DONE_STATUSES.includes(before.status)) {
    values.reopenedAt = now;
    const due = dueTimes(db, { category: next.category, priority: next.priority, from: now });
    values.slaPolicyId = due.slaPolicyId;
    values.resolutionDueAt = due.resolutionDueAt;
    if (before.firstRespondedAt == null) values.firstResponseDueAt = due.firstResponseDueAt;
  }
  return values;
}

export function updateTicket(db: CrmDb, id: string, patch: Record<string, unknown>, ctx: TicketContext): Ticket {
  const before = ticketRow(db, id);
  checkLinks(db, patch as Parameters<typeof checkLinks>[1]);
  const now = db.now();
  const { status, ...rest } = patch;
  const values: Record<string, unknown> = { ...rest };
  // A ticket moved to another person follows them to their company, as a new ticket would, unless
  // the company is given too or was set by hand (not the previous contact's company).
  if (patch.contactId && patch.contactId !== before.contactId && !('companyId' in patch)) {
    const previous = before.contactId ? primaryCompanyOf(db, before.contactId) : null;
    if (before.companyId === null || before.companyId === previous)
      values.companyId = primaryCompanyOf(db, patch.contactId as string);
  }
  if ('category' in values) values.category = (values.category as string | null)?.trim() || null;
  // A new priority or category means other targets, counted from when the ticket was opened
  // (or last reopened).
  const priority = (values.priority as string | undefined) ?? before.priority;
  const category = 'category' in values ? (values.category as string | null) : before.category;
  if (priority !== before.priority || category !== before.category)
    Object.assign(values, retarget(db, before, { category, priority }));
  // After the targets above: a reopening in the same change counts from now, not from creation.
  Object.assign(values, statusValues(db, before, status as string | undefined, now, { priority, category }));
  mutate(db, { table: 'tickets', op: 'update', id, values }, opts(ctx));
  return getTicket(db, id);
}

export function deleteTicket(db: CrmDb, id: string, ctx: TicketContext): Ticket {
  ticketRow(db, id);
  mutate(db, { table: 'tickets', op: 'delete', id }, opts(ctx));
  return getTicket(db, id);
}

export function addNote(db: CrmDb, id: string, body: string, ctx: TicketContext): TicketMessage {
  ticketRow(db, id);
  const messageId = newId();
  mutate(
    db,
    {
      table: 'ticket_messages',
      op: 'insert',
      id: messageId,
      values: { ticketId: id, kind: 'note', body, authorId: ctx.actor },
    },
    opts(ctx),
  );
  return messageRow(db, messageId);
}

export function logCustomerMessage(db: CrmDb, id: string, body: string, ctx: TicketContext): TicketMessage {
  const before = ticketRow(db, id);
  const messageId = newId();
  const batch: Mutation[] = [
    { table: 'ticket_messages', op: 'insert', id: messageId, values: { ticketId: id, kind: 'customer', body } },
  ];
  // The customer wrote back: a ticket waiting on them (or closed too early) needs work again.
  if (before.status === 'pending' || before.status === 'resolved' || before.status === 'closed')
    batch.push({ table: 'tickets', op: 'update', id, values: statusValues(db, before, 'open', db.now()) });
  mutate(db, batch, opts(ctx));
  return messageRow(db, messageId);
}

/** Replies to the customer through the outbox; the first reply meets the first-response target. */
export function replyToTicket(
  db: CrmDb,
  input: {
    id: string;
    body?: string | undefined;
    templateId?: string | undefined;
    articleIds?: string[] | undefined;
    status?: TicketStatus | undefined;
  },
  ctx: TicketContext,
): TicketMessage {
  const before = ticketRow(db, input.id);
  const contact = contactOf(db, before.contactId);
  const email = contact?.emails[0]?.value;
  if (!contact || !email) throw new CrmError('invalid_input', 'errors.ticket_no_email');
  let body = input.body?.trim() ? input.body : '';
  if (!body && input.templateId) {
    const template = getTemplate(db, input.templateId);
    if (template.deleted) throw notFound('entity.template');
    body = template.body;
  }
  const articles = articlesForReply(db, input.articleIds ?? []);
  body = [body, ...articles].filter(Boolean).join('\n');
  if (!body.trim()) throw invalid([{ path: ['body'], key: 'validation.required' }]);
  const now = db.now();
  const messageId = newId();
  write(db, () => {
    const mail = queueEmail(
      db,
      {
        to: [email],
        subject: `Re: ${defuse(before.subject)} [#${ticketRef(before.id)}]`,
        body,
        templateId: input.templateId,
        target: { entityType: 'contacts', entityId: contact.id },
        links: [
          { entityType: 'contacts', entityId: contact.id },
          ...(before.companyId ? [{ entityType: 'companies' as const, entityId: before.companyId }] : []),
        ],
      },
      { actor: ctx.actor, locale: ctx.locale },
    );
    const status = input.status ?? (before.status === 'new' ? 'open' : undefined);
    const replyStatus = statusValues(db, before, status, now);
    // A reopening reply that is also the first one is measured against the original target.
    if (before.firstRespondedAt == null) delete replyStatus.firstResponseDueAt;
    mutate(
      db,
      [
        {
          table: 'ticket_messages',
          op: 'insert',
          id: messageId,
          values: {
            ticketId: before.id,
            kind: 'reply',
            subject: mail.subject,
            body,
            authorId: ctx.actor,
            outboxId: mail.id,
            templateId: input.templateId ?? null,
          },
        },
        {
          table: 'tickets',
          op: 'update',
          id: before.id,
          values: { ...replyStatus, firstRespondedAt: before.firstRespondedAt ?? now },
        },
      ],
      opts(ctx),
    );
  });
  return messageRow(db, messageId);
}

// --- reports ---------------------------------------------------------------------------------

export function ticketReport(db: CrmDb, input: { from?: number | undefined; to?: number | undefined }) {
  const now = db.now();
  const to = input.to ?? now;
  const from = input.from ?? to - 30 * 86_400_000;
  const rows = db.orm
    .select()
    .from(tickets)
    .where(and(eq(tickets.deleted, false), sql`${tickets.createdAt} >= ${from}`, sql`${tickets.createdAt} < ${to}`))
    .all();
  const tally = (key: 'status' | 'channel' | 'priority') => {
    const out: Record<string, number> = {};
    for (const r of rows) out[r[key]] = (out[r[key]] ?? 0) + 1;
    return out;
  };
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);
  let met = 0;
  let breached = 0;
  let breachedTickets = 0;
  for (const r of rows) {
    const view = slaView(r, now);
    for (const s of [view.firstResponse, view.resolution]) {
      if (s === 'met') met++;
      if (s === 'breached') breached++;
    }
    if (view.breached) breachedTickets++;
  }
  const minutes = (ms: number) => ms / 60_000;
  return {
    from,
    to,
    volume: rows.length,
    byStatus: tally('status'),
    byChannel: tally('channel'),
    byPriority: tally('priority'),
    avgFirstResponseMinutes: mean(
      rows.filter((r) => r.firstRespondedAt != null).map((r) => minutes(r.firstRespondedAt! - r.createdAt)),
    ),
    avgResolutionMinutes: mean(
      rows.filter((r) => r.resolvedAt != null).map((r) => minutes(r.resolvedAt! - r.createdAt)),
    ),
    slaCompliance: met + breached ? met / (met + breached) : null,
    breached: breachedTickets,
    avgSatisfaction: mean(rows.filter((r) => r.satisfaction != null).map((r) => r.satisfaction!)),
  };
}
