import { describe, expect, it } from 'vitest';
import { mutate } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import type { TimelineItem } from '../../../src/shared/contract';
import { newId } from '../../../src/shared/ids';
import { countRows, manualClock, tempDb } from '../db/temp-db';
import { allPages, call, refuse } from './api';

type TimelineInput = Parameters<typeof call<'timeline.list'>>[2];
const pagesOf = (db: CrmDb, input: TimelineInput) =>
  allPages((cursor) => call(db, 'timeline.list', { ...input, ...(cursor ? { cursor } : {}) }));
const summary = (items: TimelineItem[]) => items.map((i) => [i.kind, i.kind === 'change' ? i.subtype : i.title]);

describe('timeline of a record', () => {
  it('shows notes, field changes and the creation, newest first, with who did it', async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const ana = await call(db, 'members.create', { name: 'Ana' });
    await call(db, 'members.setCurrent', { id: ana.id });
    const c = await call(db, 'contacts.create', { firstName: 'Lola', lastName: 'Flores' });
    await call(db, 'contacts.update', { id: c.id, jobTitle: 'CEO' });
    await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: 'Wants a demo next week' });

    const { items, nextCursor } = await call(db, 'timeline.list', { entity: 'contacts', id: c.id });
    expect(nextCursor).toBeNull();
    expect(summary(items)).toEqual([
      ['note', 'Wants a demo next week'],
      ['change', 'update'],
      ['change', 'insert'],
    ]);
    const times = items.map((i) => i.at);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items[1]!.data).toEqual({ jobTitle: [null, 'CEO'] });
    expect(items[2]!.subtype).toBe('insert'); // the creation; its values are the record's own
    expect(items.every((i) => i.actor === ana.id)).toBe(true);

    // Filter by kind.
    const notes = await call(db, 'timeline.list', { entity: 'contacts', id: c.id, kinds: ['note'] });
    expect(summary(notes.items)).toEqual([['note', 'Wants a demo next week']]);
    const changes = await call(db, 'timeline.list', { entity: 'contacts', id: c.id, kinds: ['change'] });
    expect(summary(changes.items)).toEqual([
      ['change', 'update'],
      ['change', 'insert'],
    ]);
    // Another contact's timeline is its own.
    const other = await call(db, 'contacts.create', { firstName: 'Other' });
    expect(summary((await call(db, 'timeline.list', { entity: 'contacts', id: other.id })).items)).toEqual([
      ['change', 'insert'],
    ]);
  });

  it('a deleted note leaves the timeline; an edited one shows its new text', async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const c = await call(db, 'contacts.create', { firstName: 'Lola' });
    const n1 = await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: 'First' });
    const n2 = await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: 'Second' });
    await call(db, 'notes.update', { id: n1.id, body: 'First, edited' });
    await call(db, 'notes.delete', { id: n2.id });
    const notes = await call(db, 'timeline.list', { entity: 'contacts', id: c.id, kinds: ['note'] });
    expect(notes.items.map((i) => i.body)).toEqual(['First, edited']);
  });

  it('pages 25 notes 10 at a time: every note exactly once, newest first', async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const c = await call(db, 'contacts.create', { firstName: 'Lola' });
    const bodies: string[] = [];
    for (let i = 1; i <= 25; i++) {
      bodies.push(`Note ${i}`);
      await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: `Note ${i}` });
    }
    const pages = await pagesOf(db, { entity: 'contacts', id: c.id, kinds: ['note'], limit: 10 });
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat().map((i) => i.body)).toEqual([...bodies].reverse());

    // Every kind together: the 25 notes and the creation, still each once and newest first.
    const all = (await pagesOf(db, { entity: 'contacts', id: c.id, limit: 10 })).flat();
    expect(all).toHaveLength(26);
    expect(new Set(all.map((i) => `${i.kind}:${i.id}`)).size).toBe(26);
    expect(all.at(-1)).toMatchObject({ kind: 'change', subtype: 'insert' });
  });

  it('pages correctly when many notes share the same millisecond', async () => {
    const clock = manualClock(1_750_000_000_000, 0);
    const db = tempDb({ now: clock.now });
    const c = await call(db, 'contacts.create', { firstName: 'Lola' });
    const ids = new Set<string>();
    for (let i = 0; i < 25; i++) {
      ids.add((await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: `Same time ${i}` })).id);
    }
    const pages = await pagesOf(db, { entity: 'contacts', id: c.id, limit: 7 });
    const all = pages.flat();
    expect(all).toHaveLength(26);
    expect(new Set(all.filter((i) => i.kind === 'note').map((i) => i.id))).toEqual(ids);
  });

  it("a company's timeline includes its deals and notes", async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const acme = await call(db, 'companies.create', { name: 'Acme' });
    const dealId = newId();
    mutate(db, {
      table: 'deals',
      op: 'insert',
      id: dealId,
      values: { title: 'Acme renewal', companyId: acme.id, amount: 120_000, currency: 'EUR', nextStep: 'Send quote' },
    });
    mutate(db, { table: 'deals', op: 'insert', id: newId(), values: { title: 'Someone else', companyId: null } });
    await call(db, 'notes.create', { entityType: 'companies', entityId: acme.id, body: 'Budget approved' });

    const { items } = await call(db, 'timeline.list', { entity: 'companies', id: acme.id });
    expect(summary(items)).toEqual([
      ['note', 'Budget approved'],
      ['deal', 'Acme renewal'],
      ['change', 'insert'],
    ]);
    expect(items[1]).toMatchObject({ id: dealId, body: 'Send quote', data: { amount: 120_000, currency: 'EUR' } });
    const deals = await call(db, 'timeline.list', { entity: 'companies', id: acme.id, kinds: ['deal'] });
    expect(deals.items.map((i) => i.id)).toEqual([dealId]);
  });
});

describe('trash', () => {
  it('lists everything deleted across types, newest first, and restores', async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const c = await call(db, 'contacts.create', { firstName: 'Lola', lastName: 'Flores' });
    const acme = await call(db, 'companies.create', { name: 'Acme' });
    const note = await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: 'A note to delete' });
    const tag = await call(db, 'tags.create', { name: 'Old tag' });
    await call(db, 'contacts.create', { firstName: 'Alive' });

    await call(db, 'contacts.delete', { id: c.id });
    await call(db, 'companies.delete', { id: acme.id });
    await call(db, 'notes.delete', { id: note.id });
    await call(db, 'tags.delete', { id: tag.id });

    const trash = (await call(db, 'trash.list', {})).items;
    expect(trash.map((t) => [t.entity, t.title])).toEqual([
      ['tags', 'Old tag'],
      ['notes', 'A note to delete'],
      ['companies', 'Acme'],
      ['contacts', 'Lola Flores'],
    ]);
    const at = trash.map((t) => t.deletedAt);
    expect(at).toEqual([...at].sort((a, b) => b - a));
    expect((await call(db, 'trash.list', { entity: 'companies' })).items.map((t) => t.id)).toEqual([acme.id]);
    expect((await call(db, 'trash.list', { limit: 2 })).items).toHaveLength(2);

    expect(await call(db, 'trash.restore', { entity: 'contacts', ids: [c.id] })).toEqual({ restored: 1 });
    expect((await call(db, 'contacts.get', { id: c.id })).deleted).toBe(false);
    expect((await call(db, 'contacts.list', {})).items.map((x) => x.firstName).sort()).toEqual(['Alive', 'Lola']);
    expect((await call(db, 'trash.list', {})).items.map((t) => t.entity)).toEqual(['tags', 'notes', 'companies']);
    // Restoring something that is not in the trash does nothing.
    expect(await call(db, 'trash.restore', { entity: 'contacts', ids: [c.id] })).toEqual({ restored: 0 });
  });

  it('holds deleted tickets too: restored as they were, or erased with their messages', async () => {
    const db = tempDb();
    const { ticket } = await call(db, 'tickets.create', { subject: 'Printer on fire' });
    await call(db, 'tickets.addNote', { id: ticket.id, body: 'Checked the toner' });
    const other = (await call(db, 'tickets.create', { subject: 'Keep me' })).ticket;
    await call(db, 'tickets.addNote', { id: other.id, body: 'Still open' });
    await call(db, 'tickets.delete', { id: ticket.id });
    expect((await call(db, 'trash.list', { entity: 'tickets' })).items.map((t) => t.title)).toEqual([
      'Printer on fire',
    ]);

    expect(await call(db, 'trash.restore', { entity: 'tickets', ids: [ticket.id] })).toEqual({ restored: 1 });
    expect((await call(db, 'tickets.get', { id: ticket.id })).subject).toBe('Printer on fire');

    await call(db, 'tickets.delete', { id: ticket.id });
    expect(await call(db, 'trash.purge', { entity: 'tickets', ids: [ticket.id] })).toEqual({ purged: 1 });
    const messages = (id: string) =>
      db.sqlite.prepare('SELECT count(*) FROM ticket_messages WHERE ticket_id = ?').pluck().get(id);
    expect(messages(ticket.id)).toBe(0);
    expect(messages(other.id)).toBeGreaterThan(0);
    expect((await call(db, 'trash.list', {})).items).toEqual([]);
  });

  it('purge erases a deleted contact with its notes, links and tags, and search forgets them', async () => {
    const db = tempDb();
    const c = await call(db, 'contacts.create', { firstName: 'Lola', emails: [{ value: 'lola@example.com' }] });
    const keep = await call(db, 'contacts.create', { firstName: 'Keep' });
    const acme = await call(db, 'companies.create', { name: 'Acme' });
    await call(db, 'contacts.linkCompany', { contactId: c.id, companyId: acme.id });
    await call(db, 'contacts.linkCompany', { contactId: keep.id, companyId: acme.id });
    const vip = await call(db, 'tags.create', { name: 'VIP' });
    await call(db, 'tags.apply', { tagId: vip.id, entity: 'contacts', ids: [c.id, keep.id] });
    await call(db, 'notes.create', { entityType: 'contacts', entityId: c.id, body: 'Xylophone collector' });
    await call(db, 'notes.create', { entityType: 'contacts', entityId: keep.id, body: 'Xylophone seller' });
    expect((await call(db, 'search.query', { query: 'xylophone' })).hits).toHaveLength(2);

    // A live record is never erased in one step.
    expect(await call(db, 'trash.purge', { entity: 'contacts', ids: [c.id] })).toEqual({ purged: 0 });
    expect(countRows(db, 'contacts')).toBe(2);

    await call(db, 'contacts.delete', { id: c.id });
    expect(await call(db, 'trash.purge', { entity: 'contacts', ids: [c.id] })).toEqual({ purged: 1 });

    expect(db.sqlite.prepare('SELECT count(*) FROM contacts WHERE id = ?').pluck().get(c.id)).toBe(0);
    for (const table of ['notes', 'taggings', 'contact_companies']) {
      const left = db.sqlite
        .prepare(
          `SELECT count(*) FROM "${table}" WHERE ${table === 'contact_companies' ? 'contact_id' : 'entity_id'} = ?`,
        )
        .pluck()
        .get(c.id);
      expect(left, table).toBe(0);
    }
    expect((await call(db, 'search.query', { query: 'xylophone' })).hits.map((h) => h.title)).toEqual([
      'Xylophone seller',
    ]);
    expect((await call(db, 'search.query', { query: 'lola' })).hits).toEqual([]);
    expect((await call(db, 'trash.list', {})).items).toEqual([]);
    // The other contact keeps its company, tag and note.
    expect((await call(db, 'companies.contacts', { id: acme.id })).items.map((l) => l.name)).toEqual(['Keep']);
    expect((await call(db, 'tags.of', { entity: 'contacts', id: keep.id })).items.map((t) => t.name)).toEqual(['VIP']);
    // A purged id is gone for good.
    expect((await call(db, 'trash.restore', { entity: 'contacts', ids: [c.id] })).restored).toBe(0);
    expect((await refuse(db, 'contacts.get', { id: c.id })).code).toBe('not_found');
  });
});
