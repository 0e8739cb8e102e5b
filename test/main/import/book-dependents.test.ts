import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { collectBook, decodeBook, encodeBook, mergeBook } from '../../../src/main/services/export/book';
import { ensureDefaultPipeline } from '../../../src/main/services/pipelines';
import { cellsOfRow, readOutbox } from '../../../src/main/sync/outbox';
import { keptRollups, recomputedRollups } from '../analytics/rollup-recompute';
import { call } from '../accounts/api';
import { countRows, manualClock, tempDb } from '../db/temp-db';

/*
 * A one-company client book carries what a consultant expects to travel with the client: the
 * deal's contacts and roles, its lines, its stays in each stage, quotes, invoices and payments,
 * tickets, notes, tags, activities and custom values, and the products and stages they point at.
 * Merged elsewhere, those deals add up to the same amounts, product revenue and conversion.
 */

const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/** Every table a company's rows reach, with the rows of Acme's that must travel. */
const DEPENDENT_TABLES = [
  'companies',
  'contacts',
  'contact_companies',
  'deals',
  'deal_contacts',
  'deal_line_items',
  'deal_stage_history',
  'products',
  'price_lists',
  'price_list_items',
  'quotes',
  'quote_lines',
  'invoices',
  'invoice_lines',
  'payments',
  'tickets',
  'ticket_messages',
  'notes',
  'taggings',
  'tags',
  'activities',
  'activity_links',
  'custom_field_defs',
  'members',
  'pipelines',
  'stages',
] as const;

/** A workspace with three companies; Acme's deal is worked from first call to paid invoice. */
async function office(name: string) {
  const clock = manualClock(at('2026-01-05'), 1);
  const db = tempDb({ now: clock.now });
  ensureDefaultPipeline(db);
  const open = db.sqlite
    .prepare("SELECT id FROM stages WHERE kind = 'open' AND deleted = 0 ORDER BY position")
    .pluck()
    .all() as string[];
  const owner = await call(db, 'members.create', { name });
  const acme = await call(db, 'companies.create', { name: `Acme ${name}` });
  const bolt = await call(db, 'companies.create', { name: `Bolt ${name}` });
  await call(db, 'companies.create', { name: `Cargo ${name}` });
  const ana = await call(db, 'contacts.create', { firstName: 'Ana', lastName: name });
  const bruno = await call(db, 'contacts.create', { firstName: 'Bruno', lastName: name });
  await call(db, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id });
  await call(db, 'contacts.linkCompany', { contactId: bruno.id, companyId: bolt.id });
  const field = await call(db, 'customFields.create', { entity: 'deals', label: 'Region', type: 'text' });
  const vip = await call(db, 'tags.create', { name: 'VIP' });
  const product = (n: string, unitPrice: number) =>
    call(db, 'products.create', { name: `${n} ${name}`, unitPrice, currency: 'USD' });
  const [alpha, beta, gamma, delta] = [
    await product('Alpha', 1000),
    await product('Beta', 2500),
    await product('Gamma', 400),
    await product('Delta', 9900),
  ];

  const deal = await call(db, 'deals.create', {
    title: `Acme renewal ${name}`,
    currency: 'USD',
    companyId: acme.id,
    ownerId: owner.id,
    source: 'referral',
    custom: { [field.key]: 'North' },
  });
  await call(db, 'deals.linkContact', { dealId: deal.id, contactId: ana.id, role: 'Decision maker' });
  await call(db, 'lineItems.add', { dealId: deal.id, productId: alpha!.id, quantity: 3 });
  await call(db, 'lineItems.add', { dealId: deal.id, productId: beta!.id, quantity: 2, discountPercent: 10 });
  await call(db, 'lineItems.add', { dealId: deal.id, productId: gamma!.id, quantity: 1.5 });
  // Priced from a list that also prices Delta, a product none of Acme's lines has.
  const partners = await call(db, 'priceLists.create', { name: `Partners ${name}`, currency: 'USD' });
  await call(db, 'priceLists.setPrice', { priceListId: partners.id, productId: alpha!.id, unitPrice: 900 });
  await call(db, 'priceLists.setPrice', { priceListId: partners.id, productId: delta!.id, unitPrice: 9000 });
  await call(db, 'lineItems.applyPriceList', { dealId: deal.id, priceListId: partners.id });
  clock.set(at('2026-01-12'));
  await call(db, 'deals.move', { id: deal.id, stageId: open[1]! });
  clock.set(at('2026-01-20'));
  await call(db, 'deals.move', { id: deal.id, stageId: open[2]! });
  const quote = await call(db, 'quotes.create', { dealId: deal.id, contactId: ana.id });
  clock.set(at('2026-02-03'));
  await call(db, 'quotes.setStatus', { id: quote.id, status: 'accepted', markDealWon: true });
  const invoice = await call(db, 'invoices.createFromQuote', { quoteId: quote.id });
  await call(db, 'payments.record', { invoiceId: invoice.id, amount: 1500, method: 'transfer' });
  const ticket = await call(db, 'tickets.create', { subject: 'Login fails', companyId: acme.id, contactId: ana.id });
  await call(db, 'tickets.addNote', { id: ticket.ticket.id, body: 'Asked for a screenshot' });
  await call(db, 'notes.create', { entityType: 'deals', entityId: deal.id, body: '<p>Signed in person</p>' });
  await call(db, 'tags.apply', { tagId: vip.id, entity: 'companies', ids: [acme.id] });
  await call(db, 'activities.create', {
    type: 'call',
    subject: 'Kick-off call',
    links: [{ entityType: 'deals', entityId: deal.id }],
  });

  // Bolt's business, which must stay home: another product, an open deal without an owner, its quote and ticket.
  clock.set(at('2026-03-10'));
  const boltDeal = await call(db, 'deals.create', { title: `Bolt pilot ${name}`, currency: 'USD', companyId: bolt.id });
  await call(db, 'lineItems.add', { dealId: boltDeal.id, productId: delta!.id, quantity: 1 });
  await call(db, 'deals.move', { id: boltDeal.id, stageId: open[1]! });
  await call(db, 'quotes.create', { dealId: boltDeal.id, contactId: bruno.id });
  await call(db, 'tickets.create', { subject: 'Invoice copy', companyId: bolt.id, contactId: bruno.id });
  await call(db, 'notes.create', { entityType: 'companies', entityId: bolt.id, body: '<p>Call back in May</p>' });
  clock.set(at('2026-04-01'));
  return { db, owner, acme, bolt, deal, boltDeal, delta: delta!, partners, quote, invoice, ticket: ticket.ticket };
}

/** Setup rows both workspaces hold under the same ids (the default pipeline) or that the book adds to. */
const SHARED = new Set(['custom_field_defs', 'pipelines', 'stages']);

type Office = Awaited<ReturnType<typeof office>>;

/** Acme's rows by table, read from the source with plain joins (independently of the book's code). */
function acmeRows(o: Office) {
  const ids = (sql: string, ...params: unknown[]) =>
    o.db.sqlite
      .prepare(sql)
      .pluck()
      .all(...params) as string[];
  const d = o.deal.id;
  return {
    companies: [o.acme.id],
    contacts: ids('SELECT contact_id FROM contact_companies WHERE company_id = ?', o.acme.id),
    contact_companies: ids('SELECT id FROM contact_companies WHERE company_id = ?', o.acme.id),
    deals: [d],
    deal_contacts: ids('SELECT id FROM deal_contacts WHERE deal_id = ?', d),
    deal_line_items: ids('SELECT id FROM deal_line_items WHERE deal_id = ?', d),
    deal_stage_history: ids('SELECT id FROM deal_stage_history WHERE deal_id = ?', d),
    products: ids('SELECT DISTINCT product_id FROM deal_line_items WHERE deal_id = ?', d),
    price_lists: [o.partners.id],
    price_list_items: ids('SELECT id FROM price_list_items WHERE price_list_id = ?', o.partners.id),
    quotes: [o.quote.id],
    quote_lines: ids('SELECT id FROM quote_lines WHERE quote_id = ?', o.quote.id),
    invoices: [o.invoice.id],
    invoice_lines: ids('SELECT id FROM invoice_lines WHERE invoice_id = ?', o.invoice.id),
    payments: ids('SELECT id FROM payments WHERE invoice_id = ?', o.invoice.id),
    tickets: [o.ticket.id],
    ticket_messages: ids('SELECT id FROM ticket_messages WHERE ticket_id = ?', o.ticket.id),
    notes: ids('SELECT id FROM notes WHERE entity_id = ?', d),
    taggings: ids('SELECT id FROM taggings WHERE entity_id = ?', o.acme.id),
    tags: ids('SELECT tag_id FROM taggings WHERE entity_id = ?', o.acme.id),
    activities: ids('SELECT activity_id FROM activity_links WHERE entity_id = ?', d),
    activity_links: ids('SELECT id FROM activity_links WHERE entity_id = ?', d),
    custom_field_defs: ids('SELECT id FROM custom_field_defs'),
    members: [o.owner.id],
    pipelines: ids('SELECT pipeline_id FROM deals WHERE id = ?', d),
    stages: ids('SELECT stage_id FROM deal_stage_history WHERE deal_id = ?', d),
  };
}

/** A row as sync sees it: every field with its value and stamp. */
const cells = (db: CrmDb, table: string, id: string) =>
  cellsOfRow(db, table, id)
    .map((c) => `${c.field}=${JSON.stringify(c.value)}@${c.hlc}`)
    .sort();

/** References that point at no row: what a merged book must never leave behind. */
function dangling(db: CrmDb): Record<string, number> {
  const refs: [string, string, string][] = [
    ['deals', 'stage_id', 'stages'],
    ['deals', 'pipeline_id', 'pipelines'],
    ['deals', 'company_id', 'companies'],
    ['deals', 'price_list_id', 'price_lists'],
    ['companies', 'parent_id', 'companies'],
    ['price_list_items', 'product_id', 'products'],
    ['price_list_items', 'price_list_id', 'price_lists'],
    ['deals', 'owner_id', 'members'],
    ['stages', 'pipeline_id', 'pipelines'],
    ['deal_contacts', 'contact_id', 'contacts'],
    ['deal_contacts', 'deal_id', 'deals'],
    ['deal_line_items', 'product_id', 'products'],
    ['deal_line_items', 'deal_id', 'deals'],
    ['deal_stage_history', 'stage_id', 'stages'],
    ['deal_stage_history', 'pipeline_id', 'pipelines'],
    ['quotes', 'deal_id', 'deals'],
    ['quotes', 'contact_id', 'contacts'],
    ['quote_lines', 'quote_id', 'quotes'],
    ['quote_lines', 'product_id', 'products'],
    ['invoices', 'quote_id', 'quotes'],
    ['invoices', 'company_id', 'companies'],
    ['invoice_lines', 'invoice_id', 'invoices'],
    ['invoice_lines', 'product_id', 'products'],
    ['payments', 'invoice_id', 'invoices'],
    ['tickets', 'company_id', 'companies'],
    ['tickets', 'contact_id', 'contacts'],
    ['tickets', 'sla_policy_id', 'sla_policies'],
    ['ticket_messages', 'ticket_id', 'tickets'],
    ['taggings', 'tag_id', 'tags'],
    ['activity_links', 'activity_id', 'activities'],
    ['contact_companies', 'contact_id', 'contacts'],
  ];
  const out: Record<string, number> = {};
  for (const [table, col, target] of refs) {
    const n = db.sqlite
      .prepare(
        `SELECT count(*) FROM "${table}" WHERE ${col} IS NOT NULL AND ${col} NOT IN (SELECT id FROM "${target}")`,
      )
      .pluck()
      .get() as number;
    if (n) out[`${table}.${col}`] = n;
  }
  return out;
}

/** The rollup rows of one owner's deals (and one company's purchases): those a book's deals make. */
function rollupsOf(db: CrmDb, ownerId: string, companyId: string) {
  const kept = keptRollups(db) as Record<string, Record<string, unknown>[]>;
  return Object.fromEntries(
    Object.entries(kept).map(([table, rows]) => [
      table,
      rows.filter((r) => (table === 'purchases' ? r.c === companyId : r.owner === ownerId)),
    ]),
  );
}

function tableCounts(db: CrmDb): Record<string, number> {
  return Object.fromEntries(DEPENDENT_TABLES.map((t) => [t, countRows(db, t)]));
}

describe('a one-company client book carries what hangs off the company', () => {
  it('merged into an empty workspace: every dependent row, equal, resolving, and nothing of the others', async () => {
    const src = await office('Source');
    const expected = acmeRows(src);
    expect(expected.deal_line_items).toHaveLength(3);
    expect(expected.deal_stage_history.length).toBeGreaterThanOrEqual(3);
    expect(expected.quote_lines).toHaveLength(3);
    expect(expected.payments).toHaveLength(1);
    expect(expected.ticket_messages.length).toBeGreaterThanOrEqual(1);

    const book = decodeBook(encodeBook(collectBook(src.db, [src.acme.id])));
    const laptop = tempDb({ now: () => at('2026-04-01') });
    mergeBook(laptop, book);

    for (const [table, rowIds] of Object.entries(expected)) {
      expect(rowIds.length, table).toBeGreaterThan(0);
      for (const id of rowIds) {
        const arrived = cells(laptop, table, id);
        expect(arrived.length, `${table} ${id}`).toBeGreaterThan(0);
        expect(arrived, `${table} ${id}`).toEqual(cells(src.db, table, id));
      }
    }
    expect(dangling(laptop)).toEqual({});

    // Nothing of Bolt's: its company, deal, product, quote, ticket and note stayed home.
    const has = (table: string, where: string, ...params: unknown[]) =>
      laptop.sqlite
        .prepare(`SELECT count(*) FROM "${table}" WHERE ${where}`)
        .pluck()
        .get(...params) as number;
    expect(has('companies', 'id <> ?', src.acme.id)).toBe(0);
    expect(has('deals', 'id <> ?', src.deal.id)).toBe(0);
    // Delta travels only as a product the deal's price list prices, not as Bolt's deal's line.
    expect(has('products', 'id = ?', src.delta.id)).toBe(1);
    expect(has('deal_line_items', 'product_id = ?', src.delta.id)).toBe(0);
    expect(has('quotes', 'id <> ?', src.quote.id)).toBe(0);
    expect(has('tickets', 'id <> ?', src.ticket.id)).toBe(0);
    expect(has('notes', 'entity_id = ?', src.bolt.id)).toBe(0);
    expect(has('contacts', 'first_name = ?', 'Bruno')).toBe(0);

    // The same figures: the deal's amount and product revenue, its conversion and the company's purchases.
    expect(keptRollups(laptop)).toEqual(recomputedRollups(laptop));
    expect(rollupsOf(laptop, src.owner.id, src.acme.id)).toEqual(rollupsOf(src.db, src.owner.id, src.acme.id));
    expect(rollupsOf(laptop, src.owner.id, src.acme.id).products).toHaveLength(3);

    // What arrived is queued for sync like any merged cell: the lines and stays too.
    const queued = new Set(readOutbox(laptop).changes.map((c) => c.rowId));
    for (const id of [...expected.deal_line_items, ...expected.deal_stage_history, ...expected.payments])
      expect(queued.has(id), id).toBe(true);

    // Twice: nothing new, no copies.
    const before = tableCounts(laptop);
    expect(mergeBook(laptop, decodeBook(encodeBook(collectBook(src.db, [src.acme.id])))).rows).toBe(0);
    expect(tableCounts(laptop)).toEqual(before);
  });

  it('merged into a workspace with its own clients: those are untouched, the book’s deals add up the same', async () => {
    const src = await office('Source');
    const other = await office('Other');
    const theirs = rollupsOf(other.db, other.owner.id, other.acme.id);
    const own = Object.entries(acmeRows(other)).filter(([table]) => !SHARED.has(table));
    const theirCells = own.map(([table, rowIds]) => rowIds.map((id) => cells(other.db, table, id)));
    const book = encodeBook(collectBook(src.db, [src.acme.id]));
    mergeBook(other.db, decodeBook(book));

    const expected = acmeRows(src);
    for (const [table, rowIds] of Object.entries(expected)) {
      // Both hold the default pipeline under the same id, each stamped by its own device: the sync rule keeps one.
      if (SHARED.has(table)) continue;
      for (const id of rowIds) expect(cells(other.db, table, id), `${table} ${id}`).toEqual(cells(src.db, table, id));
    }
    expect(dangling(other.db)).toEqual({});
    expect(keptRollups(other.db)).toEqual(recomputedRollups(other.db));
    expect(rollupsOf(other.db, src.owner.id, src.acme.id)).toEqual(rollupsOf(src.db, src.owner.id, src.acme.id));
    expect(rollupsOf(other.db, other.owner.id, other.acme.id)).toEqual(theirs);
    expect(own.map(([table, rowIds]) => rowIds.map((id) => cells(other.db, table, id)))).toEqual(theirCells);
    expect(other.db.sqlite.prepare('SELECT count(*) FROM deals WHERE id = ?').pluck().get(src.boltDeal.id)).toBe(0);

    const before = tableCounts(other.db);
    expect(mergeBook(other.db, decodeBook(book)).rows).toBe(0);
    expect(tableCounts(other.db)).toEqual(before);
  });

  it('a company under a parent brings the parent as a record, without the parent’s own business', async () => {
    const src = await office('Source');
    const holding = await call(src.db, 'companies.create', { name: 'Acme Holdings' });
    await call(src.db, 'companies.update', { id: src.acme.id, parentId: holding.id });
    await call(src.db, 'deals.create', { title: 'Holding deal', currency: 'USD', companyId: holding.id });
    const laptop = tempDb({ now: () => at('2026-04-01') });
    mergeBook(laptop, decodeBook(encodeBook(collectBook(src.db, [src.acme.id]))));
    const names = laptop.sqlite.prepare('SELECT name FROM companies ORDER BY name').pluck().all();
    expect(names).toEqual(['Acme Holdings', 'Acme Source']);
    expect(laptop.sqlite.prepare('SELECT parent_id FROM companies WHERE id = ?').pluck().get(src.acme.id)).toBe(
      holding.id,
    );
    expect(laptop.sqlite.prepare('SELECT title FROM deals').pluck().all()).toEqual(['Acme renewal Source']);
  });

  it('the whole-workspace book still carries every row', async () => {
    const src = await office('Source');
    const laptop = tempDb({ now: () => at('2026-04-01') });
    mergeBook(laptop, decodeBook(encodeBook(collectBook(src.db))));
    expect(tableCounts(laptop)).toEqual(tableCounts(src.db));
    expect(keptRollups(laptop)).toEqual(keptRollups(src.db));
  });
});
