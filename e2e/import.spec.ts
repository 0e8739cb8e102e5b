// The import wizard in a real browser against `crm serve` (see fixtures/server.ts): a Spanish Excel
// CSV (Windows-1252, ";") is uploaded, its columns mapped by their Spanish headers, a bad column is
// caught by the check before anything is written, then the import runs, shows up on the record's
// timeline and in the history, and is undone.
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, openInSpanish, root, runCrm, startServer, stopServer, test, unique } from './fixtures/server';

test('import a Spanish CSV: map, preview errors, import, see it on the timeline, undo', async ({ page, server }) => {
  const n = unique();
  const first = `Begoña${n}`;
  const csv =
    'Nombre;Apellidos;Correo electrónico;Empresa;Cumpleaños\r\n' +
    `${first};Muñoz;bego.${n}@example.com;Ibérica ${n};31/02/1980\r\n` +
    `Iñaki${n};Zubizarreta;inaki.${n}@example.com;Ibérica ${n};12/05/1975\r\n`;
  await openInSpanish(page, server);
  // The first-run "who are you?" prompt may cover the sidebar; not now.
  await page
    .getByTestId('whoami-dismiss')
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await page.getByRole('link', { name: 'Importar y exportar' }).click();
  await expect(page.getByTestId('page-title')).toHaveText('Importar y exportar');

  await test.step('upload: encoding, separator and Spanish headers are recognised', async () => {
    await page.locator('input[type="file"]').setInputFiles({
      name: `clientes-${n}.csv`,
      mimeType: 'text/csv',
      buffer: iconv.encode(csv, 'windows-1252'),
    });
    await expect(page.getByTestId('import-detected')).toContainText('windows-1252');
    await expect(page.getByTestId('import-detected')).toContainText('«;»');
    await expect(page.getByTestId('import-map-Nombre')).toHaveValue('Nombre');
    await expect(page.getByTestId('import-map-Apellidos')).toHaveValue('Apellidos');
    await expect(page.getByTestId('import-map-Correo electrónico')).toHaveValue('Correo');
    await expect(page.getByTestId('import-map-Empresa')).toHaveValue('Empresa (nombre o dominio)');
  });

  await test.step('the check lists every row problem and writes nothing', async () => {
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-errors')).toContainText('2 filas tienen problemas');
    const issues = page.getByTestId('import-issues');
    await expect(issues).toContainText('No hay ninguna empresa');
    await expect(issues).toContainText('31/02/1980');
    await expect(issues).toContainText('No es una fecha');
    const count = await server.call('contacts.count', { query: first });
    expect(count.count).toBe(0);
  });

  await test.step('fix the mapping: create missing companies, leave the birthday out', async () => {
    await page.getByTestId('import-back-to-map').click();
    await page.getByTestId('import-create-missing').click();
    await page.getByTestId('import-map-Cumpleaños').click();
    await page.getByRole('option', { name: 'No importar' }).click();
    await page.getByTestId('import-check').click();
    await expect(page.getByTestId('import-preview-ok')).toContainText('2 por crear');
    await page.getByTestId('import-run').click();
    await expect(page.getByTestId('import-done')).toContainText('2 creados');
  });

  await test.step('the records are there, and the import shows on the timeline', async () => {
    await page.getByTestId('import-open-list').click();
    await expect(page).toHaveURL(/\/contacts$/);
    // Other specs share this server's book: narrow the list so the row cannot be scrolled out of view.
    await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill(`${first} Muñoz`);
    await page.getByText(`${first} Muñoz`).first().click();
    await expect(page.getByTestId('page-title')).toHaveText(`${first} Muñoz`);
    await expect(page.getByTestId('timeline')).toContainText('Importado');
  });

  await test.step('undo the import from the history', async () => {
    await page.getByRole('link', { name: 'Importar y exportar' }).click();
    await page.getByTestId('import-tab-history').click();
    const row = page.getByTestId('import-history-row').filter({ hasText: `clientes-${n}.csv` });
    await expect(row).toContainText('2 creados');
    await row.getByTestId('import-history-undo').click();
    await expect(row).toContainText('Deshecha');
    await expect.poll(async () => (await server.call('contacts.count', { query: first })).count).toBe(0);
  });
});

// The real dataset through the wizard: the 85 accounts of crm-sales-opportunities, their English
// headers mapped by themselves, checked, then imported with the parent companies linked.
test("import the dataset's accounts through the wizard", async ({ page, server }) => {
  const accounts = join(root, '..', 'shared', 'datasets', 'crm-sales-opportunities', 'accounts.csv');
  const before = (await server.call('companies.count', {})).count;
  await openInSpanish(page, server);
  await page
    .getByTestId('whoami-dismiss')
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await page.getByRole('link', { name: 'Importar y exportar' }).click();
  await page.getByTestId('import-entity').getByText('Empresas').click();
  await page.locator('input[type="file"]').setInputFiles({
    name: 'accounts.csv',
    mimeType: 'text/csv',
    buffer: readFileSync(accounts),
  });
  await expect(page.getByTestId('import-detected')).toContainText('«,»');
  await expect(page.getByTestId('import-map-account')).toHaveValue('Nombre');
  await expect(page.getByTestId('import-map-subsidiary_of')).toHaveValue('Empresa matriz');
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-preview-ok')).toContainText('85 por crear');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-done')).toContainText('85 creados');
  expect((await server.call('companies.count', {})).count).toBe(before + 85);
  const acme = (await server.call('companies.list', { query: 'Acme Corporation' })).items[0]!;
  const subsidiaries = await server.call('companies.count', { parentId: acme.id });
  expect(subsidiaries.count).toBeGreaterThan(0);
});

// The variants table: a product written "GTXPro" is matched to "GTX Pro" by its spelling; the user
// says it means another product, checks again, and the deal is imported with that one.
test('the variants table lets the user choose what a name in the file means', async ({ page, server }) => {
  const n = unique();
  await server.call('products.create', { name: 'GTX Pro', unitPrice: 100000, currency: 'EUR' });
  const plus = await server.call('products.create', { name: 'GTX Plus Pro', unitPrice: 200000, currency: 'EUR' });
  await openInSpanish(page, server);
  await page
    .getByTestId('whoami-dismiss')
    .click({ timeout: 3000 })
    .catch(() => undefined);
  await page.getByRole('link', { name: 'Importar y exportar' }).click();
  await page.getByTestId('import-entity').getByText('Oportunidades').click();
  await page.locator('input[type="file"]').setInputFiles({
    name: `deals-${n}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(`opportunity_id,product,deal_stage,close_value\nVAR${n},GTXPro,Won,1500\n`),
  });
  await page.getByTestId('import-create-missing').click();
  await page.getByTestId('import-check').click();
  const choice = page.getByTestId('import-match-GTXPro');
  await expect(choice).toHaveValue('GTX Pro');
  await choice.click();
  await page.getByRole('option', { name: 'GTX Plus Pro' }).click();
  await page.getByTestId('import-recheck').click();
  await expect(page.getByTestId('import-recheck')).toHaveCount(0);
  await expect(page.getByTestId('import-match-GTXPro')).toHaveValue('GTX Plus Pro');
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-done')).toContainText('1 creados');
  const deal = (await server.call('deals.list', { query: `VAR${n}` })).items[0]!;
  const lines = await server.call('lineItems.list', { dealId: deal.id });
  expect(lines.items.map((l) => l.productId)).toEqual([plus.id]);
});

// Encryption at rest in web mode: `crm serve` on an encrypted book without its passphrase starts
// locked, and the browser shows the unlock screen before anything else (in the user's language).
test('an encrypted workspace opens in the browser only with its passphrase', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-locked-'));
  const dbPath = join(dir, 'crm.sqlite');
  const passphrase = 'una frase de paso larga';
  try {
    expect((await runCrm(['init', '--db', dbPath, '--passphrase', passphrase])).code).toBe(0);
    const created = await runCrm([
      'api',
      'contacts.create',
      '{"firstName":"Cifrada","lastName":"Gómez"}',
      '--db',
      dbPath,
      '--passphrase',
      passphrase,
    ]);
    expect(created.code).toBe(0);
    const { child, url } = await startServer(dbPath);
    const context = await browser.newContext({ locale: 'es-ES' });
    try {
      const page = await context.newPage();
      await page.goto(url);
      const screen = page.getByTestId('unlock-screen');
      await expect(screen).toContainText('Este espacio de trabajo está cifrado');
      await expect(page.getByRole('navigation')).toHaveCount(0);

      await page.getByTestId('unlock-passphrase').fill('no es esta');
      await page.getByTestId('unlock-submit').click();
      await expect(screen).toContainText('Contraseña incorrecta');

      await page.getByTestId('unlock-passphrase').fill(passphrase);
      await page.getByTestId('unlock-submit').click();
      await expect(page.getByRole('navigation')).toBeVisible();
      await page
        .getByTestId('whoami-dismiss')
        .click({ timeout: 3000 })
        .catch(() => undefined);
      await page.getByRole('link', { name: 'Contactos', exact: true }).click();
      await expect(page.getByText('Cifrada Gómez').first()).toBeVisible();

      // Settings: the workspace says it is encrypted; the passphrase changes with the current one.
      await page.getByRole('link', { name: 'Ajustes' }).click();
      await expect(page.getByTestId('security-status')).toHaveText(/Cifrado/i);
      const next = 'otra frase de paso larga';
      await page.getByTestId('security-current').fill(passphrase);
      await page.getByTestId('security-next').fill(next);
      await page.getByTestId('security-confirm').fill(next);
      await page.getByTestId('security-apply').click();
      await expect(page.getByText('Se ha cambiado la contraseña.')).toBeVisible();
      const reopened = await runCrm(['doctor', '--db', dbPath, '--json', '--passphrase', next]);
      expect(reopened.code).toBe(0);

      // Back up now, add a contact, restore the backup (after confirming): the contact is gone and
      // the workspace, reopened with the same passphrase, needs no unlock.
      await page.getByTestId('backup-now').click();
      const manual = page.getByTestId('backup-list').getByRole('row').filter({ hasText: 'A mano' }).first();
      await expect(manual).toBeVisible();
      await serverCall(url, 'contacts.create', { firstName: 'Después' });
      await manual.getByTestId('backup-restore').click();
      await page.getByTestId('confirm-button').click();
      await expect(page.getByTestId('unlock-screen')).toHaveCount(0);
      await expect(page.getByRole('navigation')).toBeVisible();
      const after = await serverCall(url, 'contacts.count', { query: 'Después' });
      expect(after).toMatchObject({ count: 0 });
    } finally {
      await context.close();
      await stopServer(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A call to the API of a `crm serve` as a script would make it, with the token of its URL. */
async function serverCall(url: string, method: string, input: unknown): Promise<unknown> {
  const parsed = new URL(url);
  const token = decodeURIComponent(parsed.hash.slice('#token='.length));
  const response = await fetch(`${parsed.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const result = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${method} failed: ${result.error?.message}`);
  return result.value;
}
