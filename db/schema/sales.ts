import { integer, real, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

export const pipelines = sqliteTable('pipelines', {
  ...syncedColumns(),
  name: text('name').notNull(),
  position: real('position').notNull().default(0),
  archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
});

export const stages = sqliteTable(
  'stages',
  {
    ...syncedColumns(),
    pipelineId: text('pipeline_id').notNull(),
    name: text('name').notNull(),
    position: real('position').notNull().default(0),
    /** Default win probability, 0..100. */
    probability: integer('probability').notNull().default(0),
    /** open | won | lost */
    kind: text('kind').notNull().default('open'),
    rottingDays: integer('rotting_days'),
    archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('stages_pipeline').on(t.pipelineId, t.position)],
);

export const deals = sqliteTable(
  'deals',
  {
    ...syncedColumns(),
    title: text('title').notNull(),
    pipelineId: text('pipeline_id'),
    stageId: text('stage_id'),
    /** Amount in minor units (cents) of `currency`. */
    amount: integer('amount'),
    currency: text('currency'),
    expectedClose: text('expected_close'),
    probability: integer('probability'),
    companyId: text('company_id'),
    ownerId: text('owner_id'),
    source: text('source'),
    campaignId: text('campaign_id'),
    nextStep: text('next_step'),
    lostReason: text('lost_reason'),
    /** The price list the deal's lines are priced from (null: the products' own prices). */
    priceListId: text('price_list_id'),
    engagedAt: integer('engaged_at'),
    /** When the deal was won or lost (null while open). */
    closedAt: integer('closed_at'),
    stageEnteredAt: integer('stage_entered_at'),
    /** Local: the folded title, for the list's name sort and the trash search. */
    nameSort: text('name_sort').notNull().default(''),
  },
  (t) => [
    index('deals_stage').on(t.deleted, t.stageId),
    index('deals_company').on(t.companyId),
    index('deals_owner').on(t.ownerId),
    // A board column: its cards newest in the stage first, one index range per page.
    index('deals_board').on(t.stageId, t.deleted, t.stageEnteredAt, t.id),
    index('deals_name_sort').on(t.deleted, t.nameSort, t.id),
    // Board totals: count, sum and weighted sum per stage and currency read from the index alone.
    index('deals_totals').on(t.stageId, t.deleted, t.currency, t.amount, t.probability),
    // Analytics (src/main/services/reports): each report's aggregate reads one of these alone.
    // The period's closed deals: outcome, money, cycle and every key a report groups by.
    index('deals_closed').on(
      t.deleted,
      t.closedAt,
      t.stageId,
      t.currency,
      t.amount,
      t.ownerId,
      t.source,
      t.engagedAt,
      t.createdAt,
      t.companyId,
      t.id,
    ),
    // Per customer in company order (RFM, loyalty, first purchase): grouped without a sort.
    index('deals_customer').on(t.companyId, t.deleted, t.stageId, t.closedAt, t.currency, t.amount, t.ownerId),
    // Deals first engaged in a period, per pipeline (stage conversion): two ranges, engaged in the
    // period, or never engaged and created in it.
    index('deals_engaged').on(t.deleted, t.pipelineId, t.engagedAt, t.createdAt, t.id, t.stageId, t.ownerId),
    // Open deals of a stage by expected close month (forecast).
    index('deals_forecast').on(t.stageId, t.deleted, t.expectedClose, t.ownerId, t.currency, t.amount, t.probability),
  ],
);

/** Contacts on a deal, with their role (decision maker, influencer, user, ...). */
export const dealContacts = sqliteTable(
  'deal_contacts',
  {
    ...syncedColumns(),
    dealId: text('deal_id').notNull(),
    contactId: text('contact_id').notNull(),
    role: text('role'),
  },
  (t) => [index('deal_contacts_deal').on(t.dealId), index('deal_contacts_contact').on(t.contactId)],
);

/**
 * Every stay of a deal in a stage: entered and left times (left is null while it is there), for
 * cycle time and conversion reports. Written with the deal's own change, in the same transaction.
 */
export const dealStageHistory = sqliteTable(
  'deal_stage_history',
  {
    ...syncedColumns(),
    dealId: text('deal_id').notNull(),
    pipelineId: text('pipeline_id').notNull(),
    stageId: text('stage_id').notNull(),
    enteredAt: integer('entered_at').notNull(),
    leftAt: integer('left_at'),
  },
  (t) => [
    index('deal_stage_history_deal').on(t.dealId, t.enteredAt),
    index('deal_stage_history_stage').on(t.stageId),
    // The stages a deal stayed in, read from the index alone (conversion, historical win rates).
    index('deal_stage_history_visits').on(t.dealId, t.deleted, t.stageId),
  ],
);

/** How much one unit of `currency` is worth in `base` (the workspace base currency when it was set). */
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    ...syncedColumns(),
    currency: text('currency').notNull(),
    base: text('base').notNull(),
    rate: real('rate').notNull(),
  },
  (t) => [index('exchange_rates_pair').on(t.currency, t.base)],
);
