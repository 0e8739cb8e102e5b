// Portable client books in a real browser against `crm serve` (see fixtures/server.ts): a
// consultant exports one company's book from its page (encrypted) and chosen companies from the
// Import and export page; each download is opened with `crm book open` to check what it holds.
// A book made elsewhere is merged in the app, which says what it brought; merging again, nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, openInSpanish, runCrm, test, type CrmServer, unique } from './fixtures/server';

interface Opened {
  rows: number;
  counts: Record<string, number>;
  changed: Record<string, number>;
}

/** A company with a contact, a deal and a note: what a client book carries. */
async function client(server: CrmServer, name: string) {
  const company = await server.call('companies.create', { name });
  const contact = await server.call('contacts.create', { firstName: 'Persona', lastName: name });
  await server.call('contacts.linkCompany', { contactId: contact.id, companyId: company.id, isPrimary: true });
  await server.call('deals.create', { title: `Proyecto ${name}`, companyId: company.id });
  await server.call('notes.create', { entityType: 'companies', entityId: company.id, body: `Nota de ${name}` });
  return { company, contact };
}

/** Saves a download under its own name and opens it as a new read-only book with the CLI. */
async function openBook(download: Download, dir: string, passphrase?: string) {
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const target = join(dir, `${download.suggestedFilename()}.sqlite`);
  const opened = await runCrm([
    'book',
    'open',
    file,
    '--out',
    target,
    '--json',
    ...(passphrase ? ['--passphrase', passphrase] : []),
  ]);
  expect(opened.code, opened.stderr).toBe(0);
  const companies = await runCrm(['api', 'companies.list', '{"limit":100}', '--db', target]);
  expect(companies.code, companies.stderr).toBe(0);
  const names = (JSON.parse(companies.stdout) as { items: { name: string }[] }).items.map((c) => c.name).sort();
  return { file, result: JSON.parse(opened.stdout) as Opened, names };
}

async function dismissWhoami(page: Page) {
  // The first-run "who are you?" prompt may cover the page; not now.
  await page
    .getByTestId('whoami-dismiss')
    .click({ timeout: 3000 })
    .catch(() => undefined);
}

test('a company page exports its client book, encrypted, with its contacts, deals and notes', async ({
  page,
  server,
}) => {
  const n = unique();
  const { company } = await client(server, `Consultoría Ñandú ${n}`);
  await client(server, `Otra Cliente ${n}`);
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-books-'));
  try {
    await openInSpanish(page, server);
    await dismissWhoami(page);
    await page.goto(`${server.origin}/companies/${company.id}`);
    await expect(page.getByTestId('page-title')).toHaveText(company.name);

    await page.getByTestId('company-export-book').click();
    await expect(page.getByRole('dialog')).toContainText('Exportar libro de cliente');
    await page.getByTestId('company-book-passphrase').fill('caballo correcto');
    const downloading = page.waitForEvent('download');
    await page.getByTestId('company-book-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^book-consultoria-nandu-${n}-\\d{4}-\\d{2}-\\d{2}\\.crmbook$`),
    );
    await expect(page.getByText(/Libro book-consultoria-nandu-.* guardado: \d+ registros\./)).toBeVisible();

    // Sealed: without its passphrase the CLI refuses it.
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const refused = await runCrm(['book', 'open', file, '--out', join(dir, 'refused.sqlite')]);
    expect(refused.code).not.toBe(0);

    const { result, names } = await openBook(download, dir, 'caballo correcto');
    expect(names).toEqual([company.name]);
    expect(result.counts).toMatchObject({ companies: 1, contacts: 1, deals: 1, notes: 1 });
    expect(result.changed).toMatchObject({ companies: 1, contacts: 1, deals: 1, notes: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('chosen companies go into one book; a merged book says what it brought, and again nothing', async ({
  page,
  server,
}) => {
  const n = unique();
  const a = await client(server, `Alfa Libro ${n}`);
  const b = await client(server, `Beta Libro ${n}`);
  await client(server, `Gamma Fuera ${n}`);
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-books-'));
  try {
    await openInSpanish(page, server);
    await dismissWhoami(page);
    await page.getByRole('link', { name: 'Importar y exportar' }).click();
    await page.getByTestId('import-tab-export').click();

    await test.step('pick two companies by typing, export them as one book', async () => {
      const picker = page.getByTestId('book-companies');
      for (const name of [a.company.name, b.company.name]) {
        await picker.click();
        await picker.fill(name);
        await page.getByRole('option', { name }).click();
      }
      const downloading = page.waitForEvent('download');
      await page.getByTestId('book-export').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^book-\d{4}-\d{2}-\d{2}\.crmbook$/);
      const { names, result } = await openBook(download, dir);
      expect(names).toEqual([a.company.name, b.company.name]);
      expect(result.counts).toMatchObject({ companies: 2, contacts: 2, deals: 2, notes: 2 });
    });

    await test.step('a book made on another computer merges with counts; the second time, nothing new', async () => {
      const laptop = join(dir, 'laptop.sqlite');
      expect((await runCrm(['init', '--db', laptop])).code).toBe(0);
      const made = await runCrm([
        'api',
        'companies.create',
        JSON.stringify({ name: `Delta Portátil ${n}` }),
        '--db',
        laptop,
      ]);
      expect(made.code, made.stderr).toBe(0);
      const delta = JSON.parse(made.stdout) as { id: string };
      const person = { firstName: 'Dora', lastName: `Portátil ${n}` };
      const dora = await runCrm(['api', 'contacts.create', JSON.stringify(person), '--db', laptop]);
      expect(dora.code, dora.stderr).toBe(0);
      const link = { contactId: (JSON.parse(dora.stdout) as { id: string }).id, companyId: delta.id };
      expect((await runCrm(['api', 'contacts.linkCompany', JSON.stringify(link), '--db', laptop])).code).toBe(0);
      const bookFile = join(dir, 'delta.crmbook');
      const exported = await runCrm(['book', 'export', '--out', bookFile, '--company', delta.id, '--db', laptop]);
      expect(exported.code, exported.stderr).toBe(0);

      await page.locator('input[type="file"]').setInputFiles(bookFile);
      await page.getByTestId('book-merge').click();
      const result = page.getByTestId('book-merge-result');
      await expect(result).toContainText(/Libro combinado: \d+ registros nuevos o cambiados \(1 empresa, 1 contacto/);
      await expect(result).toContainText('El libro contiene 1 empresa, 1 contacto');
      expect((await server.call('companies.list', { query: `Delta Portátil ${n}` })).items).toHaveLength(1);
      expect((await server.call('contacts.count', { query: `Portátil ${n}` })).count).toBe(1);

      await page.getByTestId('book-merge').click();
      await expect(result).toContainText('Nada nuevo: todo lo que trae este libro ya estaba aquí.');
      expect((await server.call('companies.list', { query: `Delta Portátil ${n}` })).items).toHaveLength(1);
      expect((await server.call('contacts.count', { query: `Portátil ${n}` })).count).toBe(1);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
