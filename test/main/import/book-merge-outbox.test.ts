import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { createCompany } from '../../../src/main/services/companies';
import { linkCompany } from '../../../src/main/services/contact-companies';
import { createContact, updateContact } from '../../../src/main/services/contacts';
import { collectBook, decodeBook, encodeBook, mergeBook } from '../../../src/main/services/export/book';
import { readOutbox } from '../../../src/main/sync/outbox';
import { countRows, tempDb } from '../db/temp-db';

/** What a merge left for sync to send, as the next push sends it: by row, the fields it carries. */
function outbox(db: CrmDb): { table: string; rowId: string; fields: string[] }[] {
  const rows = new Map<string, { table: string; rowId: string; fields: string[] }>();
  for (const c of readOutbox(db).changes) {
    const key = `${c.table}\u0000${c.rowId}`;
    if (!rows.has(key)) rows.set(key, { table: c.table, rowId: c.rowId, fields: [] });
    rows.get(key)!.fields.push(c.field);
  }
  return [...rows.values()].map((r) => ({ ...r, fields: r.fields.sort() }));
}

function office() {
  const db = tempDb();
  const acme = createCompany(db, { name: 'Acme Corporation' });
  const ana = createContact(db, { firstName: 'Ana', lastName: 'López' });
  linkCompany(db, { contactId: ana.id, companyId: acme.id, isPrimary: true });
  return { db, acme: acme.id, ana: ana.id };
}

describe('what a book merge queues for sync', () => {
  it('queues what the first merge brought; the same book again queues nothing', () => {
    const { db, acme, ana } = office();
    const file = encodeBook(collectBook(db, [acme]));
    const laptop = tempDb();
    mergeBook(laptop, decodeBook(file));
    const first = outbox(laptop);
    expect(first.map((e) => e.rowId)).toEqual(expect.arrayContaining([acme, ana]));
    expect(first.find((e) => e.rowId === ana)!.fields).toEqual(expect.arrayContaining(['first_name', 'last_name']));

    laptop.sqlite.exec('DELETE FROM sync_outbox'); // as after a push
    const again = mergeBook(laptop, decodeBook(file));
    expect(again.rows).toBe(0);
    expect(outbox(laptop)).toEqual([]);
    expect(countRows(laptop, 'sync_outbox')).toBe(0);
  });

  it('queues exactly the field whose newer value won, nothing of the rest of the book', () => {
    const { db, acme, ana } = office();
    const before = collectBook(db, [acme]);
    const laptop = tempDb();
    mergeBook(laptop, before);
    laptop.sqlite.exec('DELETE FROM sync_outbox');

    // Edited at the office: the next book carries one newer cell (the job title), the rest as before.
    updateContact(db, { id: ana, jobTitle: 'CEO' });
    const title = collectBook(db, [acme]).writes.find((w) => w.rowId === ana && w.field === 'job_title')!;
    const others = before.writes.filter((w) => !(w.rowId === ana && w.field === 'job_title'));
    mergeBook(laptop, decodeBook(encodeBook({ ...before, writes: [...others, title] })));

    expect(outbox(laptop)).toEqual([{ table: 'contacts', rowId: ana, fields: ['job_title'] }]);
    expect(laptop.sqlite.prepare('SELECT job_title FROM contacts WHERE id = ?').pluck().get(ana)).toBe('CEO');
  });

  it('queues nothing for values older than the workspace holds', () => {
    const { db, acme, ana } = office();
    const old = collectBook(db, [acme]);
    updateContact(db, { id: ana, jobTitle: 'CEO' });
    db.sqlite.exec('DELETE FROM sync_outbox');
    const result = mergeBook(db, old);
    expect(result.ignored).toBeGreaterThan(0);
    expect(outbox(db)).toEqual([]);
    expect(countRows(db, 'sync_outbox')).toBe(0);
    expect(db.sqlite.prepare('SELECT job_title FROM contacts WHERE id = ?').pluck().get(ana)).toBe('CEO');
  });
});
