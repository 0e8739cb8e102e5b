// Exporting from the lists in a real browser against `crm serve` (see fixtures/server.ts): the
// list's Export menu writes every record the list matches — more than the rows loaded on screen —
// as CSV for Excel, a saved view as XLSX, and the deals list as CSV; each download is read back.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, openInSpanish, test, type CrmServer, unique } from './fixtures/server';

async function ensureCurrentMember(server: CrmServer) {
  if ((await server.call('members.current', {})).member) return;
  const member = await server.call('members.create', { name: 'Exportadora' });
  await server.call('members.setCurrent', { id: member.id });
}

/** Picks one format in the list's Export menu and returns the downloaded file. */
async function exportList(page: Page, choice: 'csv' | 'csv_excel' | 'xlsx') {
  await page.getByTestId('list-export').click();
  const downloading = page.waitForEvent('download');
  await page.getByTestId(`list-export-${choice}`).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('the contacts list exports every matching row, beyond the loaded page; a saved view as XLSX', async ({
  page,
  server,
}) => {
  const n = unique();
  const surname = `Exportable${n}`;
  // More than one page of the list (100 rows), so only a server-side export can hold them all.
  const ROWS = 260;
  const made: string[] = [];
  for (let i = 0; i < ROWS; i++)
    made.push((await server.call('contacts.create', { firstName: `Fila${i}`, lastName: surname })).id);
  made.push((await server.call('contacts.create', { firstName: 'Fuera', lastName: `Otra${n}` })).id);
  const view = await server.call('views.create', {
    entity: 'contacts',
    name: `Vista ${n}`,
    // Shared: it was made before anyone uses this device, and everyone sees a shared view.
    shared: true,
    config: { query: surname.toLowerCase() },
  });
  await ensureCurrentMember(server);
  await openInSpanish(page, server);
  await page.getByRole('link', { name: 'Contactos', exact: true }).click();
  await expect(page.getByTestId('contacts-table')).toBeVisible();

  await test.step('words narrow the list; CSV for Excel holds all of its rows', async () => {
    await page.getByTestId('contacts-filter').fill(surname.toLowerCase());
    await expect(page.getByTestId('contacts-total')).toHaveText(`${ROWS} contactos`);
    const file = await exportList(page, 'csv_excel');
    expect(file.name).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = file.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(ROWS);
    expect(new Set(rows.map((r) => r.lastName))).toEqual(new Set([surname]));
    expect(new Set(rows.map((r) => r.firstName)).size).toBe(ROWS);
    await expect(page.getByText(`${ROWS} registros exportados.`)).toBeVisible();
  });

  await test.step('a saved view exports as XLSX with the same rows', async () => {
    await page.getByTestId('contacts-filter').fill('');
    await page.getByRole('tab', { name: `Vista ${n}` }).click();
    await expect(page.getByTestId('contacts-total')).toHaveText(`${ROWS} contactos`);
    const file = await exportList(page, 'xlsx');
    expect(file.name).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(ROWS + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const last = header.indexOf('lastName') + 1;
    const surnames = new Set<unknown>();
    sheet.eachRow((row, i) => i > 1 && surnames.add(row.getCell(last).value));
    expect(surnames).toEqual(new Set([surname]));
  });

  // The server is shared by the specs of this worker: the next ones expect a short contacts list.
  await server.call('views.delete', { id: view.id });
  await server.call('contacts.bulkDelete', { ids: made });
});

test('the deals list exports its deals as CSV, with stage and owner by name', async ({ page, server }) => {
  const n = unique();
  const owner = await server.call('members.create', { name: `Vendedora ${n}` });
  for (const title of ['Alfa', 'Beta', 'Gamma'])
    await server.call('deals.create', { title: `${title} ${n}`, ownerId: owner.id, amount: 150000, currency: 'EUR' });
  await ensureCurrentMember(server);
  await openInSpanish(page, server);
  await page.getByRole('link', { name: 'Oportunidades', exact: true }).click();
  await page.getByTestId('deals-view-switch').getByText('Lista').click();
  await expect(page.getByTestId('deals-table')).toBeVisible();
  await page.getByTestId('deals-filter').fill(n);
  await expect(page.getByTestId('deal-name')).toHaveCount(3);
  const file = await exportList(page, 'csv');
  expect(file.name).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = Papa.parse<Record<string, string>>(file.bytes.toString('utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
  expect(rows.map((r) => r.title).sort()).toEqual([`Alfa ${n}`, `Beta ${n}`, `Gamma ${n}`]);
  for (const r of rows) {
    expect(r.owner).toBe(`Vendedora ${n}`);
    expect(r.amount).toBe('1500');
    expect(r.stage).not.toBe('');
  }
});
