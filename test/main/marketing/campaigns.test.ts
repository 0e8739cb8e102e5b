import { describe, expect, it, vi } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { startBackgroundWork } from '../../../src/main/services/background';
import { runCampaignSender } from '../../../src/main/services/campaign-sender';
import { flushOutbox } from '../../../src/main/services/email-outbox';
import { newId } from '../../../src/shared/ids';
import { countRows, track } from '../db/temp-db';
import { call, counts, expectNothingWritten, refuse } from '../accounts/api';
import { serviceBook, smtpFor, START } from '../service/fixtures';

const MINUTE = 60_000;
const FINISHED = 'This campaign is finished.';

/** 50 contacts from a webinar (3 of them opted out of email) and 10 others, and a saved view of the webinar ones. */
async function audienceBook() {
  const book = await serviceBook();
  const { db } = book;
  const optedOut: string[] = [];
  for (let i = 0; i < 60; i++) {
    const webinar = i < 50;
    const contact = await call(db, 'contacts.create', {
      firstName: `Person${i}`,
      lastName: 'Test',
      emails: [{ value: `person${i}@example.com` }],
      leadSource: webinar ? 'Webinar' : 'Trade fair',
    });
    if (webinar && i % 17 === 3) {
      mutate(db, { table: 'contacts', op: 'update', id: contact.id, values: { emailOptOut: true } });
      optedOut.push(`person${i}@example.com`);
    }
  }
  const view = await call(db, 'views.create', {
    entity: 'contacts',
    name: 'Webinar leads',
    shared: true,
    config: { filter: { op: 'and', conditions: [{ field: 'leadSource', operator: 'eq', value: 'Webinar' }] } },
  });
  const template = await call(db, 'templates.create', {
    name: 'Invitation',
    subject: 'Our next webinar, {{contact.first_name}}',
    body: '<p>Dear {{contact.full_name}}, join us.</p>',
  });
  return { ...book, optedOut, view, template };
}

async function flushAndRun(db: CrmDb): Promise<void> {
  await flushOutbox(db, { force: true });
  runCampaignSender(db);
}

describe('email campaigns', () => {
  it('mails 47 of a 50-contact view with 3 opted out, at its rate limit, with no duplicate across pause and resume', async () => {
    const { db, clock, view, template, optedOut } = await audienceBook();
    const smtp = await smtpFor(db);
    const campaign = await call(db, 'campaigns.create', {
      name: 'Spring webinar',
      type: 'email',
      templateId: template.id,
      rateLimit: 20,
      budget: 200_000,
      actualCost: 100_000,
      currency: 'USD',
      startDate: '2026-03-02',
      endDate: '2026-03-31',
    });
    const withAudience = await call(db, 'campaigns.setAudience', {
      id: campaign.id,
      source: { kind: 'view', id: view.id },
    });
    expect(withAudience.audience).toMatchObject({ kind: 'view', id: view.id, name: 'Webinar leads' });
    expect(withAudience.stats).toMatchObject({ members: 50, byStatus: { targeted: 47, opted_out: 3 } });
    // The audience is a snapshot: someone who joins the view afterwards is not mailed.
    await call(db, 'contacts.create', {
      firstName: 'Latecomer',
      emails: [{ value: 'latecomer@example.com' }],
      leadSource: 'Webinar',
    });

    // Start: the first minute's worth (20) goes to the outbox, and out.
    let state = await call(db, 'campaigns.start', { id: campaign.id });
    expect(state).toMatchObject({ status: 'active', stats: { queued: 20 } });
    await flushAndRun(db);
    expect(smtp.received).toHaveLength(20);
    state = await call(db, 'campaigns.get', { id: campaign.id });
    expect(state.stats).toMatchObject({ queued: 0, byStatus: { sent: 20, targeted: 27 } });
    // Still the same minute: the rate limit holds the rest back.
    runCampaignSender(db);
    expect(countRows(db, 'email_outbox')).toBe(20);

    // A minute later the next 20 are queued, then the campaign is paused before they go out:
    // they are taken back and nothing more is sent while paused.
    clock.set(START + MINUTE + 1);
    runCampaignSender(db);
    expect((await call(db, 'campaigns.get', { id: campaign.id })).stats.queued).toBe(20);
    state = await call(db, 'campaigns.pause', { id: campaign.id });
    expect(state).toMatchObject({ status: 'paused', stats: { queued: 0, byStatus: { sent: 20, targeted: 27 } } });
    await flushAndRun(db);
    clock.set(START + 5 * MINUTE);
    await flushAndRun(db);
    expect(smtp.received).toHaveLength(20);

    // Resume: the rest goes out in two minutes; overlapping runs and flushes change nothing.
    await call(db, 'campaigns.resume', { id: campaign.id });
    await Promise.all([flushOutbox(db, { force: true }), flushOutbox(db, { force: true })]);
    runCampaignSender(db);
    runCampaignSender(db);
    clock.set(START + 7 * MINUTE);
    await flushAndRun(db);
    await flushAndRun(db);
    await flushAndRun(db);

    expect(smtp.received).toHaveLength(47);
    const recipients = smtp.received.flatMap((m) => m.to);
    expect(new Set(recipients).size).toBe(47);
    for (const address of optedOut) expect(recipients).not.toContain(address);
    expect(recipients).not.toContain('latecomer@example.com');
    expect(smtp.received[0]!.raw).toMatch(/Subject: Our next webinar, Person\d+/);
    state = await call(db, 'campaigns.get', { id: campaign.id });
    expect(state).toMatchObject({ status: 'completed', stats: { members: 50, byStatus: { sent: 47, opted_out: 3 } } });
    // Each mail is an email activity on its contact's timeline.
    expect(db.sqlite.prepare("SELECT count(*) FROM activities WHERE type = 'email'").pluck().get()).toBe(47);
  });

  it('records responses and shows the ROI once a won deal is attributed', async () => {
    const { db, view } = await audienceBook();
    const campaign = await call(db, 'campaigns.create', {
      name: 'Trade fair booth',
      type: 'event',
      actualCost: 100_000,
      currency: 'USD',
    });
    await call(db, 'campaigns.setAudience', { id: campaign.id, source: { kind: 'view', id: view.id } });
    const members = (await call(db, 'campaigns.members', { id: campaign.id, status: 'targeted', limit: 2 })).items;
    await call(db, 'campaigns.recordResponse', { id: campaign.id, contactId: members[0]!.contactId, kind: 'attended' });
    let state = await call(db, 'campaigns.get', { id: campaign.id });
    expect(state.stats).toMatchObject({
      responses: 1,
      byStatus: { responded: 1 },
      deals: 0,
      roi: -1,
      costPerResponse: 100_000,
    });

    const deal = await call(db, 'deals.create', {
      title: 'Booth follow-up',
      amount: 500_000,
      currency: 'USD',
      contacts: [{ contactId: members[1]!.contactId }],
    });
    await call(db, 'campaigns.attributeDeal', { id: campaign.id, dealId: deal.id });
    state = await call(db, 'campaigns.get', { id: campaign.id });
    // Attributed but still open: no revenue yet.
    expect(state.stats).toMatchObject({ deals: 1, wonDeals: 0, wonRevenue: 0, roi: -1, byStatus: { converted: 1 } });
    await call(db, 'deals.win', { id: deal.id });
    state = await call(db, 'campaigns.get', { id: campaign.id });
    // (5000 − 1000) / 1000 = 4
    expect(state.stats).toMatchObject({ wonDeals: 1, wonRevenue: 500_000, baseCurrency: 'USD', roi: 4 });
    expect((await call(db, 'campaigns.deals', { id: campaign.id })).items).toEqual([
      { id: deal.id, title: 'Booth follow-up', amount: 500_000, currency: 'USD', outcome: 'won' },
    ]);
    const outsider = (await call(db, 'contacts.list', { query: 'Person55' })).items[0]!;
    const notMember = await refuse(db, 'campaigns.recordResponse', {
      id: campaign.id,
      contactId: outsider.id,
      kind: 'replied',
    });
    expect(notMember.issues?.[0]?.message).toBe('This contact is not in the campaign.');
  });

  it('works the ROI out in the base currency when the cost and the won deals are in another', async () => {
    const { db, contact } = await serviceBook();
    await call(db, 'exchangeRates.set', { currency: 'EUR', rate: 1.1 });
    const campaign = await call(db, 'campaigns.create', {
      name: 'Feria de Madrid',
      type: 'event',
      actualCost: 100_000,
      currency: 'EUR',
    });
    await call(db, 'campaigns.setAudience', { id: campaign.id, source: { kind: 'contacts', ids: [contact.id] } });
    const deal = await call(db, 'deals.create', { title: 'Pedido', amount: 500_000, currency: 'EUR' });
    await call(db, 'campaigns.attributeDeal', { id: campaign.id, dealId: deal.id });
    await call(db, 'deals.win', { id: deal.id });
    const { stats } = await call(db, 'campaigns.get', { id: campaign.id });
    // €1,000 cost = $1,100; €5,000 won = $5,500: (5,500 − 1,100) / 1,100 = 4.
    expect(stats).toMatchObject({ baseCurrency: 'USD', wonDeals: 1, wonRevenue: 550_000 });
    expect(stats.roi).toBeCloseTo(4, 6);
  });

  it('refuses an empty audience and a template with an unknown field before anything is sent, changing nothing', async () => {
    const { db, template } = await audienceBook();
    const smtp = await smtpFor(db);
    const campaign = await call(db, 'campaigns.create', { name: 'Nobody', templateId: template.id });
    const empty = await call(db, 'views.create', {
      entity: 'contacts',
      name: 'Nobody',
      config: { filter: { op: 'and', conditions: [{ field: 'leadSource', operator: 'eq', value: 'Carrier pigeon' }] } },
    });
    const tables = ['campaign_members', 'campaigns', 'email_outbox', 'activities'];
    await expectNothingWritten(db, tables, async () => {
      const none = await refuse(db, 'campaigns.setAudience', {
        id: campaign.id,
        source: { kind: 'view', id: empty.id },
      });
      expect(none.issues?.[0]?.message).toBe(
        'The audience is empty: choose a view or segment with at least one contact to mail.',
      );
      const es = await refuse(db, 'campaigns.start', { id: campaign.id }, 'es');
      expect(es.issues?.[0]?.message).toBe(
        'La audiencia está vacía: elige una vista o un segmento con al menos un contacto al que escribir.',
      );
    });

    // A template that went bad after it was chosen (written by another device, say).
    const broken = newId();
    mutate(db, {
      table: 'templates',
      op: 'insert',
      id: broken,
      values: { name: 'Broken', subject: 'Hi {{contact.frist_name}}', body: 'x', kind: 'email', locale: 'en' },
    });
    const second = await call(db, 'campaigns.create', { name: 'Typo', templateId: broken });
    await call(db, 'campaigns.setAudience', {
      id: second.id,
      source: { kind: 'contacts', ids: (await call(db, 'contacts.list', { limit: 5 })).items.map((c) => c.id) },
    });
    const before = counts(db, tables);
    const typo = await refuse(db, 'campaigns.start', { id: second.id });
    expect(typo.issues?.[0]?.message).toMatch(/^Unknown merge field \{\{contact\.frist_name\}\}/);
    expect(counts(db, tables)).toEqual(before);
    expect((await call(db, 'campaigns.get', { id: second.id })).status).toBe('planned');
    await flushOutbox(db, { force: true });
    expect(smtp.received).toHaveLength(0);
  });
});

describe('planning a campaign', () => {
  it('refuses an end before the start, a negative cost, a rate limit of 0 and an unknown type, saving nothing', async () => {
    const { db } = await serviceBook();
    await expectNothingWritten(db, ['campaigns'], async () => {
      const dates = await refuse(
        db,
        'campaigns.create',
        { name: 'Backwards', startDate: '2026-03-31', endDate: '2026-03-01' },
        'es',
      );
      expect(dates.issues).toMatchObject([{ path: ['endDate'], message: 'El final no puede ser anterior al inicio.' }]);
      const bad = await refuse(db, 'campaigns.create', {
        name: 'Odd',
        type: 'carrier_pigeon',
        actualCost: -100,
        rateLimit: 0,
      });
      expect(bad.issues?.map((i) => i.path[0]).sort()).toEqual(['actualCost', 'rateLimit', 'type']);
    });
    // Moving only the end before a start set earlier is refused too, and the campaign keeps its dates.
    const campaign = await call(db, 'campaigns.create', {
      name: 'Spring',
      type: 'webinar',
      startDate: '2026-03-10',
      endDate: '2026-03-20',
    });
    const moved = await refuse(db, 'campaigns.update', { id: campaign.id, endDate: '2026-03-01' });
    expect(moved.issues?.[0]?.path).toEqual(['endDate']);
    expect(await call(db, 'campaigns.get', { id: campaign.id })).toMatchObject({
      startDate: '2026-03-10',
      endDate: '2026-03-20',
    });
  });
});

describe('sending to each member once', () => {
  it('skips a contact who opted out after the snapshot, and notes a member a merge field cannot serve', async () => {
    const { db, contact, company } = await serviceBook();
    const smtp = await smtpFor(db);
    const other = await call(db, 'contacts.create', { firstName: 'Pepe', emails: [{ value: 'pepe@example.com' }] });
    const late = await call(db, 'contacts.create', { firstName: 'Rosa', emails: [{ value: 'rosa@example.com' }] });
    const noMail = await call(db, 'contacts.create', { firstName: 'Tomás' });
    // Lola has a deal, so {{deal.title}} can be merged for her and for nobody else.
    await call(db, 'deals.create', { title: 'Renewal', companyId: company.id, contacts: [{ contactId: contact.id }] });
    const template = await call(db, 'templates.create', {
      name: 'Deal news',
      subject: 'About {{deal.title}}',
      body: '<p>Hi {{contact.first_name}}</p>',
    });
    const campaign = await call(db, 'campaigns.create', { name: 'Renewals', templateId: template.id });
    await call(db, 'campaigns.setAudience', {
      id: campaign.id,
      source: { kind: 'contacts', ids: [contact.id, other.id, late.id, noMail.id] },
    });
    await call(db, 'contacts.update', { id: late.id, emailOptOut: true });
    const started = await call(db, 'campaigns.start', { id: campaign.id });
    expect(started.stats).toMatchObject({ queued: 1, failed: 2, byStatus: { targeted: 3, opted_out: 1 } });
    await flushAndRun(db);
    expect(smtp.received.map((m) => m.to)).toEqual([['lola@example.com']]);
    const members = (await call(db, 'campaigns.members', { id: campaign.id })).items;
    const byName = Object.fromEntries(members.map((m) => [m.contactName, m]));
    expect(byName['Lola Flores']).toMatchObject({ status: 'sent' });
    expect(byName['Rosa']).toMatchObject({ status: 'opted_out' });
    expect(byName['Pepe']!.lastError).toMatch(/deal\.title/);
    expect(byName['Tomás']!.lastError).toBe('No email address.');
    expect((await call(db, 'campaigns.get', { id: campaign.id })).status).toBe('completed');

    // Fixed since: Pepe and Tomás have deals now, and Tomás an address. Resuming retries just them.
    await call(db, 'deals.create', { title: 'Upsell', contacts: [{ contactId: other.id }, { contactId: noMail.id }] });
    await call(db, 'contacts.update', { id: noMail.id, emails: [{ value: 'tomas@example.com' }] });
    await call(db, 'campaigns.resume', { id: campaign.id });
    await flushAndRun(db);
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual([
      'lola@example.com',
      'pepe@example.com',
      'tomas@example.com',
    ]);
    const done = await call(db, 'campaigns.get', { id: campaign.id });
    expect(done).toMatchObject({ status: 'completed', stats: { failed: 0, byStatus: { sent: 3, opted_out: 1 } } });
  });
});

describe('after a restart', () => {
  it('an email campaign left sending carries on when the workspace opens, before anyone looks at it', async () => {
    const { db, clock, view, template } = await audienceBook();
    await smtpFor(db);
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const campaign = await call(db, 'campaigns.create', { name: 'Invite', templateId: template.id, rateLimit: 20 });
      await call(db, 'campaigns.setAudience', { id: campaign.id, source: { kind: 'view', id: view.id } });
      await call(db, 'campaigns.start', { id: campaign.id });
      expect(countRows(db, 'email_outbox')).toBe(20);

      // The app quits (its timers die with it) and opens the same book again a minute later.
      vi.clearAllTimers();
      const reopened = track(openDatabase({ path: db.path, now: clock.now }));
      clock.set(START + MINUTE + 1);
      const stop = startBackgroundWork(reopened, { locale: 'en', dailyBackups: false });
      vi.advanceTimersByTime(5_000);
      // The next minute's 20 are queued with no campaign page opened (nothing called the API).
      expect(countRows(reopened, 'email_outbox')).toBe(40);
      const row = reopened.sqlite.prepare('SELECT * FROM campaigns WHERE id = ?').get(campaign.id);
      expect(row).toMatchObject({ status: 'active' });

      // Closing the workspace stops the sender with everything else.
      stop();
      expect(vi.getTimerCount()).toBe(0);
      clock.set(START + 3 * MINUTE);
      vi.advanceTimersByTime(60_000);
      expect(countRows(reopened, 'email_outbox')).toBe(40);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('audiences', () => {
  it('takes the contacts of the companies in an analytics segment, and refuses a segment that does not exist', async () => {
    const { db, clock, contact, company } = await serviceBook();
    const deal = await call(db, 'deals.create', { title: 'Big order', amount: 900_000, companyId: company.id });
    await call(db, 'deals.win', { id: deal.id });
    clock.set(START + 86_400_000);
    const campaign = await call(db, 'campaigns.create', { name: 'Loyalty', type: 'direct_mail' });
    const taken = await call(
      db,
      'campaigns.setAudience',
      { id: campaign.id, source: { kind: 'segment', id: 'champions' } },
      'es',
    );
    expect(taken.audience).toMatchObject({ kind: 'segment', id: 'champions', name: 'Campeones' });
    const members = (await call(db, 'campaigns.members', { id: campaign.id })).items;
    expect(members.map((m) => [m.contactName, m.status])).toEqual([['Lola Flores', 'targeted']]);
    expect(members[0]!.contactId).toBe(contact.id);
    const unknown = await refuse(db, 'campaigns.setAudience', {
      id: campaign.id,
      source: { kind: 'segment', id: 'vip' },
    });
    expect(unknown.issues?.[0]?.message).toBe('This segment is not available.');
  });
});

describe('managing a campaign by hand', () => {
  it('starts, pauses, resumes and completes an event without sending anything', async () => {
    const { db, view } = await audienceBook();
    const smtp = await smtpFor(db);
    const campaign = await call(db, 'campaigns.create', { name: 'Trade fair', type: 'event' });
    await call(db, 'campaigns.setAudience', { id: campaign.id, source: { kind: 'view', id: view.id } });
    expect(await call(db, 'campaigns.start', { id: campaign.id })).toMatchObject({
      status: 'active',
      senderNode: null,
      stats: { queued: 0, byStatus: { targeted: 47 } },
    });
    await flushAndRun(db);
    // The sender leaves it alone: still active, nobody mailed.
    expect((await call(db, 'campaigns.get', { id: campaign.id })).status).toBe('active');
    expect((await call(db, 'campaigns.pause', { id: campaign.id })).status).toBe('paused');
    expect((await call(db, 'campaigns.resume', { id: campaign.id })).status).toBe('active');
    await flushAndRun(db);
    expect(await call(db, 'campaigns.update', { id: campaign.id, status: 'completed' })).toMatchObject({
      status: 'completed',
      stats: { byStatus: { targeted: 47, sent: 0 } },
    });
    expect(countRows(db, 'email_outbox')).toBe(0);
    expect(smtp.received).toHaveLength(0);
    const again = await refuse(db, 'campaigns.start', { id: campaign.id });
    expect(again.message).toBe(FINISHED);
    expect((await call(db, 'campaigns.get', { id: campaign.id })).status).toBe('completed');
  });

  it('still sends an email campaign through the sender on start, and sends nothing more once cancelled', async () => {
    const { db, clock, view, template } = await audienceBook();
    const smtp = await smtpFor(db);
    const campaign = await call(db, 'campaigns.create', { name: 'Invite', templateId: template.id, rateLimit: 20 });
    await call(db, 'campaigns.setAudience', { id: campaign.id, source: { kind: 'view', id: view.id } });
    expect(await call(db, 'campaigns.start', { id: campaign.id })).toMatchObject({
      status: 'active',
      stats: { queued: 20 },
    });
    await flushAndRun(db);
    expect(smtp.received).toHaveLength(20);
    // The next minute's 20 are queued, then the campaign is cancelled before they go out.
    clock.set(START + MINUTE + 1);
    runCampaignSender(db);
    expect((await call(db, 'campaigns.get', { id: campaign.id })).stats.queued).toBe(20);
    expect(await call(db, 'campaigns.update', { id: campaign.id, status: 'cancelled' })).toMatchObject({
      status: 'cancelled',
      stats: { queued: 0, byStatus: { sent: 20, targeted: 27 } },
    });
    for (const minutes of [2, 5, 60]) {
      clock.set(START + minutes * MINUTE);
      await flushAndRun(db);
    }
    expect(smtp.received).toHaveLength(20);
    expect((await call(db, 'campaigns.get', { id: campaign.id })).status).toBe('cancelled');
    // A cancelled campaign cannot be started or resumed again.
    expect((await refuse(db, 'campaigns.start', { id: campaign.id })).message).toBe(FINISHED);
    await refuse(db, 'campaigns.resume', { id: campaign.id });
    await flushAndRun(db);
    expect(smtp.received).toHaveLength(20);
  });
});

describe('responses', () => {
  it('finds any member by name or address beyond the first page, and lists the responses with who gave them', async () => {
    const { db, view } = await audienceBook();
    const campaign = await call(db, 'campaigns.create', { name: 'Webinar', type: 'webinar' });
    await call(db, 'campaigns.setAudience', { id: campaign.id, source: { kind: 'view', id: view.id } });
    // The last member is not on the first page of 10, but a search by name or address finds them.
    const all = (await call(db, 'campaigns.members', { id: campaign.id })).items;
    const last = all[all.length - 1]!;
    const firstPage = await call(db, 'campaigns.members', { id: campaign.id, limit: 10 });
    expect(firstPage.items.map((m) => m.contactId)).not.toContain(last.contactId);
    const name = last.contactName; // "PersonN Test"
    // ("person4 test" also finds Person40–49 Test: every word is a part of the name. A page of 20
    // holds the 11 at most, so the one searched for is on it whichever member came last.)
    const found = await call(db, 'campaigns.members', { id: campaign.id, query: name.toLowerCase(), limit: 20 });
    expect(found.items.map((m) => m.contactId)).toContain(last.contactId);
    expect(found.items.every((m) => m.contactName.toLowerCase().startsWith(name.toLowerCase().split(' ')[0]!))).toBe(
      true,
    );
    const byMail = await call(db, 'campaigns.members', {
      id: campaign.id,
      query: last.email!.toUpperCase(),
      limit: 10,
    });
    expect(byMail.items.map((m) => m.contactId)).toEqual([last.contactId]);
    // Both words must match; a LIKE wildcard typed by the user matches only itself.
    expect((await call(db, 'campaigns.members', { id: campaign.id, query: 'test nobody' })).items).toEqual([]);
    expect((await call(db, 'campaigns.members', { id: campaign.id, query: 'person%' })).items).toEqual([]);
    expect((await call(db, 'campaigns.members', { id: campaign.id, query: 'test', limit: 100 })).items).toHaveLength(
      50,
    );

    // The member searched for (the query may also find others, in any order).
    const person = found.items.find((m) => m.contactId === last.contactId)!;
    await call(db, 'campaigns.recordResponse', {
      id: campaign.id,
      contactId: person.contactId,
      kind: 'registered',
      note: 'Will bring a colleague',
    });
    expect((await call(db, 'campaigns.responses', { id: campaign.id })).items).toEqual([
      expect.objectContaining({
        contactId: person.contactId,
        contactName: name,
        kind: 'registered',
        note: 'Will bring a colleague',
      }),
    ]);
  });
});
