// Products, a quote with three lines and tax, its PDF, the invoice and two payments, in a real
// browser against `crm serve` on a fresh temporary database (see fixtures/server.ts).
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test, openInEnglish, unique } from './fixtures/server';

/** Every text item of every page of a PDF file, with Intl's no-break spaces read as spaces. */
async function pdfText(path: string): Promise<string> {
  const task = getDocument({ data: new Uint8Array(await readFile(path)) });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await task.destroy();
  return pages.join('\n').replace(/[\u00a0\u202f]/g, ' ');
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('textbox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('products, a quote with three lines and tax, its PDF, the invoice and two payments until paid', async ({
  page,
  server,
}) => {
  const n = unique();
  const products = [
    { name: `Señal luminosa ${n}`, sku: `SL-${n}`, price: '19.99', tax: '21' },
    { name: `Instalación ${n}`, sku: `IN-${n}`, price: '150', tax: '21' },
    { name: `Revisión anual ${n}`, sku: `RA-${n}`, price: '45.50', tax: '10' },
  ];
  // This device already knows who uses it (the first-run prompt is another spec's journey).
  if ((await server.call('members.current', {})).member === null) {
    const me = await server.call('members.create', { name: `Facturación ${n}` });
    await server.call('members.setCurrent', { id: me.id });
  }
  await openInEnglish(page, server);

  await test.step('create three products', async () => {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    for (const p of products) {
      await page.getByRole('button', { name: 'New product' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('textbox', { name: 'Name' }).fill(p.name);
      await dialog.getByRole('textbox', { name: 'SKU' }).fill(p.sku);
      await dialog.getByLabel('Unit price').fill(p.price);
      await dialog.getByRole('textbox', { name: 'Currency' }).click();
      await page.getByRole('option', { name: 'EUR', exact: true }).click();
      await dialog.getByLabel('Tax %').fill(p.tax);
      await dialog.getByRole('button', { name: 'Create product' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByTestId('products-table')).toContainText(p.name);
    }
    await expect(page.getByTestId('products-table')).toContainText('€19.99');
  });

  await test.step('build a quote with three lines and tax; a negative quantity is refused', async () => {
    await page.getByRole('link', { name: 'Quotes', exact: true }).click();
    await page
      .getByRole('button', { name: 'New quote' })
      .or(page.getByRole('link', { name: 'New quote' }))
      .click();
    await expect(page).toHaveURL(/\/quotes\/new$/);
    await page.getByRole('textbox', { name: 'Currency' }).click();
    await page.getByRole('option', { name: 'EUR', exact: true }).click();
    await pick(page, 'Product, line 1', products[0]!.name);
    await page.getByLabel('Quantity, line 1').fill('3');
    await page.getByLabel('Discount, line 1').fill('10');
    await page.getByRole('button', { name: 'Add line' }).click();
    await pick(page, 'Product, line 2', products[1]!.name);
    await page.getByRole('button', { name: 'Add line' }).click();
    await pick(page, 'Product, line 3', products[2]!.name);
    await page.getByLabel('Quantity, line 3').fill('-2');
    await page.getByRole('button', { name: 'Create quote' }).click();
    await expect(page.getByTestId('line-3').getByText('The quantity must be more than zero.')).toBeVisible();
    await expect(page).toHaveURL(/\/quotes\/new$/);

    await page.getByLabel('Quantity, line 3').fill('2');
    // 3 × 19.99 = 59.97 − 10 % (6.00) = 53.97; + 150.00; + 2 × 45.50 = 91.00
    await expect(page.getByTestId('line-1-net')).toHaveText('€53.97');
    await expect(page.getByTestId('total-subtotal')).toHaveText('€294.97');
    await expect(page.getByTestId('total-discounts')).toHaveCount(0);
    // 21 % of 203.97 = 42.83; 10 % of 91.00 = 9.10
    await expect(page.getByTestId('total-tax-2100')).toHaveText('€42.83');
    await expect(page.getByTestId('total-tax-1000')).toHaveText('€9.10');
    await expect(page.getByTestId('total-total')).toHaveText('€346.90');
    await page.getByRole('button', { name: 'Create quote' }).click();
    await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-title')).toHaveText(/^Quote Q-\d{4}$/);
    await expect(page.getByTestId('status-badge')).toHaveText('Draft');
    await expect(page.getByTestId('total-total')).toHaveText('€346.90');
  });
  const quoteNumber = (await page.getByTestId('page-title').textContent())!.replace('Quote ', '');

  await test.step("the PDF holds the quote's lines, taxes and total", async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`quote-${quoteNumber}.pdf`);
    const text = await pdfText((await download.path())!);
    for (const expected of [
      `Quote ${quoteNumber}`,
      products[0]!.name,
      products[1]!.name,
      products[2]!.name,
      '€19.99',
      'Tax 21% on €203.97',
      'Tax 10% on €91.00',
      '€42.83',
      '€346.90',
      'Page 1 of 1',
    ]) {
      expect(text).toContain(expected);
    }
  });

  await test.step('accept it and turn it into an invoice', async () => {
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByTestId('status-badge')).toHaveText('Accepted');
    await page.getByRole('button', { name: 'Create invoice' }).click();
    await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-title')).toHaveText(/^Invoice INV-\d{4}$/);
    await expect(page.getByTestId('status-badge')).toHaveText('Unpaid');
    await expect(page.getByTestId('total-balance')).toHaveText('€346.90');
  });

  await test.step('record two payments until it is paid', async () => {
    await page.getByLabel('Amount', { exact: true }).fill('400');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByText('This payment is more than the balance due (€346.90).').first()).toBeVisible();
    await page.getByLabel('Amount', { exact: true }).fill('100');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByTestId('status-badge')).toHaveText('Partially paid');
    await expect(page.getByTestId('total-balance')).toHaveText('€246.90');
    // The amount now offers the balance: the second payment settles it.
    await expect(page.getByLabel('Amount', { exact: true })).toHaveValue('246.90');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByTestId('status-badge')).toHaveText('Paid');
    await expect(page.getByTestId('total-balance')).toHaveText('€0.00');
    await expect(page.getByTestId('payments-table').getByRole('row')).toHaveCount(2);
  });

  await test.step('the overdue filter lists only invoices past due and unpaid', async () => {
    const late = await server.call('quotes.create', {
      currency: 'EUR',
      issueDate: '2026-01-01',
      expiryDate: '2099-01-01',
      lines: [{ description: `Late work ${n}`, quantity: 1, unitPrice: 5000, taxPercent: 21 }],
    });
    await server.call('quotes.setStatus', { id: late.id, status: 'accepted' });
    const overdue = await server.call('invoices.createFromQuote', {
      quoteId: late.id,
      issueDate: '2026-01-01',
      dueDate: '2026-01-31',
    });
    await page.getByRole('link', { name: 'Invoices', exact: true }).click();
    await expect(page.getByTestId('invoices-table')).toContainText(overdue.number);
    await page.getByTestId('invoice-filter').getByText('Overdue').click();
    await expect(page).toHaveURL(/filter=overdue/);
    const table = page.getByTestId('invoices-table');
    await expect(table).toContainText(overdue.number);
    await expect(table.getByRole('row').filter({ hasText: overdue.number })).toContainText('Overdue');
    await expect(table).not.toContainText('€346.90');
  });
});

test("a quote made from a deal starts from the deal's lines, currency and company, with the default terms", async ({
  page,
  server,
}) => {
  const n = unique();
  const terms = `Payment within 30 days ${n}.`;
  await server.call('billing.updateSettings', { defaultTerms: terms });
  const company = await server.call('companies.create', { name: `Acme Ltd ${n}` });
  const [desk, chair] = await Promise.all([
    server.call('products.create', { name: `Desk ${n}`, unitPrice: 12000, currency: 'GBP', taxPercent: 20 }),
    server.call('products.create', { name: `Chair ${n}`, unitPrice: 3000, currency: 'GBP', taxPercent: 20 }),
  ]);
  const deal = await server.call('deals.create', { title: `Office ${n}`, currency: 'GBP', companyId: company.id });
  await server.call('lineItems.add', { dealId: deal.id, productId: desk.id, quantity: 2 });
  await server.call('lineItems.add', { dealId: deal.id, productId: chair.id, quantity: 4 });
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/deals/${deal.id}`);

  await test.step('probability override, source and next step are edited on the deal', async () => {
    await page.getByTestId('edit-deal').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('deal-probability-input').fill('40');
    await dialog.getByTestId('deal-source-input').fill('Referral');
    await dialog.getByTestId('deal-next-step-input').fill('Send the quote');
    await dialog.getByTestId('save-deal').click();
    await expect(dialog).toBeHidden();
    const facts = page.getByTestId('deal-facts');
    await expect(facts).toContainText('40%');
    await expect(facts).toContainText('Set on this deal');
    await expect(facts).toContainText('Referral');
    await expect(facts).toContainText('Send the quote');
  });

  await test.step("Make a quote shows the deal's two lines, its currency and company", async () => {
    await page.getByRole('link', { name: 'Make a quote' }).click();
    await expect(page).toHaveURL(/\/quotes\/new\?dealId=/);
    await expect(page.getByLabel('Description, line 1')).toHaveValue(`Desk ${n}`);
    await expect(page.getByLabel('Description, line 2')).toHaveValue(`Chair ${n}`);
    await expect(page.getByTestId('line-3')).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Currency', exact: true })).toHaveValue('GBP');
    await expect(page.getByRole('textbox', { name: 'Customer', exact: true })).toHaveValue(`Acme Ltd ${n}`);
    // 2 × 120 + 4 × 30 = 360, + 20 % tax
    await expect(page.getByTestId('total-total')).toHaveText('£432.00');
    await page.getByRole('button', { name: 'Create quote' }).click();
    await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-subtitle')).toContainText(`for ${deal.title}`);
    await expect(page.getByLabel('Description, line 2')).toHaveValue(`Chair ${n}`);
    await expect(page.getByRole('textbox', { name: 'Customer', exact: true })).toHaveValue(`Acme Ltd ${n}`);
    await expect(page.getByTestId('total-total')).toHaveText('£432.00');
    // Terms left alone: the Billing settings' default applies.
    await expect(page.getByRole('textbox', { name: 'Terms' })).toHaveValue(terms);
  });

  await test.step("the invoice's due date can be changed", async () => {
    await page.getByRole('button', { name: 'Accept' }).click();
    await expect(page.getByTestId('status-badge')).toHaveText('Accepted');
    await page.getByRole('button', { name: 'Create invoice' }).click();
    await expect(page).toHaveURL(/\/invoices\/[0-9a-f-]{36}$/);
    await page.getByTestId('invoice-due-date').fill('2099-03-01');
    await page.getByTestId('save-due-date').click();
    await expect(page.getByTestId('save-due-date')).toBeDisabled();
    await page.reload();
    await expect(page.getByTestId('invoice-due-date')).toHaveValue('2099-03-01');
    await expect(page.getByTestId('page-subtitle')).toContainText('2099');
  });
});
