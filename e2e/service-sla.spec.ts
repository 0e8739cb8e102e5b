// The SLA clock end to end: a `crm serve` of its own started with --clock-offset-file (the book's
// clock is the wall clock plus the milliseconds in that file), a real SMTP server on loopback. A
// ticket logged in the browser gets its automatic reply once and is within target; moving the
// clock 45 minutes puts it in "breaching soon", 61 minutes past its one-hour first-response
// target flags it as breached on its page and in the "Breached" queue, in English and Spanish.
// The wall clock barely moves meanwhile, so the spec fails if the server ignored the file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startMailer } from './fixtures/mailer';
import { expect, launchServer, test, type CrmServer } from './fixtures/server';

const MINUTE = 60_000;

async function openIn(page: Page, server: CrmServer, lang: 'en' | 'es', path = '/'): Promise<void> {
  await page.goto(`${server.origin}${path}#token=${server.token}`);
  await expect(page.getByRole('navigation')).toBeVisible();
  if ((await page.locator('html').getAttribute('lang')) !== lang) {
    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: lang === 'en' ? 'English' : 'Español' }).click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

/** The label of a queue in the tickets page, with its count, as the person sees it. */
const queue = (page: Page, label: string) => page.getByTestId('ticket-queues').getByText(label, { exact: true });

test('a new ticket gets its automatic reply and is flagged as breaching when the clock passes its SLA', async ({
  page,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-e2e-clock-'));
  const offsetFile = join(dir, 'clock-offset');
  const { server, stop } = await launchServer({ clockOffsetFile: offsetFile });
  try {
    const smtp = await startMailer(server, { name: 'Ana Ruiz', email: 'ana@acme.test', from: 'help@acme.test' });
    try {
      await server.call('contacts.create', {
        firstName: 'Irene',
        lastName: 'Soto',
        emails: [{ value: 'irene@example.com' }],
      });
      await server.call('slaPolicies.save', {
        name: 'Fast lane',
        isDefault: true,
        targets: { normal: { firstResponseMinutes: 60, resolutionMinutes: 480 } },
      });
      await server.call('tickets.saveSettings', { soonMinutes: 30 });
      const mailsToIrene = () => smtp.received.filter((m) => m.to.includes('irene@example.com'));
      /** Moves the server's clock this far ahead of the wall clock, and waits until its queues answer by it. */
      const moveClock = async (minutes: number, expected: { breaching_soon: number; breached: number }) => {
        writeFileSync(offsetFile, String(minutes * MINUTE));
        await expect
          .poll(async () => {
            const counts = await server.call('tickets.queueCounts', {});
            return { breaching_soon: counts.breaching_soon, breached: counts.breached };
          })
          .toEqual(expected);
      };

      await openIn(page, server, 'en');
      let ticketId = '';
      await test.step('log a ticket in the browser: the automatic reply goes out once, within target', async () => {
        await page.getByRole('link', { name: 'Tickets', exact: true }).click();
        await page.getByTestId('ticket-new').click();
        await page.getByTestId('ticket-subject').fill('Printer on fire');
        await page.getByTestId('ticket-contact').fill('Soto');
        await page.getByRole('option', { name: 'Irene Soto' }).click();
        await page.getByTestId('ticket-create').click();
        await expect(page.getByTestId('page-title')).toHaveText('Printer on fire');
        ticketId = /\/tickets\/([^/?#]+)/.exec(page.url())![1]!;
        const auto = page.getByTestId('ticket-message').filter({ hasText: 'Automatic reply' });
        await expect(auto.getByTestId('message-delivery')).toHaveText('Sent', { timeout: 20_000 });
        expect(mailsToIrene()).toHaveLength(1);
        expect(mailsToIrene()[0]!.raw).toContain('We received your request: Printer on fire');
        const firstResponse = page.getByTestId('ticket-sla-card').getByTestId('sla-state').first();
        await expect(firstResponse).toHaveAttribute('data-sla', 'pending');
        await page.getByRole('link', { name: 'Tickets', exact: true }).click();
        await expect(queue(page, 'Breaching soon (0)')).toBeVisible();
        await expect(queue(page, 'Breached (0)')).toBeVisible();
      });

      await test.step('45 minutes later by the clock file: the ticket is breaching soon, not yet breached', async () => {
        await moveClock(45, { breaching_soon: 1, breached: 0 });
        await page.reload();
        await expect(queue(page, 'Breaching soon (1)')).toBeVisible();
        await expect(queue(page, 'Breached (0)')).toBeVisible();
        await queue(page, 'Breaching soon (1)').click();
        const row = page.getByTestId('ticket-row').filter({ hasText: 'Printer on fire' });
        await expect(row.getByTestId('ticket-sla')).toHaveAttribute('data-sla', 'pending');
      });

      await test.step('61 minutes later: the ticket is flagged as breached on its page and in the Breached queue', async () => {
        await moveClock(61, { breaching_soon: 0, breached: 1 });
        await page.reload();
        await expect(queue(page, 'Breaching soon (0)')).toBeVisible();
        await queue(page, 'Breached (1)').click();
        const row = page.getByTestId('ticket-row').filter({ hasText: 'Printer on fire' });
        await expect(row.getByTestId('ticket-sla')).toHaveAttribute('data-sla', 'breached');
        await expect(row.getByTestId('ticket-sla')).toHaveText('Breached');
        await row.click();
        await expect(page.getByTestId('page-title')).toHaveText('Printer on fire');
        const firstResponse = page.getByTestId('ticket-sla-card').getByTestId('sla-state').first();
        await expect(firstResponse).toHaveAttribute('data-sla', 'breached');
        await expect(firstResponse).toHaveText('Breached');
        // Moving the clock sends nothing again: the automatic reply went out once.
        expect(mailsToIrene()).toHaveLength(1);
      });

      await test.step('the same in Spanish', async () => {
        await openIn(page, server, 'es', `/tickets/${ticketId}`);
        const firstResponse = page.getByTestId('ticket-sla-card').getByTestId('sla-state').first();
        await expect(firstResponse).toHaveText('Incumplido');
        await page.getByRole('link', { name: 'Tickets', exact: true }).click();
        await expect(queue(page, 'Incumplidos (1)')).toBeVisible();
        await expect(queue(page, 'A punto de incumplir (0)')).toBeVisible();
      });
    } finally {
      await smtp.stop();
    }
  } finally {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
