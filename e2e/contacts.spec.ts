// The contacts slice in a real browser with the UI in Spanish, against `crm serve` on a fresh
// temporary database (see fixtures/server.ts). One journey per test; every test uses its own names.
import { expect, openInSpanish, test } from './fixtures/server';

test.describe('contacts, with the workspace in Spanish', () => {
  test('the language switch translates the workspace and survives a reload', async ({ page, server }) => {
    await openInSpanish(page, server);
    await expect(page.getByTestId('page-title')).toHaveText('Hola de nuevo');
    await expect(page.getByRole('link', { name: 'Oportunidades', exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Buscar en todo' })).toBeVisible();
    // The token left the address bar but stays with the tab: a reload still reaches the API.
    expect(page.url()).not.toContain('token=');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await expect(page.getByTestId('home-contacts-count')).toBeVisible();
  });

  test('create, edit, find with the top bar, delete and restore a contact', async ({ page, server }) => {
    await openInSpanish(page, server);

    await test.step('create', async () => {
      await page.getByRole('link', { name: 'Contactos', exact: true }).click();
      await page.getByTestId('new-contact').click();
      await expect(page.getByTestId('page-title')).toHaveText('Nuevo contacto');
      await page.getByRole('textbox', { name: 'Nombre', exact: true }).fill('José');
      await page.getByRole('textbox', { name: 'Apellidos' }).fill('García');
      await page.getByRole('textbox', { name: 'Correo 1' }).fill('Jose.Garcia@Ejemplo.es');
      await page.getByRole('textbox', { name: 'Teléfono 1' }).fill('+34 612 345 678');
      await page.getByRole('textbox', { name: 'Cargo' }).fill('Director comercial');
      await page.getByRole('button', { name: 'Crear contacto' }).click();

      await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('page-title')).toHaveText('José García');
      await expect(page.getByText('Contacto creado')).toBeVisible();
      // Stored normalised: lower-case email, E.164 phone (shown grouped).
      await expect(page.getByTestId('contact-emails')).toContainText('jose.garcia@ejemplo.es');
      await expect(page.getByTestId('contact-phones')).toContainText('+34 612 34 56 78');
      await expect(page.getByTestId('contact-job-title')).toHaveText('Director comercial');
    });

    await test.step('a deep link to the contact loads on its own', async () => {
      await page.reload();
      await expect(page.getByTestId('page-title')).toHaveText('José García');
    });

    await test.step('edit', async () => {
      await page.getByRole('link', { name: 'Editar' }).click();
      await expect(page.getByTestId('page-title')).toHaveText('Editar a José García');
      const jobTitle = page.getByRole('textbox', { name: 'Cargo' });
      await expect(jobTitle).toHaveValue('Director comercial');
      await jobTitle.fill('Director general');
      await page.getByRole('button', { name: 'Guardar cambios' }).click();
      await expect(page.getByText('Cambios guardados')).toBeVisible();
      await expect(page.getByTestId('contact-job-title')).toHaveText('Director general');
    });

    let contactUrl = '';
    await test.step('find it accent-insensitively from the top bar', async () => {
      contactUrl = page.url();
      await page.getByRole('link', { name: 'Inicio' }).click();
      const search = page.getByRole('textbox', { name: 'Buscar en todo' });
      await search.fill('jose gar');
      const hit = page.getByTestId('search-result').filter({ hasText: 'José García' });
      await expect(hit).toBeVisible();
      await expect(hit).toContainText('Contacto');
      await search.press('Enter');
      await expect(page).toHaveURL(contactUrl);
      await expect(page.getByTestId('page-title')).toHaveText('José García');
    });

    await test.step('delete it, and Undo in the toast brings it back', async () => {
      await page.getByRole('button', { name: 'Eliminar' }).click();
      await expect(page).toHaveURL(/\/contacts$/);
      const toast = page.getByTestId('delete-toast');
      await expect(toast).toContainText('José García se movió a la papelera.');
      // Other specs share this server's book: narrow the list so the row cannot be scrolled out of view.
      await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill('José García');
      await expect(page.getByTestId('contact-name').filter({ hasText: 'José García' })).toHaveCount(0);
      await toast.getByRole('button', { name: 'Deshacer' }).click();
      await expect(page.getByText('Contacto restaurado')).toBeVisible();
      await expect(page.getByTestId('contact-name').filter({ hasText: 'José García' })).toBeVisible();
    });

    await test.step('delete it again and restore it from the trash', async () => {
      await page.getByTestId('contact-name').filter({ hasText: 'José García' }).click();
      await page.getByRole('button', { name: 'Eliminar' }).click();
      await expect(page).toHaveURL(/\/contacts$/);
      await page.getByRole('link', { name: 'Papelera' }).click();
      await expect(page.getByTestId('page-title')).toHaveText('Papelera');
      await page.getByRole('button', { name: 'Restaurar a José García' }).click();
      // The toast of the earlier Undo may still be showing: look at the newest one.
      await expect(page.getByText('José García vuelve a estar en tus contactos.').last()).toBeVisible();
      await expect(page.getByTestId('trash-empty')).toBeVisible();
      const [live] = (await server.call('contacts.list', { query: 'jose garcia' })).items;
      expect(live?.displayName).toBe('José García');
      expect(live?.jobTitle).toBe('Director general');
    });
  });

  test('an invalid email or phone shows the translated error under the field and saves nothing', async ({
    page,
    server,
  }) => {
    const before = (await server.call('contacts.count', {})).count;
    await openInSpanish(page, server);
    await page.goto(`${server.origin}/contacts/new`);
    await page.getByRole('textbox', { name: 'Nombre', exact: true }).fill('Inés');
    await page.getByRole('textbox', { name: 'Apellidos' }).fill('Singuardar');

    await test.step('invalid email', async () => {
      const email = page.getByRole('textbox', { name: 'Correo 1' });
      await email.fill('esto-no-es-un-correo');
      await page.getByRole('button', { name: 'Crear contacto' }).click();
      await expect(page.getByText('Escribe un correo válido, como nombre@ejemplo.com.')).toBeVisible();
      await expect(email).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByTestId('form-errors')).toContainText('Hay campos que corregir.');
      await expect(page).toHaveURL(/\/contacts\/new$/);
      expect((await server.call('contacts.count', {})).count).toBe(before);
    });

    await test.step('invalid phone', async () => {
      await page.getByRole('textbox', { name: 'Correo 1' }).fill('ines@ejemplo.es');
      await expect(page.getByText('Escribe un correo válido, como nombre@ejemplo.com.')).toHaveCount(0);
      const phone = page.getByRole('textbox', { name: 'Teléfono 1' });
      await phone.fill('12');
      await page.getByRole('button', { name: 'Crear contacto' }).click();
      await expect(page.getByText(/Escribe un teléfono válido, con el prefijo del país/)).toBeVisible();
      await expect(phone).toHaveAttribute('aria-invalid', 'true');
      await expect(page).toHaveURL(/\/contacts\/new$/);
      expect((await server.call('contacts.count', {})).count).toBe(before);
      expect((await server.call('contacts.list', { query: 'Singuardar' })).items).toHaveLength(0);
    });
  });

  test('contacts written elsewhere appear in the open list without a reload', async ({ page, server }) => {
    await openInSpanish(page, server);
    await page.getByRole('link', { name: 'Contactos', exact: true }).click();
    await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill('Externo');
    await expect(page.getByTestId('contacts-empty')).toContainText('Ningún contacto coincide con «Externo»');

    await test.step('through the HTTP API, as a script would', async () => {
      await server.call('contacts.create', { firstName: 'Carmen', lastName: 'Externo API' });
      await expect(page.getByTestId('contact-name').filter({ hasText: 'Carmen Externo API' })).toBeVisible();
      await expect(page.getByTestId('contacts-total')).toHaveText('1 contacto');
    });

    await test.step('through the crm command, in another process', async () => {
      const run = await server.cli([
        'api',
        'contacts.create',
        JSON.stringify({ firstName: 'Rocío', lastName: 'Externo CLI' }),
      ]);
      expect(run.code, run.stderr).toBe(0);
      await expect(page.getByTestId('contact-name').filter({ hasText: 'Rocío Externo CLI' })).toBeVisible();
      await expect(page.getByTestId('contacts-total')).toHaveText('2 contactos');
    });
  });

  test('the list sorts by name and by date from its column headers', async ({ page, server }) => {
    for (const [firstName, lastName] of [
      ['Beatriz', 'Orden Zulueta'],
      ['Álvaro', 'Orden Abad'],
      ['Marta', 'Orden Molina'],
    ] as const) {
      await server.call('contacts.create', { firstName, lastName });
    }
    await openInSpanish(page, server);
    await page.getByRole('link', { name: 'Contactos', exact: true }).click();
    await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill('Orden');
    const names = page.getByTestId('contact-name');
    await expect(names).toHaveText(['Álvaro Orden Abad', 'Marta Orden Molina', 'Beatriz Orden Zulueta']);
    await page.getByRole('button', { name: 'Nombre' }).click();
    await expect(names).toHaveText(['Beatriz Orden Zulueta', 'Marta Orden Molina', 'Álvaro Orden Abad']);
    await page.getByRole('button', { name: 'Creado' }).click();
    await expect(page.getByRole('columnheader', { name: 'Creado' })).toHaveAttribute('aria-sort', 'descending');
    await expect(names).toHaveText(['Marta Orden Molina', 'Álvaro Orden Abad', 'Beatriz Orden Zulueta']);
  });
});

test('the API refuses a request without the token', async ({ request, server }) => {
  const missing = await request.post(`${server.origin}/api/contacts.list`, { data: {} });
  expect(missing.status()).toBe(401);
  expect(await missing.body()).toHaveLength(0);

  const wrong = await request.post(`${server.origin}/api/contacts.list`, {
    data: {},
    headers: { Authorization: 'Bearer not-the-token' },
  });
  expect(wrong.status()).toBe(401);

  const events = await request.get(`${server.origin}/api/events`);
  expect(events.status()).toBe(401);

  // The same call with the token is answered.
  const allowed = await request.post(`${server.origin}/api/contacts.count`, {
    data: {},
    headers: { Authorization: `Bearer ${server.token}` },
  });
  expect(allowed.status()).toBe(200);
  expect(await allowed.json()).toMatchObject({ ok: true });
});
