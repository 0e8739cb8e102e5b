import { describe, expect, it } from 'vitest';
import { flushOutbox } from '../../../src/main/services/email-outbox';
import { call, expectNothingWritten, refuse } from '../accounts/api';
import { serviceBook, smtpFor } from './fixtures';

describe('knowledge base', () => {
  it('keeps an article in English and Spanish, by category, and the global search finds both and tickets', async () => {
    const { db, contact } = await serviceBook();
    const category = await call(db, 'knowledgeBase.saveCategory', { nameEn: 'Billing', nameEs: 'Facturación' });
    const en = await call(db, 'knowledgeBase.create', {
      locale: 'en',
      title: 'Changing the invoice address',
      body: '<p>Go to <strong>Billing</strong> and edit the address.</p><script>alert(1)</script>',
      categoryId: category.id,
      status: 'published',
    });
    expect(en.body).toBe('<p>Go to <strong>Billing</strong> and edit the address.</p>');
    const es = await call(db, 'knowledgeBase.create', {
      locale: 'es',
      title: 'Cambiar la dirección de facturación',
      body: 'Ve a Facturación y edita la dirección.',
      translationOf: en.id,
    });
    expect(es).toMatchObject({ groupId: en.groupId, categoryId: category.id, status: 'draft' });
    expect((await call(db, 'knowledgeBase.get', { id: en.id })).translations).toEqual([{ locale: 'es', id: es.id }]);

    // Accent-insensitive: "direccion" finds "dirección".
    const hits = await call(db, 'search.query', { query: 'direccion facturacion' });
    expect(hits.hits.map((h) => [h.type, h.id])).toContainEqual(['kb_article', es.id]);
    const english = await call(db, 'search.query', { query: 'invoice address', types: ['kb_article'] });
    expect(english.hits.map((h) => h.id)).toEqual([en.id]);
    const { ticket } = await call(db, 'tickets.create', { subject: 'Wrong invoice address', contactId: contact.id });
    const tickets = await call(db, 'search.query', { query: 'invoice', types: ['ticket'] });
    expect(tickets.hits.map((h) => h.id)).toEqual([ticket.id]);

    expect((await call(db, 'knowledgeBase.list', { locale: 'es' })).items.map((a) => a.id)).toEqual([es.id]);
    expect(
      (await call(db, 'knowledgeBase.list', { query: 'address', status: 'published' })).items.map((a) => a.id),
    ).toEqual([en.id]);
    await call(db, 'knowledgeBase.delete', { id: es.id });
    expect((await call(db, 'search.query', { query: 'direccion', types: ['kb_article'] })).hits).toEqual([]);
    expect((await call(db, 'knowledgeBase.list', {})).items.map((a) => a.id)).toEqual([en.id]);
    // Deleting from the app sends the article to the trash, from where it comes back.
    const trash = (await call(db, 'trash.list', { entity: 'kb_articles' })).items;
    expect(trash.map((i) => i.id)).toEqual([es.id]);
    await call(db, 'trash.restore', { entity: 'kb_articles', ids: [es.id] });
    expect(
      (await call(db, 'search.query', { query: 'direccion', types: ['kb_article'] })).hits.map((h) => h.id),
    ).toEqual([es.id]);
  });

  it('sends an article that shows template braces as written when it is inserted into a reply', async () => {
    const { db, contact } = await serviceBook();
    const smtp = await smtpFor(db);
    await call(db, 'tickets.saveSettings', { autoReply: false });
    // An article about templates: one brace pair is a real field, one is not a field at all.
    const plain = await call(db, 'knowledgeBase.create', {
      locale: 'en',
      title: 'Greeting by {{name}}',
      body: 'Type {{contact.first_name}} in a template to greet each customer.\n\nUnknown ones like {{user.nickname}} are refused.',
      status: 'published',
    });
    const rich = await call(db, 'knowledgeBase.create', {
      locale: 'en',
      title: 'Signatures',
      body: '<p>End with <strong>{{user.name}}</strong>.</p>',
      status: 'published',
    });
    const { ticket } = await call(db, 'tickets.create', { subject: 'Templates?', contactId: contact.id });
    const reply = await call(db, 'tickets.reply', {
      id: ticket.id,
      body: 'Hi {{contact.first_name}}, see below.',
      articleIds: [plain.id, rich.id],
    });
    await flushOutbox(db);
    expect(smtp.received).toHaveLength(1);
    const raw = smtp.received[0]!.raw.replace(/=\r?\n/g, '');
    // The reply's own field is merged; the articles' braces reach the customer untouched.
    expect(raw).toContain('Hi Lola, see below.');
    expect(raw).toContain('Greeting by {{name}}');
    expect(raw).toContain('Type {{contact.first_name}} in a template');
    expect(raw).toContain('like {{user.nickname}} are refused');
    expect(raw).toContain('{{user.name}}');
    expect(raw).not.toContain('Type Lola');
    expect(raw).not.toContain('Ana Ruiz</strong>');
    expect(reply.body).not.toContain('Type Lola');
  });

  it('renames a category, and deleting it leaves its articles without a category', async () => {
    const { db } = await serviceBook();
    const category = await call(db, 'knowledgeBase.saveCategory', { nameEn: 'Shiping', nameEs: 'Envíos' });
    const other = await call(db, 'knowledgeBase.saveCategory', { nameEn: 'Returns', nameEs: 'Devoluciones' });
    const a = await call(db, 'knowledgeBase.create', {
      locale: 'en',
      title: 'Delivery times',
      categoryId: category.id,
    });
    const b = await call(db, 'knowledgeBase.create', { locale: 'en', title: 'Refunds', categoryId: other.id });
    await call(db, 'knowledgeBase.saveCategory', { id: category.id, nameEn: 'Shipping', nameEs: 'Envíos' });
    expect((await call(db, 'knowledgeBase.categories', {})).items.map((c) => c.nameEn)).toEqual([
      'Shipping',
      'Returns',
    ]);
    await call(db, 'knowledgeBase.deleteCategory', { id: category.id });
    expect((await call(db, 'knowledgeBase.categories', {})).items.map((c) => c.nameEn)).toEqual(['Returns']);
    expect((await call(db, 'knowledgeBase.get', { id: a.id })).categoryId).toBeNull();
    expect((await call(db, 'knowledgeBase.get', { id: b.id })).categoryId).toBe(other.id);
    expect((await call(db, 'knowledgeBase.list', { categoryId: category.id })).items).toEqual([]);
    // The category waits in the trash, named in both languages, and comes back from there; its
    // former article stays as it was left, without a category.
    const trash = (await call(db, 'trash.list', { entity: 'kb_categories' })).items;
    expect(trash.map((i) => [i.id, i.title])).toEqual([[category.id, 'Shipping · Envíos']]);
    await call(db, 'trash.restore', { entity: 'kb_categories', ids: [category.id] });
    expect((await call(db, 'knowledgeBase.categories', {})).items.map((c) => c.nameEn)).toEqual([
      'Shipping',
      'Returns',
    ]);
    expect((await call(db, 'knowledgeBase.get', { id: a.id })).categoryId).toBeNull();
  });

  it('refuses a second translation in the same language and a missing title, in both languages', async () => {
    const { db } = await serviceBook();
    const en = await call(db, 'knowledgeBase.create', { locale: 'en', title: 'Shipping times' });
    await expectNothingWritten(db, ['kb_articles'], async () => {
      const twice = await refuse(db, 'knowledgeBase.create', { locale: 'en', title: 'Again', translationOf: en.id });
      expect(twice.code).toBe('conflict');
      expect(twice.issues?.[0]).toMatchObject({
        path: ['locale'],
        message: 'This article already has a version in that language.',
      });
      const empty = await refuse(db, 'knowledgeBase.create', { locale: 'es', title: ' ' }, 'es');
      expect(empty.issues?.[0]).toMatchObject({ path: ['title'], message: 'Este campo es obligatorio.' });
    });
  });
});
