// Activities in a real browser against `crm serve` (see fixtures/server.ts): schedule a meeting by
// dragging in the calendar, complete a task, send a templated email while the SMTP server is down
// and see it delivered and logged once when it comes up, and import the shared .ics samples.
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TestSmtp } from '../test/main/activities/smtp-test-server';
import { expect, root, test, openInEnglish, unique } from './fixtures/server';

const ICS_DIR = join(root, '..', 'shared', 'datasets', 'interop', 'ics');

async function openTab(page: Page, tab: 'tasks' | 'calendar' | 'email' | 'templates' | 'automations') {
  await page.getByRole('link', { name: 'Activities', exact: true }).click();
  await page.getByTestId(`tab-${tab}`).click();
  await expect(page).toHaveURL(new RegExp(`/activities/${tab}$`));
}

test('schedule a meeting by dragging in the calendar, then move it by dragging', async ({ page, server }) => {
  const subject = `Kick-off ${unique()}`;
  await openInEnglish(page, server);
  await openTab(page, 'calendar');
  const calendar = page.getByTestId('calendar');
  await expect(calendar.locator('.fc-timegrid')).toBeVisible();

  await test.step('drag over two slots on Wednesday to create a meeting', async () => {
    const column = calendar.locator('.fc-timegrid-col.fc-day-wed');
    const slot10 = calendar.locator('.fc-timegrid-slot-lane[data-time="10:00:00"]');
    const slot11 = calendar.locator('.fc-timegrid-slot-lane[data-time="11:00:00"]');
    const colBox = (await column.boundingBox())!;
    const from = (await slot10.boundingBox())!;
    const to = (await slot11.boundingBox())!;
    const x = colBox.x + colBox.width / 2;
    await page.mouse.move(x, from.y + 3);
    await page.mouse.down();
    await page.mouse.move(x, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(x, to.y - 3, { steps: 5 });
    await page.mouse.up();
    const form = page.getByTestId('activity-form');
    await expect(form).toBeVisible();
    await expect(page.getByTestId('activity-start')).toHaveValue(/T10:00$/);
    await expect(page.getByTestId('activity-end')).toHaveValue(/T11:00$/);
    await page.getByTestId('activity-subject').fill(subject);
    await page.getByTestId('activity-save').click();
    await expect(form).toBeHidden();
    await expect(calendar.locator('.fc-event', { hasText: subject })).toBeVisible();
  });

  await test.step('drag the meeting one day later; it is stored in UTC and shown in local time', async () => {
    const { items } = await server.call('activities.list', { types: ['meeting'], limit: 50 });
    const before = items.find((a) => a.subject === subject)!;
    const event = calendar.locator('.fc-event', { hasText: subject });
    // Let the refetch that follows the save settle, so the drag starts on the element that stays.
    await page.waitForTimeout(800);
    await event.hover();
    const box = (await event.boundingBox())!;
    const thu = (await calendar.locator('.fc-timegrid-col.fc-day-thu').boundingBox())!;
    const wed = (await calendar.locator('.fc-timegrid-col.fc-day-wed').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + (thu.x - wed.x) / 2, box.y + 6, { steps: 8 });
    await page.mouse.move(box.x + box.width / 2 + (thu.x - wed.x), box.y + 6, { steps: 8 });
    await page.mouse.up();
    await expect
      .poll(async () => (await server.call('activities.get', { id: before.id })).startAt)
      .toBe(before.startAt! + 86_400_000);
    const after = await server.call('activities.get', { id: before.id });
    expect(after.endAt! - after.startAt!).toBe(3_600_000);
  });
});

test('the week grid holds the whole day: an 06:15 call shows in the 06:00 row, and the grid opens on it', async ({
  page,
  server,
}) => {
  const subject = `Early call ${unique()}`;
  await openInEnglish(page, server);
  // Wednesday of the week on screen, 06:15 in the browser's local time.
  const start = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - d.getDay() + 3);
    d.setHours(6, 15, 0, 0);
    return d.getTime();
  });
  await server.call('activities.create', {
    type: 'meeting',
    subject,
    startAt: start,
    endAt: start + 30 * 60_000,
    details: { kind: 'meeting' },
  });
  await openTab(page, 'calendar');
  const calendar = page.getByTestId('calendar');
  const event = calendar.locator('.fc-timegrid-col.fc-day-wed .fc-event', { hasText: subject });
  await expect(event).toBeVisible();
  await expect(calendar.locator('.fc-timegrid-slot-lane[data-time="00:00:00"]')).toHaveCount(1);
  await expect(calendar.locator('.fc-timegrid-slot-lane[data-time="23:30:00"]')).toHaveCount(1);
  const lane = (time: string) => calendar.locator(`.fc-timegrid-slot-lane[data-time="${time}"]`);
  const scroller = calendar
    .locator('.fc-timegrid-body')
    .locator('xpath=ancestor::div[contains(@class,"fc-scroller")][1]');
  // The grid opened scrolled to the early call's hour: the 06:00 row is at the top of the box, in view.
  await expect
    .poll(async () => Math.abs((await lane('06:00:00').boundingBox())!.y - (await scroller.boundingBox())!.y))
    .toBeLessThan(3);
  // The call's box starts inside the 06:00 row, above the 07:00 one (not squeezed into 07:00).
  const six = (await lane('06:00:00').boundingBox())!;
  const seven = (await lane('07:00:00').boundingBox())!;
  const box = (await event.boundingBox())!;
  expect(box.y).toBeGreaterThan(six.y);
  expect(box.y).toBeLessThan(seven.y);
  await page.screenshot({ path: 'test-results/calendar-early-call.png', fullPage: false });
  // The month grid takes the height it needs (no scrolling box); the day grid scrolls like the week's.
  await calendar.getByRole('button', { name: 'Month', exact: true }).click();
  await expect(calendar.locator('.fc-daygrid-body')).toBeVisible();
  await expect(
    calendar.locator('.fc-daygrid-body').locator('xpath=ancestor::div[contains(@class,"fc-scroller-liquid-absolute")]'),
  ).toHaveCount(0);
  await page.screenshot({ path: 'test-results/calendar-month.png', fullPage: true });
  await calendar.getByRole('button', { name: 'Day', exact: true }).click();
  await expect(lane('00:00:00')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/calendar-day.png', fullPage: false });
});

test('dragging one occurrence of a weekly meeting asks, and moves only that one', async ({ page, server }) => {
  const subject = `Weekly sync ${unique()}`;
  await openInEnglish(page, server);
  // Tuesday 10:00 (the browser's local time) two weeks before the week on screen, every week since.
  const start = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - d.getDay() + 2 - 14);
    d.setHours(10, 0, 0, 0);
    return d.getTime();
  });
  const series = await server.call('activities.create', {
    type: 'meeting',
    subject,
    startAt: start,
    endAt: start + 3_600_000,
    details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY' },
  });
  await openTab(page, 'calendar');
  const calendar = page.getByTestId('calendar');
  const event = calendar.locator('.fc-timegrid-col.fc-day-tue .fc-event', { hasText: subject });
  await expect(event).toBeVisible();
  await page.waitForTimeout(500);
  await event.hover();
  const box = (await event.boundingBox())!;
  const tue = (await calendar.locator('.fc-timegrid-col.fc-day-tue').boundingBox())!;
  const wed = (await calendar.locator('.fc-timegrid-col.fc-day-wed').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + (wed.x - tue.x) / 2, box.y + 6, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + (wed.x - tue.x), box.y + 6, { steps: 8 });
  await page.mouse.up();

  const dialog = page.getByRole('dialog', { name: 'Move a repeating meeting' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('move-one').click();
  await expect(dialog).toBeHidden();

  const week = 7 * 86_400_000;
  await expect
    .poll(async () => {
      const { events } = await server.call('calendar.range', { from: start, to: start + 4 * week });
      return events.filter((e) => e.title === subject).map((e) => [e.start - start, e.recurring]);
    })
    .toEqual([
      [0, true],
      [week, true],
      [2 * week + 86_400_000, false], // this week's, alone, on Wednesday
      [3 * week, true],
    ]);
  // The series itself did not move, and the calendar shows the moved one on Wednesday.
  expect((await server.call('activities.get', { id: series.id })).startAt).toBe(start);
  await expect(calendar.locator('.fc-timegrid-col.fc-day-wed .fc-event', { hasText: subject })).toBeVisible();
  await expect(calendar.locator('.fc-timegrid-col.fc-day-tue .fc-event', { hasText: subject })).toHaveCount(0);
});

test('dragging a whole Tuesday series (BYDAY=TU) to Wednesday makes it repeat on Wednesdays', async ({
  page,
  server,
}) => {
  const subject = `Imported weekly ${unique()}`;
  await openInEnglish(page, server);
  const start = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - d.getDay() + 2 - 14);
    d.setHours(11, 0, 0, 0);
    return d.getTime();
  });
  // As Google or Outlook write a weekly meeting: with its weekday named.
  const series = await server.call('activities.create', {
    type: 'meeting',
    subject,
    startAt: start,
    endAt: start + 3_600_000,
    details: { kind: 'meeting', recurrence: 'FREQ=WEEKLY;BYDAY=TU' },
  });
  await openTab(page, 'calendar');
  const calendar = page.getByTestId('calendar');
  const event = calendar.locator('.fc-timegrid-col.fc-day-tue .fc-event', { hasText: subject });
  await expect(event).toBeVisible();
  await page.waitForTimeout(500);
  await event.hover();
  const box = (await event.boundingBox())!;
  const tue = (await calendar.locator('.fc-timegrid-col.fc-day-tue').boundingBox())!;
  const wed = (await calendar.locator('.fc-timegrid-col.fc-day-wed').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + (wed.x - tue.x) / 2, box.y + 6, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + (wed.x - tue.x), box.y + 6, { steps: 8 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'Move a repeating meeting' });
  await dialog.getByTestId('move-series').click();
  await expect
    .poll(async () => (await server.call('activities.get', { id: series.id })).details.recurrence)
    .toBe('FREQ=WEEKLY;BYDAY=WE');
  await expect(calendar.locator('.fc-timegrid-col.fc-day-wed .fc-event', { hasText: subject })).toBeVisible();
  await expect(calendar.locator('.fc-timegrid-col.fc-day-tue .fc-event', { hasText: subject })).toHaveCount(0);
});

test('dragging one occurrence of a weekly task asks, and moves only that one', async ({ page, server }) => {
  const subject = `Weekly report ${unique()}`;
  await openInEnglish(page, server);
  // Due Tuesday 10:00 (the browser's local time) two weeks before the week on screen, every week since.
  const due = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() - d.getDay() + 2 - 14);
    d.setHours(10, 0, 0, 0);
    return d.getTime();
  });
  const series = await server.call('activities.create', {
    type: 'task',
    subject,
    dueAt: due,
    details: { kind: 'task', recurrence: 'FREQ=WEEKLY' },
  });
  await openTab(page, 'calendar');
  const calendar = page.getByTestId('calendar');
  const event = calendar.locator('.fc-timegrid-col.fc-day-tue .fc-event', { hasText: subject });
  await expect(event).toBeVisible();
  await page.waitForTimeout(500);
  await event.hover();
  const box = (await event.boundingBox())!;
  const tue = (await calendar.locator('.fc-timegrid-col.fc-day-tue').boundingBox())!;
  const wed = (await calendar.locator('.fc-timegrid-col.fc-day-wed').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + (wed.x - tue.x) / 2, box.y + 6, { steps: 8 });
  await page.mouse.move(box.x + box.width / 2 + (wed.x - tue.x), box.y + 6, { steps: 8 });
  await page.mouse.up();

  const dialog = page.getByRole('dialog', { name: 'Move a repeating task' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('move-one').click();
  await expect(dialog).toBeHidden();

  const week = 7 * 86_400_000;
  await expect
    .poll(async () => {
      const { events } = await server.call('calendar.range', { from: due, to: due + 4 * week });
      return events.filter((e) => e.title === subject).map((e) => [e.start - due, e.recurring]);
    })
    .toEqual([
      [0, true],
      [week, true],
      [2 * week + 86_400_000, false], // this week's, alone, due on Wednesday
      [3 * week, true],
    ]);
  expect((await server.call('activities.get', { id: series.id })).dueAt).toBe(due);
  await expect(calendar.locator('.fc-timegrid-col.fc-day-wed .fc-event', { hasText: subject })).toBeVisible();
});

test('an activity without a title shows "(no title)" in the search box and the command palette', async ({
  page,
  server,
}) => {
  const word = `zanahoria${unique()}`.replace(/[^a-z0-9]/gi, '');
  // An .ics event without SUMMARY is stored without a subject; its description makes it findable.
  const text = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:e2e',
    'BEGIN:VEVENT',
    `UID:${word}@e2e`,
    'DTSTART:20260302T090000Z',
    `DESCRIPTION:${word}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  expect(await server.call('calendar.importIcs', { text })).toMatchObject({ imported: 1 });
  await openInEnglish(page, server);
  const search = page.getByRole('textbox', { name: 'Search everything' });
  await search.fill(word);
  await expect(page.getByTestId('search-result').filter({ hasText: '(no title)' })).toHaveAttribute(
    'data-hit-type',
    'activity',
  );
  await search.fill('');
  await page.keyboard.press('Control+K');
  await page.getByTestId('palette-input').fill(word);
  await expect(page.getByTestId('palette-hit').filter({ hasText: '(no title)' })).toHaveAttribute(
    'data-hit-type',
    'activity',
  );
});

test('complete a task from the inbox in one click', async ({ page, server }) => {
  const subject = `Send the quote ${unique()}`;
  const me = await server.call('members.create', { name: `Tester ${unique()}` });
  await server.call('members.setCurrent', { id: me.id });
  await server.call('activities.create', { type: 'task', subject, dueAt: Date.now() - 3_600_000, ownerId: me.id });
  await openInEnglish(page, server);
  await openTab(page, 'tasks');
  const row = page.getByTestId('task-row').filter({ hasText: subject });
  await expect(row).toBeVisible();
  await row.getByRole('checkbox', { name: `Mark “${subject}” done` }).click();
  await expect(row).toBeHidden();
  await page.getByTestId('task-buckets').getByText(/^Done/).click();
  await expect(page.getByTestId('task-row').filter({ hasText: subject })).toBeVisible();
});

test('a templated email waits while the SMTP server is down and is delivered and logged once', async ({
  page,
  server,
}) => {
  const n = unique();
  const port = await TestSmtp.freePort();
  const smtp = new TestSmtp(port);
  const contact = await server.call('contacts.create', {
    firstName: `Lola${n}`,
    lastName: 'Flores',
    emails: [{ value: `lola.${n}@example.com` }],
  });
  await openInEnglish(page, server);

  try {
    await test.step('set up the SMTP account with a passphrase (web mode)', async () => {
      await openTab(page, 'email');
      await page.getByTestId('smtp-host').fill('127.0.0.1');
      await page.getByTestId('smtp-port').fill(String(port));
      await page.getByTestId('smtp-security').click();
      await page.getByRole('option', { name: 'None (local servers only)' }).click();
      await page.getByTestId('smtp-user').fill('ana');
      await page.getByTestId('smtp-password').fill('s3cret');
      await page.getByTestId('smtp-passphrase').fill('correct horse');
      await page.getByTestId('smtp-from').fill('ana@acme.test');
      await page.getByTestId('smtp-save').click();
      await expect(page.getByText('SMTP account saved')).toBeVisible();
    });

    await test.step('write a template with merge fields', async () => {
      await page.getByTestId('tab-templates').click();
      await page.getByTestId('template-new').click();
      await page.getByTestId('template-name').fill(`Follow-up ${n}`);
      await page.getByTestId('template-subject').fill('Hello {{contact.first_name}}');
      await page.getByTestId('template-body').fill('Dear {{contact.full_name}}, thanks for your time.');
      await page.getByTestId('template-save').click();
      await expect(page.getByText('Template saved')).toBeVisible();
    });

    await test.step('an unknown field is refused before anything is sent', async () => {
      await page.goto(`${server.origin}/contacts/${contact.id}`);
      await page.getByTestId('comms-email').click();
      await page.getByTestId('compose-subject').fill('Hi {{contact.nickname}}');
      await page.getByTestId('compose-body').fill('x');
      await expect(page.getByTestId('compose-error')).toContainText('Unknown merge field {{contact.nickname}}');
      await page.getByTestId('compose-send').click();
      await expect(page.getByTestId('compose-error')).toContainText('{{contact.nickname}}');
      expect((await server.call('email.outbox', {})).items).toHaveLength(0);
      await page.keyboard.press('Escape');
    });

    await test.step('compose from the contact with the template while the server is down', async () => {
      await page.getByTestId('comms-email').click();
      await page.getByTestId('compose-template').click();
      await page.getByRole('option', { name: `Follow-up ${n} (en)` }).click();
      await expect(page.getByTestId('compose-preview')).toContainText(`Hello Lola${n}`);
      await page.getByTestId('compose-send').click();
      await expect(page.getByTestId('compose-email')).toBeHidden();
      await openTab(page, 'email');
      const row = page.getByTestId('outbox-row').filter({ hasText: `Hello Lola${n}` });
      await expect(row).toHaveAttribute('data-status', 'queued');
      await page.getByTestId('outbox-send-now').click();
      await expect(row).toHaveAttribute('data-status', 'queued');
      expect(smtp.received).toHaveLength(0);
    });

    await test.step('bring the server up: delivered once, logged once', async () => {
      await smtp.start();
      await page.getByTestId('outbox-send-now').click();
      const row = page.getByTestId('outbox-row').filter({ hasText: `Hello Lola${n}` });
      await expect(row).toHaveAttribute('data-status', 'sent');
      await page.getByTestId('outbox-send-now').click();
      await page.waitForTimeout(500);
      expect(smtp.received.filter((m) => m.to.includes(`lola.${n}@example.com`))).toHaveLength(1);
      const logged = await server.call('activities.list', { entityId: contact.id, types: ['email'] });
      expect(logged.items.map((a) => a.subject)).toEqual([`Hello Lola${n}`]);
      await page.goto(`${server.origin}/contacts/${contact.id}`);
      await expect(page.getByText(`Hello Lola${n}`).first()).toBeVisible();
    });
  } finally {
    await smtp.stop();
  }
});

test('import the shared .ics samples, and a broken file imports its good events', async ({ page, server }) => {
  await openInEnglish(page, server);
  await openTab(page, 'calendar');
  const samples = readdirSync(ICS_DIR)
    .filter((f) => f.endsWith('.ics'))
    .sort();
  expect(samples.length).toBeGreaterThanOrEqual(4);
  for (const file of samples) {
    await page.locator('input[type="file"]').setInputFiles(join(ICS_DIR, file));
    await expect(page.getByText(/events imported/).last()).toBeVisible();
  }
  // Three samples carry the same UID; the last one (a date-only start) wins. A toast from the
  // previous file can still be on screen, so wait for the book itself rather than for a toast.
  const meetings = async () => (await server.call('activities.list', { types: ['meeting'], limit: 200 })).items;
  await expect
    .poll(
      async () => (await meetings()).find((a) => a.details.uid === 'dn4vrfmfn5p05roahsopg57h48@example.com')?.allDay,
    )
    .toBe(true);
  const daily = (await meetings()).find((a) => a.subject === 'Every day recurring')!;
  expect(daily.details).toMatchObject({ recurrence: 'FREQ=DAILY' });

  const broken = [
    'BEGIN:VCALENDAR',
    'BEGIN:VEVENT',
    'UID:e2e-good',
    'DTSTART:20260302T090000Z',
    'SUMMARY:E2E good event',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:e2e-bad',
    'garbage line',
    'SUMMARY:E2E bad event',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: 'broken.ics', mimeType: 'text/calendar', buffer: Buffer.from(broken) });
  await expect(page.getByTestId('ics-issues')).toContainText('E2E bad event');
  await expect(page.getByTestId('ics-issues')).toContainText('1 event could not be imported');
  const after = await server.call('activities.list', { types: ['meeting'], limit: 200 });
  expect(after.items.some((a) => a.subject === 'E2E good event')).toBe(true);
  expect(after.items.some((a) => a.subject === 'E2E bad event')).toBe(false);
});

test('a rich note with bold text and a timed call, logged from a contact', async ({ page, server }) => {
  const n = unique();
  const contact = await server.call('contacts.create', { firstName: `Rita${n}`, lastName: 'Mora' });
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/contacts/${contact.id}`);

  await test.step('write a note with a bold word', async () => {
    await page.getByTestId('comms-note').click();
    const editor = page.getByTestId('rich-note').locator('[contenteditable="true"]');
    await editor.click();
    await editor.pressSequentially('Budget ');
    await page.keyboard.press('Control+B');
    await editor.pressSequentially(`approved ${n}`);
    await page.getByTestId('note-save').click();
    await expect(
      page.locator('[data-testid="timeline-note"] strong, .crm-rich-text strong', { hasText: `approved ${n}` }).first(),
    ).toBeVisible();
  });

  await test.step('time a call and log it', async () => {
    await page.getByTestId('comms-call').click();
    await page.getByTestId('call-start').click();
    await expect(page.getByTestId('call-timer')).toHaveText('0:01', { timeout: 5_000 });
    await page.getByTestId('call-stop').click();
    await page.getByTestId('call-save').click();
    await expect(page.getByTestId('call-logger')).toBeHidden();
    const calls = await server.call('activities.list', { entityId: contact.id, types: ['call'] });
    expect(calls.items).toHaveLength(1);
    expect((calls.items[0]!.details as { durationSeconds: number }).durationSeconds).toBeGreaterThanOrEqual(1);
  });
});

test('the SMTP account and the automations are in Settings, and editing a rule says so', async ({ page, server }) => {
  const name = `Overdue ${unique()}`;
  await server.call('automations.create', {
    name,
    trigger: { type: 'task_overdue' },
    action: { type: 'notify_assignee' },
  });
  await openInEnglish(page, server);
  await page.goto(`${server.origin}/settings`);
  await page.getByTestId('settings-tab-email').click();
  await expect(page).toHaveURL(/\/settings\/email$/);
  await expect(page.getByTestId('smtp-host')).toBeVisible();
  await page.getByTestId('settings-tab-automations').click();
  await expect(page).toHaveURL(/\/settings\/automations$/);
  await page.getByRole('button', { name: `Edit automation: ${name}` }).click();
  await expect(page.getByRole('dialog', { name: `Edit automation: ${name}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByTestId('automation-new').click();
  await expect(page.getByRole('dialog', { name: 'New automation' })).toBeVisible();
});
