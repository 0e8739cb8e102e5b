import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { ENTITY_NAMES } from '../../../src/main/db/entities';
import { backupNow, checkBackup, listBackups, prune, restoreBackup } from '../../../src/main/services/backup';
import { createContact } from '../../../src/main/services/contacts';
import { bookFileName, collectBook, decodeBook, encodeBook, mergeBook } from '../../../src/main/services/export/book';
import { exportCsv, exportXlsx } from '../../../src/main/services/export/records';
import { importCsv } from '../../../src/main/services/import/csv-import';
import { dispatch } from '../../../src/main/api/dispatch';
import { countRows, ctxFor, tempDb, tempDir, track } from '../db/temp-db';

const DATASET = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'crm-sales-opportunities');

async function seeded(): Promise<CrmDb> {
  const db = tempDb();
  await importCsv(db, { path: join(DATASET, 'accounts.csv'), fileName: 'accounts.csv', entity: 'companies' });
  const path = join(tempDir(), 'people.csv');
  writeFileSync(
    path,
    'First name,Last name,Email,Company,Tags,Mobile\nAna,López,ana@acme.com,Acme Corporation,vip,+34600111222\nLuis,Pérez,luis@codehow.com,Codehow,,\n',
  );
  await importCsv(db, { path, fileName: 'people.csv', entity: 'contacts' });
  return db;
}

/** Every synced row as stored, minus what each book derives for itself. */
function dump(db: CrmDb) {
  const out: Record<string, unknown[]> = {};
  for (const table of ENTITY_NAMES) {
    out[table] = (db.sqlite.prepare(`SELECT * FROM "${table}" ORDER BY id`).all() as Record<string, unknown>[]).map(
      ({ name_sort: _n, at: _a, ...rest }) => rest,
    );
  }
  return out;
}

describe('exports', () => {
  it('CSV of a list imports back with every column mapped by itself; BOM only when asked', async () => {
    const db = await seeded();
    const plain = exportCsv(db, 'companies', {});
    expect(plain.count).toBe(85);
    expect(plain.text.startsWith('id,name,domain')).toBe(true);
    const excel = exportCsv(db, 'contacts', {}, { bom: true });
    expect(excel.text.startsWith('\uFEFFid,prefix,firstName')).toBe(true);
    expect(excel.text).toContain('Ana,,López');
    const filtered = exportCsv(db, 'companies', { query: 'acme' });
    expect(filtered.count).toBe(1);

    const copy = tempDb();
    const path = join(tempDir(), 'companies.csv');
    writeFileSync(path, plain.text);
    const back = await importCsv(copy, {
      path,
      fileName: 'companies.csv',
      entity: 'companies',
      settings: { columns: undefined },
    });
    expect(back.ok).toBe(true);
    expect(back.counts.created).toBe(85);
    const row = (d: CrmDb) =>
      d.sqlite
        .prepare(
          `SELECT c.name, c.industry, c.employees, c.annual_revenue, c.addresses, p.name AS parent FROM companies c LEFT JOIN companies p ON p.id = c.parent_id ORDER BY c.name`,
        )
        .all();
    expect(row(copy)).toEqual(row(db));
  });

  it('XLSX with a bold header and one row per record', async () => {
    const db = await seeded();
    const { data, count } = await exportXlsx(db, 'contacts', {});
    expect(count).toBe(2);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(3).value).toBe('firstName');
    expect(sheet.getRow(2).getCell(3).value).toBe('Ana');
  });

  it('the workspace as JSON imports back to an equal workspace, and twice changes nothing more', async () => {
    const db = await seeded();
    const json = JSON.stringify(collectBook(db, null));
    const copy = tempDb();
    mergeBook(copy, decodeBook(Buffer.from(json)));
    expect(dump(copy)).toEqual(dump(db));
    const again = mergeBook(copy, decodeBook(Buffer.from(json)));
    expect(again.rows).toBe(0);
    expect(dump(copy)).toEqual(dump(db));
    expect(copy.nodeId).not.toBe(db.nodeId);
  });
});

describe('portable client books', () => {
  it('carries one company with its contacts and notes; newer values win when merged back', async () => {
    const db = await seeded();
    const acme = db.sqlite.prepare(`SELECT id FROM companies WHERE name = 'Acme Corporation'`).pluck().get() as string;
    const book = collectBook(db, [acme]);
    expect(book.counts.companies).toBe(1);
    expect(book.counts.contacts).toBe(1);
    const file = encodeBook(book, 'correct horse');
    expect(() => decodeBook(file, 'wrong pass')).toThrow(/invalid_input/);
    expect(() => decodeBook(file)).toThrow(/invalid_input/);

    const laptop = tempDb();
    mergeBook(laptop, decodeBook(file, 'correct horse'));
    expect(countRows(laptop, 'contacts')).toBe(1);
    expect(laptop.sqlite.prepare('SELECT first_name FROM contacts').pluck().get()).toBe('Ana');
    // Edited on the laptop: the later value wins back at the office, once, without duplicates.
    const ana = laptop.sqlite.prepare('SELECT id FROM contacts').pluck().get() as string;
    const { updateContact } = await import('../../../src/main/services/contacts');
    updateContact(laptop, { id: ana, jobTitle: 'CEO' });
    const back = encodeBook(collectBook(laptop, [acme]));
    mergeBook(db, decodeBook(back));
    mergeBook(db, decodeBook(back));
    expect(db.sqlite.prepare('SELECT job_title FROM contacts WHERE id = ?').pluck().get(ana)).toBe('CEO');
    expect(countRows(db, 'contacts')).toBe(2);
  });
});

describe('what merging a book reports', () => {
  it('says which records a merge changed, and that the same book again brings nothing new', async () => {
    const db = await seeded();
    const acme = db.sqlite.prepare(`SELECT id FROM companies WHERE name = 'Acme Corporation'`).pluck().get() as string;
    const file = encodeBook(collectBook(db, [acme]));
    const laptop = tempDb();
    const first = mergeBook(laptop, decodeBook(file));
    expect(first.changed).toMatchObject({ companies: 1, contacts: 1, contact_companies: 1 });
    expect(first.rows).toBe(Object.values(first.changed).reduce((a, b) => a + b, 0));
    expect(first.counts).toMatchObject({ companies: 1, contacts: 1 });

    const again = mergeBook(laptop, decodeBook(file));
    // Same values with the same stamps: nothing changed, though every value "took its cell" again.
    expect(again.rows).toBe(0);
    expect(again.changed).toEqual({});
    expect(again.counts).toEqual(first.counts);
    expect(countRows(laptop, 'companies')).toBe(1);
    expect(countRows(laptop, 'contacts')).toBe(1);
  });

  it('names a book of one company after it, accents and spaces folded', async () => {
    const db = tempDb();
    const { createCompany } = await import('../../../src/main/services/companies');
    const one = createCompany(db, { name: 'Café Müller & Söhne, S.L.' });
    const two = createCompany(db, { name: 'Otra' });
    expect(bookFileName(db, [one.id], '2026-12-05')).toBe('book-cafe-muller-sohne-s-l-2026-12-05.crmbook');
    expect(bookFileName(db, [one.id, two.id], '2026-12-05')).toBe('book-2026-12-05.crmbook');
    expect(bookFileName(db, null, '2026-12-05')).toBe('book-2026-12-05.crmbook');
  });
});

describe('books through the API (the window)', () => {
  it('uploads a sealed book; a wrong passphrase is refused in Spanish and touches nothing', async () => {
    const db = await seeded();
    const data = encodeBook(collectBook(db, null), 'correct horse').toString('base64');
    const other = tempDb();
    const ctx = ctxFor(other, 'es');
    const upload = await dispatch('import.upload', { fileName: 'libro.crmbook', data }, ctx);
    expect(upload.ok).toBe(true);
    const uploadId = (upload as { value: { uploadId: string } }).value.uploadId;
    const wrong = await dispatch('import.book', { uploadId, passphrase: 'wrong horse' }, ctx);
    expect(wrong).toMatchObject({
      ok: false,
      error: { key: 'book.wrong_passphrase', message: expect.stringContaining('Contraseña incorrecta') },
    });
    expect(countRows(other, 'companies')).toBe(0);
    const right = await dispatch('import.book', { uploadId, passphrase: 'correct horse' }, ctx);
    expect(right).toMatchObject({ ok: true, value: { rows: expect.any(Number), changed: { companies: 85 } } });
    expect(countRows(other, 'companies')).toBe(85);
    const again = await dispatch('import.book', { uploadId, passphrase: 'correct horse' }, ctx);
    expect(again).toMatchObject({ ok: true, value: { rows: 0, changed: {}, counts: { companies: 85 } } });
  });
});

describe('backups', () => {
  it('backs up while open, restores after checking, keeps the current book aside, refuses junk', async () => {
    const db = await seeded();
    const info = await backupNow(db, { reason: 'manual' });
    expect(checkBackup(info.path).schemaVersion).toBe(db.schemaVersion);
    createContact(db, { firstName: 'After backup' });
    const path = db.path;
    db.close();
    const junk = join(tempDir(), 'junk.sqlite');
    writeFileSync(junk, 'not a database at all');
    expect(() => restoreBackup(path, junk)).toThrow(/invalid_input/);
    const { kept } = restoreBackup(path, info.path);
    expect(kept && existsSync(kept)).toBe(true);
    const restored = track(openDatabase({ path }));
    expect(
      restored.sqlite.prepare(`SELECT count(*) FROM contacts WHERE first_name = 'After backup'`).pluck().get(),
    ).toBe(0);
    expect(countRows(restored, 'companies')).toBe(85);
    expect(readFileSync(kept!).length).toBeGreaterThan(0);
  });

  // 60 days of daily backups ending on a Sunday (the 7 newest fill one ISO week) and on a
  // Wednesday (they straddle two weeks): either way 7 days in a row, then one per older week.
  it.each([
    ['Sunday', Date.UTC(2026, 2, 1, 12)],
    ['Wednesday', Date.UTC(2026, 2, 4, 12)],
  ])('keeps the 7 newest daily backups and one for each of the 4 weeks before them (ending %s)', async (_day, end) => {
    const { utimesSync } = await import('node:fs');
    const DAY = 86_400_000;
    let now = end - 59 * DAY;
    const db = tempDb({ now: () => now });
    const manual = await backupNow(db, { reason: 'manual' });
    for (let day = 59; day >= 0; day--) {
      now = end - day * DAY;
      const info = await backupNow(db, { reason: 'daily' });
      utimesSync(info.path, now / 1000, now / 1000);
      prune(db);
    }
    const days = listBackups(db)
      .filter((b) => b.reason === 'daily')
      .map((b) => Math.round((end - b.createdAt) / DAY));
    expect(days.slice(0, 7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const older = days.slice(7);
    expect(older).toHaveLength(4);
    // One per older week, its newest day (a Sunday, weeks run Monday to Sunday), from the week
    // before the 7 newest on: four Sundays in a row.
    const sundays = older.map((d) => new Date(end - d * DAY).getUTCDay());
    expect(sundays).toEqual([0, 0, 0, 0]);
    const firstSunday = [7, 8, 9, 10, 11, 12, 13].find((d) => new Date(end - d * DAY).getUTCDay() === 0);
    expect(older).toEqual([0, 7, 14, 21].map((w) => firstSunday! + w));
    // Other kinds are not touched by the daily retention.
    expect(existsSync(manual.path)).toBe(true);
  });
});
