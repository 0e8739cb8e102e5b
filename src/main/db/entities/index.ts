import * as schema from '../../../../db/schema';
import { foldText } from '../../../shared/domain/text';
import { contactEntity } from './contacts';
import type { EntityDef } from './types';

export type { EntityDef, Row, SearchDocument } from './types';

const byName = (table: EntityDef['table'], extra: Partial<EntityDef> = {}): EntityDef => ({ table, ...extra });

/**
 * Every synced table, by its SQL name. The mutation layer refuses any other; the write guard
 * installs triggers on exactly these.
 */
export const ENTITIES = {
  settings: byName(schema.settings),
  members: byName(schema.members),
  teams: byName(schema.teams),
  companies: byName(schema.companies, {
    localFields: ['nameSort'],
    derive: (row) => ({ nameSort: foldText(String(row.name ?? '')) }),
    searchType: 'company',
    searchDoc: (row) => ({
      title: String(row.name ?? ''),
      subtitle: [row.industry, row.domain].filter(Boolean).join(' · '),
      body: [row.domain, row.industry, row.description].filter(Boolean).join(' '),
    }),
  }),
  contacts: contactEntity,
  contact_companies: byName(schema.contactCompanies),
  pipelines: byName(schema.pipelines),
  stages: byName(schema.stages),
  deals: byName(schema.deals, {
    localFields: ['nameSort'],
    derive: (row) => ({ nameSort: foldText(String(row.title ?? '')) }),
    searchType: 'deal',
    searchDoc: (row) => ({
      title: String(row.title ?? ''),
      subtitle: String(row.nextStep ?? ''),
      body: String(row.source ?? ''),
    }),
  }),
  deal_contacts: byName(schema.dealContacts),
  deal_stage_history: byName(schema.dealStageHistory),
  exchange_rates: byName(schema.exchangeRates),
  activities: byName(schema.activities, {
    localFields: ['recurs'],
    derive: (row) => ({ recurs: Boolean((row.details as { recurrence?: unknown } | null)?.recurrence) }),
    searchType: 'activity',
    searchDoc: (row) => ({
      title: String(row.subject ?? ''),
      subtitle: String(row.type ?? ''),
      body: String(row.body ?? ''),
    }),
  }),
  activity_links: byName(schema.activityLinks, { localFields: ['at'] }),
  notes: byName(schema.notes, {
    searchType: 'note',
    searchDoc: (row) => {
      // Notes are rich text (sanitized HTML): the index holds their words, not their tags.
      const text = String(row.body ?? '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return { title: text.slice(0, 80), subtitle: '', body: text };
    },
  }),
  templates: byName(schema.templates),
  automations: byName(schema.automations),
  tags: byName(schema.tags),
  taggings: byName(schema.taggings),
  custom_field_defs: byName(schema.customFieldDefs),
  saved_views: byName(schema.savedViews),
  merge_history: byName(schema.mergeHistory),
  products: byName(schema.products),
  price_lists: byName(schema.priceLists),
  price_list_items: byName(schema.priceListItems),
  deal_line_items: byName(schema.dealLineItems),
  quotes: byName(schema.quotes),
  quote_lines: byName(schema.quoteLines),
  invoices: byName(schema.invoices),
  invoice_lines: byName(schema.invoiceLines),
  payments: byName(schema.payments),
  tickets: byName(schema.tickets, {
    searchType: 'ticket',
    searchDoc: (row) => ({
      title: String(row.subject ?? ''),
      // Language-neutral: the hit is shown in either language.
      subtitle: String(row.category ?? ''),
      body: String(row.description ?? ''),
    }),
  }),
  ticket_messages: byName(schema.ticketMessages),
  business_hours: byName(schema.businessHours),
  sla_policies: byName(schema.slaPolicies),
  ticket_assignment_rules: byName(schema.ticketAssignmentRules),
  kb_categories: byName(schema.kbCategories),
  kb_articles: byName(schema.kbArticles, {
    searchType: 'kb_article',
    searchDoc: (row) => {
      const text = String(row.body ?? '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return { title: String(row.title ?? ''), subtitle: String(row.locale ?? '').toUpperCase(), body: text };
    },
  }),
  campaigns: byName(schema.campaigns, {
    searchType: 'campaign',
    searchDoc: (row) => ({
      title: String(row.name ?? ''),
      subtitle: [row.startDate, row.endDate].filter(Boolean).join(' – '),
      body: String(row.description ?? ''),
    }),
  }),
  campaign_members: byName(schema.campaignMembers),
  campaign_responses: byName(schema.campaignResponses),
  saved_reports: byName(schema.savedReports),
  report_schedules: byName(schema.reportSchedules),
  loyalty_tiers: byName(schema.loyaltyTiers),
  loyalty_rules: byName(schema.loyaltyRules),
  loyalty_ledger: byName(schema.loyaltyLedger),
} satisfies Record<string, EntityDef>;

export type EntityName = keyof typeof ENTITIES;
export const ENTITY_NAMES = Object.keys(ENTITIES) as EntityName[];
