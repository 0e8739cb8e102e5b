import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** A customer's request: who asked, through which channel, how urgent, where it stands and who owns it. */
export const tickets = sqliteTable(
  'tickets',
  {
    ...syncedColumns(),
    subject: text('subject').notNull(),
    description: text('description'),
    contactId: text('contact_id'),
    companyId: text('company_id'),
    /** email | phone | chat | web | social */
    channel: text('channel').notNull().default('email'),
    category: text('category'),
    /** low | normal | high | urgent */
    priority: text('priority').notNull().default('normal'),
    /** new | open | pending | resolved | closed */
    status: text('status').notNull().default('new'),
    assigneeId: text('assignee_id'),
    slaPolicyId: text('sla_policy_id'),
    /** Due times worked out from the SLA policy and its business hours when the ticket was opened. */
    firstResponseDueAt: integer('first_response_due_at'),
    resolutionDueAt: integer('resolution_due_at'),
    firstRespondedAt: integer('first_responded_at'),
    resolvedAt: integer('resolved_at'),
    closedAt: integer('closed_at'),
    /**
     * When a resolved or closed ticket was last opened again: its targets count from here, also
     * when they are worked out anew later (a new priority, its policy deleted).
     */
    reopenedAt: integer('reopened_at'),
    /** 1..5, given by the customer once the ticket is resolved. */
    satisfaction: integer('satisfaction'),
  },
  (t) => [
    index('tickets_status').on(t.deleted, t.status, t.createdAt),
    index('tickets_assignee').on(t.assigneeId, t.deleted, t.status),
    index('tickets_contact').on(t.contactId),
    index('tickets_company').on(t.companyId),
    index('tickets_due').on(t.deleted, t.resolvedAt, t.resolutionDueAt),
  ],
);

/** What was said on a ticket: internal notes (never sent), replies to the customer, the customer's messages. */
export const ticketMessages = sqliteTable(
  'ticket_messages',
  {
    ...syncedColumns(),
    ticketId: text('ticket_id').notNull(),
    /** note (internal) | reply (to the customer) | customer (from the customer) | auto_reply */
    kind: text('kind').notNull(),
    body: text('body').notNull(),
    subject: text('subject'),
    authorId: text('author_id'),
    /** The mail queued in this device's outbox for a reply (local id; absent on other devices). */
    outboxId: text('outbox_id'),
    templateId: text('template_id'),
  },
  (t) => [index('ticket_messages_ticket').on(t.ticketId, t.createdAt)],
);

/** Opening hours the SLA clock runs in: weekly windows in a time zone, minus holidays. */
export const businessHours = sqliteTable('business_hours', {
  ...syncedColumns(),
  name: text('name').notNull(),
  /** IANA zone, e.g. Europe/Madrid. */
  timezone: text('timezone').notNull().default('UTC'),
  /** [{ day: 0..6 (Sunday = 0), start: 'HH:MM', end: 'HH:MM' }] */
  schedule: text('schedule', { mode: 'json' })
    .$type<{ day: number; start: string; end: string }[]>()
    .notNull()
    .default([]),
  /** ['YYYY-MM-DD'] closed all day. */
  holidays: text('holidays', { mode: 'json' }).$type<string[]>().notNull().default([]),
});

/** First-response and resolution targets per priority, counted in business minutes. */
export const slaPolicies = sqliteTable('sla_policies', {
  ...syncedColumns(),
  name: text('name').notNull(),
  /** Null: around the clock. */
  businessHoursId: text('business_hours_id'),
  /** { low|normal|high|urgent: { firstResponseMinutes, resolutionMinutes } } */
  targets: text('targets', { mode: 'json' })
    .$type<Record<string, { firstResponseMinutes: number; resolutionMinutes: number }>>()
    .notNull()
    .default({}),
  /** Only tickets of this category (null: any); the first matching policy by position wins. */
  category: text('category'),
  position: integer('position').notNull().default(0),
  isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
});

/** Who gets a new ticket: members in turn (round robin) or one member per category. */
export const ticketAssignmentRules = sqliteTable('ticket_assignment_rules', {
  ...syncedColumns(),
  name: text('name').notNull(),
  enabled: integer('enabled', { mode: 'boolean' }).notNull().default(true),
  position: integer('position').notNull().default(0),
  /** Null: every category. */
  category: text('category'),
  /** round_robin | fixed */
  strategy: text('strategy').notNull().default('round_robin'),
  memberIds: text('member_ids', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** The member who got the last ticket by this rule: the next one goes to whoever follows. */
  lastMemberId: text('last_member_id'),
});

export const kbCategories = sqliteTable('kb_categories', {
  ...syncedColumns(),
  nameEn: text('name_en').notNull(),
  nameEs: text('name_es').notNull(),
  position: integer('position').notNull().default(0),
});

/** Help articles, one language each; translations of one article share `groupId`. */
export const kbArticles = sqliteTable(
  'kb_articles',
  {
    ...syncedColumns(),
    groupId: text('group_id').notNull(),
    locale: text('locale').notNull().default('en'),
    categoryId: text('category_id'),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** draft | published */
    status: text('status').notNull().default('draft'),
  },
  (t) => [index('kb_articles_category').on(t.deleted, t.categoryId), index('kb_articles_group').on(t.groupId)],
);
