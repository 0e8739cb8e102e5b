import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { call } from '../accounts/api';
import { manualClock, tempDb } from '../db/temp-db';
import { company } from './fixtures';

async function pdfText(base64: string): Promise<string> {
  const task = getDocument({ data: new Uint8Array(Buffer.from(base64, 'base64')), useSystemFonts: false });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  // Intl puts (narrow) no-break spaces in amounts: read them as plain spaces.
  return pages.join('\n').replace(/[\u00a0\u202f]/g, ' ');
}

const LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('quote and invoice PDFs', () => {
  it('prints a quote in Spanish with branding, accents, lines, taxes and totals', async () => {
    const db = tempDb({ now: manualClock(Date.parse('2026-03-10T10:00:00Z')).now });
    await call(db, 'billing.updateSettings', {
      companyName: 'Soluciones Núñez S.L.',
      companyAddress: 'Calle Príncipe 7, 28012 Madrid',
      companyTaxId: 'B12345678',
      companyLogo: LOGO,
      defaultTerms: 'Pago a 30 días. Precios válidos según condiciones.',
    });
    const customer = company(db, 'Óptica Peñalara');
    const quote = await call(db, 'quotes.create', {
      companyId: customer,
      currency: 'EUR',
      expiryDate: '2026-04-09',
      lines: [
        { description: 'Instalación eléctrica', quantity: 3, unitPrice: 1999, discountPercent: 10, taxPercent: 21 },
        { description: 'Revisión técnica', quantity: 1.5, unitPrice: 3333, taxPercent: 10 },
        { description: 'Señalización', quantity: 2, unitPrice: 500, taxPercent: 21 },
      ],
    });
    const started = performance.now();
    const file = await call(db, 'quotes.pdf', { id: quote.id }, 'es');
    const elapsed = performance.now() - started;
    expect(file.fileName).toBe('presupuesto-Q-0001.pdf');
    const text = await pdfText(file.base64);
    for (const expected of [
      'Soluciones Núñez S.L.',
      'NIF: B12345678',
      'Presupuesto Q-0001',
      'Válido hasta',
      'Óptica Peñalara',
      'Instalación eléctrica',
      'Revisión técnica',
      'Señalización',
      '19,99 €',
      // 5397 + 1000 = 6397 at 21 % → 1343.37; 5000 at 10 % → 500
      'Impuesto 21 % sobre 63,97 €',
      '13,43 €',
      'Impuesto 10 % sobre 50,00 €',
      'Total',
      '132,40 €',
      'Pago a 30 días',
      'Página 1 de 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(quote.totals.total).toBe(13240);
    expect(elapsed).toBeLessThan(2000); // the budget (500 ms) is measured in bench/billing.ts
  });

  it('prints an invoice in English with payments and the balance due, over several pages', async () => {
    const db = tempDb();
    const lines = Array.from({ length: 60 }, (_, i) => ({
      description: `Item ${i + 1}`,
      quantity: 1,
      unitPrice: 1000,
      taxPercent: 20,
    }));
    const quote = await call(db, 'quotes.create', { currency: 'USD', lines });
    await call(db, 'quotes.setStatus', { id: quote.id, status: 'accepted' });
    const invoice = await call(db, 'invoices.createFromQuote', { quoteId: quote.id, dueDate: '2030-01-31' });
    await call(db, 'payments.record', { invoiceId: invoice.id, amount: 20000 });
    const file = await call(db, 'invoices.pdf', { id: invoice.id });
    const text = await pdfText(file.base64);
    expect(file.fileName).toBe('invoice-INV-0001.pdf');
    expect(text).toContain('Invoice INV-0001');
    expect(text).toContain('Item 60');
    expect(text).toContain('Tax 20% on $600.00');
    expect(text).toContain('$720.00');
    expect(text).toContain('Paid');
    expect(text).toContain('Balance due');
    expect(text).toContain('$520.00');
    expect(text).toMatch(/Page 1 of [23]/);
  });
});
