// Record pages, custom fields, duplicates, the timeline and the command palette in a real browser,
// against `crm serve` on a fresh temporary database (see fixtures/server.ts). Every test uses its
// own names, so they can share the worker's database with the other specs.
import type { Page } from '@playwright/test';
import { expect, openInSpanish, test, openInEnglish, unique } from './fixtures/server';

/** Ctrl+K, type, and open the highlighted entry with Enter, as a keyboard user would. */
async function palette(page: Page, words: string, expectFirst: RegExp | string): Promise<void> {
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('palette-input');
  await expect(input).toBeFocused();
  await input.fill(words);
  const selected = page.locator('[data-combobox-selected]');
  await expect(selected).toContainText(expectFirst);
  await input.press('Enter');
  await expect(input).toBeHidden();
}

test('a company with two contacts linked with their roles, shown both ways', async ({ page, server }) => {
  const n = unique();
  const companyName = `Cañón Industrial ${n}`;
  await openInEnglish(page, server);

  await test.step('create the company from the command palette', async () => {
    await palette(page, 'new company', 'New company');
    await expect(page).toHaveURL(/\/companies\/new$/);
    await page.getByRole('textbox', { name: 'Company name' }).fill(companyName);
    await page.getByRole('textbox', { name: 'Website' }).fill(`https://www.canon-${n}.example.com/about`);
    await page.getByRole('button', { name: 'Create company' }).click();
    await expect(page).toHaveURL(/\/companies\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('page-title')).toHaveText(companyName);
    // A website is kept as its bare domain.
    await expect(page.getByTestId('company-domain')).toHaveText(`canon-${n}.example.com`);
  });
  const companyUrl = page.url();

  const people = [
    { first: 'Lucía', last: `Ferrer ${n}`, role: 'Buyer' },
    { first: 'Marco', last: `Ibáñez ${n}`, role: 'CTO' },
  ];
  for (const person of people) {
    await test.step(`add ${person.first} from the company page with the role ${person.role}`, async () => {
      await page.goto(companyUrl);
      await page.getByTestId('add-company-contact').click();
      await expect(page).toHaveURL(/\/contacts\/new\?company=/);
      // The new contact starts linked to the company it was added from.
      await expect(page.getByTestId('company-link-0')).toHaveValue(companyName);
      await page.getByRole('textbox', { name: 'First name', exact: true }).fill(person.first);
      await page.getByRole('textbox', { name: 'Last name' }).fill(person.last);
      await page.getByRole('textbox', { name: 'Role at company 1' }).fill(person.role);
      await page.getByRole('button', { name: 'Create contact' }).click();
      await expect(page).toHaveURL(/\/contacts\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('page-title')).toHaveText(`${person.first} ${person.last}`);
      const link = page.getByTestId('contact-company');
      await expect(link.getByTestId('contact-company-name')).toHaveText(companyName);
      await expect(link.getByTestId('contact-company-role')).toHaveText(person.role);
      await expect(link.getByTestId('contact-company-primary')).toBeVisible();
    });
  }

  await test.step('the company page lists both, with their roles', async () => {
    await page.getByTestId('contact-company-name').click();
    await expect(page).toHaveURL(companyUrl);
    const rows = page.getByTestId('company-contact');
    await expect(rows).toHaveCount(2);
    for (const person of people) {
      const row = rows.filter({ hasText: `${person.first} ${person.last}` });
      await expect(row.getByTestId('company-contact-role')).toHaveText(person.role);
    }
  });

  await test.step('each contact page shows the company', async () => {
    for (const person of people) {
      await page.goto(companyUrl);
      await page.getByRole('link', { name: `${person.first} ${person.last}` }).click();
      await expect(page.getByTestId('page-title')).toHaveText(`${person.first} ${person.last}`);
      await expect(page.getByTestId('contact-company-name')).toHaveText(companyName);
      await expect(page.getByTestId('contact-headline')).toContainText(companyName);
    }
  });
});

test('a custom number field: defined in Settings, filled on the form, refused when given text (in Spanish)', async ({
  page,
  server,
}) => {
  const n = unique();
  const label = `Puntuación ${n}`;
  const contact = await server.call('contacts.create', {
    firstName: 'Noelia',
    lastName: `Campos ${n}`,
    jobTitle: 'Directora',
    emails: [{ value: `noelia.${n}@ejemplo.es` }],
  });
  await openInSpanish(page, server);

  await test.step('the first-run prompt asks who is using the app, and remembers the answer', async () => {
    if ((await server.call('members.current', {})).member !== null) return;
    const prompt = page.getByTestId('whoami');
    await expect(prompt).toContainText('¿Quién eres?');
    const members = (await server.call('members.list', {})).items;
    if (members.length > 0) await prompt.getByRole('button', { name: 'No estoy en la lista' }).click();
    await prompt.getByRole('textbox', { name: 'Tu nombre' }).fill(`Ana Prueba ${n}`);
    await prompt.getByRole('button', { name: 'Añadirme' }).click();
    await expect(prompt).toBeHidden();
    expect((await server.call('members.current', {})).member?.name).toBe(`Ana Prueba ${n}`);
  });

  await test.step('define the field in Settings', async () => {
    await page.getByRole('link', { name: 'Ajustes' }).click();
    await page.getByRole('tab', { name: 'Campos personalizados' }).click();
    await page.getByTestId('add-field').click();
    const form = page.getByTestId('field-form');
    await form.getByRole('textbox', { name: 'Nombre' }).fill(label);
    await form.getByTestId('field-type').click();
    await page.getByRole('option', { name: 'Número' }).click();
    await form.getByRole('button', { name: 'Añadir campo' }).click();
    await expect(form).toBeHidden();
    await expect(page.getByTestId('custom-field-row').filter({ hasText: label })).toContainText('Número');
  });
  const field = (await server.call('customFields.list', { entity: 'contacts' })).items.find((f) => f.label === label);
  expect(field?.type).toBe('number');
  const key = field!.key;

  await test.step('text in the number field is refused with a clear message, and nothing is saved', async () => {
    await page.goto(`${server.origin}/contacts/${contact.id}/edit`);
    await expect(page.getByTestId('page-title')).toHaveText(`Editar a Noelia Campos ${n}`);
    await page.getByRole('textbox', { name: 'Cargo' }).fill('Gerente');
    const input = page.getByRole('textbox', { name: label });
    await input.fill('mucho');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect(page.getByText('Tipo de valor incorrecto: se esperaba un número.')).toBeVisible();
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('form-errors')).toContainText('Hay campos que corregir.');
    await expect(page).toHaveURL(/\/edit$/);
    const stored = await server.call('contacts.get', { id: contact.id });
    expect(stored.jobTitle).toBe('Directora');
    expect(stored.custom[key]).toBeUndefined();
  });

  await test.step('an invalid email is refused the same way', async () => {
    await page.getByRole('textbox', { name: label }).fill('42,5');
    const email = page.getByRole('textbox', { name: 'Correo 1' });
    await email.fill('esto-no-es-un-correo');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect(page.getByText('Escribe un correo válido, como nombre@ejemplo.com.')).toBeVisible();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    const stored = await server.call('contacts.get', { id: contact.id });
    expect(stored.jobTitle).toBe('Directora');
    expect(stored.emails[0]?.value).toBe(`noelia.${n}@ejemplo.es`);
    expect(stored.custom[key]).toBeUndefined();
  });

  await test.step('fixed, it saves and the record page shows the value in Spanish', async () => {
    await page.getByRole('textbox', { name: 'Correo 1' }).fill(`noelia.${n}@ejemplo.es`);
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect(page).toHaveURL(new RegExp(`/contacts/${contact.id}$`));
    await expect(page.getByTestId(`custom-value-${key}`)).toHaveText('42,5');
    await expect(page.getByTestId('contact-job-title')).toHaveText('Gerente');
    const stored = await server.call('contacts.get', { id: contact.id });
    expect(stored.custom[key]).toBe(42.5);
  });

  await test.step('edited in place on the record page, text is refused there too', async () => {
    await page.getByTestId(`custom-value-${key}-edit`).click();
    const inline = page.getByRole('textbox', { name: label });
    await inline.fill('doce');
    await inline.press('Enter');
    await expect(page.getByText('Tipo de valor incorrecto: se esperaba un número.')).toBeVisible();
    expect((await server.call('contacts.get', { id: contact.id })).custom[key]).toBe(42.5);
    await inline.fill('12');
    await inline.press('Enter');
    await expect(page.getByTestId(`custom-value-${key}`)).toHaveText('12');
    expect((await server.call('contacts.get', { id: contact.id })).custom[key]).toBe(12);
  });
});

test('two duplicates are merged in the wizard, and the merge is undone', async ({ page, server }) => {
  const n = unique();
  const email = `dup.${n}@example.com`;
  const keep = await server.call('contacts.create', {
    firstName: 'Dora',
    lastName: `Twin ${n}`,
    jobTitle: 'CEO',
    emails: [{ value: email }],
  });
  const other = await server.call('contacts.create', {
    firstName: 'Dora',
    lastName: `Twin ${n}`,
    jobTitle: 'CTO',
    department: 'Engineering',
    emails: [{ value: email.toUpperCase() }],
  });
  await openInEnglish(page, server);

  const group = page.getByTestId('duplicate-group').filter({ hasText: `Twin ${n}` });
  await test.step('the Duplicates screen shows them as one group, with the reason', async () => {
    await palette(page, 'duplicates', 'Duplicates');
    await expect(page.getByTestId('page-title')).toHaveText('Duplicates');
    await expect(group).toContainText('same email');
    await expect(group.getByRole('link')).toHaveCount(2);
  });

  await test.step('merge, keeping the first and taking the job title of the other', async () => {
    await group.getByTestId('merge-button').click();
    const wizard = page.getByTestId('merge-wizard');
    await wizard.getByTestId(`survivor-${keep.id}`).check();
    await wizard.getByTestId('merge-next').click();
    const jobTitle = wizard.getByTestId('merge-field-jobTitle');
    await jobTitle.getByRole('radio', { name: /CTO/ }).check();
    await expect(jobTitle.getByRole('radio', { name: /CEO/ })).not.toBeChecked();
    await wizard.getByTestId('merge-next').click();
    await expect(wizard.getByTestId('merge-summary')).toContainText(`“Dora Twin ${n}” is kept.`);
    await wizard.getByTestId('merge-confirm').click();
    await expect(wizard).toBeHidden();
    await expect(page.getByTestId('merge-toast')).toContainText(`1 record was merged into Dora Twin ${n}.`);
    await expect(group).toHaveCount(0);
  });

  await test.step('the survivor has the chosen value; the other one answers with the survivor', async () => {
    const survivor = await server.call('contacts.get', { id: keep.id });
    expect(survivor.jobTitle).toBe('CTO');
    expect(survivor.department).toBe('Engineering');
    expect((await server.call('contacts.get', { id: other.id })).id).toBe(keep.id);
  });

  await test.step('Undo in the toast brings both back as they were', async () => {
    await page.getByTestId('merge-toast').getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByText('Merge undone: the records are back')).toBeVisible();
    await expect(group).toHaveCount(1);
    const [first, second] = await Promise.all([
      server.call('contacts.get', { id: keep.id }),
      server.call('contacts.get', { id: other.id }),
    ]);
    expect(first.jobTitle).toBe('CEO');
    expect(first.department).toBeNull();
    expect(second.id).toBe(other.id);
    expect(second.deleted).toBe(false);
    expect(second.jobTitle).toBe('CTO');
  });
});

test("a merged contact's page leads to the survivor", async ({ page, server }) => {
  const n = unique();
  const email = `merged.${n}@example.com`;
  const a = await server.call('contacts.create', {
    firstName: 'Mila',
    lastName: `Kept ${n}`,
    emails: [{ value: email }],
  });
  const b = await server.call('contacts.create', {
    firstName: 'Mila',
    lastName: `Gone ${n}`,
    emails: [{ value: email }],
  });
  await server.call('duplicates.merge', { entity: 'contacts', survivorId: a.id, mergedIds: [b.id] });
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/contacts/${b.id}`);
  await expect(page).toHaveURL(new RegExp(`/contacts/${a.id}$`));
  await expect(page.getByTestId('page-title')).toHaveText(`Mila Kept ${n}`);
});

test('the timeline shows a note, a logged call and a field change (in Spanish)', async ({ page, server }) => {
  const n = unique();
  const contact = await server.call('contacts.create', { firstName: 'Tina', lastName: `Línea ${n}`, jobTitle: 'CEO' });
  await openInSpanish(page, server);
  await page.goto(`${server.origin}/contacts/${contact.id}`);
  await expect(page.getByTestId('page-title')).toHaveText(`Tina Línea ${n}`);
  const timeline = page.getByTestId('timeline');

  await test.step('a note', async () => {
    await timeline.getByRole('textbox', { name: 'Nueva nota' }).fill('Prefiere que la llamen por la tarde.');
    await timeline.getByRole('button', { name: 'Añadir nota' }).click();
    await expect(timeline.getByTestId('timeline-note')).toContainText('Prefiere que la llamen por la tarde.');
  });

  await test.step('a call logged from the header', async () => {
    await page.getByTestId('quick-log').click();
    const form = page.getByTestId('log-activity-form');
    await form.getByRole('textbox', { name: 'Asunto' }).fill('Llamada de presentación');
    await form.getByRole('button', { name: 'Guardar actividad' }).click();
    await expect(form).toBeHidden();
    await expect(timeline.getByTestId('timeline-activity')).toContainText('Llamada de presentación');
  });

  await test.step('a field changed in place shows as "Cargo: CEO → CTO"', async () => {
    await page.getByTestId('contact-job-title-edit').click();
    const input = page.getByRole('textbox', { name: 'Cargo' });
    await input.fill('CTO');
    await input.press('Enter');
    await expect(page.getByTestId('contact-job-title')).toHaveText('CTO');
    await expect(timeline.getByTestId('field-change')).toHaveText('Cargo: CEO → CTO');
  });

  await test.step('filtered by kind', async () => {
    await timeline.getByText('Notas', { exact: true }).click();
    await expect(timeline.getByTestId('timeline-note')).toHaveCount(1);
    await expect(timeline.getByTestId('timeline-change')).toHaveCount(0);
    await timeline.getByText('Cambios', { exact: true }).click();
    await expect(timeline.getByTestId('timeline-note')).toHaveCount(0);
    await expect(timeline.getByTestId('field-change')).toHaveText('Cargo: CEO → CTO');
  });
});

test('the command palette finds a company by an accent-less query and opens its page', async ({ page, server }) => {
  const n = unique();
  const company = await server.call('companies.create', { name: `Óptica Peñalara ${n}`, industry: 'Retail' });
  await openInEnglish(page, server);
  await page.keyboard.press('Control+K');
  const input = page.getByTestId('palette-input');
  await input.fill(`optica penalara ${n}`);
  const hit = page.getByTestId('palette-hit').filter({ hasText: `Óptica Peñalara ${n}` });
  await expect(hit).toHaveAttribute('data-hit-type', 'company');
  // Results are grouped by type, under a heading for each.
  await expect(page.getByTestId('palette-results')).toContainText('Companies');
  await input.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/companies/${company.id}$`));
  await expect(page.getByTestId('page-title')).toHaveText(`Óptica Peñalara ${n}`);
});
