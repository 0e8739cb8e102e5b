import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportVCards, importVcardFile } from '../../../src/main/services/vcard';
import { parseVCards } from '../../../src/main/services/vcard-format';
import type { CrmDb } from '../../../src/main/db/open';
import { tempDb, tempDir } from '../db/temp-db';

const SAMPLES = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'interop', 'vcard');

function contacts(db: CrmDb) {
  return db.sqlite.prepare('SELECT * FROM contacts WHERE deleted = 0 ORDER BY name_sort').all() as Record<
    string,
    string
  >[];
}

/** What a contact holds that a vCard carries, in a comparable shape. */
function snapshot(db: CrmDb) {
  return contacts(db).map((c) => ({
    name: [c.prefix, c.first_name, c.middle_name, c.last_name, c.suffix],
    emails: JSON.parse(String(c.emails)),
    phones: JSON.parse(String(c.phones)),
    addresses: JSON.parse(String(c.addresses)),
    title: c.job_title,
    department: c.department,
    birthday: c.birthday,
    company: db.sqlite
      .prepare(
        'SELECT co.name FROM contact_companies cc JOIN companies co ON co.id = cc.company_id WHERE cc.contact_id = ?',
      )
      .pluck()
      .get(c.id),
    notes: db.sqlite.prepare('SELECT body FROM notes WHERE entity_id = ?').pluck().all(c.id),
    tags: db.sqlite
      .prepare('SELECT t.name FROM taggings g JOIN tags t ON t.id = g.tag_id WHERE g.entity_id = ? ORDER BY t.name')
      .pluck()
      .all(c.id),
    photo:
      (db.sqlite.prepare('SELECT length(data) FROM contact_photos WHERE contact_id = ?').pluck().get(c.id) as number) ??
      0,
  }));
}

describe('vCard import of real address-book exports', () => {
  it.each([
    ['John_Doe_MAC_ADDRESS_BOOK.vcf', '3.0'],
    ['John_Doe_MS_OUTLOOK.vcf', '2.1'],
    ['John_Doe_EVOLUTION.vcf', '3.0'],
    ['John_Doe_GMAIL.vcf', '3.0'],
  ])('%s (vCard %s): names, emails, phones, addresses, organisation, title, birthday, notes', async (name) => {
    const db = tempDb();
    const result = await importVcardFile(db, join(SAMPLES, name));
    expect(result.bad).toEqual([]);
    expect(result.counts.created).toBe(1);
    const [john] = snapshot(db);
    expect(john!.name).toEqual(['Mr.', 'John', expect.stringMatching(/Richter/), 'Doe', 'Sr.']);
    expect(john!.emails[0].value).toMatch(/^john\.doe@ibm\.c/);
    expect(john!.phones.length).toBeGreaterThanOrEqual(2);
    expect(john!.phones.every((p: { value: string }) => p.value.startsWith('+1905'))).toBe(true);
    expect(john!.addresses.length).toBeGreaterThanOrEqual(1);
    expect(john!.company).toBe('IBM');
    expect(john!.title).toBe('Money Counter');
    expect(john!.birthday).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(john!.notes[0]).toMatch(/THIS SOFTWARE IS PROVIDED/);
  });

  it('keeps photos (base64 in 3.0, quoted 2.1) and reads quoted-printable UTF-8 with soft line breaks', async () => {
    const db = tempDb();
    await importVcardFile(db, join(SAMPLES, 'John_Doe_MAC_ADDRESS_BOOK.vcf'));
    expect(snapshot(db)[0]!.photo).toBeGreaterThan(10_000);
    const outlook = tempDb();
    await importVcardFile(outlook, join(SAMPLES, 'John_Doe_MS_OUTLOOK.vcf'));
    expect(snapshot(outlook)[0]!.photo).toBeGreaterThan(500);
    const android = tempDb();
    const result = await importVcardFile(android, join(SAMPLES, 'John_Doe_ANDROID.vcf'));
    expect(result.counts.rows).toBe(6);
    expect(result.bad).toEqual([]);
    const names = contacts(android).map((c) => `${c.first_name} ${c.last_name ?? ''}`);
    expect(names.some((n) => n.includes('Ñ Ñ Ñ'))).toBe(true);
    expect(names.join(' ')).not.toContain('=C3');
  });

  it('reads the RFC 6350 example (vCard 4.0)', async () => {
    const db = tempDb();
    await importVcardFile(db, join(SAMPLES, 'rfc6350-example.vcf'));
    const [simon] = snapshot(db);
    expect(simon).toMatchObject({
      name: [null, 'Simon', null, 'Perreault', 'ing. jr,M.Sc.'],
      emails: [{ value: 'simon.perreault@viagenie.ca', label: 'work' }],
      company: 'Viagenie',
    });
    expect(simon!.addresses[0]).toMatchObject({ city: 'Quebec', country: 'CA', postalCode: 'G1V 2M2' });
  });

  it('imports the good cards of a file with broken ones and lists the broken ones', async () => {
    const db = tempDb();
    const path = join(tempDir(), 'mixed.vcf');
    writeFileSync(
      path,
      [
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana López\r\nEMAIL:ana@example.com\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nTITLE:no name at all\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Garbage\r\nthis line is no property\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Luis Pérez\r\nTEL;TYPE=CELL:+34 600 111 222\r\nEND:VCARD',
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Never Ends\r\n',
      ].join('\r\n'),
    );
    const result = await importVcardFile(db, path);
    expect(result.counts.created).toBe(2);
    expect(result.bad.map((b) => b.card)).toEqual([2, 3, 5]);
    expect(result.bad.map((b) => b.reason)).toEqual([
      'no FN, N, ORG or EMAIL',
      'unreadable line 13',
      'END:VCARD missing',
    ]);
    expect(contacts(db).map((c) => c.first_name)).toEqual(['Ana', 'Luis']);
  });
});

describe('vCard export', () => {
  it.each(['3.0', '4.0'] as const)('exports vCard %s that re-imports without loss', async (version) => {
    const db = tempDb();
    for (const name of ['John_Doe_MAC_ADDRESS_BOOK.vcf', 'rfc6350-example.vcf', 'John_Doe_EVOLUTION.vcf']) {
      await importVcardFile(db, join(SAMPLES, name), { dedupe: 'create' });
    }
    const { text, count } = exportVCards(db, { version });
    expect(count).toBe(3);
    expect(text).toContain(`VERSION:${version}`);
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    const parsed = parseVCards(text);
    expect(parsed.problems).toEqual([]);
    const path = join(tempDir(), 'out.vcf');
    writeFileSync(path, text);
    const copy = tempDb();
    await importVcardFile(copy, path, { dedupe: 'create' });
    expect(snapshot(copy)).toEqual(snapshot(db));
  });
});
