// Service desk in a real browser against `crm serve` (see fixtures/server.ts) with a real SMTP
// server on loopback: a new ticket gets its automatic reply, the agent answers with a
// knowledge-base article (a reply with an unknown merge field is refused first, saying which), the
// ticket meets its first-response target and shows on the contact's timeline, and articles in
// both languages are found by the global search; service settings and
// knowledge-base categories are renamed and deleted (to the trash, from where they come back), and
// the figures follow the period chosen.
// (The SLA breach as the clock passes a target is proven end to end in service-sla.spec.ts, with
// `crm serve --clock-offset-file`.)
import type { Page } from '@playwright/test';
import { startMailer } from './fixtures/mailer';
import { expect, test, type CrmServer, unique } from './fixtures/server';

async function openIn(page: Page, server: CrmServer, lang: 'en' | 'es'): Promise<void> {
  await page.goto(server.url);
  await expect(page.getByRole('navigation')).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== lang) {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: lang === 'en' ? 'English' : 'Español' }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test('a ticket gets its automatic reply, an answer with an article, and shows on the timeline', async ({
  page,
  server,
}) => {
  const n = unique();
  const smtp = await startMailer(server, { name: `Ana ${n}`, email: `ana.${n}@acme.test`, from: 'help@acme.test' });
  try {
    const contact = await server.call('contacts.create', {
      firstName: 'Irene',
      lastName: `Soto${n}`,
      emails: [{ value: `irene.${n}@example.com` }],
    });
    await server.call('slaPolicies.save', {
      name: `Standard ${n}`,
      isDefault: true,
      targets: { normal: { firstResponseMinutes: 240, resolutionMinutes: 960 } },
    });
    const article = await server.call('knowledgeBase.create', {
      locale: 'en',
      title: `Resetting your password ${n}`,
      body: 'Open Settings and choose "Forgot password".',
      status: 'published',
    });
    await server.call('knowledgeBase.create', {
      locale: 'es',
      title: `Restablecer la contraseña ${n}`,
      body: 'Abre Ajustes y elige «He olvidado la contraseña».',
      status: 'published',
      translationOf: article.id,
    });
    const mailsTo = () => smtp.received.filter((m) => m.to.includes(`irene.${n}@example.com`));

    await openIn(page, server, 'en');
    await test.step('log a ticket for the contact: the automatic reply goes out', async () => {
      await page.getByRole('link', { name: 'Tickets', exact: true }).click();
      await page.getByTestId('ticket-new').click();
      await page.getByTestId('ticket-subject').fill(`Cannot log in ${n}`);
      await page.getByTestId('ticket-contact').fill(`Soto${n}`);
      await page.getByRole('option', { name: `Irene Soto${n}` }).click();
      await page.getByTestId('ticket-create').click();
      await expect(page.getByTestId('page-title')).toHaveText(`Cannot log in ${n}`);
      const auto = page.getByTestId('ticket-message').filter({ hasText: 'Automatic reply' });
      await expect(auto.getByTestId('message-delivery')).toHaveText('Sent', { timeout: 20_000 });
      expect(mailsTo()).toHaveLength(1);
      expect(mailsTo()[0]!.raw).toContain(`We received your request: Cannot log in ${n}`);
      await expect(page.getByTestId('ticket-sla-card').getByTestId('sla-state').first()).toHaveAttribute(
        'data-sla',
        'pending',
      );
    });

    await test.step('a reply with an unknown merge field is refused, naming it, and nothing is sent', async () => {
      await page.getByTestId('composer-body').fill('Hi {{contact.frist_name}}');
      await page.getByTestId('composer-send').click();
      await expect(page.getByTestId('ticket-composer')).toContainText('Unknown merge field {{contact.frist_name}}');
      await expect(page.getByTestId('ticket-message')).toHaveCount(1);
      expect(mailsTo()).toHaveLength(1);
      await expect(page.getByTestId('ticket-sla-card').getByTestId('sla-state').first()).toHaveAttribute(
        'data-sla',
        'pending',
      );
    });

    await test.step('answer with the article: the reply is sent and meets the first-response target', async () => {
      await page.getByTestId('composer-article').click();
      await page.getByRole('option', { name: `Resetting your password ${n} (EN)` }).click();
      await page.getByTestId('composer-body').fill('Hello Irene, this should help.');
      await page.getByTestId('composer-send').click();
      const reply = page.getByTestId('ticket-message').filter({ hasText: 'this should help' });
      await expect(reply).toContainText('Forgot password');
      await expect(reply.getByTestId('message-delivery')).toHaveText('Sent', { timeout: 20_000 });
      expect(mailsTo()).toHaveLength(2);
      expect(mailsTo()[1]!.raw).toContain(`Resetting your password ${n}`);
      await expect(page.getByTestId('ticket-sla-card').getByTestId('sla-state').first()).toHaveAttribute(
        'data-sla',
        'met',
      );
      await expect(page.getByTestId('ticket-status')).toHaveText('Open');
    });

    await test.step('an internal note is kept inside; the ticket is resolved and rated', async () => {
      const ticketId = /\/tickets\/([^/?#]+)/.exec(page.url())![1]!;
      await page.getByTestId('composer-mode').getByText('Internal note', { exact: true }).click();
      await page.getByTestId('composer-body').fill(`Still on the old plan ${n}`);
      await page.getByTestId('composer-send').click();
      const note = page.getByTestId('ticket-message').filter({ hasText: `Still on the old plan ${n}` });
      await expect(note).toContainText('Internal note');
      await expect(note.getByTestId('message-delivery')).toHaveCount(0);
      expect(mailsTo()).toHaveLength(2);
      await page.getByTestId('ticket-status-select').click();
      await page.getByRole('option', { name: 'Resolved', exact: true }).click();
      await expect(page.getByTestId('ticket-status')).toHaveText('Resolved');
      // The fourth star (its radio input is visually hidden; the star is its label).
      const star = await page.getByRole('radio', { name: '4', exact: true }).getAttribute('id');
      await page.locator(`label[for="${star}"]`).click();
      await expect.poll(async () => (await server.call('tickets.get', { id: ticketId })).satisfaction).toBe(4);
      expect(mailsTo()).toHaveLength(2);
    });

    await test.step('the customer writes back: the ticket reopens with its resolution target counted anew', async () => {
      await page.getByTestId('composer-mode').getByText('Log customer message', { exact: true }).click();
      await page.getByTestId('composer-body').fill(`It happened again ${n}`);
      await page.getByTestId('composer-send').click();
      await expect(page.getByTestId('ticket-status')).toHaveText('Open');
      await expect(page.getByTestId('ticket-reopened')).toContainText('Reopened');
      const sla = page.getByTestId('ticket-sla-card').getByTestId('sla-state');
      await expect(sla.nth(0)).toHaveAttribute('data-sla', 'met');
      await expect(sla.nth(1)).toHaveAttribute('data-sla', 'pending');
    });

    await test.step("the ticket is on the contact's timeline", async () => {
      await page.goto(`${server.origin}/contacts/${contact.id}#token=${server.token}`);
      await expect(page.getByTestId('timeline-ticket').filter({ hasText: `Cannot log in ${n}` })).toBeVisible();
    });

    await test.step('log a WhatsApp conversation from the contact page: its channel shows on the timeline', async () => {
      await page.getByTestId('log-interaction').click();
      await page.getByTestId('interaction-body').fill(`Asked about the login ${n}`);
      await page.getByTestId('interaction-save').click();
      const entry = page.getByTestId('timeline-activity').filter({ hasText: `Asked about the login ${n}` });
      await expect(entry.getByTestId('timeline-channel')).toHaveText('WhatsApp');
      await expect(entry).not.toContainText('WhatsApp:');
    });

    await test.step('set business hours and an SLA policy for a category in the service settings', async () => {
      await page.getByRole('link', { name: 'Tickets', exact: true }).click();
      await page.getByRole('link', { name: 'Service settings' }).click();
      await page.getByRole('button', { name: 'New business hours' }).click();
      await page.getByLabel('Name').fill(`Madrid ${n}`);
      await page.getByLabel('Time zone').fill('Europe/Madrid');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(`Madrid ${n} · Europe/Madrid · Mon 09:00–17:00`)).toBeVisible();
      await page.getByRole('button', { name: 'New SLA policy' }).click();
      await page.getByLabel('Name').fill(`Billing ${n}`);
      await page.getByLabel('Only for category').fill(`billing-${n}`);
      await page.getByRole('switch', { name: 'Default policy' }).uncheck({ force: true });
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByText(`billing-${n}`)).toBeVisible();
      const policies = await server.call('slaPolicies.list', {});
      expect(policies.items.find((p) => p.name === `Billing ${n}`)).toMatchObject({
        category: `billing-${n}`,
        isDefault: false,
        targets: { urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 } },
      });
    });

    await test.step('the global search finds the article in both languages', async () => {
      await openIn(page, server, 'es');
      const search = page.getByRole('textbox', { name: 'Buscar en todo' });
      await search.fill(`contrasena ${n}`);
      const hit = page.getByTestId('search-result').filter({ hasText: `Restablecer la contraseña ${n}` });
      await expect(hit).toBeVisible();
      await expect(hit).toHaveAttribute('data-hit-type', 'kb_article');
      await search.fill(`resetting ${n}`);
      await expect(page.getByTestId('search-result').filter({ hasText: `Resetting your password ${n}` })).toBeVisible();
      await search.press('Enter');
      await expect(page).toHaveURL(/\/knowledge-base\?article=/);
      await expect(page.getByTestId('kb-title')).toHaveValue(`Resetting your password ${n}`);
    });

    await test.step('delete an article: it goes to the trash', async () => {
      const draft = await server.call('knowledgeBase.create', { locale: 'en', title: `Old draft ${n}` });
      await page.goto(`${server.origin}/knowledge-base?article=${draft.id}#token=${server.token}`);
      await expect(page.getByTestId('kb-title')).toHaveValue(`Old draft ${n}`);
      await page.getByTestId('kb-delete').click();
      await expect(page.getByTestId('kb-row').filter({ hasText: `Old draft ${n}` })).toHaveCount(0);
      const trash = await server.call('trash.list', { entity: 'kb_articles' });
      expect(trash.items.map((i) => i.id)).toContain(draft.id);
    });

    await test.step('the service desk speaks Spanish', async () => {
      await page.keyboard.press('Escape');
      await page.getByRole('link', { name: 'Tickets', exact: true }).click();
      await expect(page.getByTestId('page-title')).toHaveText('Tickets');
      await expect(page.getByTestId('ticket-queues')).toContainText('Sin asignar');
      await expect(page.getByTestId('tickets-report')).toContainText('Cumplimiento del SLA');
    });
  } finally {
    await smtp.stop();
  }
});

test('service settings are renamed and deleted, knowledge-base categories too, and the figures follow a chosen period', async ({
  page,
  server,
}) => {
  const n = unique();
  const me = await server.call('members.create', { name: `Berta ${n}` });
  await server.call('members.setCurrent', { id: me.id });
  const hours = await server.call('businessHours.save', {
    name: `Office ${n}`,
    timezone: 'Europe/Madrid',
    schedule: [{ day: 1, start: '09:00', end: '17:00' }],
  });
  await server.call('slaPolicies.save', {
    name: `Office policy ${n}`,
    businessHoursId: hours.id,
    category: `office-${n}`,
    targets: { normal: { firstResponseMinutes: 60, resolutionMinutes: 480 } },
  });
  await server.call('ticketRules.save', { name: `Desk ${n}`, strategy: 'fixed', memberIds: [me.id] });
  const guides = await server.call('knowledgeBase.saveCategory', { nameEn: `Guides ${n}`, nameEs: `Guías ${n}` });
  const article = await server.call('knowledgeBase.create', {
    locale: 'en',
    title: `Printer setup ${n}`,
    categoryId: guides.id,
  });
  await server.call('tickets.create', { subject: `Paper jam ${n}` });

  await openIn(page, server, 'en');
  await page.getByRole('link', { name: 'Tickets', exact: true }).click();
  await page.getByRole('link', { name: 'Service settings' }).click();

  await test.step('business hours still used by a policy are not deleted, and the message says why', async () => {
    await page.getByRole('button', { name: `Delete “Office ${n}”` }).click();
    await page.getByTestId('confirm-button').click();
    await expect(
      page.getByText(
        `These business hours are still used by SLA policies: “Office policy ${n}”. Give them other hours (or none) first.`,
      ),
    ).toBeVisible();
    await expect(page.getByText(`Office ${n} · Europe/Madrid`)).toBeVisible();
  });

  await test.step('rename the hours', async () => {
    await page.getByRole('button', { name: `Edit “Office ${n}”` }).click();
    await page.getByLabel('Name').fill(`Office HQ ${n}`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText(`Office HQ ${n} · Europe/Madrid`)).toBeVisible();
  });

  await test.step('delete the policy, then the hours it used, then the assignment rule', async () => {
    await page.getByRole('button', { name: `Delete “Office policy ${n}”` }).click();
    await expect(page.getByTestId('confirm-body')).toContainText('Its open tickets get the policy that applies');
    await page.getByTestId('confirm-button').click();
    await expect(page.getByText(`office-${n}`)).toHaveCount(0);
    await page.getByRole('button', { name: `Delete “Office HQ ${n}”` }).click();
    await page.getByTestId('confirm-button').click();
    await expect(page.getByText(`Office HQ ${n} · Europe/Madrid`)).toHaveCount(0);
    await page.getByRole('button', { name: `Delete “Desk ${n}”` }).click();
    await page.getByTestId('confirm-button').click();
    await expect(page.getByRole('button', { name: `Edit “Desk ${n}”` })).toHaveCount(0);
    expect((await server.call('businessHours.list', {})).items.map((h) => h.id)).not.toContain(hours.id);
    expect((await server.call('ticketRules.list', {})).items.map((r) => r.name)).not.toContain(`Desk ${n}`);
  });

  await test.step('the deleted policy and hours wait in the trash; the policy comes back from there', async () => {
    await page.goto(`${server.origin}/trash#token=${server.token}`);
    await page.getByTestId('trash-filter').click();
    await page.getByRole('option', { name: 'SLA policies', exact: true }).click();
    const policyRow = page.getByTestId('trash-row').filter({ hasText: `Office policy ${n}` });
    await expect(policyRow).toContainText('SLA policy');
    await page.getByTestId('trash-filter').click();
    await page.getByRole('option', { name: 'Business hours', exact: true }).click();
    await expect(page.getByTestId('trash-row').filter({ hasText: `Office HQ ${n}` })).toBeVisible();
    await page.getByTestId('trash-filter').click();
    await page.getByRole('option', { name: 'SLA policies', exact: true }).click();
    await policyRow.getByTestId('restore-button').click();
    await expect(policyRow).toHaveCount(0);
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    await page.getByRole('link', { name: 'Service settings' }).click();
    await expect(page.getByText(`office-${n}`)).toBeVisible();
  });

  await test.step('rename a knowledge-base category, then delete it: its article stays, uncategorised', async () => {
    await page.getByRole('link', { name: 'Knowledge base', exact: true }).click();
    await page.getByTestId('kb-manage-categories').click();
    await page.getByRole('button', { name: `Rename “Guides ${n}”` }).click();
    await page.getByLabel('Name in English').fill(`Handbooks ${n}`);
    await page.getByTestId('kb-category-save').click();
    const row = page.getByTestId('kb-category-row').filter({ hasText: `Handbooks ${n}` });
    await expect(row).toHaveText(new RegExp(`Handbooks ${n} · Guías ${n}`));
    await page.getByRole('button', { name: `Delete “Handbooks ${n}”` }).click();
    await expect(page.getByTestId('confirm-body')).toContainText('Its articles stay, without a category.');
    await page.getByTestId('confirm-button').click();
    await expect(row).toHaveCount(0);
    expect((await server.call('knowledgeBase.get', { id: article.id })).categoryId).toBeNull();
    // It went to the trash: Undo in the toast brings it back (its article stays uncategorised).
    await page.getByTestId('delete-toast').getByRole('button', { name: 'Undo' }).click();
    await expect(row).toHaveCount(1);
    expect((await server.call('knowledgeBase.get', { id: article.id })).categoryId).toBeNull();
    await page.keyboard.press('Escape');
  });

  await test.step('the ticket figures cover the period chosen', async () => {
    await page.getByRole('link', { name: 'Tickets', exact: true }).click();
    const volume = page.getByTestId('tickets-report-volume');
    await expect(volume).not.toHaveText('0');
    await page.getByTestId('tickets-report-period').click();
    await page.getByRole('option', { name: 'Custom dates' }).click();
    await page.getByTestId('tickets-report-from').fill('2020-01-01');
    await page.getByTestId('tickets-report-to').fill('2020-12-31');
    await expect(volume).toHaveText('0');
    await page.getByTestId('tickets-report-period').click();
    await page.getByRole('option', { name: 'Last 7 days' }).click();
    const week = await server.call('tickets.report', { from: Date.now() - 7 * 86_400_000 });
    await expect(volume).toHaveText(String(week.volume));
  });
});
