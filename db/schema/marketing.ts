import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/** A marketing campaign: what it is, when it runs, what it costs, and whom it reaches. */
export const campaigns = sqliteTable('campaigns', {
  ...syncedColumns(),
  name: text('name').notNull(),
  /** email | event | webinar | advertising | direct_mail | social */
  type: text('type').notNull().default('email'),
  /** planned | active | paused | completed | cancelled */
  status: text('status').notNull().default('planned'),
  startDate: text('start_date'),
  endDate: text('end_date'),
  /** Minor units of `currency`. */
  budget: integer('budget'),
  actualCost: integer('actual_cost'),
  currency: text('currency'),
  description: text('description'),
  ownerId: text('owner_id'),
  /** Where the audience came from: { kind: 'view' | 'segment', id, name }. */
  audience: text('audience', { mode: 'json' }).$type<Record<string, unknown>>(),
  templateId: text('template_id'),
  /** Mails per minute. */
  rateLimit: integer('rate_limit').notNull().default(60),
  /** The device that sends (its outbox holds the mails); other devices only watch. */
  senderNode: text('sender_node'),
  sendStartedAt: integer('send_started_at'),
});

/** The audience snapshot: one row per contact, kept with its own status once the campaign runs. */
export const campaignMembers = sqliteTable(
  'campaign_members',
  {
    ...syncedColumns(),
    campaignId: text('campaign_id').notNull(),
    contactId: text('contact_id').notNull(),
    email: text('email'),
    /** targeted | sent | responded | converted | opted_out */
    status: text('status').notNull().default('targeted'),
    /** The mail queued for this member; set once, so a member is never mailed twice. */
    outboxId: text('outbox_id'),
    queuedAt: integer('queued_at'),
    sentAt: integer('sent_at'),
    respondedAt: integer('responded_at'),
    lastError: text('last_error'),
  },
  (t) => [
    index('campaign_members_campaign').on(t.campaignId, t.status),
    index('campaign_members_contact').on(t.contactId),
  ],
);

/** What a member answered: a reply, a registration, a click, a call-back, ... */
export const campaignResponses = sqliteTable(
  'campaign_responses',
  {
    ...syncedColumns(),
    campaignId: text('campaign_id').notNull(),
    contactId: text('contact_id').notNull(),
    /** replied | registered | attended | clicked | requested_info | other */
    kind: text('kind').notNull(),
    note: text('note'),
    at: integer('at').notNull(),
  },
  (t) => [index('campaign_responses_campaign').on(t.campaignId, t.at)],
);
