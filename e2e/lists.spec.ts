// The contacts list as a working tool: custom-field columns, the filter builder, saved views,
// accent-less search, bulk tagging with export, and the "Mine" quick filter. Against `crm serve`
// on a fresh temporary database (fixtures/server.ts); each test uses its own names.
import { readFileSync } from 'node:fs';
import { expect, openInSpanish, test, type CrmServer } from './fixtures/server';
import type { Page } from '@playwright/test';

/** Someone uses this device, so the first-run "who are you?" prompt stays out of the way. */
async function ensureCurrentMember(server: CrmServer) {
  if ((await server.call('members.current', {})).member) return;
  const member = await server.call('members.create', { name: 'Lista Pruebas' });
  await server.call('members.setCurrent', { id: member.id });
}

async function openContacts(page: Page, name = 'Contactos') {
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByTestId('contacts-table')).toBeVisible();
}

test.describe('contact lists, with the workspace in Spanish', () => {
  test('a custom number field becomes a column, filters with ≥, and a shared view brings it all back', async ({
    page,
    server,
  }) => {
    const field = await server.call('customFields.create', { entity: 'contacts', label: 'Puntuación', type: 'number' });
    const people = [
      ['Lucía', 'Vistas Alta', 80],
      ['Marcos', 'Vistas Media', 55],
      ['Nerea', 'Vistas Baja', 20],
      ['Óscar', 'Vistas Nula', null],
    ] as const;
    for (const [firstName, lastName, score] of people) {
      const contact = await server.call('contacts.create', { firstName, lastName });
      if (score !== null) await server.call('contacts.update', { id: contact.id, custom: { [field.key]: score } });
    }
    const column = `custom.${field.key}`;
    await ensureCurrentMember(server);
    await openInSpanish(page, server);
    await openContacts(page);
    const names = page.getByTestId('contact-name');

    await test.step('add the custom field from the column picker', async () => {
      await page.getByRole('button', { name: 'Columnas' }).click();
      await page.getByRole('checkbox', { name: 'Puntuación' }).check();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('columnheader', { name: 'Puntuación' })).toBeVisible();
    });

    await test.step('filter "Puntuación ≥ 50" with the filter builder', async () => {
      await page.getByRole('button', { name: /^Filtrar/ }).click();
      const builder = page.getByTestId('filter-builder');
      await builder.getByRole('button', { name: 'Añadir condición' }).click();
      await builder.getByTestId('filter-field').click();
      await builder.getByRole('option', { name: 'Puntuación', exact: true }).click();
      await builder.getByTestId('filter-operator').click();
      await builder.getByRole('option', { name: '≥ mayor o igual que' }).click();
      await builder.getByRole('textbox', { name: 'Valor' }).fill('50');
      await builder.getByRole('button', { name: 'Aplicar' }).click();
      await expect(builder).toBeHidden();

      await expect(page.getByTestId('filter-chip')).toHaveText(['Puntuación ≥ 50']);
      await expect(names).toHaveText(['Lucía Vistas Alta', 'Marcos Vistas Media']);
      await expect(page.getByTestId('contacts-total')).toHaveText('2 contactos');
      await expect(page.locator(`[data-testid="contact-row"] [data-field="${column}"]`)).toHaveText(['80', '55']);
    });

    await test.step('an incomplete condition is refused in place and nothing changes', async () => {
      await page.getByRole('button', { name: /^Filtrar/ }).click();
      const builder = page.getByTestId('filter-builder');
      await builder.getByRole('button', { name: 'Añadir condición' }).click();
      await builder.getByRole('button', { name: 'Aplicar' }).click();
      await expect(builder.getByTestId('condition-error')).toHaveText('Escribe un valor o quita esta condición.');
      await builder.getByRole('button', { name: 'Quitar la condición' }).last().click();
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('contacts-total')).toHaveText('2 contactos');
    });

    await test.step('save it as a shared view', async () => {
      await page.getByRole('button', { name: 'Guardar vista' }).click();
      await page.getByRole('textbox', { name: 'Nombre de la vista' }).fill('Puntuación alta');
      await page.getByText('Todo el equipo', { exact: true }).click();
      await page.getByTestId('view-save-submit').click();
      await expect(page.getByRole('tab', { name: 'Puntuación alta' })).toHaveAttribute('aria-selected', 'true');
      // Other specs on this server may have saved views of their own: look for ours by name.
      const view = (await server.call('views.list', { entity: 'contacts' })).items.find(
        (v) => v.name === 'Puntuación alta',
      );
      expect(view).toMatchObject({ name: 'Puntuación alta', shared: true });
      expect(view?.config.filter?.conditions).toEqual([{ field: column, operator: 'gte', value: 50 }]);
    });

    await test.step('after a reload the default view shows everyone; hiding the column there', async () => {
      await page.reload();
      await expect(page.getByRole('tab', { name: 'Todos los contactos' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('filter-chip')).toHaveCount(0);
      await expect(page.getByTestId('contacts-total')).not.toHaveText('2 contactos');
      await page.getByTestId(`column-menu-${column}`).click();
      await page.getByRole('menuitem', { name: 'Ocultar la columna' }).click();
      await expect(page.getByRole('columnheader', { name: 'Puntuación' })).toHaveCount(0);
    });

    await test.step('picking the view brings back its filter and its columns', async () => {
      await page.getByRole('tab', { name: 'Puntuación alta' }).click();
      await expect(page.getByTestId('filter-chip')).toHaveText(['Puntuación ≥ 50']);
      await expect(page.getByRole('columnheader', { name: 'Puntuación' })).toBeVisible();
      await expect(names).toHaveText(['Lucía Vistas Alta', 'Marcos Vistas Media']);
      await expect(page.getByTestId('contacts-total')).toHaveText('2 contactos');
    });
  });

  test('select two rows, tag them in bulk, filter by the tag and export them', async ({ page, server }) => {
    for (const firstName of ['Ana', 'Bruno', 'Carla'])
      await server.call('contacts.create', { firstName, lastName: 'Masivo' });
    // One that the search leaves out, so the rows below are the search's answer.
    await server.call('contacts.create', { firstName: 'Diego', lastName: 'Suelto' });
    await ensureCurrentMember(server);
    await openInSpanish(page, server);
    await openContacts(page);
    await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill('masivo');
    const names = page.getByTestId('contact-name');
    await expect(names).toHaveText(['Ana Masivo', 'Bruno Masivo', 'Carla Masivo']);

    await test.step('keyboard: arrows move, Space selects, Escape clears', async () => {
      const rows = page.getByTestId('contact-row');
      await rows.first().focus();
      await expect(rows.first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await expect(rows.nth(1)).toBeFocused();
      await page.keyboard.press('Space');
      await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByTestId('bulk-count')).toHaveText('1 seleccionado');
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('bulk-bar')).toBeHidden();
    });

    await test.step('tag two of them with a new tag', async () => {
      await page.getByRole('checkbox', { name: 'Seleccionar a Ana Masivo' }).click();
      await page.getByRole('checkbox', { name: 'Seleccionar a Bruno Masivo' }).click();
      await expect(page.getByTestId('bulk-count')).toHaveText('2 seleccionados');
      await page.getByRole('button', { name: 'Etiquetar' }).click();
      await page.getByRole('textbox', { name: 'Busca una etiqueta' }).fill('Feria 2026');
      await page.getByText('Crear la etiqueta «Feria 2026»').click();
      await expect(page.getByText('2 registros con la etiqueta «Feria 2026».')).toBeVisible();
    });

    await test.step('the tag quick filter shows exactly those two', async () => {
      await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill('');
      await page.getByRole('textbox', { name: 'Por etiqueta' }).click();
      await page.getByRole('option', { name: 'Feria 2026' }).click();
      await expect(names).toHaveText(['Ana Masivo', 'Bruno Masivo']);
      await expect(page.getByTestId('contacts-total')).toHaveText('2 contactos');
    });

    await test.step('export the selection as CSV', async () => {
      await page.getByRole('checkbox', { name: 'Seleccionar todas las filas cargadas' }).check();
      const downloading = page.waitForEvent('download');
      await page.getByTestId('bulk-export').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/^contactos-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = readFileSync(await download.path(), 'utf8');
      const lines = csv
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]?.split(',').slice(0, 2)).toEqual(['Nombre', 'Correo']);
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Ana Masivo', 'Bruno Masivo']);
    });
  });

  test('"Mine" shows only the records of whoever uses this device', async ({ page, server }) => {
    const member = await server.call('members.create', { name: 'Marta Dueña', email: 'marta@ejemplo.es' });
    await server.call('members.setCurrent', { id: member.id });
    await server.call('contacts.create', { firstName: 'Propio', lastName: 'De Marta', ownerId: member.id });
    await server.call('contacts.create', { firstName: 'Ajeno', lastName: 'De Nadie' });
    await openInSpanish(page, server);
    await openContacts(page);
    await page.getByText('Míos', { exact: true }).click();
    await expect(page.getByTestId('contact-name')).toHaveText(['Propio De Marta']);
    await expect(page.getByTestId('contacts-total')).toHaveText('1 contacto');
    await expect(page.getByTestId('contact-row').getByText('Marta Dueña')).toBeVisible();
    await page.getByText('Todos', { exact: true }).click();
    // Other specs share this server's book: narrow the list so the row cannot be scrolled out of view.
    await page.getByRole('textbox', { name: 'Filtrar contactos' }).fill('Ajeno De Nadie');
    await expect(page.getByTestId('contact-name').filter({ hasText: 'Ajeno De Nadie' })).toBeVisible();
  });
});

test('an accent-less search in the list finds accented names (English UI)', async ({ page, server }) => {
  await server.call('contacts.create', { firstName: 'José', lastName: 'García Búsqueda' });
  await ensureCurrentMember(server);
  await page.goto(server.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  await openContacts(page, 'Contacts');
  const filter = page.getByRole('textbox', { name: 'Filter contacts' });
  await filter.fill('jose garcia');
  await expect(page.getByTestId('contact-name').filter({ hasText: 'José García Búsqueda' })).toBeVisible();
  await filter.fill('jose garcia busqueda');
  await expect(page.getByTestId('contact-name')).toHaveText(['José García Búsqueda']);
  await expect(page.getByTestId('contacts-total')).toHaveText('1 contact');
});

test.describe('company lists, with the workspace in Spanish', () => {
  test('money and enums read in Spanish, a type filter, and a bulk delete undone from the toast', async ({
    page,
    server,
  }) => {
    // The server is shared by every spec of the worker; another one may have changed the currency.
    await server.call('settings.update', { baseCurrency: 'USD' });
    await server.call('companies.create', {
      name: 'Listado Fabril S.A.',
      type: 'customer',
      employees: 1200,
      annualRevenue: 2_500_000,
    });
    await server.call('companies.create', { name: 'Listado Proveedora S.L.', type: 'supplier', employees: 8 });
    await ensureCurrentMember(server);
    await openInSpanish(page, server);
    await page.getByRole('link', { name: 'Empresas', exact: true }).click();
    await page.getByRole('textbox', { name: 'Filtrar empresas' }).fill('listado');
    const names = page.getByTestId('company-name');
    await expect(names).toHaveText(['Listado Fabril S.A.', 'Listado Proveedora S.L.']);
    const fabril = page.getByTestId('company-row').filter({ hasText: 'Listado Fabril' });
    await expect(fabril.locator('[data-field="type"]')).toHaveText('Cliente');
    await expect(fabril.locator('[data-field="annualRevenue"]')).toHaveText(/^2\.500\.000\s(US\$|\$)$/);
    await expect(page.getByRole('link', { name: 'Nueva empresa' })).toHaveAttribute('href', '/companies/new');

    await test.step('filter "Tipo es alguno de Proveedor"', async () => {
      await page.getByRole('button', { name: /^Filtrar/ }).click();
      const builder = page.getByTestId('filter-builder');
      await builder.getByRole('button', { name: 'Añadir condición' }).click();
      await builder.getByTestId('filter-field').click();
      await builder.getByRole('option', { name: 'Tipo', exact: true }).click();
      await builder.getByRole('textbox', { name: 'Valor' }).click();
      await builder.getByRole('option', { name: 'Proveedor' }).click();
      // A multi-select stays open for more picks: click away from it, as a person would.
      await builder.getByText('Filtros', { exact: true }).click();
      await builder.getByRole('button', { name: 'Aplicar' }).click();
      await expect(page.getByTestId('filter-chip')).toHaveText(['Tipo: Proveedor']);
      await expect(names).toHaveText(['Listado Proveedora S.L.']);
      await expect(page.getByTestId('companies-total')).toHaveText('1 empresa');
      await page.getByRole('button', { name: 'Quitar los filtros' }).click();
      await expect(names).toHaveCount(2);
    });

    await test.step('delete one in bulk, then Undo', async () => {
      await page.getByRole('checkbox', { name: 'Seleccionar a Listado Fabril S.A.' }).click();
      await page.getByTestId('bulk-bar').getByRole('button', { name: 'Eliminar' }).click();
      await expect(names).toHaveText(['Listado Proveedora S.L.']);
      const toast = page.getByTestId('bulk-delete-toast');
      await expect(toast).toContainText('1 registro movido a la papelera.');
      await toast.getByRole('button', { name: 'Deshacer' }).click();
      await expect(names).toHaveText(['Listado Fabril S.A.', 'Listado Proveedora S.L.']);
    });
  });
});
