// Line items changed in place on a deal, a quote and an invoice, with the totals following;
// price lists repricing a deal's and a quote's lines; an invoice's due date checked against its
// issue date; the invoice PDF; and a lead converted onto a deal that already exists. In English
// against `crm serve` (one server per worker, shared with the other specs).
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test, type CrmServer, openInEnglish, unique } from './fixtures/server';

async function prepare(server: CrmServer): Promise<void> {
  await server.call('settings.update', { baseCurrency: 'EUR' });
  if ((await server.call('members.current', {})).member) return;
  const me = await server.call('members.create', { name: 'Lines Tester' });
  await server.call('members.setCurrent', { id: me.id });
}

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

/** Types a value into a field and leaves it, as a person moving on to the next field does. */
async function enter(page: Page, label: string, value: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

async function catalogue(server: CrmServer, n: string) {
  const licence = await server.call('products.create', {
    name: `Licence ${n}`,
    unitPrice: 100_00,
    currency: 'EUR',
    taxPercent: 21,
  });
  const support = await server.call('products.create', {
    name: `Support ${n}`,
    unitPrice: 50_00,
    currency: 'EUR',
    taxPercent: 21,
  });
  const resellers = await server.call('priceLists.create', { name: `Resellers ${n}`, currency: 'EUR' });
  await server.call('priceLists.setPrice', { priceListId: resellers.id, productId: licence.id, unitPrice: 80_00 });
  const usa = await server.call('priceLists.create', { name: `USA ${n}`, currency: 'USD' });
  await server.call('priceLists.setPrice', { priceListId: usa.id, productId: licence.id, unitPrice: 110_00 });
  return { licence, support, resellers, usa };
}

test("a deal's lines change in place and a price list reprices them; the deal amount follows", async ({
  page,
  server,
}) => {
  const n = unique();
  await prepare(server);
  const { licence, support } = await catalogue(server, n);
  const deal = await server.call('deals.create', { title: `Lines ${n}`, currency: 'EUR' });
  await server.call('lineItems.add', { dealId: deal.id, productId: licence.id, quantity: 1 });
  await server.call('lineItems.add', { dealId: deal.id, productId: support.id, quantity: 1 });
  const stored = async () => (await server.call('deals.get', { id: deal.id })).amount;

  await openInEnglish(page, server);
  await page.goto(`${server.origin}/deals/${deal.id}`);
  const card = page.getByTestId('deal-line-items');
  await expect(card.getByTestId('total-subtotal')).toHaveText('€150.00');

  await test.step('quantity, discount, tax and unit price change in place', async () => {
    await enter(page, 'Quantity, line 1', '3');
    await expect(card.getByTestId('deal-line-1-amount')).toHaveText('€300.00');
    await expect(card.getByTestId('total-subtotal')).toHaveText('€350.00');
    await enter(page, 'Discount, line 2', '10');
    await expect(card.getByTestId('deal-line-2-amount')).toHaveText('€45.00');
    await enter(page, 'Tax, line 2', '10');
    await expect(card.getByTestId('total-tax-1000')).toHaveText('€4.50');
    await enter(page, 'Unit price, line 2', '60');
    // 60 − 10 % = 54.00; 3 × 100 = 300.00
    await expect(card.getByTestId('deal-line-2-amount')).toHaveText('€54.00');
    await expect(card.getByTestId('total-subtotal')).toHaveText('€354.00');
    await expect(card.getByTestId('total-total')).toHaveText('€422.40');
    await expect(card.getByTestId('deal-line-amount')).toContainText('€354.00');
    await expect.poll(stored).toBe(354_00);
  });

  await test.step('a quantity of zero is refused under the field and nothing changes', async () => {
    await enter(page, 'Quantity, line 1', '0');
    await expect(card.getByText('The quantity must be more than zero.')).toBeVisible();
    await expect(card.getByTestId('total-subtotal')).toHaveText('€354.00');
    expect(await stored()).toBe(354_00);
    await enter(page, 'Quantity, line 1', '3');
    await expect(card.getByText('The quantity must be more than zero.')).toHaveCount(0);
  });

  await test.step('a price list reprices the lines of the products it prices', async () => {
    await card.getByTestId('deal-price-list').click();
    await page.getByRole('option', { name: `Resellers ${n} (EUR)`, exact: true }).click();
    // Licence 3 × 80.00 = 240.00; Support keeps its 54.00.
    await expect(card.getByTestId('deal-line-1-amount')).toHaveText('€240.00');
    await expect(page.getByLabel('Unit price, line 1', { exact: true })).toHaveValue('80.00');
    await expect(card.getByTestId('deal-line-2-amount')).toHaveText('€54.00');
    await expect(card.getByTestId('total-subtotal')).toHaveText('€294.00');
    await expect.poll(stored).toBe(294_00);
  });

  await test.step('a price list in another currency is refused with what to choose instead', async () => {
    await card.getByTestId('deal-price-list').click();
    await page.getByRole('option', { name: `USA ${n} (USD)`, exact: true }).click();
    await expect(
      card.getByText(`The price list "USA ${n}" is in USD but this deal is in EUR: choose a price list in EUR.`),
    ).toBeVisible();
    await expect(card.getByTestId('total-subtotal')).toHaveText('€294.00');
    expect(await stored()).toBe(294_00);
  });

  await test.step('the chosen list is kept: after a reload it shows and prices a line added later', async () => {
    await page.reload();
    await expect(card.getByTestId('deal-price-list')).toHaveValue(`Resellers ${n} (EUR)`);
    await card.getByRole('textbox', { name: 'Product', exact: true }).click();
    await page.getByRole('option', { name: licence.name, exact: true }).click();
    await card.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(card.getByTestId('deal-line-3-amount')).toHaveText('€80.00');
    await expect(card.getByTestId('total-subtotal')).toHaveText('€374.00');
  });

  await test.step('a quote made from the deal starts priced from the same list, and keeps it', async () => {
    await card.getByRole('link', { name: 'Make a quote' }).click();
    await expect(page).toHaveURL(/\/quotes\/new\?dealId=/);
    await expect(page.getByTestId('quote-price-list')).toHaveValue(`Resellers ${n} (EUR)`);
    await expect(page.getByTestId('total-subtotal')).toHaveText('€374.00');
    await page.getByRole('button', { name: 'Create quote' }).click();
    await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
    await page.reload();
    await expect(page.getByTestId('quote-price-list')).toHaveValue(`Resellers ${n} (EUR)`);
  });
});

test('a price list chosen on a new quote prices its product lines', async ({ page, server }) => {
  const n = unique();
  await prepare(server);
  const { licence } = await catalogue(server, n);
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/quotes/new`);
  await page.getByRole('textbox', { name: 'Currency', exact: true }).click();
  await page.getByRole('option', { name: 'EUR', exact: true }).click();
  await page.getByRole('textbox', { name: 'Product, line 1', exact: true }).click();
  await page.getByRole('option', { name: licence.name, exact: true }).click();
  await page.getByLabel('Quantity, line 1', { exact: true }).fill('2');
  await expect(page.getByTestId('line-1-net')).toHaveText('€200.00');

  await page.getByTestId('quote-price-list').click();
  await page.getByRole('option', { name: `Resellers ${n} (EUR)`, exact: true }).click();
  await expect(page.getByTestId('line-1-net')).toHaveText('€160.00');
  // A line added afterwards takes the list's price too.
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByRole('textbox', { name: 'Product, line 2', exact: true }).click();
  await page.getByRole('option', { name: licence.name, exact: true }).click();
  await expect(page.getByTestId('line-2-net')).toHaveText('€80.00');
  await expect(page.getByTestId('total-subtotal')).toHaveText('€240.00');

  // A list in dollars would mix currencies on a quote that already has lines in euros.
  await page.getByTestId('quote-price-list').click();
  await page.getByRole('option', { name: `USA ${n} (USD)`, exact: true }).click();
  await expect(page.getByText(`The price list "USA ${n}" is in USD but this quote is in EUR`)).toBeVisible();
  await expect(page.getByTestId('total-subtotal')).toHaveText('€240.00');

  await page.getByRole('button', { name: 'Create quote' }).click();
  await expect(page).toHaveURL(/\/quotes\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('total-subtotal')).toHaveText('€240.00');

  // The choice is kept on the quote: after a reload it shows, and a line picked then takes its price.
  await page.reload();
  await expect(page.getByTestId('quote-price-list')).toHaveValue(`Resellers ${n} (EUR)`);
  await page.getByRole('button', { name: 'Add line' }).click();
  await page.getByRole('textbox', { name: 'Product, line 3', exact: true }).click();
  await page.getByRole('option', { name: licence.name, exact: true }).click();
  await expect(page.getByTestId('line-3-net')).toHaveText('€80.00');
});

test('an invoice: lines corrected before any payment, a due date before the issue date refused, the PDF', async ({
  page,
  server,
}) => {
  const n = unique();
  await prepare(server);
  const quote = await server.call('quotes.create', {
    currency: 'EUR',
    issueDate: '2026-03-01',
    expiryDate: '2099-01-01',
    lines: [{ description: `Installation ${n}`, quantity: 1, unitPrice: 100_00, taxPercent: 21 }],
  });
  await server.call('quotes.setStatus', { id: quote.id, status: 'accepted' });
  const invoice = await server.call('invoices.createFromQuote', {
    quoteId: quote.id,
    issueDate: '2026-03-01',
    dueDate: '2099-03-31',
  });
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/invoices/${invoice.id}`);
  await expect(page.getByTestId('total-total')).toHaveText('€121.00');

  await test.step('a due date before the issue date is refused, saying what to fix', async () => {
    await page.getByTestId('invoice-due-date').fill('2026-02-15');
    await page.getByTestId('save-due-date').click();
    await expect(
      page.getByText(
        "The due date 2026-02-15 is before the invoice's issue date 2026-03-01: choose a due date on or after 2026-03-01.",
      ),
    ).toBeVisible();
    expect((await server.call('invoices.get', { id: invoice.id })).dueDate).toBe('2099-03-31');
  });

  await test.step('the lines are corrected in place; the totals follow as one types, then are saved', async () => {
    await page.getByLabel('Quantity, line 1', { exact: true }).fill('2');
    await expect(page.getByTestId('total-total')).toHaveText('€242.00');
    await expect(page.getByTestId('total-balance')).toHaveText('€242.00');
    await page.getByRole('button', { name: 'Save lines' }).click();
    await expect(page.getByRole('button', { name: 'Save lines' })).toBeDisabled();
    await page.reload();
    await expect(page.getByTestId('total-total')).toHaveText('€242.00');
    expect((await server.call('invoices.get', { id: invoice.id })).balance).toBe(242_00);
  });

  await test.step('the PDF holds the corrected lines and total', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`invoice-${invoice.number}.pdf`);
    const text = await pdfText((await download.path())!);
    for (const expected of [`Invoice ${invoice.number}`, `Installation ${n}`, '€200.00', '€242.00', 'Due date']) {
      expect(text).toContain(expected);
    }
  });

  await test.step('once a payment is recorded the lines are fixed', async () => {
    await page.getByLabel('Amount', { exact: true }).fill('10');
    await page.getByRole('button', { name: 'Record payment' }).click();
    await expect(page.getByTestId('status-badge')).toHaveText('Partially paid');
    await expect(page.getByRole('button', { name: 'Save lines' })).toHaveCount(0);
    await expect(page.getByLabel('Quantity, line 1', { exact: true })).toHaveCount(0);
  });
});

test('a lead converted onto a deal that already exists', async ({ page, server }) => {
  const n = unique();
  await prepare(server);
  const lead = await server.call('contacts.create', {
    firstName: 'Irene',
    lastName: `Soler ${n}`,
    lifecycleStage: 'lead',
  });
  const existing = await server.call('deals.create', { title: `Existing ${n}`, amount: 5_000_00, currency: 'EUR' });
  const dealsNamed = async () => (await server.call('deals.list', { query: n })).items.length;
  const before = await dealsNamed();

  await openInEnglish(page, server);
  await page.goto(`${server.origin}/contacts/${lead.id}`);
  await page.getByTestId('convert-lead').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('An existing open deal').click();
  // Without a deal chosen the form says what is missing.
  await dialog.getByTestId('confirm-convert').click();
  await expect(dialog.getByText('Choose the deal to link, or pick "A new deal".')).toBeVisible();
  await dialog.getByTestId('convert-deal-picker').fill(`Existing ${n}`);
  await page.getByRole('option', { name: `Existing ${n}`, exact: true }).click();
  await dialog.getByTestId('confirm-convert').click();

  await expect(page).toHaveURL(new RegExp(`/deals/${existing.id}$`));
  await expect(page.getByTestId('deal-title')).toHaveText(`Existing ${n}`);
  await expect(page.getByTestId('deal-contacts').getByText(`Irene Soler ${n}`)).toBeVisible();
  expect((await server.call('contacts.get', { id: lead.id })).lifecycleStage).toBe('customer');
  expect(await dealsNamed()).toBe(before);
});
