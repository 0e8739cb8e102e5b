import { describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import { openDatabase } from '../../../src/main/db/open';
import { newId } from '../../../src/shared/ids';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { manualClock, tempDb, track } from '../db/temp-db';
import { company, deal, salesPipeline } from './fixtures';

const BILLING_TABLES = [
  'products',
  'deal_line_items',
  'quotes',
  'quote_lines',
  'invoices',
  'invoice_lines',
  'payments',
];

async function product(db: ReturnType<typeof tempDb>, name: string, unitPrice: number, taxPercent = 21, extra = {}) {
  return call(db, 'products.create', { name, unitPrice, currency: 'EUR', taxPercent, ...extra });
}

describe('products and price lists', () => {
  it('creates, finds, updates and trashes products', async () => {
    const db = tempDb();
    const p = await product(db, 'Cañón de luz', 129900, 21, { sku: 'CL-1', category: 'Luz' });
    expect(p).toMatchObject({ sku: 'CL-1', unitPrice: 129900, currency: 'EUR', taxPercent: 21, active: true });
    expect((await call(db, 'products.list', { query: 'canon' })).items.map((x) => x.id)).toEqual([p.id]);
    await call(db, 'products.update', { id: p.id, active: false, taxPercent: 10 });
    expect((await call(db, 'products.list', {})).items).toEqual([]);
    expect((await call(db, 'products.list', { includeInactive: true })).items[0]?.taxPercent).toBe(10);
    await call(db, 'products.delete', { id: p.id });
    expect((await call(db, 'products.list', { trash: true })).items).toHaveLength(1);
  });

  it('refuses an unknown currency with a clear translated message and writes nothing', async () => {
    const db = tempDb();
    await expectNothingWritten(db, BILLING_TABLES, async () => {
      const en = await refuse(db, 'products.create', { name: 'X', unitPrice: 100, currency: 'XYZ' });
      expect(en.code).toBe('invalid_input');
      expect(en.issues?.[0]).toMatchObject({ path: ['currency'], key: 'validation.currency_unknown' });
      expect(en.issues?.[0]?.message).toMatch(/ISO 4217/);
      const es = await refuse(db, 'products.create', { name: 'X', unitPrice: 100, currency: 'ZZZ' }, 'es');
      expect(es.issues?.[0]?.message).toMatch(/^Moneda desconocida/);
      const negative = await refuse(db, 'products.create', { name: 'X', unitPrice: -1, currency: 'EUR' });
      expect(negative.issues?.[0]?.key).toBe('validation.amount_negative');
    });
  });

  it('prices a line from a price list', async () => {
    const db = tempDb();
    const p = await product(db, 'Widget', 1000);
    const list = await call(db, 'priceLists.create', { name: 'Resellers', currency: 'EUR' });
    await call(db, 'priceLists.setPrice', { priceListId: list.id, productId: p.id, unitPrice: 800 });
    const items = await call(db, 'priceLists.items', { id: list.id });
    expect(items.items).toMatchObject([{ productName: 'Widget', unitPrice: 800 }]);
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const lines = await call(db, 'lineItems.add', { dealId: d, productId: p.id, quantity: 2, priceListId: list.id });
    expect(lines.items[0]?.unitPrice).toBe(800);
    expect(lines.amount).toBe(1600);
  });
});

describe('deal line items', () => {
  it('compute the deal amount (after discounts, before tax) through the mutation layer', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const a = await product(db, 'A', 1999);
    const b = await product(db, 'B', 5000, 10);
    let lines = await call(db, 'lineItems.add', { dealId: d, productId: a.id, quantity: 3, discountPercent: 10 });
    expect(lines.amount).toBe(5397);
    lines = await call(db, 'lineItems.add', { dealId: d, productId: b.id, quantity: 1 });
    expect(lines.amount).toBe(10397);
    expect(lines.totals.taxTotal).toBe(1133 + 500);
    const amount = () => db.sqlite.prepare('SELECT amount FROM deals WHERE id = ?').pluck().get(d);
    expect(amount()).toBe(10397);
    lines = await call(db, 'lineItems.update', { id: lines.items[1]!.id, quantity: 2 });
    expect(amount()).toBe(15397);
    await call(db, 'lineItems.remove', { id: lines.items[0]!.id });
    expect(amount()).toBe(10000);
    // The change is an ordinary synced write: clocked and in the outbox.
    const outbox = db.sqlite
      .prepare("SELECT count(*) FROM sync_outbox WHERE table_name = 'deals' AND row_id = ?")
      .pluck();
    expect(outbox.get(d)).toBeGreaterThan(1);
  });

  it('refuses a negative quantity and a discount over 100 %, in the caller language, changing nothing', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const a = await product(db, 'A', 1999);
    await expectNothingWritten(db, [...BILLING_TABLES, 'deals', 'sync_outbox'], async () => {
      const negative = await refuse(db, 'lineItems.add', { dealId: d, productId: a.id, quantity: -2 });
      expect(negative.issues?.[0]).toMatchObject({ path: ['quantity'], key: 'validation.quantity_positive' });
      expect(negative.message).toMatch(/quantity must be more than zero/);
      const es = await refuse(db, 'lineItems.add', { dealId: d, productId: a.id, quantity: -2 }, 'es');
      expect(es.issues?.[0]?.message).toBe('La cantidad debe ser mayor que cero.');
      const discount = await refuse(db, 'lineItems.add', {
        dealId: d,
        productId: a.id,
        quantity: 1,
        discountPercent: 120,
      });
      expect(discount.issues?.[0]).toMatchObject({ path: ['discountPercent'], key: 'validation.discount_range' });
      const quote = await refuse(db, 'quotes.create', {
        currency: 'EUR',
        lines: [{ description: 'x', quantity: 1, unitPrice: 100, discountPercent: 100.5 }],
      });
      expect(quote.issues?.[0]?.path).toEqual(['lines', 0, 'discountPercent']);
      const currency = await refuse(db, 'quotes.create', {
        currency: 'EURO',
        lines: [{ description: 'x', quantity: 1 }],
      });
      expect(currency.issues?.[0]?.key).toBe('validation.currency_unknown');
    });
    expect(db.sqlite.prepare('SELECT amount FROM deals WHERE id = ?').pluck().get(d)).toBeNull();
  });

  it('refuses a product priced in another currency without an explicit price', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open }, { currency: 'USD' });
    const a = await product(db, 'A', 1999);
    const error = await refuse(db, 'lineItems.add', { dealId: d, productId: a.id, quantity: 1 });
    expect(error.issues?.[0]?.message).toMatch(/priced in EUR but this document is in USD/);
    const ok = await call(db, 'lineItems.add', { dealId: d, productId: a.id, quantity: 1, unitPrice: 2100 });
    expect(ok.amount).toBe(2100);
  });
});

describe('quotes', () => {
  it('numbers quotes from a configurable prefix and never hands out a number twice', async () => {
    const db = tempDb();
    await call(db, 'billing.updateSettings', { quotePrefix: 'P-2026-' });
    const lines = [{ description: 'Consulting', quantity: 1, unitPrice: 10000, taxPercent: 21 }];
    const numbers: string[] = [];
    for (let i = 0; i < 12; i++) numbers.push((await call(db, 'quotes.create', { currency: 'EUR', lines })).number);
    expect(numbers[0]).toBe('P-2026-0001');
    expect(numbers[11]).toBe('P-2026-0012');
    // Two connections to the same book (the app and the CLI) interleaving creations.
    const other = track(openDatabase({ path: db.path }));
    for (let i = 0; i < 5; i++) {
      numbers.push((await call(other, 'quotes.create', { currency: 'EUR', lines })).number);
      numbers.push((await call(db, 'quotes.create', { currency: 'EUR', lines })).number);
    }
    expect(new Set(numbers).size).toBe(numbers.length);
    // A refused creation does not burn a number.
    await refuse(db, 'quotes.create', { currency: 'EUR', lines: [] });
    expect((await call(db, 'quotes.create', { currency: 'EUR', lines })).number).toBe('P-2026-0023');
  });

  it('continues after numbers that arrived by sync, and a device code keeps offline devices apart', async () => {
    const lines = [{ description: 'Servicio', quantity: 1, unitPrice: 100 }];
    const a = tempDb();
    const b = tempDb();
    // A quote numbered elsewhere, arriving by sync (an ordinary synced row).
    mutate(a, {
      table: 'quotes',
      op: 'insert',
      id: newId(),
      values: { number: 'Q-0007', currency: 'EUR', issueDate: '2026-01-01', status: 'draft' },
    });
    expect((await call(a, 'quotes.create', { currency: 'EUR', lines })).number).toBe('Q-0008');
    // Two devices of one workspace billing offline: each with its own code, never the same number.
    expect((await call(a, 'billing.updateSettings', { deviceCode: 'a' })).deviceCode).toBe('A');
    await call(b, 'billing.updateSettings', { deviceCode: 'B' });
    const fromA = await call(a, 'quotes.create', { currency: 'EUR', lines });
    const fromB = await call(b, 'quotes.create', { currency: 'EUR', lines });
    expect([fromA.number, fromB.number]).toEqual(['Q-A-0001', 'Q-B-0001']);
    // The device code is this device's own: it is not a synced setting.
    expect(a.sqlite.prepare("SELECT count(*) FROM sync_outbox WHERE row_id = 'deviceCode'").pluck().get()).toBe(0);
  });

  it('builds a quote from a deal, accepts it, wins the deal and invoices it', async () => {
    const clock = manualClock(Date.parse('2026-03-10T10:00:00Z'));
    const db = tempDb({ now: clock.now });
    const s = salesPipeline(db);
    const acme = company(db, 'Acme Ibérica');
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open }, { companyId: acme, title: 'Renovación' });
    const a = await product(db, 'Licencia', 1999);
    await call(db, 'lineItems.add', { dealId: d, productId: a.id, quantity: 3, discountPercent: 10 });
    const quote = await call(db, 'quotes.create', { dealId: d, expiryDate: '2026-04-10' });
    expect(quote).toMatchObject({
      status: 'draft',
      companyName: 'Acme Ibérica',
      dealTitle: 'Renovación',
      currency: 'EUR',
      issueDate: '2026-03-10',
    });
    expect(quote.totals).toMatchObject({ subtotal: 5397, discountTotal: 0, taxTotal: 1133, total: 6530 });
    expect(quote.lines[0]).toMatchObject({ gross: 5997, amount: 5397, discountPercent: 10 });

    // A non-draft quote cannot be edited; the refusal changes nothing.
    await call(db, 'quotes.setStatus', { id: quote.id, status: 'sent' });
    const edit = await refuse(db, 'quotes.update', { id: quote.id, terms: 'x' }, 'es');
    expect(edit).toMatchObject({
      code: 'conflict',
      message: 'Solo se puede cambiar un presupuesto en borrador; este está enviado.',
    });

    const noInvoice = await refuse(db, 'invoices.createFromQuote', { quoteId: quote.id });
    expect(noInvoice.key).toBe('billing.quote_not_accepted');

    const accepted = await call(db, 'quotes.setStatus', { id: quote.id, status: 'accepted', markDealWon: true });
    expect(accepted.dealWon).toBe(true);
    expect(db.sqlite.prepare('SELECT stage_id FROM deals WHERE id = ?').pluck().get(d)).toBe(s.won);

    const invoice = await call(db, 'invoices.createFromQuote', { quoteId: quote.id });
    expect(invoice).toMatchObject({ number: 'INV-0001', status: 'unpaid', dueDate: '2026-04-09', balance: 6530 });
    expect(invoice.lines).toHaveLength(1);
    const again = await refuse(db, 'invoices.createFromQuote', { quoteId: quote.id });
    expect(again.message).toMatch(/already invoiced \(INV-0001\)/);
    expect((await call(db, 'quotes.get', { id: quote.id })).invoiceId).toBe(invoice.id);

    // The won deal can be invoiced directly as well.
    const fromDeal = await call(db, 'invoices.createFromDeal', { dealId: d });
    expect(fromDeal.number).toBe('INV-0002');
    expect(fromDeal.totals.total).toBe(6530);
  });

  it('will not accept an expired quote, and invoices only won deals', async () => {
    const clock = manualClock(Date.parse('2026-03-10T10:00:00Z'));
    const db = tempDb({ now: clock.now });
    const s = salesPipeline(db);
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
    const q = await call(db, 'quotes.create', {
      dealId: d,
      issueDate: '2026-01-01',
      expiryDate: '2026-01-31',
      lines: [{ description: 'Servicio', quantity: 1, unitPrice: 100 }],
    });
    expect(q.status).toBe('expired');
    const refused = await refuse(db, 'quotes.setStatus', { id: q.id, status: 'accepted' });
    expect(refused.key).toBe('billing.quote_expired');
    expect((await refuse(db, 'invoices.createFromDeal', { dealId: d })).key).toBe('billing.deal_not_won');
    expect((await call(db, 'quotes.list', { status: 'expired' })).items.map((x) => x.id)).toEqual([q.id]);
  });
});

describe('invoices and payments', () => {
  async function invoiced(db: ReturnType<typeof tempDb>, dueDate: string) {
    const q = await call(db, 'quotes.create', {
      currency: 'EUR',
      lines: [
        { description: 'Uno', quantity: 1, unitPrice: 10000, taxPercent: 21 },
        { description: 'Dos', quantity: 2, unitPrice: 2500, taxPercent: 21 },
      ],
    });
    await call(db, 'quotes.setStatus', { id: q.id, status: 'accepted' });
    return call(db, 'invoices.createFromQuote', { quoteId: q.id, issueDate: '2026-03-01', dueDate });
  }

  it('goes from unpaid to partially paid to paid; overpaying is refused', async () => {
    const db = tempDb({ now: manualClock(Date.parse('2026-03-10T10:00:00Z')).now });
    const inv = await invoiced(db, '2026-04-01');
    expect(inv.totals.total).toBe(18150);
    let after = await call(db, 'payments.record', { invoiceId: inv.id, amount: 8150, method: 'transfer' });
    expect(after).toMatchObject({ status: 'partially_paid', paid: 8150, balance: 10000 });
    await expectNothingWritten(db, ['payments'], async () => {
      const over = await refuse(db, 'payments.record', { invoiceId: inv.id, amount: 10001 }, 'es');
      expect(over.issues?.[0]?.message).toMatch(/^Este pago supera el saldo pendiente \(100,00\s€\)/);
      const zero = await refuse(db, 'payments.record', { invoiceId: inv.id, amount: 0 });
      expect(zero.issues?.[0]?.key).toBe('validation.amount_positive');
    });
    after = await call(db, 'payments.record', { invoiceId: inv.id, amount: 10000 });
    expect(after).toMatchObject({ status: 'paid', paid: 18150, balance: 0 });
    expect(after.payments).toHaveLength(2);
    after = await call(db, 'payments.delete', { id: after.payments[1]!.id });
    expect(after.status).toBe('partially_paid');
  });

  it('lists overdue invoices: past due and not fully paid', async () => {
    const db = tempDb({ now: manualClock(Date.parse('2026-03-10T10:00:00Z')).now });
    const late = await invoiced(db, '2026-03-05');
    const paidLate = await invoiced(db, '2026-03-05');
    await call(db, 'payments.record', { invoiceId: paidLate.id, amount: paidLate.totals.total });
    const current = await invoiced(db, '2026-04-05');
    const voided = await invoiced(db, '2026-03-01');
    await call(db, 'invoices.void', { id: voided.id });
    const overdue = await call(db, 'invoices.list', { overdue: true });
    expect(overdue.items.map((i) => i.id)).toEqual([late.id]);
    expect(overdue.items[0]?.status).toBe('overdue');
    const all = await call(db, 'invoices.list', {});
    expect(new Map(all.items.map((i) => [i.id, i.status]))).toEqual(
      new Map([
        [late.id, 'overdue'],
        [paidLate.id, 'paid'],
        [current.id, 'unpaid'],
        [voided.id, 'void'],
      ]),
    );
    expect((await refuse(db, 'payments.record', { invoiceId: voided.id, amount: 1 })).key).toBe('billing.invoice_void');
  });
});
