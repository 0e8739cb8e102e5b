import { afterEach, describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import { newId } from '../../../src/shared/ids';
import { countRows, manualClock, tempDb } from '../db/temp-db';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { smtpFor } from '../service/fixtures';
import { mailParts, TestSmtp } from './smtp-test-server';

const servers: TestSmtp[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function book() {
  const clock = manualClock(Date.UTC(2026, 2, 2, 9), 1);
  const db = tempDb({ now: clock.now });
  const ana = await call(db, 'members.create', { name: 'Ana Ruiz', email: 'ana@acme.test' });
  await call(db, 'members.setCurrent', { id: ana.id });
  const company = await call(db, 'companies.create', { name: 'Acme' });
  const contact = await call(db, 'contacts.create', {
    firstName: 'Lola',
    lastName: 'Flores',
    emails: [{ value: 'lola@example.com' }],
  });
  mutate(db, {
    table: 'contact_companies',
    op: 'insert',
    id: newId(),
    values: { contactId: contact.id, companyId: company.id, isPrimary: true },
  });
  return { db, clock, ana, company, contact };
}

describe('templates', () => {
  it('merges contact, company, deal, user and custom fields against a chosen record, per language', async () => {
    const { db, contact, company } = await book();
    const field = await call(db, 'customFields.create', { entity: 'contacts', label: 'Shoe size', type: 'number' });
    mutate(db, { table: 'contacts', op: 'update', id: contact.id, values: { custom: { [field.key]: 38 } } });
    const dealId = newId();
    mutate(db, {
      table: 'deals',
      op: 'insert',
      id: dealId,
      values: { title: 'Big deal', amount: 123_456, currency: 'EUR', companyId: company.id },
    });
    mutate(db, { table: 'deal_contacts', op: 'insert', id: newId(), values: { dealId, contactId: contact.id } });
    const es = await call(db, 'templates.create', {
      name: 'Seguimiento',
      locale: 'es',
      subject: 'Hola {{contact.first_name}}',
      body: `<p>{{contact.full_name}} de {{company.name}}: {{deal.amount}}, talla {{contact.${field.key}}}. Un saludo, {{user.name}}</p>`,
    });
    const preview = await call(db, 'templates.preview', {
      id: es.id,
      target: { entityType: 'contacts', entityId: contact.id },
    });
    expect(preview.subject).toBe('Hola Lola');
    expect(preview.body).toBe('<p>Lola Flores de Acme: 1234,56\u00a0€, talla 38. Un saludo, Ana Ruiz</p>');
    expect(preview.to).toEqual(['lola@example.com']);
    const fields = await call(db, 'templates.fields', {});
    expect(fields.fields.map((f) => f.token)).toEqual(
      expect.arrayContaining(['{{contact.first_name}}', '{{company.name}}', '{{deal.amount}}', '{{user.name}}']),
    );
  });

  it("refuses a template with an unknown field, naming it, in the caller's language, and saves nothing", async () => {
    const { db, contact } = await book();
    await expectNothingWritten(db, ['templates'], async () => {
      const en = await refuse(db, 'templates.create', { name: 'X', subject: 'Hi {{contact.frist_name}}', body: 'b' });
      expect(en.issues?.[0]?.message).toBe(
        'Unknown merge field {{contact.frist_name}}. Use a field from the list, like {{contact.first_name}}.',
      );
      expect(en.issues?.[0]?.path).toEqual(['subject']);
      const es = await refuse(db, 'templates.create', { name: 'X', subject: 's', body: '{{planet.name}}' }, 'es');
      expect(es.issues?.[0]?.message).toMatch(/^Campo de combinación desconocido \{\{planet\.name\}\}/);
    });
    const preview = await refuse(db, 'templates.preview', {
      subject: 's',
      body: '{{contact.nope}}',
      target: { entityType: 'contacts', entityId: contact.id },
    });
    expect(preview.code).toBe('invalid_input');
  });
});

describe('sending email', () => {
  it('queues while the SMTP server is down, delivers once when it is up, and logs one email activity', async () => {
    const { db, contact, clock } = await book();
    const port = await TestSmtp.freePort();
    const smtp = new TestSmtp(port);
    servers.push(smtp);
    await call(db, 'email.saveAccount', {
      host: '127.0.0.1',
      port,
      security: 'none',
      user: 'ana',
      password: 's3cret',
      passphrase: 'correct horse',
      fromAddress: 'ana@acme.test',
      fromName: 'Ana Ruiz',
    });
    const stored = db.sqlite.prepare('SELECT sealed_password FROM smtp_accounts').pluck().get() as string;
    expect(stored).not.toContain('s3cret');
    const template = await call(db, 'templates.create', {
      name: 'Hello',
      subject: 'Hello {{contact.first_name}}',
      body: '<p>Hi {{contact.first_name}}</p>',
    });

    const queued = await call(db, 'email.send', {
      to: ['lola@example.com'],
      templateId: template.id,
      target: { entityType: 'contacts', entityId: contact.id },
    });
    expect(queued).toMatchObject({ status: 'queued', subject: 'Hello Lola' });
    // Server down: the flush fails politely, the mail waits with its reason and a retry time.
    let flushed = await call(db, 'email.flush', {});
    expect(flushed).toEqual({ sent: 0, waiting: 1, failed: 0 });
    let [item] = (await call(db, 'email.outbox', {})).items;
    expect(item).toMatchObject({ status: 'queued', attempts: 1 });
    expect(item!.lastError).toMatch(/ECONNREFUSED|connect/i);

    await smtp.start();
    // Two flushes at once and one after: still one delivery and one activity.
    const [a, b] = await Promise.all([call(db, 'email.flush', {}), call(db, 'email.flush', {})]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(1);
    flushed = await call(db, 'email.flush', {});
    expect(flushed.sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toEqual(['lola@example.com']);
    expect(smtp.received[0]!.raw).toContain('Subject: Hello Lola');
    [item] = (await call(db, 'email.outbox', {})).items;
    expect(item).toMatchObject({ status: 'sent' });
    expect(smtp.received[0]!.messageId).toBe(`<${item!.id}@acme.test>`);

    const logged = await call(db, 'activities.list', { entityId: contact.id, types: ['email'] });
    expect(logged.items).toHaveLength(1);
    expect(logged.items[0]).toMatchObject({ subject: 'Hello Lola', id: item!.activityId });
    expect(logged.items[0]!.details).toMatchObject({
      direction: 'outbound',
      to: ['lola@example.com'],
      templateId: template.id,
    });
    clock.set(Date.UTC(2026, 2, 3));
    await call(db, 'email.flush', {});
    expect(countRows(db, 'activities')).toBe(1);
  });

  it('refuses a template with an unknown field before anything is queued or sent', async () => {
    const { db, contact } = await book();
    await call(db, 'email.saveAccount', {
      host: '127.0.0.1',
      port: 2525,
      security: 'none',
      fromAddress: 'ana@acme.test',
    });
    await expectNothingWritten(db, ['email_outbox', 'activities'], async () => {
      const error = await refuse(
        db,
        'email.send',
        {
          to: ['lola@example.com'],
          subject: 'Hi {{contact.nickname}}',
          body: 'x',
          target: { entityType: 'contacts', entityId: contact.id },
        },
        'es',
      );
      expect(error.message).toMatch(/\{\{contact\.nickname\}\}/);
      const noTarget = await refuse(db, 'email.send', {
        to: ['lola@example.com'],
        subject: 'Hi {{contact.first_name}}',
        body: 'x',
      });
      expect(noTarget.message).toBe('This template uses {{contact.first_name}}: choose a record to merge it with.');
      const badAddress = await refuse(db, 'email.send', { to: ['not-an-address'], subject: 's', body: 'b' });
      expect(badAddress.issues?.[0]?.message).toBe('Enter a valid email address, like name@example.com.');
    });
  });

  it('asks for a passphrase in web mode and opens the password only with the right one', async () => {
    const { db } = await book();
    const noPassphrase = await refuse(db, 'email.saveAccount', {
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      user: 'ana',
      password: 'pw',
      fromAddress: 'ana@acme.test',
    });
    expect(noPassphrase.issues?.[0]).toMatchObject({ path: ['passphrase'] });
    expect(noPassphrase.issues?.[0]?.message).toMatch(/passphrase/);
    expect(countRows(db, 'smtp_accounts')).toBe(0);
    const saved = await call(db, 'email.saveAccount', {
      host: 'smtp.example.com',
      port: 587,
      security: 'starttls',
      user: 'ana',
      password: 'pw',
      passphrase: 'right',
      fromAddress: 'ana@acme.test',
    });
    expect(saved.account).toMatchObject({ hasPassword: true, sealScheme: 'passphrase', unlocked: true });
    const wrong = await refuse(db, 'email.unlock', { passphrase: 'wrong' }, 'es');
    expect(wrong.issues?.[0]?.message).toBe('Esa frase de paso no abre la contraseña SMTP guardada.');
    expect((await call(db, 'email.unlock', { passphrase: 'right' })).unlocked).toBe(true);
  });

  it('refuses to queue without an account, and cancels mail not yet sent', async () => {
    const { db } = await book();
    const none = await refuse(db, 'email.send', { to: ['a@example.com'], subject: 's', body: 'b' });
    expect(none.message).toBe('Set up your SMTP account in Settings before sending mail.');
    await call(db, 'email.saveAccount', { host: '127.0.0.1', port: 9, security: 'none', fromAddress: 'ana@acme.test' });
    const item = await call(db, 'email.send', { to: ['a@example.com'], subject: 's', body: 'b' });
    await call(db, 'email.flush', {}); // the first try (nothing listens on port 9) ends before the cancel
    expect((await call(db, 'email.cancel', { id: item.id })).cancelled).toBe(true);
    expect(countRows(db, 'email_outbox')).toBe(0);
  });

  it('keeps the paragraphs of a plain-text mail in both parts and escapes merged values in the HTML', async () => {
    const { db, contact } = await book();
    mutate(db, { table: 'contacts', op: 'update', id: contact.id, values: { firstName: '<b>Ana & Co</b>' } });
    const smtp = await smtpFor(db);
    const template = await call(db, 'templates.create', {
      name: 'Plain',
      subject: 'Hello',
      body: 'Dear {{contact.first_name}},\n\nThanks for the call.\nTalk soon.\n\nBest,\nAna',
    });
    await call(db, 'email.send', {
      to: ['lola@example.com'],
      templateId: template.id,
      target: { entityType: 'contacts', entityId: contact.id },
    });
    await call(db, 'email.send', {
      to: ['lola@example.com'],
      subject: 'Typed',
      body: 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.',
    });
    // The first flush may be one already running for the first mail: a second one sends the rest.
    await call(db, 'email.flush', {});
    await call(db, 'email.flush', {});
    expect(smtp.received).toHaveLength(2);
    const [templated, typed] = smtp.received.map((m) => mailParts(m.raw));

    expect(typed!.text).toBe('First paragraph.\n\nSecond paragraph.\n\nThird paragraph.');
    expect(typed!.html).toBe('<p>First paragraph.</p>\n<p>Second paragraph.</p>\n<p>Third paragraph.</p>');

    expect(templated!.text).toBe('Dear <b>Ana & Co</b>,\n\nThanks for the call.\nTalk soon.\n\nBest,\nAna');
    expect(templated!.html).toContain('<p>Dear &lt;b&gt;Ana &amp; Co&lt;/b&gt;,</p>');
    expect(templated!.html).toContain('<p>Thanks for the call.<br>Talk soon.</p>');
    expect(templated!.html).not.toContain('<b>Ana');
  });

  it('escapes merged values in an HTML template and keeps its paragraphs apart in the text part', async () => {
    const { db, contact } = await book();
    mutate(db, { table: 'contacts', op: 'update', id: contact.id, values: { firstName: '<b>Ana & Co</b>' } });
    const smtp = await smtpFor(db);
    await call(db, 'email.send', {
      to: ['lola@example.com'],
      subject: 'Hi',
      body: '<p>Hi {{contact.first_name}}</p><p>One<br>Two</p><ul><li>a</li><li>b</li></ul>',
      target: { entityType: 'contacts', entityId: contact.id },
    });
    await call(db, 'email.flush', {});
    const mail = mailParts(smtp.received[0]!.raw);
    expect(mail.html).toContain('<p>Hi &lt;b&gt;Ana &amp; Co&lt;/b&gt;</p>');
    expect(mail.text).toBe('Hi <b>Ana & Co</b>\n\nOne\nTwo\n\n- a\n- b');
  });
});
