// A client book opened read-only in the app, in a real browser against `crm serve` (see
// fixtures/server.ts): a consultant gets a sealed book made on another computer, opens it from the
// Import & export page (a wrong passphrase first: refused, nothing opened), browses its companies,
// contacts, deals and activities under a "read-only book" banner, is refused an edit, and goes
// back to the own workspace, which the book never touched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openInEnglish, runCrm, test, unique } from './fixtures/server';

async function api(db: string, method: string, input: unknown): Promise<{ id: string }> {
  const out = await runCrm(['api', method, JSON.stringify(input), '--db', db]);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as { id: string };
}

test('a sealed client book opens read-only, is browsed, refuses edits, and leaves the workspace alone', async ({
  page,
  server,
}) => {
  const n = unique();
  const own = await server.call('companies.create', { name: `Own Company ${n}` });
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-book-view-'));
  try {
    // The client's book, made on the consultant's laptop.
    const laptop = join(dir, 'laptop.sqlite');
    expect((await runCrm(['init', '--db', laptop])).code).toBe(0);
    const client = await api(laptop, 'companies.create', { name: `Client Readonly ${n}` });
    const person = await api(laptop, 'contacts.create', { firstName: 'Rita', lastName: `Reader ${n}` });
    await api(laptop, 'contacts.linkCompany', { contactId: person.id, companyId: client.id, isPrimary: true });
    await api(laptop, 'deals.create', { title: `Readonly deal ${n}`, companyId: client.id });
    await api(laptop, 'activities.create', {
      type: 'call',
      subject: `Readonly call ${n}`,
      links: [{ entityType: 'contacts', entityId: person.id }],
    });
    const bookFile = join(dir, `client-${n}.crmbook`);
    const exported = await runCrm([
      'book',
      'export',
      '--out',
      bookFile,
      '--company',
      client.id,
      '--passphrase',
      'correct horse',
      '--db',
      laptop,
    ]);
    expect(exported.code, exported.stderr).toBe(0);

    await openInEnglish(page, server);
    await page
      .getByTestId('whoami-dismiss')
      .click({ timeout: 3000 })
      .catch(() => undefined);
    await page.getByRole('link', { name: 'Import & export' }).click();
    await page.getByTestId('import-tab-export').click();
    // The file input of the client books card (the import tab's own is gone once this one shows).
    await expect(page.getByTestId('book-open-read-only')).toBeVisible();
    await page.locator('input[type="file"]').setInputFiles(bookFile);
    await expect(page.getByTestId('book-open-read-only')).toBeEnabled();

    await test.step('a wrong passphrase is refused and opens nothing', async () => {
      await page.getByTestId('book-passphrase').fill('wrong horse');
      await page.getByTestId('book-open-read-only').click();
      await expect(page.getByText('Wrong passphrase for this book. Nothing was changed.')).toBeVisible();
      await expect(page.getByTestId('book-view-banner')).toHaveCount(0);
    });

    await test.step('the right one shows the book under a read-only banner', async () => {
      await page.getByTestId('book-passphrase').fill('correct horse');
      await page.getByTestId('book-open-read-only').click();
      const banner = page.getByTestId('book-view-banner');
      await expect(banner).toContainText(`Read-only book: client-${n}`);
      await expect(page).toHaveURL(/\/companies$/);
      await expect(page.getByText(`Client Readonly ${n}`)).toBeVisible();
      await expect(page.getByText(own.name)).toHaveCount(0);
    });

    await test.step('its contacts, deals and activities', async () => {
      await page.getByRole('link', { name: 'Deals' }).first().click();
      await expect(page.getByText(`Readonly deal ${n}`).first()).toBeVisible();
      await page.getByRole('link', { name: 'Contacts' }).first().click();
      await page.getByText(`Rita Reader ${n}`).first().click();
      await expect(page.getByTestId('page-title')).toHaveText(`Rita Reader ${n}`);
      await expect(page.getByText(`Readonly call ${n}`).first()).toBeVisible();
      await expect(page.getByTestId('book-view-banner')).toBeVisible();
    });

    await test.step('an edit is refused with the read-only message', async () => {
      await page.getByRole('link', { name: 'Edit' }).click();
      await page.getByRole('textbox', { name: 'Job title' }).fill('Changed');
      await page.getByTestId('submit-contact').click();
      await expect(
        page.getByText(/This book was opened read-only: nothing in it can be changed/).first(),
      ).toBeVisible();
    });

    await test.step('back to the own workspace, which the book never touched', async () => {
      await page.getByTestId('book-view-close').click();
      await expect(page.getByTestId('book-view-banner')).toHaveCount(0);
      await page.getByRole('link', { name: 'Companies' }).first().click();
      await expect(page.getByText(own.name)).toBeVisible();
      await expect(page.getByText(`Client Readonly ${n}`)).toHaveCount(0);
      expect((await server.call('companies.list', { query: `Client Readonly ${n}` })).items).toHaveLength(0);
      expect((await server.call('contacts.count', { query: `Reader ${n}` })).count).toBe(0);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
