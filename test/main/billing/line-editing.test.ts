import { describe, expect, it } from 'vitest';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { manualClock, tempDb } from '../db/temp-db';
import { deal, salesPipeline } from './fixtures';

type Db = ReturnType<typeof tempDb>;

async function product(db: Db, name: string, unitPrice: number, currency = 'EUR') {
  return call(db, 'products.create', { name, unitPrice, currency, taxPercent: 21 });
}

const dealAmount = (db: Db, id: string) => db.sqlite.prepare('SELECT amount FROM deals WHERE id = ?').pluck().get(id);

describe('price lists on a deal', () => {
  it('reprice the lines whose product the list prices; the deal amount follows', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const listed = await product(db, 'Licencia', 10000);
    const unlisted = await product(db, 'Soporte', 5000);
    await call(db, 'lineItems.add', { dealId: d, productId: listed.id, quantity: 2 });
    await call(db, 'lineItems.add', { dealId: d, productId: unlisted.id, quantity: 1 });
    await call(db, 'lineItems.add', { dealId: d, description: 'Desplazamiento', quantity: 1, unitPrice: 300 });
    expect(dealAmount(db, d)).toBe(25300);

    const resellers = await call(db, 'priceLists.create', { name: 'Distribuidores', currency: 'EUR' });
    await call(db, 'priceLists.setPrice', { priceListId: resellers.id, productId: listed.id, unitPrice: 8000 });
    const applied = await call(db, 'lineItems.applyPriceList', { dealId: d, priceListId: resellers.id });
    expect(applied.repriced).toBe(1);
    expect(applied.items.map((l) => [l.description, l.unitPrice])).toEqual([
      ['Licencia', 8000],
      ['Soporte', 5000],
      ['Desplazamiento', 300],
    ]);
    expect(applied.amount).toBe(21300);
    expect(dealAmount(db, d)).toBe(21300);
  });

  it('refuses a list in another currency than the deal, saying which to choose, and changes nothing', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const p = await product(db, 'Licencia', 10000);
    await call(db, 'lineItems.add', { dealId: d, productId: p.id, quantity: 1 });
    const usd = await call(db, 'priceLists.create', { name: 'USA', currency: 'USD' });
    await call(db, 'priceLists.setPrice', { priceListId: usd.id, productId: p.id, unitPrice: 9000 });
    const before = await call(db, 'lineItems.list', { dealId: d });
    await expectNothingWritten(db, ['deal_line_items', 'sync_outbox'], async () => {
      const en = await refuse(db, 'lineItems.applyPriceList', { dealId: d, priceListId: usd.id });
      expect(en.issues?.[0]).toMatchObject({ path: ['priceListId'], key: 'billing.price_list_currency' });
      expect(en.issues?.[0]?.message).toBe(
        'The price list "USA" is in USD but this deal is in EUR: choose a price list in EUR.',
      );
      const es = await refuse(db, 'lineItems.applyPriceList', { dealId: d, priceListId: usd.id }, 'es');
      expect(es.issues?.[0]?.message).toMatch(/^La lista de precios «USA» está en USD/);
    });
    expect(await call(db, 'lineItems.list', { dealId: d })).toEqual(before);
  });
});

describe('editing lines in place', () => {
  it('a deal line takes a new quantity, price, discount and tax; the totals follow', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const p = await product(db, 'Licencia', 10000);
    const added = await call(db, 'lineItems.add', { dealId: d, productId: p.id, quantity: 1 });
    const id = added.items[0]!.id;
    const edited = await call(db, 'lineItems.update', {
      id,
      quantity: 3,
      unitPrice: 9000,
      discountPercent: 10,
      taxPercent: 10,
    });
    expect(edited.items[0]).toMatchObject({ quantity: 3, unitPrice: 9000, discountPercent: 10, taxPercent: 10 });
    expect(edited.totals).toMatchObject({ subtotal: 24300, taxTotal: 2430, total: 26730 });
    expect(dealAmount(db, d)).toBe(24300);
  });

  async function invoice(db: Db) {
    const q = await call(db, 'quotes.create', {
      currency: 'EUR',
      lines: [{ description: 'Instalación', quantity: 1, unitPrice: 10000, taxPercent: 21 }],
    });
    await call(db, 'quotes.setStatus', { id: q.id, status: 'accepted' });
    return call(db, 'invoices.createFromQuote', { quoteId: q.id, issueDate: '2026-03-01', dueDate: '2026-03-31' });
  }

  it('an invoice takes new lines until a payment is recorded', async () => {
    const db = tempDb({ now: manualClock(Date.parse('2026-03-10T10:00:00Z')).now });
    const inv = await invoice(db);
    const edited = await call(db, 'invoices.update', {
      id: inv.id,
      lines: [
        { description: 'Instalación', quantity: 2, unitPrice: 9000, discountPercent: 10, taxPercent: 21 },
        { description: 'Revisión', quantity: 1, unitPrice: 2000, taxPercent: 10 },
      ],
    });
    expect(edited.totals).toMatchObject({ subtotal: 18200, taxTotal: 3402 + 200, total: 21802 });
    expect(edited.balance).toBe(21802);
    expect(edited.number).toBe(inv.number);

    const paid = await call(db, 'payments.record', { invoiceId: inv.id, amount: 1000 });
    await expectNothingWritten(db, ['invoice_lines', 'sync_outbox'], async () => {
      const locked = await refuse(db, 'invoices.update', {
        id: inv.id,
        lines: [{ description: 'Otra', quantity: 1, unitPrice: 1 }],
      });
      expect(locked).toMatchObject({ code: 'conflict', key: 'billing.invoice_lines_locked' });
      expect(locked.message).toMatch(/remove the payment first/);
    });
    expect(await call(db, 'invoices.get', { id: inv.id })).toEqual(paid);
  });

  it('refuses a due date before the issue date, in the caller language, changing nothing', async () => {
    const db = tempDb({ now: manualClock(Date.parse('2026-03-10T10:00:00Z')).now });
    const inv = await invoice(db);
    await expectNothingWritten(db, ['invoices', 'sync_outbox'], async () => {
      const en = await refuse(db, 'invoices.update', { id: inv.id, dueDate: '2026-02-15' });
      expect(en.code).toBe('invalid_input');
      expect(en.issues?.[0]).toMatchObject({ path: ['dueDate'], key: 'billing.due_before_issue' });
      expect(en.issues?.[0]?.message).toBe(
        "The due date 2026-02-15 is before the invoice's issue date 2026-03-01: choose a due date on or after 2026-03-01.",
      );
      const es = await refuse(db, 'invoices.update', { id: inv.id, dueDate: '2026-02-15' }, 'es');
      expect(es.issues?.[0]?.message).toMatch(/^La fecha de vencimiento 2026-02-15 es anterior a la fecha de emisión/);
    });
    expect(await call(db, 'invoices.get', { id: inv.id })).toEqual(inv);

    // Issuing one with such dates is refused the same way; the same day is fine.
    const q = await call(db, 'quotes.create', { currency: 'EUR', lines: [{ description: 'X', quantity: 1 }] });
    await call(db, 'quotes.setStatus', { id: q.id, status: 'accepted' });
    await expectNothingWritten(db, ['invoices', 'invoice_lines'], async () => {
      const refused = await refuse(db, 'invoices.createFromQuote', {
        quoteId: q.id,
        issueDate: '2026-03-05',
        dueDate: '2026-03-04',
      });
      expect(refused.issues?.[0]?.key).toBe('billing.due_before_issue');
    });
    const sameDay = await call(db, 'invoices.update', { id: inv.id, dueDate: '2026-03-01' });
    expect(sameDay.dueDate).toBe('2026-03-01');
  });
});
