import { describe, expect, it } from 'vitest';
import { syncTable } from '../../../src/main/sync/tables';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { tempDb } from '../db/temp-db';
import { deal, salesPipeline } from './fixtures';

type Db = ReturnType<typeof tempDb>;

/** A deal in EUR, two products, and a reseller list that prices only the first one. */
async function setup(db: Db) {
  const s = salesPipeline(db);
  const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
  const licence = await call(db, 'products.create', { name: 'Licencia', unitPrice: 10000, currency: 'EUR' });
  const support = await call(db, 'products.create', { name: 'Soporte', unitPrice: 5000, currency: 'EUR' });
  const resellers = await call(db, 'priceLists.create', { name: 'Distribuidores', currency: 'EUR' });
  await call(db, 'priceLists.setPrice', { priceListId: resellers.id, productId: licence.id, unitPrice: 8000 });
  return { s, d, licence, support, resellers };
}

describe('the price list chosen on a deal is kept', () => {
  it('is read back with the deal and its lines, and prices the lines added later', async () => {
    const db = tempDb();
    const { d, licence, support, resellers } = await setup(db);
    await call(db, 'lineItems.applyPriceList', { dealId: d, priceListId: resellers.id });

    // What a reload reads: the deal and its lines both name the list.
    expect((await call(db, 'deals.get', { id: d })).priceListId).toBe(resellers.id);
    expect((await call(db, 'lineItems.list', { dealId: d })).priceListId).toBe(resellers.id);

    // No list in the call: the deal's list prices what it lists, the product's price the rest.
    await call(db, 'lineItems.add', { dealId: d, productId: licence.id, quantity: 2 });
    const lines = await call(db, 'lineItems.add', { dealId: d, productId: support.id, quantity: 1 });
    expect(lines.items.map((l) => [l.description, l.unitPrice])).toEqual([
      ['Licencia', 8000],
      ['Soporte', 5000],
    ]);
    expect(lines.amount).toBe(21000);
  });

  it('null goes back to the products’ own prices for new lines, keeping the priced ones', async () => {
    const db = tempDb();
    const { d, licence, resellers } = await setup(db);
    await call(db, 'lineItems.applyPriceList', { dealId: d, priceListId: resellers.id });
    await call(db, 'lineItems.add', { dealId: d, productId: licence.id, quantity: 1 });
    const cleared = await call(db, 'lineItems.applyPriceList', { dealId: d, priceListId: null });
    expect(cleared.priceListId).toBeNull();
    expect((await call(db, 'deals.get', { id: d })).priceListId).toBeNull();
    const lines = await call(db, 'lineItems.add', { dealId: d, productId: licence.id, quantity: 1 });
    expect(lines.items.map((l) => l.unitPrice)).toEqual([8000, 10000]);
  });

  it('a deal without lines or amount takes the list’s currency; one with an amount in another is refused', async () => {
    const db = tempDb();
    const { s, d, licence } = await setup(db);
    const usd = await call(db, 'priceLists.create', { name: 'USA', currency: 'USD' });
    await call(db, 'priceLists.setPrice', { priceListId: usd.id, productId: licence.id, unitPrice: 11000 });
    const applied = await call(db, 'lineItems.applyPriceList', { dealId: d, priceListId: usd.id });
    expect(applied.currency).toBe('USD');
    const added = await call(db, 'lineItems.add', { dealId: d, productId: licence.id, quantity: 1 });
    expect(added.items[0]?.unitPrice).toBe(11000);

    const typed = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    await call(db, 'deals.update', { id: typed, amount: 50000 });
    await expectNothingWritten(db, ['sync_outbox'], async () => {
      const error = await refuse(db, 'lineItems.applyPriceList', { dealId: typed, priceListId: usd.id });
      expect(error.issues?.[0]).toMatchObject({ path: ['priceListId'], key: 'billing.price_list_currency' });
    });
    expect(await call(db, 'deals.get', { id: typed })).toMatchObject({ currency: 'EUR', priceListId: null });
  });

  it('travels with the deal and quote rows when they sync', () => {
    const db = tempDb();
    for (const table of ['deals', 'quotes'] as const) {
      expect(syncTable(db, table).synced.map((c) => c.name)).toContain('price_list_id');
    }
  });
});

describe('a quote and its price list', () => {
  it('made from a deal inherits the deal’s list, and its new lines are priced from it', async () => {
    const db = tempDb();
    const { d, licence, support, resellers } = await setup(db);
    await call(db, 'lineItems.applyPriceList', { dealId: d, priceListId: resellers.id });
    const quote = await call(db, 'quotes.create', {
      dealId: d,
      lines: [
        { productId: licence.id, quantity: 1 },
        { productId: support.id, quantity: 1 },
      ],
    });
    expect(quote.priceListId).toBe(resellers.id);
    expect(quote.lines.map((l) => l.unitPrice)).toEqual([8000, 5000]);
    expect((await call(db, 'quotes.get', { id: quote.id })).priceListId).toBe(resellers.id);

    // Saving the draft again without naming a list keeps it.
    const updated = await call(db, 'quotes.update', { id: quote.id, lines: [{ productId: licence.id, quantity: 3 }] });
    expect(updated.priceListId).toBe(resellers.id);
    expect(updated.lines[0]?.unitPrice).toBe(8000);
  });

  it('is chosen, cleared, and refused in another currency with nothing written', async () => {
    const db = tempDb();
    const { licence, resellers } = await setup(db);
    const quote = await call(db, 'quotes.create', {
      currency: 'EUR',
      priceListId: resellers.id,
      lines: [{ productId: licence.id, quantity: 1 }],
    });
    expect(quote).toMatchObject({ priceListId: resellers.id, totals: { subtotal: 8000 } });
    const cleared = await call(db, 'quotes.update', { id: quote.id, priceListId: null });
    expect(cleared.priceListId).toBeNull();

    const usd = await call(db, 'priceLists.create', { name: 'USA', currency: 'USD' });
    await expectNothingWritten(db, ['quotes', 'quote_lines', 'sync_outbox'], async () => {
      const en = await refuse(db, 'quotes.update', { id: quote.id, priceListId: usd.id });
      expect(en.issues?.[0]).toMatchObject({ path: ['priceListId'], key: 'billing.price_list_currency_quote' });
      expect(en.issues?.[0]?.message).toBe(
        'The price list "USA" is in USD but this quote is in EUR: choose a price list in EUR.',
      );
      const es = await refuse(db, 'quotes.update', { id: quote.id, priceListId: usd.id }, 'es');
      expect(es.issues?.[0]?.message).toMatch(/^La lista de precios «USA» está en USD/);
    });
    expect((await call(db, 'quotes.get', { id: quote.id })).priceListId).toBeNull();
  });
});
