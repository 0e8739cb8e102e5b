import { ENTITY_NAMES, type EntityName } from '../../db/entities';
import type { CrmDb } from '../../db/open';

/**
 * Which rows a client book carries: every record of the workspace, or the companies given with
 * everything that hangs off them and everything those rows point at by id. A merged book must
 * show the same deals, amounts, product revenue and stage conversion as the source, and never
 * leave a row in the other workspace pointing at a product, stage, price list or contact it
 * does not have.
 *
 * Deleted rows (tombstones) travel like the others: a deal trashed at the office is trashed in
 * the copy too. Rows of the workspace's setup that other books and the copy share (people,
 * pipelines, tags, field definitions, rates, loyalty tiers and rules) travel whole: they are
 * small, and a merged deal's owner, stage or custom field must resolve.
 */
export function selectBookRows(db: CrmDb, companyIds: string[] | null): Map<EntityName, string[]> {
  const out = new Map<EntityName, string[]>();
  const ids = (sql: string, ...params: unknown[]) =>
    db.sqlite
      .prepare(sql)
      .pluck()
      .all(...params) as string[];
  if (!companyIds) {
    for (const table of ENTITY_NAMES) out.set(table, ids(`SELECT id FROM "${table}"`));
    return out;
  }
  const set = (list: Iterable<string>) => JSON.stringify([...new Set(list)]);
  const inSet = (col: string) => `${col} IN (SELECT value FROM json_each(?))`;
  /** Rows of `table` whose column is one of `keys` (distinct `pick`, the id unless told). */
  const where = (table: string, col: string, keys: string[], pick = 'id') =>
    keys.length
      ? ids(`SELECT DISTINCT ${pick} FROM "${table}" WHERE ${inSet(col)} AND ${pick} IS NOT NULL`, set(keys))
      : [];
  const union = (...lists: string[][]) => [...new Set(lists.flat())];

  const companies = where('companies', 'id', companyIds);
  const links = where('contact_companies', 'company_id', companies);
  const people = where('contact_companies', 'company_id', companies, 'contact_id');
  const deals = where('deals', 'company_id', companies);

  // Sales: the deals' contacts with their roles, their lines and every stay in a stage.
  const dealContacts = where('deal_contacts', 'deal_id', deals);
  const lineItems = where('deal_line_items', 'deal_id', deals);
  const stays = where('deal_stage_history', 'deal_id', deals);

  // Billing: the quotes and invoices of those deals or addressed to those companies, with their
  // lines and payments (an invoice made from a quote of the book travels with it).
  const quotes = union(where('quotes', 'deal_id', deals), where('quotes', 'company_id', companies));
  const quoteLines = where('quote_lines', 'quote_id', quotes);
  const invoices = union(
    where('invoices', 'deal_id', deals),
    where('invoices', 'company_id', companies),
    where('invoices', 'quote_id', quotes),
  );
  const invoiceLines = where('invoice_lines', 'invoice_id', invoices);
  const payments = where('payments', 'invoice_id', invoices);

  // Service: the companies' tickets, and the tickets of their people filed under no company.
  const tickets = union(
    where('tickets', 'company_id', companies),
    people.length ? ids(`SELECT id FROM tickets WHERE company_id IS NULL AND ${inSet('contact_id')}`, set(people)) : [],
  );
  const ticketMessages = where('ticket_messages', 'ticket_id', tickets);

  // What hangs off the company, its people and its deals: activities, notes, tags, loyalty points
  // and campaign membership.
  const records = [...companies, ...people, ...deals];
  const activityLinks = where('activity_links', 'entity_id', records);
  const activities = where('activity_links', 'entity_id', records, 'activity_id');
  const campaignMembers = where('campaign_members', 'contact_id', people);
  const campaignResponses = where('campaign_responses', 'contact_id', people);

  // What those rows point at by id. A contact on a deal, quote, invoice or ticket who is not one
  // of the company's people travels as a record only (without the rest of their own history).
  const contacts = union(
    people,
    where('deal_contacts', 'id', dealContacts, 'contact_id'),
    where('quotes', 'id', quotes, 'contact_id'),
    where('invoices', 'id', invoices, 'contact_id'),
    where('tickets', 'id', tickets, 'contact_id'),
  );
  const priceLists = union(
    where('deals', 'id', deals, 'price_list_id'),
    where('quotes', 'id', quotes, 'price_list_id'),
  );
  const priceListItems = where('price_list_items', 'price_list_id', priceLists);
  const products = union(
    where('deal_line_items', 'id', lineItems, 'product_id'),
    where('quote_lines', 'id', quoteLines, 'product_id'),
    where('invoice_lines', 'id', invoiceLines, 'product_id'),
    where('price_list_items', 'id', priceListItems, 'product_id'),
  );
  const campaigns = union(
    where('deals', 'id', deals, 'campaign_id'),
    where('campaign_members', 'id', campaignMembers, 'campaign_id'),
    where('campaign_responses', 'id', campaignResponses, 'campaign_id'),
  );
  const slaPolicies = where('tickets', 'id', tickets, 'sla_policy_id');
  const businessHours = where('sla_policies', 'id', slaPolicies, 'business_hours_id');
  const templates = union(
    where('ticket_messages', 'id', ticketMessages, 'template_id'),
    where('campaigns', 'id', campaigns, 'template_id'),
  );

  // The companies' parents, up the chain, as records only: the hierarchy shows in the copy, but
  // a parent's own deals and people are another client's.
  const parents = companies.length
    ? ids(
        `WITH RECURSIVE up(id) AS (
           SELECT parent_id FROM companies WHERE ${inSet('id')} AND parent_id IS NOT NULL
           UNION SELECT c.parent_id FROM companies c JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL)
         SELECT id FROM up WHERE id IN (SELECT id FROM companies)`,
        set(companies),
      )
    : [];

  const chosen: [EntityName, string[]][] = [
    ['companies', union(companies, parents)],
    ['contacts', contacts],
    ['contact_companies', links],
    ['deals', deals],
    ['deal_contacts', dealContacts],
    ['deal_stage_history', stays],
    ['deal_line_items', lineItems],
    ['products', products],
    ['price_lists', priceLists],
    ['price_list_items', priceListItems],
    ['quotes', quotes],
    ['quote_lines', quoteLines],
    ['invoices', invoices],
    ['invoice_lines', invoiceLines],
    ['payments', payments],
    ['tickets', tickets],
    ['ticket_messages', ticketMessages],
    ['sla_policies', slaPolicies],
    ['business_hours', businessHours],
    ['templates', templates],
    ['activities', activities],
    ['activity_links', activityLinks],
    ['notes', where('notes', 'entity_id', records)],
    ['taggings', where('taggings', 'entity_id', records)],
    ['loyalty_ledger', where('loyalty_ledger', 'company_id', companies)],
    ['campaigns', campaigns],
    ['campaign_members', campaignMembers],
    ['campaign_responses', campaignResponses],
  ];
  for (const [table, rows] of chosen) out.set(table, rows);
  const shared: EntityName[] = [
    'members',
    'teams',
    'tags',
    'pipelines',
    'stages',
    'custom_field_defs',
    'exchange_rates',
    'loyalty_tiers',
    'loyalty_rules',
  ];
  for (const table of shared) out.set(table, ids(`SELECT id FROM "${table}"`));
  return out;
}
