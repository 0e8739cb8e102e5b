// Campaigns in a real browser against `crm serve` with a real SMTP server on loopback: an email
// campaign to a saved view of contacts (one opted out) mails everyone else once, and the ROI
// appears once a won deal is attributed; a segment of 50 contacts built with the filter builder
// (3 opted out) gets exactly 47 emails, paused and resumed from the page without a duplicate; started
// with no audience it is refused. (Pause/resume at the rate limit is proven in
// test/main/marketing/campaigns.test.ts.)
import { startMailer } from './fixtures/mailer';
import { expect, test, openInEnglish, unique } from './fixtures/server';

test('an email campaign to a saved view mails everyone but the opted-out, and shows its ROI', async ({
  page,
  server,
}) => {
  const n = unique();
  const smtp = await startMailer(server, { name: `Ana ${n}`, email: `ana.${n}@acme.test`, from: 'news@acme.test' });
  try {
    const source = `Expo ${n}`;
    for (let i = 0; i < 6; i++) {
      const c = await server.call('contacts.create', {
        firstName: `Guest${i}`,
        lastName: `Expo${n}`,
        emails: [{ value: `guest${i}.${n}@example.com` }],
        leadSource: source,
      });
      if (i === 5) await server.call('contacts.update', { id: c.id, emailOptOut: true });
    }
    await server.call('views.create', {
      entity: 'contacts',
      name: `Expo visitors ${n}`,
      shared: true,
      config: { filter: { op: 'and', conditions: [{ field: 'leadSource', operator: 'eq', value: source }] } },
    });
    await server.call('templates.create', {
      name: `Thanks ${n}`,
      subject: 'Thanks for visiting, {{contact.first_name}}',
      body: '<p>Nice to meet you at the expo.</p>',
    });
    const mine = () => smtp.received.filter((m) => m.to.some((to) => to.endsWith(`.${n}@example.com`)));

    await openInEnglish(page, server);
    await test.step('plan the campaign with its template and cost', async () => {
      await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
      await page.getByTestId('campaign-new').click();
      await page.getByTestId('campaign-name').fill(`Expo follow-up ${n}`);
      await page.getByTestId('campaign-template').click();
      await page.getByRole('option', { name: `Thanks ${n} (EN)` }).click();
      await page.getByTestId('campaign-cost').fill('100');
      await page.getByTestId('campaign-save').click();
      await expect(page.getByTestId('page-title')).toHaveText(`Expo follow-up ${n}`);
      await expect(page.getByTestId('stat-roi')).toHaveText('-100%');
    });

    await test.step('take the audience from the saved view: six members, one opted out', async () => {
      await page.getByTestId('audience-view').click();
      await page.getByRole('option', { name: `Expo visitors ${n}` }).click();
      await page.getByTestId('audience-take').click();
      await expect(page.getByTestId('stat-members')).toHaveText('6');
      await expect(page.getByTestId('stat-opted_out')).toHaveText('1');
    });

    await test.step('start sending: five mails go out, once each', async () => {
      await page.getByTestId('campaign-start').click();
      await expect(page.getByTestId('stat-sent')).toHaveText('5', { timeout: 30_000 });
      await expect(page.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 15_000 });
      expect(mine()).toHaveLength(5);
      expect(new Set(mine().flatMap((m) => m.to)).size).toBe(5);
      expect(mine().flatMap((m) => m.to)).not.toContain(`guest5.${n}@example.com`);
    });

    await test.step('attribute a won deal: the ROI appears', async () => {
      const deal = await server.call('deals.create', { title: `Expo order ${n}`, amount: 50_000 });
      await server.call('deals.win', { id: deal.id });
      await page.getByTestId('attribute-deal').fill(`Expo order ${n}`);
      await page.getByRole('option', { name: `Expo order ${n}` }).click();
      await page.getByTestId('attribute-save').click();
      await expect(page.getByTestId('campaign-deals')).toContainText('Won');
      await expect(page.getByTestId('stat-roi')).toHaveText('400%');
    });

    await test.step('the campaigns list reports its cost, won revenue and ROI', async () => {
      await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
      const row = page.getByTestId('campaign-row').filter({ hasText: `Expo follow-up ${n}` });
      await expect(row.getByTestId('campaign-row-cost')).toHaveText('$100.00');
      await expect(row.getByTestId('campaign-row-won')).toHaveText('$500.00');
      await expect(row.getByTestId('campaign-row-roi')).toHaveText('400%');
      await row.click();
      await expect(page.getByTestId('page-title')).toHaveText(`Expo follow-up ${n}`);
    });

    await test.step('record a response from a member found by search: it is listed', async () => {
      await page.getByTestId('campaign-record-response').click();
      await page.getByTestId('response-contact').fill(`Guest3`);
      await page.getByRole('option', { name: `Guest3 Expo${n}` }).click();
      await page.getByTestId('response-save').click();
      const responses = page.getByTestId('campaign-responses');
      await expect(responses).toContainText(`Guest3 Expo${n}`);
      await expect(responses).toContainText('Replied');
      await expect(page.getByTestId('stat-responded')).toHaveText('1');
    });

    await test.step('an event is started and completed by hand, mailing nobody', async () => {
      const before = mine().length;
      const event = await server.call('campaigns.create', { name: `Expo booth ${n}`, type: 'event' });
      await page.goto(`${server.origin}/campaigns/${event.id}#token=${server.token}`);
      await expect(page.getByTestId('campaign-status')).toHaveText('Planned');
      await page.getByTestId('campaign-start').click();
      await expect(page.getByTestId('campaign-status')).toHaveText('Active');
      await page.getByTestId('campaign-complete').click();
      await expect(page.getByTestId('campaign-status')).toHaveText('Completed');
      await expect(page.getByTestId('campaign-start')).toHaveCount(0);
      expect(mine()).toHaveLength(before);
    });
  } finally {
    await smtp.stop();
  }
});

test('a segment built in the contacts list (50 people, 3 opted out) gets exactly 47 campaign emails', async ({
  page,
  server,
}) => {
  const n = unique();
  const smtp = await startMailer(server, { name: `Eva ${n}`, email: `eva.${n}@acme.test`, from: 'news@acme.test' });
  try {
    // The book: fifty fair visitors (three of them opted out of email) and people outside the segment.
    const family = `Feria${n}`;
    for (let i = 0; i < 50; i++) {
      const c = await server.call('contacts.create', {
        firstName: `Visitor${i}`,
        lastName: family,
        emails: [{ value: `visitor${i}.${n}@example.com` }],
      });
      if (i % 17 === 5) await server.call('contacts.update', { id: c.id, emailOptOut: true });
    }
    await server.call('contacts.create', {
      firstName: 'Outsider',
      lastName: `Other${n}`,
      emails: [{ value: `outsider.${n}@example.com` }],
    });
    await server.call('templates.create', {
      name: `Fair ${n}`,
      subject: 'See you at the fair, {{contact.first_name}}',
      body: '<p>Thanks for stopping by.</p>',
    });
    const mine = () => smtp.received.filter((m) => m.to.some((to) => to.endsWith(`.${n}@example.com`)));

    await openInEnglish(page, server);
    await test.step('build the segment in the contacts list and save it as a shared view', async () => {
      await page.getByRole('link', { name: 'Contacts', exact: true }).click();
      await expect(page.getByTestId('contacts-table')).toBeVisible();
      await page.getByRole('button', { name: /^Filter/ }).click();
      const builder = page.getByTestId('filter-builder');
      await builder.getByRole('button', { name: 'Add condition' }).click();
      await builder.getByTestId('filter-field').click();
      await builder.getByRole('option', { name: 'Last name', exact: true }).click();
      await builder.getByTestId('filter-operator').click();
      await builder.getByRole('option', { name: 'is', exact: true }).click();
      await builder.getByRole('textbox', { name: 'Value' }).fill(family);
      await builder.getByRole('button', { name: 'Apply' }).click();
      await expect(builder).toBeHidden();
      await expect(page.getByTestId('contacts-total')).toHaveText('50 contacts');
      await page.getByRole('button', { name: 'Save view' }).click();
      await page.getByRole('textbox', { name: 'View name' }).fill(`Fair visitors ${n}`);
      await page.getByText('Everyone', { exact: true }).click();
      await page.getByTestId('view-save-submit').click();
      await expect(page.getByRole('tab', { name: `Fair visitors ${n}` })).toHaveAttribute('aria-selected', 'true');
    });

    await test.step('plan an email campaign and take the segment as its audience', async () => {
      await page.getByRole('link', { name: 'Campaigns', exact: true }).click();
      await page.getByTestId('campaign-new').click();
      await page.getByTestId('campaign-name').fill(`Fair follow-up ${n}`);
      await page.getByTestId('campaign-template').click();
      await page.getByRole('option', { name: `Fair ${n} (EN)` }).click();
      await page.getByTestId('campaign-save').click();
      await expect(page.getByTestId('page-title')).toHaveText(`Fair follow-up ${n}`);
      // Started before it has an audience: refused, and nothing is sent.
      await page.getByTestId('campaign-start').click();
      await expect(
        page.getByText('The audience is empty: choose a view or segment with at least one contact to mail.'),
      ).toBeVisible();
      await expect(page.getByTestId('campaign-status')).toHaveText('Planned');
      expect(mine()).toHaveLength(0);
      await page.getByTestId('audience-view').click();
      await page.getByRole('option', { name: `Fair visitors ${n}` }).click();
      await page.getByTestId('audience-take').click();
      await expect(page.getByTestId('stat-members')).toHaveText('50');
      await expect(page.getByTestId('stat-opted_out')).toHaveText('3');
    });

    await test.step('start it and pause at once: what waited in the outbox is taken back', async () => {
      await page.getByTestId('campaign-start').click();
      await page.getByTestId('campaign-pause').click();
      await expect(page.getByTestId('campaign-status')).toHaveText('Paused');
      await expect(page.getByTestId('stat-queued')).toHaveText('0');
      const waiting = await server.call('email.outbox', { status: 'queued', limit: 200 });
      expect(waiting.items.filter((m) => m.to.some((to) => to.endsWith(`.${n}@example.com`)))).toEqual([]);
      // Even a flush of the whole outbox sends nothing more of a paused campaign.
      await server.call('email.flush', {});
      const to = mine().flatMap((m) => m.to);
      expect(new Set(to).size).toBe(to.length);
    });

    await test.step('resume: 47 emails in all, one per member, none to the opted-out or outsiders', async () => {
      await expect(page.getByTestId('campaign-start')).toHaveText('Resume');
      await page.getByTestId('campaign-start').click();
      await expect(page.getByTestId('stat-sent')).toHaveText('47', { timeout: 45_000 });
      await expect(page.getByTestId('campaign-status')).toHaveText('Completed', { timeout: 15_000 });
      const to = mine().flatMap((m) => m.to);
      expect(to).toHaveLength(47);
      expect(new Set(to).size).toBe(47);
      for (const i of [5, 22, 39]) expect(to).not.toContain(`visitor${i}.${n}@example.com`);
      expect(to).not.toContain(`outsider.${n}@example.com`);
    });
  } finally {
    await smtp.stop();
  }
});
