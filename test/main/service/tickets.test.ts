import { describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import { flushOutbox } from '../../../src/main/services/email-outbox';
import { newId } from '../../../src/shared/ids';
import { countRows } from '../db/temp-db';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { serviceBook, smtpFor, START } from './fixtures';

const HOUR = 3_600_000;
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, start: '09:00', end: '17:00' }));

async function madridPolicy(db: Parameters<typeof call>[0]) {
  const hours = await call(db, 'businessHours.save', {
    name: 'Madrid office',
    timezone: 'Europe/Madrid',
    schedule: weekdays,
  });
  return call(db, 'slaPolicies.save', {
    name: 'Standard',
    businessHoursId: hours.id,
    isDefault: true,
    targets: {
      normal: { firstResponseMinutes: 120, resolutionMinutes: 16 * 60 },
      urgent: { firstResponseMinutes: 30, resolutionMinutes: 240 },
    },
  });
}

describe('SLA due times in business hours', () => {
  it('skips nights, weekends and holidays, in the office time zone, across a daylight-saving change', async () => {
    // Friday 6 March 2026, 16:00 in Madrid (15:00 UTC): one hour left that day, one more on Monday.
    const { db, clock } = await serviceBook(Date.UTC(2026, 2, 6, 15));
    await madridPolicy(db);
    const friday = (await call(db, 'tickets.create', { subject: 'Printer on fire' })).ticket;
    expect(friday.firstResponseDueAt).toBe(Date.UTC(2026, 2, 9, 9)); // Monday 10:00 Madrid
    // 16 business hours = the rest of Friday (1 h), Monday (8 h) and 7 h on Tuesday.
    expect(friday.resolutionDueAt).toBe(Date.UTC(2026, 2, 10, 15)); // Tuesday 16:00 Madrid

    const hours = (await call(db, 'businessHours.list', {})).items[0]!;
    await call(db, 'businessHours.save', { ...pick(hours), holidays: ['2026-03-09'] });
    const holiday = (await call(db, 'tickets.create', { subject: 'Again' })).ticket;
    expect(holiday.firstResponseDueAt).toBe(Date.UTC(2026, 2, 10, 9)); // Monday off: Tuesday 10:00

    // Clocks go forward on Sunday 29 March: Monday 10:00 in Madrid is 08:00 UTC.
    clock.set(Date.UTC(2026, 2, 27, 15));
    await call(db, 'businessHours.save', { ...pick(hours), holidays: [] });
    const dst = (await call(db, 'tickets.create', { subject: 'Summer time' })).ticket;
    expect(dst.firstResponseDueAt).toBe(Date.UTC(2026, 2, 30, 8));
  });

  it('refuses a time zone it does not know and an end before the start, saving nothing', async () => {
    const { db } = await serviceBook();
    await expectNothingWritten(db, ['business_hours'], async () => {
      const zone = await refuse(db, 'businessHours.save', { name: 'X', timezone: 'Mars/Olympus', schedule: weekdays });
      expect(zone.issues?.[0]).toMatchObject({ path: ['timezone'] });
      expect(zone.issues?.[0]?.message).toMatch(/Unknown time zone/);
      const order = await refuse(
        db,
        'businessHours.save',
        { name: 'X', timezone: 'UTC', schedule: [{ day: 1, start: '17:00', end: '09:00' }] },
        'es',
      );
      expect(order.issues?.[0]?.message).toBe('El final no puede ser anterior al inicio.');
    });
  });
});

describe('SLA policies', () => {
  it('uses the policy of the ticket category before the default one, and follows a change of priority', async () => {
    const { db } = await serviceBook();
    await call(db, 'slaPolicies.save', {
      name: 'Default',
      isDefault: true,
      targets: {
        normal: { firstResponseMinutes: 240, resolutionMinutes: 960 },
        urgent: { firstResponseMinutes: 15, resolutionMinutes: 60 },
      },
    });
    await call(db, 'slaPolicies.save', {
      name: 'Outages',
      category: 'outage',
      targets: { normal: { firstResponseMinutes: 10, resolutionMinutes: 120 } },
    });
    const plain = (await call(db, 'tickets.create', { subject: 'Question' })).ticket;
    const outage = (await call(db, 'tickets.create', { subject: 'Down', category: 'Outage' })).ticket;
    expect(plain.firstResponseDueAt).toBe(START + 240 * 60_000);
    expect(outage.firstResponseDueAt).toBe(START + 10 * 60_000);
    const urgent = await call(db, 'tickets.update', { id: plain.id, priority: 'urgent' });
    expect(urgent).toMatchObject({ firstResponseDueAt: START + 15 * 60_000, resolutionDueAt: START + 60 * 60_000 });
    const bad = await refuse(db, 'slaPolicies.save', {
      name: 'Odd',
      targets: { low: { firstResponseMinutes: 600, resolutionMinutes: 60 } },
    });
    expect(bad.issues?.[0]).toMatchObject({ path: ['targets', 'low', 'resolutionMinutes'] });
  });

  it('gives a reopened ticket a new resolution due time counted from the reopening, not its old one', async () => {
    const { db, clock, contact } = await serviceBook();
    await smtpFor(db);
    await call(db, 'tickets.saveSettings', { autoReply: false });
    await call(db, 'slaPolicies.save', {
      name: 'Default',
      isDefault: true,
      targets: { normal: { firstResponseMinutes: 240, resolutionMinutes: 960 } },
    });
    const { ticket } = await call(db, 'tickets.create', { subject: 'Printer jam', contactId: contact.id });
    clock.set(START + HOUR);
    await call(db, 'tickets.reply', { id: ticket.id, body: 'Try turning it off and on.' });
    clock.set(START + 2 * HOUR);
    await call(db, 'tickets.update', { id: ticket.id, status: 'resolved' });

    // Three days later the customer says it jammed again: reopened by hand, the ticket is not
    // breaching straight away, and its met first response stays as it was.
    const threeDays = START + 72 * HOUR;
    clock.set(threeDays);
    const reopened = await call(db, 'tickets.update', { id: ticket.id, status: 'open' });
    expect(reopened).toMatchObject({
      status: 'open',
      resolvedAt: null,
      reopenedAt: threeDays,
      firstResponseDueAt: START + 240 * 60_000,
      resolutionDueAt: threeDays + 960 * 60_000,
    });
    expect(reopened.sla).toMatchObject({ firstResponse: 'met', resolution: 'pending', breached: false });
    clock.set(threeDays + 961 * 60_000);
    expect((await call(db, 'tickets.get', { id: ticket.id })).sla).toMatchObject({
      resolution: 'breached',
      breached: true,
    });

    // Closed again, then a customer message a week later reopens it with a fresh target too;
    // a priority change in the same reopening counts the new priority's target from now.
    await call(db, 'tickets.update', { id: ticket.id, status: 'closed' });
    const week = START + 240 * HOUR;
    clock.set(week);
    await call(db, 'tickets.logCustomerMessage', { id: ticket.id, body: 'Still jamming.' });
    expect(await call(db, 'tickets.get', { id: ticket.id })).toMatchObject({
      status: 'open',
      resolutionDueAt: week + 960 * 60_000,
    });
    await call(db, 'tickets.update', { id: ticket.id, status: 'resolved' });
    await call(db, 'slaPolicies.save', {
      id: (await call(db, 'slaPolicies.list', {})).items[0]!.id,
      name: 'Default',
      isDefault: true,
      targets: {
        normal: { firstResponseMinutes: 240, resolutionMinutes: 960 },
        urgent: { firstResponseMinutes: 15, resolutionMinutes: 60 },
      },
    });
    const later = week + 5 * HOUR;
    clock.set(later);
    const urgent = await call(db, 'tickets.update', { id: ticket.id, status: 'open', priority: 'urgent' });
    expect(urgent).toMatchObject({ resolutionDueAt: later + 60 * 60_000 });
  });
});

function pick(h: {
  id: string;
  name: string;
  timezone: string;
  schedule: { day: number; start: string; end: string }[];
}) {
  return { id: h.id, name: h.name, timezone: h.timezone, schedule: h.schedule };
}

describe('tickets', () => {
  it('sends the automatic reply on creation and flags the ticket as breaching once the clock passes its SLA', async () => {
    const { db, clock, contact, company } = await serviceBook();
    const smtp = await smtpFor(db);
    await madridPolicy(db);
    const created = await call(db, 'tickets.create', {
      subject: 'Cannot log in {{contact.first_name}}',
      description: 'Since this morning the portal says my password is wrong.',
      contactId: contact.id,
      channel: 'email',
    });
    expect(created.autoReply).toBe('queued');
    const ticket = created.ticket;
    expect(ticket).toMatchObject({
      status: 'new',
      companyId: company.id,
      companyName: 'Globex',
      contactName: 'Lola Flores',
    });
    expect(ticket.sla).toMatchObject({ firstResponse: 'pending', resolution: 'pending', breached: false });
    expect(ticket.firstResponseDueAt).toBe(START + 2 * HOUR);

    await flushOutbox(db);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['lola@example.com']);
    // The customer's braces are text, not merge fields; the subject carries the ticket's reference.
    expect(smtp.received[0]!.raw).toMatch(/Subject: We received your request: Cannot log in \{ \{contact/);
    const messages = (await call(db, 'tickets.messages', { id: ticket.id })).items;
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'auto_reply', delivery: 'sent' });

    // 90 minutes later: still inside the target but "breaching soon" (two-hour horizon).
    clock.set(START + 90 * 60_000);
    expect((await call(db, 'tickets.list', { queue: 'breaching_soon' })).items.map((t) => t.id)).toEqual([ticket.id]);
    expect((await call(db, 'tickets.get', { id: ticket.id })).sla.breached).toBe(false);

    // The injectable clock passes the first-response target: the ticket is breaching.
    clock.set(START + 2 * HOUR + 60_000);
    const late = await call(db, 'tickets.get', { id: ticket.id });
    expect(late.sla).toMatchObject({ firstResponse: 'breached', resolution: 'pending', breached: true });
    expect((await call(db, 'tickets.list', { queue: 'breached' })).items.map((t) => t.id)).toEqual([ticket.id]);
    expect((await call(db, 'tickets.queueCounts', {})).breached).toBe(1);
  });

  it("sends the automatic reply in the contact's language, from the template chosen for that language", async () => {
    const { db } = await serviceBook();
    const smtp = await smtpFor(db);
    const marta = await call(db, 'contacts.create', {
      firstName: 'Marta',
      emails: [{ value: 'marta@example.com' }],
      preferredLanguage: 'es',
    });
    // The agent works in English; Marta reads Spanish.
    const first = (await call(db, 'tickets.create', { subject: 'No puedo entrar', contactId: marta.id })).ticket;
    await flushOutbox(db);
    const ref = first.id.replace(/-/g, '').slice(-6).toUpperCase();
    expect(smtp.received[0]!.raw).toContain(`Subject: Hemos recibido tu solicitud: No puedo entrar [#${ref}]`);
    expect(smtp.received[0]!.raw).toContain('Hola, Marta:');

    const template = await call(db, 'templates.create', {
      name: 'Acuse',
      locale: 'es',
      subject: 'Recibido, {{contact.first_name}}',
      body: '<p>Gracias, {{contact.first_name}}. Te respondemos pronto.</p>',
    });
    await call(db, 'tickets.saveSettings', { autoReplyTemplateIds: { es: template.id } });
    const second = await call(db, 'tickets.create', { subject: 'Otra vez', contactId: marta.id });
    expect(second.autoReply).toBe('queued');
    await flushOutbox(db);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.raw).toContain('Subject: Recibido, Marta');
    expect(smtp.received[1]!.raw).toContain('Gracias, Marta. Te respondemos pronto.');
    const messages = (await call(db, 'tickets.messages', { id: second.ticket.id })).items;
    expect(messages).toMatchObject([{ kind: 'auto_reply', templateId: template.id, subject: 'Recibido, Marta' }]);

    // Turned off: a new ticket gets no automatic reply.
    await call(db, 'tickets.saveSettings', { autoReply: false });
    expect((await call(db, 'tickets.create', { subject: 'Y otra', contactId: marta.id })).autoReply).toBe('skipped');
    await flushOutbox(db);
    expect(smtp.received).toHaveLength(2);
  });

  it('replies through the outbox from a template with an article, keeps internal notes internal, and meets the target', async () => {
    const { db, clock, contact, company, ana } = await serviceBook();
    const smtp = await smtpFor(db);
    await madridPolicy(db);
    await call(db, 'tickets.saveSettings', { autoReply: false });
    const { ticket, autoReply } = await call(db, 'tickets.create', {
      subject: 'Reset password',
      contactId: contact.id,
    });
    expect(autoReply).toBe('skipped');
    const article = await call(db, 'knowledgeBase.create', {
      locale: 'en',
      title: 'How to reset your password',
      body: 'Open Settings.\n\nChoose "Forgot password".',
      status: 'published',
    });
    const template = await call(db, 'templates.create', {
      name: 'Answer',
      subject: 'Your request',
      body: '<p>Hello {{contact.first_name}}, here is how:</p>',
    });
    await call(db, 'tickets.addNote', { id: ticket.id, body: 'Customer is on the old plan.' });
    clock.set(START + HOUR);
    const reply = await call(db, 'tickets.reply', {
      id: ticket.id,
      templateId: template.id,
      articleIds: [article.id],
      status: 'pending',
    });
    expect(reply).toMatchObject({ kind: 'reply', authorId: ana.id, delivery: 'queued' });
    expect(reply.body).toContain('<h3>How to reset your password</h3><p>Open Settings.</p>');
    await flushOutbox(db);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.raw).toContain('Hello Lola, here is how:');
    expect(smtp.received[0]!.raw).not.toContain('old plan');

    const after = await call(db, 'tickets.get', { id: ticket.id });
    expect(after).toMatchObject({ status: 'pending', firstRespondedAt: START + HOUR });
    clock.set(START + 5 * HOUR);
    expect((await call(db, 'tickets.get', { id: ticket.id })).sla.firstResponse).toBe('met');
    // The reply is an email activity on the contact's timeline, next to the ticket itself.
    const timeline = await call(db, 'timeline.list', {
      entity: 'contacts',
      id: contact.id,
      kinds: ['activity', 'ticket'],
    });
    expect(timeline.items.map((i) => [i.kind, i.title])).toEqual([
      ['activity', `Re: Reset password [#${after.id.replace(/-/g, '').slice(-6).toUpperCase()}]`],
      ['ticket', 'Reset password'],
    ]);
    // And on the timeline of the contact's company, which the ticket took on creation.
    const companyTimeline = await call(db, 'timeline.list', { entity: 'companies', id: company.id, kinds: ['ticket'] });
    expect(companyTimeline.items.map((i) => [i.kind, i.title])).toEqual([['ticket', 'Reset password']]);

    // The customer writes back: the ticket is open again. Resolved, then rated.
    await call(db, 'tickets.logCustomerMessage', { id: ticket.id, body: 'It worked, thanks!' });
    expect((await call(db, 'tickets.get', { id: ticket.id })).status).toBe('open');
    const resolved = await call(db, 'tickets.update', { id: ticket.id, status: 'resolved', satisfaction: 5 });
    expect(resolved).toMatchObject({ resolvedAt: START + 5 * HOUR, satisfaction: 5 });
    expect(resolved.sla).toMatchObject({ firstResponse: 'met', resolution: 'met', breached: false });
    const kinds = (await call(db, 'tickets.messages', { id: ticket.id })).items.map((m) => m.kind);
    expect(kinds).toEqual(['note', 'reply', 'customer']);
  });

  it('refuses a reply with nobody to send it to, or with an unknown field, and changes nothing', async () => {
    const { db, contact } = await serviceBook();
    await smtpFor(db);
    const { ticket } = await call(db, 'tickets.create', { subject: 'Phone call', channel: 'phone' });
    await expectNothingWritten(db, ['ticket_messages', 'email_outbox', 'tickets'], async () => {
      const none = await refuse(db, 'tickets.reply', { id: ticket.id, body: 'Hello' });
      expect(none.message).toBe('This ticket has no contact with an email address to reply to.');
    });
    await call(db, 'tickets.update', { id: ticket.id, contactId: contact.id });
    await expectNothingWritten(db, ['ticket_messages', 'email_outbox'], async () => {
      const unknown = await refuse(db, 'tickets.reply', { id: ticket.id, body: 'Hi {{contact.frist_name}}' }, 'es');
      expect(unknown.issues?.[0]?.message).toMatch(/^Campo de combinación desconocido \{\{contact\.frist_name\}\}/);
      const empty = await refuse(db, 'tickets.reply', { id: ticket.id, body: '  ' });
      expect(empty.issues?.[0]).toMatchObject({ path: ['body'], message: 'This field is required.' });
    });
    expect((await call(db, 'tickets.get', { id: ticket.id })).firstRespondedAt).toBeNull();
    const bad = await refuse(db, 'tickets.create', { subject: '', priority: 'whenever' });
    expect(bad.issues?.map((i) => i.path[0]).sort()).toEqual(['priority', 'subject']);
    // Satisfaction is a score from 1 to 5.
    for (const satisfaction of [0, 6, 4.5]) {
      const score = await refuse(db, 'tickets.update', { id: ticket.id, satisfaction });
      expect(score.issues?.map((i) => i.path[0])).toEqual(['satisfaction']);
    }
    expect((await call(db, 'tickets.get', { id: ticket.id })).satisfaction).toBeNull();
  });

  it('assigns new tickets in turn, or to the member who owns their category', async () => {
    const { db, ana, ben } = await serviceBook();
    const carla = await call(db, 'members.create', { name: 'Carla Gil' });
    await call(db, 'ticketRules.save', {
      name: 'Billing desk',
      category: 'billing',
      strategy: 'fixed',
      memberIds: [carla.id],
    });
    await call(db, 'ticketRules.save', { name: 'Everyone', strategy: 'round_robin', memberIds: [ana.id, ben.id] });
    const assignees: (string | null)[] = [];
    for (const category of [null, null, 'Billing', null]) {
      const { ticket } = await call(db, 'tickets.create', { subject: 'Help', category });
      assignees.push(ticket.assigneeName);
    }
    expect(assignees).toEqual(['Ana Ruiz', 'Ben Ortiz', 'Carla Gil', 'Ana Ruiz']);
    const explicit = await call(db, 'tickets.create', { subject: 'Mine', assigneeId: null });
    expect(explicit.ticket.assigneeId).toBeNull();
    expect((await call(db, 'tickets.list', { queue: 'unassigned' })).items.map((t) => t.subject)).toEqual(['Mine']);
    expect((await call(db, 'tickets.list', { queue: 'mine' })).items).toHaveLength(2);
    const bad = await refuse(db, 'ticketRules.save', { name: 'X', strategy: 'fixed', memberIds: [] });
    expect(bad.issues?.[0]).toMatchObject({ path: ['memberIds'] });
  });

  it('reports volume, response and resolution times, SLA compliance and satisfaction', async () => {
    const { db, clock, contact } = await serviceBook();
    await smtpFor(db);
    await madridPolicy(db);
    const a = (await call(db, 'tickets.create', { subject: 'A', contactId: contact.id, priority: 'urgent' })).ticket;
    const b = (await call(db, 'tickets.create', { subject: 'B', channel: 'chat' })).ticket;
    clock.set(START + 20 * 60_000);
    await call(db, 'tickets.reply', { id: a.id, body: 'On it' });
    clock.set(START + 60 * 60_000);
    await call(db, 'tickets.update', { id: a.id, status: 'resolved', satisfaction: 4 });
    clock.set(START + 3 * HOUR);
    await call(db, 'tickets.update', { id: b.id, status: 'closed' });
    const report = await call(db, 'tickets.report', { from: START - HOUR, to: START + 4 * HOUR });
    expect(report).toMatchObject({
      volume: 2,
      byStatus: { resolved: 1, closed: 1 },
      byChannel: { email: 1, chat: 1 },
      byPriority: { urgent: 1, normal: 1 },
      breached: 1,
      avgSatisfaction: 4,
    });
    expect(report.avgFirstResponseMinutes).toBeCloseTo(20, 0);
    expect(report.avgResolutionMinutes).toBeCloseTo((60 + 180) / 2, 0);
    // a: response met, resolution met; b: response breached (never answered), resolution met.
    expect(report.slaCompliance).toBeCloseTo(3 / 4);
    expect(countRows(db, 'tickets')).toBe(2);
  });
});

describe('who a ticket is about', () => {
  it('moves a ticket to another contact and their company, keeps a company set by hand, and clears both', async () => {
    const { db, contact, company } = await serviceBook();
    const initech = await call(db, 'companies.create', { name: 'Initech' });
    const other = await call(db, 'contacts.create', { firstName: 'Pepe' });
    mutate(db, {
      table: 'contact_companies',
      op: 'insert',
      id: newId(),
      values: { contactId: other.id, companyId: initech.id, isPrimary: true },
    });
    const { ticket } = await call(db, 'tickets.create', { subject: 'Printer jam', contactId: contact.id });
    expect(ticket).toMatchObject({ contactName: 'Lola Flores', companyId: company.id, companyName: 'Globex' });

    // Another person: the ticket follows them to their company, and shows on their lists.
    const moved = await call(db, 'tickets.update', { id: ticket.id, contactId: other.id });
    expect(moved).toMatchObject({ contactName: 'Pepe', companyId: initech.id, companyName: 'Initech' });
    expect((await call(db, 'tickets.list', { contactId: other.id })).items.map((x) => x.id)).toEqual([ticket.id]);
    expect((await call(db, 'tickets.list', { contactId: contact.id })).items).toEqual([]);

    // A company chosen by hand stays when the contact changes again.
    await call(db, 'tickets.update', { id: ticket.id, companyId: company.id });
    const rosa = await call(db, 'contacts.create', { firstName: 'Rosa' });
    const kept = await call(db, 'tickets.update', { id: ticket.id, contactId: rosa.id });
    expect(kept).toMatchObject({ contactName: 'Rosa', companyId: company.id, companyName: 'Globex' });

    const cleared = await call(db, 'tickets.update', { id: ticket.id, contactId: null, companyId: null });
    expect(cleared).toMatchObject({ contactId: null, contactName: null, companyId: null, companyName: null });
    const bad = await refuse(db, 'tickets.update', { id: ticket.id, companyId: newId() });
    expect(bad.issues?.map((i) => i.path[0])).toEqual(['companyId']);
  });
});

describe('channels', () => {
  it('logs a WhatsApp conversation as an activity with its channel on the contact and company timelines', async () => {
    const { db, contact, company } = await serviceBook();
    const logged = await call(db, 'channels.log', {
      channel: 'whatsapp',
      direction: 'inbound',
      body: 'Can you send me the invoice again?',
      handle: '+34 600 111 222',
      links: [
        { entityType: 'contacts', entityId: contact.id },
        { entityType: 'companies', entityId: company.id },
      ],
    });
    // No English prefix in the text: the channel lives in the details, shown translated by the app.
    expect(logged.subject).toBe('Can you send me the invoice again?');
    expect(logged.details).toMatchObject({ channel: 'whatsapp', direction: 'inbound', handle: '+34 600 111 222' });
    const typed = await call(db, 'channels.log', {
      channel: 'linkedin',
      direction: 'outbound',
      subject: '  Intro to the new range ',
      body: 'Sent the brochure.',
      links: [{ entityType: 'contacts', entityId: contact.id }],
    });
    expect(typed).toMatchObject({ subject: 'Intro to the new range', details: { channel: 'linkedin' } });
    for (const [entity, id] of [
      ['contacts', contact.id],
      ['companies', company.id],
    ] as const) {
      const items = (await call(db, 'timeline.list', { entity, id, kinds: ['activity'] })).items;
      expect(items.find((i) => i.id === logged.id)).toMatchObject({
        title: 'Can you send me the invoice again?',
        data: { channel: 'whatsapp', direction: 'inbound' },
      });
    }
    expect((await call(db, 'channels.list', { channel: 'whatsapp' })).items.map((a) => a.id)).toEqual([logged.id]);
    expect((await call(db, 'channels.list', { channel: 'linkedin' })).items.map((a) => a.id)).toEqual([typed.id]);
    expect((await call(db, 'channels.list', { channel: 'facebook' })).items).toEqual([]);
    const bad = await refuse(db, 'channels.log', { channel: 'myspace', body: 'x', links: [] });
    expect(bad.issues?.map((i) => i.path[0]).sort()).toEqual(['channel', 'links']);
  });
});

describe('changing the service settings', () => {
  it('refuses to delete business hours a policy still uses, naming it, and deletes them once free', async () => {
    const { db } = await serviceBook();
    const policy = await madridPolicy(db);
    const hoursId = policy.businessHoursId!;
    await expectNothingWritten(db, ['business_hours', 'sla_policies'], async () => {
      const en = await refuse(db, 'businessHours.delete', { id: hoursId });
      expect(en).toMatchObject({
        code: 'conflict',
        message:
          'These business hours are still used by SLA policies: “Standard”. Give them other hours (or none) first.',
      });
      const es = await refuse(db, 'businessHours.delete', { id: hoursId }, 'es');
      expect(es.message).toBe(
        'Este horario lo usan todavía políticas de SLA: “Standard”. Asígnales otro horario (o ninguno) primero.',
      );
    });
    // Renamed, then freed: the policy runs around the clock and the hours can go.
    await call(db, 'businessHours.save', {
      id: hoursId,
      name: 'Madrid HQ',
      timezone: 'Europe/Madrid',
      schedule: weekdays,
    });
    expect((await call(db, 'businessHours.list', {})).items.map((h) => h.name)).toEqual(['Madrid HQ']);
    await call(db, 'slaPolicies.save', {
      id: policy.id,
      name: policy.name,
      isDefault: true,
      targets: policy.targets,
      businessHoursId: null,
    });
    await call(db, 'businessHours.delete', { id: hoursId });
    expect((await call(db, 'businessHours.list', {})).items).toEqual([]);
  });

  it('sends deleted business hours and policies to the trash; a default policy comes back as the only default', async () => {
    const { db } = await serviceBook();
    const policy = await madridPolicy(db);
    // The policy is freed of its hours first (hours in use are refused), then both go.
    await call(db, 'slaPolicies.save', {
      id: policy.id,
      name: policy.name,
      isDefault: true,
      targets: policy.targets,
      businessHoursId: null,
    });
    await call(db, 'businessHours.delete', { id: policy.businessHoursId! });
    await call(db, 'slaPolicies.delete', { id: policy.id });
    expect((await call(db, 'trash.list', { entity: 'sla_policies' })).items.map((i) => [i.id, i.title])).toEqual([
      [policy.id, 'Standard'],
    ]);
    expect((await call(db, 'trash.list', { entity: 'business_hours' })).items.map((i) => [i.id, i.title])).toEqual([
      [policy.businessHoursId, 'Madrid office'],
    ]);

    // Another policy became the default meanwhile: the restored one is back, but not as a second default.
    const other = await call(db, 'slaPolicies.save', {
      name: 'Night shift',
      isDefault: true,
      targets: { normal: { firstResponseMinutes: 60, resolutionMinutes: 480 } },
    });
    await call(db, 'trash.restore', { entity: 'sla_policies', ids: [policy.id] });
    await call(db, 'trash.restore', { entity: 'business_hours', ids: [policy.businessHoursId!] });
    const policies = (await call(db, 'slaPolicies.list', {})).items;
    expect(policies.map((p) => [p.name, p.isDefault])).toEqual(
      expect.arrayContaining([
        ['Standard', false],
        ['Night shift', true],
      ]),
    );
    expect(policies).toHaveLength(2);
    expect((await call(db, 'businessHours.list', {})).items.map((h) => h.id)).toEqual([policy.businessHoursId]);
    const { ticket } = await call(db, 'tickets.create', { subject: 'After the restore' });
    expect(ticket.slaPolicyId).toBe(other.id);
  });

  it('hands the open tickets of a deleted policy to the one that applies now; finished tickets keep theirs', async () => {
    const { db, clock } = await serviceBook();
    const fallback = await call(db, 'slaPolicies.save', {
      name: 'Default',
      isDefault: true,
      targets: { normal: { firstResponseMinutes: 240, resolutionMinutes: 960 } },
    });
    const vip = await call(db, 'slaPolicies.save', {
      name: 'VIP',
      category: 'vip',
      targets: { normal: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
    });
    const open = (await call(db, 'tickets.create', { subject: 'Open VIP', category: 'vip' })).ticket;
    const done = (await call(db, 'tickets.create', { subject: 'Done VIP', category: 'vip' })).ticket;
    clock.set(START + HOUR);
    await call(db, 'tickets.update', { id: done.id, status: 'resolved' });
    expect(open).toMatchObject({ slaPolicyId: vip.id, firstResponseDueAt: START + 15 * 60_000 });

    await call(db, 'slaPolicies.delete', { id: vip.id });
    expect((await call(db, 'slaPolicies.list', {})).items.map((p) => p.name)).toEqual(['Default']);
    const moved = await call(db, 'tickets.get', { id: open.id });
    expect(moved).toMatchObject({
      slaPolicyId: fallback.id,
      firstResponseDueAt: START + 240 * 60_000,
      resolutionDueAt: START + 960 * 60_000,
    });
    // An hour in, the open ticket is within its new targets instead of breaching the VIP one.
    expect(moved.sla.breached).toBe(false);
    const kept = await call(db, 'tickets.get', { id: done.id });
    expect(kept).toMatchObject({ slaPolicyId: vip.id, resolutionDueAt: START + 120 * 60_000 });
    expect(kept.sla.resolution).toBe('met');
  });

  it('counts the new targets of a reopened ticket from its reopening when its policy is deleted or its priority changes', async () => {
    const { db, clock, contact } = await serviceBook();
    await smtpFor(db);
    await call(db, 'tickets.saveSettings', { autoReply: false });
    const fallback = await call(db, 'slaPolicies.save', {
      name: 'Default',
      isDefault: true,
      targets: {
        normal: { firstResponseMinutes: 240, resolutionMinutes: 960 },
        urgent: { firstResponseMinutes: 30, resolutionMinutes: 180 },
      },
    });
    const vip = await call(db, 'slaPolicies.save', {
      name: 'VIP',
      category: 'vip',
      targets: { normal: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
    });
    // One ticket answered and resolved, one resolved without an answer (a phone call, say).
    const answered = (await call(db, 'tickets.create', { subject: 'Login', category: 'vip', contactId: contact.id }))
      .ticket;
    const silent = (await call(db, 'tickets.create', { subject: 'Invoice copy', category: 'vip' })).ticket;
    clock.set(START + 5 * 60_000);
    await call(db, 'tickets.reply', { id: answered.id, body: 'Fixed on our side.' });
    clock.set(START + HOUR);
    await call(db, 'tickets.update', { id: answered.id, status: 'resolved' });
    await call(db, 'tickets.update', { id: silent.id, status: 'closed' });

    // Three days later both come back, under the VIP policy, counted from now.
    const reopening = START + 72 * HOUR;
    clock.set(reopening);
    await call(db, 'tickets.logCustomerMessage', { id: answered.id, body: 'It happens again.' });
    expect(await call(db, 'tickets.update', { id: silent.id, status: 'open' })).toMatchObject({
      firstResponseDueAt: reopening + 15 * 60_000,
      resolutionDueAt: reopening + 120 * 60_000,
    });

    // Half an hour later the VIP policy goes: the default one's targets count from the reopening,
    // so neither ticket is breaching a target that ran out days ago.
    clock.set(reopening + 30 * 60_000);
    await call(db, 'slaPolicies.delete', { id: vip.id });
    const moved = await call(db, 'tickets.get', { id: answered.id });
    expect(moved).toMatchObject({
      slaPolicyId: fallback.id,
      firstResponseDueAt: START + 15 * 60_000,
      resolutionDueAt: reopening + 960 * 60_000,
    });
    expect(moved.sla).toMatchObject({ firstResponse: 'met', resolution: 'pending', breached: false });
    const unanswered = await call(db, 'tickets.get', { id: silent.id });
    expect(unanswered).toMatchObject({
      slaPolicyId: fallback.id,
      firstResponseDueAt: reopening + 240 * 60_000,
      resolutionDueAt: reopening + 960 * 60_000,
    });
    expect(unanswered.sla.breached).toBe(false);

    // Made urgent later on: the urgent targets count from the reopening too; the met first response stays.
    clock.set(reopening + HOUR);
    const urgent = await call(db, 'tickets.update', { id: answered.id, priority: 'urgent' });
    expect(urgent).toMatchObject({
      firstResponseDueAt: START + 15 * 60_000,
      resolutionDueAt: reopening + 180 * 60_000,
    });
    expect(urgent.sla).toMatchObject({ firstResponse: 'met', resolution: 'pending', breached: false });
  });

  it('renames and deletes an assignment rule: later tickets follow the rules that are left', async () => {
    const { db, ana, ben } = await serviceBook();
    const billing = await call(db, 'ticketRules.save', {
      name: 'Billing',
      category: 'billing',
      strategy: 'fixed',
      memberIds: [ben.id],
    });
    await call(db, 'ticketRules.save', { name: 'Everyone', strategy: 'fixed', memberIds: [ana.id] });
    await call(db, 'ticketRules.save', {
      id: billing.id,
      name: 'Billing desk',
      category: 'billing',
      strategy: 'fixed',
      memberIds: [ben.id],
    });
    expect((await call(db, 'ticketRules.list', {})).items.map((r) => r.name)).toEqual(['Billing desk', 'Everyone']);
    const before = (await call(db, 'tickets.create', { subject: 'Invoice', category: 'billing' })).ticket;
    expect(before.assigneeName).toBe('Ben Ortiz');
    await call(db, 'ticketRules.delete', { id: billing.id });
    const after = (await call(db, 'tickets.create', { subject: 'Invoice again', category: 'billing' })).ticket;
    expect(after.assigneeName).toBe('Ana Ruiz');
    // The ticket assigned by the deleted rule keeps its assignee.
    expect((await call(db, 'tickets.get', { id: before.id })).assigneeName).toBe('Ben Ortiz');
  });
});
