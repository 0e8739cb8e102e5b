// The import wizard in a real browser against `crm serve` (see fixtures/server.ts): a Spanish Excel
// CSV (Windows-1252, ";") is uploaded, its columns mapped by their Spanish headers, a bad column is
// caught by the check before anything is written, then the import runs, shows up on the record's
// timeline and in the history, and is undone.
import iconv from 'iconv-lite';
import { expect, openInSpanish, test } from './fixtures/server';

const unique = () => Date.now().toString(36).slice(-5);

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
