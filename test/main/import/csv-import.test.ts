import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../../src/main/services/contacts';
import { createCustomField } from '../../../src/main/services/custom-fields';
import { errorReportCsv, importCsv } from '../../../src/main/services/import/csv-import';
import { detectEncoding } from '../../../src/main/services/import/source';
import { batchesForRecord, listBatches, undoImport } from '../../../src/main/services/import/history';
import { countRows, tempDb, tempDir } from '../db/temp-db';

const DATASET = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'crm-sales-opportunities');

function file(content: string | Buffer, name = 'in.csv'): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** Everything an import could touch: equal before and after means nothing was written. */
function bookState(db: ReturnType<typeof tempDb>) {
  return [
    'contacts',
    'companies',
    'members',
    'tags',
    'taggings',
    'notes',
    'contact_companies',
    'audit_history',
    'sync_outbox',
    'import_batches',
    'import_items',
    'search_doc',
  ].map((t) => countRows(db, t));
}

describe('CSV import: the real dataset', () => {
  it('imports the 85 accounts with their parent companies linked, skips them all the second time, and undoes', async () => {
    const db = tempDb();
    const path = join(DATASET, 'accounts.csv');
    const first = await importCsv(db, { path, fileName: 'accounts.csv', entity: 'companies' });
    expect(first.ok).toBe(true);
    expect(first.counts).toMatchObject({ rows: 85, created: 85, errors: 0 });
    expect(first.settings.columns).toMatchObject({ account: 'name', sector: 'industry', subsidiary_of: 'parent' });
    const count = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;
    expect(count('SELECT count(*) FROM companies WHERE deleted = 0')).toBe(85);
    expect(count('SELECT count(*) FROM companies WHERE parent_id IS NOT NULL')).toBe(15);
    const parent = db.sqlite
      .prepare(`SELECT p.name FROM companies c JOIN companies p ON p.id = c.parent_id WHERE c.name = 'Codehow'`)
      .pluck()
      .get();
    expect(parent).toBe('Acme Corporation');
    // Revenue and employees are numbers, office location a country code.
    const acme = db.sqlite.prepare(`SELECT * FROM companies WHERE name = 'Acme Corporation'`).get() as Record<
      string,
      unknown
    >;
    expect(acme).toMatchObject({ annual_revenue: 1100.04, employees: 2822, industry: 'technolgy' });
    expect(JSON.parse(acme.addresses as string)).toEqual([{ country: 'US' }]);
    // Each record's history shows where it came from.
    expect(batchesForRecord(db, acme.id as string)).toMatchObject([{ id: first.batch!.id, action: 'created' }]);
    const origin = db.sqlite.prepare('SELECT origin FROM audit_history WHERE entity_id = ?').pluck().get(acme.id);
    expect(origin).toBe('import');

    const again = await importCsv(db, { path, fileName: 'accounts.csv', entity: 'companies' });
    expect(again.counts).toMatchObject({ created: 0, skipped: 85 });
    expect(count('SELECT count(*) FROM companies WHERE deleted = 0')).toBe(85);

    undoImport(db, first.batch!.id);
    expect(count('SELECT count(*) FROM companies WHERE deleted = 0')).toBe(0);
    expect(listBatches(db).find((b) => b.id === first.batch!.id)?.status).toBe('undone');
    expect(() => undoImport(db, first.batch!.id)).toThrow(/conflict/);
  });
});

describe('CSV import: formats', () => {
  const spanish =
    'Nombre;Apellidos;Correo electrónico;Teléfono;Empresa;Fecha de nacimiento;Ingresos;Etiquetas;Nivel\r\n' +
    'José;García Núñez;JOSE@Example.com;+34 600 123 456;Acme Ibérica;25/12/1980;1.234,50;vip, madrid;Oro\r\n' +
    'Begoña;Muñoz;bego@example.com;;Acme Ibérica;03/04/1975;12,5;;Plata\r\n';

  it('reads Windows-1252 with ";" and Spanish headers: D/M dates, comma decimals, companies created on request, tags, custom fields by label', async () => {
    const db = tempDb();
    createCustomField(db, { entity: 'contacts', label: 'Ingresos', type: 'number' });
    createCustomField(db, {
      entity: 'contacts',
      label: 'Nivel',
      type: 'select',
      options: [{ label: 'Oro' }, { label: 'Plata' }],
    });
    const path = file(iconv.encode(spanish, 'windows-1252'));
    const refused = await importCsv(db, { path, fileName: 'es.csv', entity: 'contacts' });
    expect(refused.ok).toBe(false);
    expect(refused.problems.map((p) => p.key)).toEqual(['import.company_missing', 'import.company_missing']);
    expect(countRows(db, 'contacts')).toBe(0);

    const out = await importCsv(db, {
      path,
      fileName: 'es.csv',
      entity: 'contacts',
      settings: { createMissing: true },
    });
    expect(out.settings).toMatchObject({ encoding: 'windows-1252', delimiter: ';', hasHeader: true });
    expect(out.counts).toMatchObject({ rows: 2, created: 2, related: 3 }); // 1 company + 2 tags
    const jose = db.sqlite.prepare(`SELECT * FROM contacts WHERE first_name = 'José'`).get() as Record<string, string>;
    expect(jose.last_name).toBe('García Núñez');
    expect(jose.birthday).toBe('1980-12-25');
    expect(JSON.parse(String(jose.emails))).toEqual([{ value: 'jose@example.com' }]);
    expect(JSON.parse(String(jose.phones))).toEqual([{ value: '+34600123456' }]);
    const custom = JSON.parse(String(jose.custom)) as Record<string, unknown>;
    expect(Object.values(custom)).toContain(1234.5);
    expect(Object.values(custom).some((v) => typeof v === 'string' && v.startsWith('o_'))).toBe(true);
    const links = db.sqlite.prepare('SELECT count(*) FROM contact_companies WHERE is_primary = 1').pluck().get();
    expect(links).toBe(2);
    expect(db.sqlite.prepare('SELECT name FROM tags ORDER BY name').pluck().all()).toEqual(['madrid', 'vip']);
  });

  it('detects UTF-8 with a BOM, UTF-16 LE and BE, tabs, and files without a header row', async () => {
    const csv = 'First name,Last name,Email\nAna,López,ana@example.com\n';
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]), 'utf-8'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv, 'utf-16le')]), 'utf-16le'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(csv, 'utf-16be')]), 'utf-16be'],
      [iconv.encode(csv, 'utf-16le'), 'utf-16le'],
    ] as const) {
      const db = tempDb();
      const out = await importCsv(db, { path: file(bytes), fileName: 'x.csv', entity: 'contacts' });
      expect(out.settings.encoding).toBe(encoding);
      expect(db.sqlite.prepare('SELECT last_name FROM contacts').pluck().get()).toBe('López');
    }
    const db = tempDb();
    const headless = file('Ana López\tana@example.com\nLuis Pérez\tluis@example.com\n');
    const out = await importCsv(db, {
      path: headless,
      fileName: 'x.tsv',
      entity: 'contacts',
      settings: { columns: { '#1': 'fullName', '#2': 'email' } },
    });
    expect(out.settings).toMatchObject({ delimiter: '\t', hasHeader: false });
    expect(out.counts.created).toBe(2);
  });

  it('splits full names and reads M/D/YYYY dates when the file says so', async () => {
    const db = tempDb();
    const path = file('Name,Birthday\n"Dr. Ana María López Jr.",12/31/1990\n"García, José",1/2/1985\n');
    const out = await importCsv(db, { path, fileName: 'x.csv', entity: 'contacts', settings: { dateFormat: 'mdy' } });
    expect(out.ok).toBe(true);
    const rows = db.sqlite
      .prepare('SELECT prefix, first_name, last_name, suffix, birthday FROM contacts ORDER BY first_name')
      .all();
    expect(rows).toEqual([
      { prefix: 'Dr.', first_name: 'Ana', last_name: 'María López', suffix: 'Jr.', birthday: '1990-12-31' },
      { prefix: null, first_name: 'José', last_name: 'García', suffix: null, birthday: '1985-01-02' },
    ]);
  });
});

describe('CSV import: dedupe', () => {
  it('skips, updates (undo puts the old values back) or creates anyway, matching by the duplicate rules', async () => {
    const db = tempDb();
    const existing = createContact(db, {
      firstName: 'Ana',
      lastName: 'López',
      jobTitle: 'Engineer',
      emails: [{ value: 'ana@example.com' }],
    });
    const path = file(
      'First name,Last name,Email,Title,Phone\nAna,López,ANA@example.com,CTO,+34600111222\nLuis,Pérez,luis@example.com,,\n',
    );
    const skip = await importCsv(db, { path, fileName: 'x.csv', entity: 'contacts', dryRun: true });
    expect(skip.counts).toMatchObject({ created: 1, skipped: 1, updated: 0 });
    expect(countRows(db, 'contacts')).toBe(1); // a dry run writes nothing

    const update = await importCsv(db, { path, fileName: 'x.csv', entity: 'contacts', settings: { dedupe: 'update' } });
    expect(update.counts).toMatchObject({ created: 1, updated: 1, skipped: 0 });
    const after = db.sqlite.prepare('SELECT job_title, phones FROM contacts WHERE id = ?').get(existing.id) as Record<
      string,
      string
    >;
    expect(after.job_title).toBe('CTO');
    expect(JSON.parse(String(after.phones))).toEqual([{ value: '+34600111222' }]);
    expect(batchesForRecord(db, existing.id)).toMatchObject([{ action: 'updated' }]);

    undoImport(db, update.batch!.id);
    const undone = db.sqlite
      .prepare('SELECT job_title, phones, deleted FROM contacts WHERE id = ?')
      .get(existing.id) as Record<string, unknown>;
    expect(undone).toEqual({ job_title: 'Engineer', phones: '[]', deleted: 0 });
    expect(db.sqlite.prepare(`SELECT deleted FROM contacts WHERE first_name = 'Luis'`).pluck().get()).toBe(1);

    const create = await importCsv(db, { path, fileName: 'x.csv', entity: 'contacts', settings: { dedupe: 'create' } });
    expect(create.counts).toMatchObject({ created: 2 });
  });

  it('treats a repeated row of the same file as a duplicate too', async () => {
    const db = tempDb();
    const path = file('Email,First name\na@example.com,Ana\nA@example.com,Ana\n');
    const out = await importCsv(db, { path, fileName: 'x.csv', entity: 'contacts' });
    expect(out.counts).toMatchObject({ created: 1, skipped: 1 });
  });
});

describe('CSV import: bad input writes nothing and says why', () => {
  it('refuses unbalanced quotes, ragged rows, bad values, binary junk, zero bytes and a wrong encoding', async () => {
    const db = tempDb();
    createContact(db, { firstName: 'Existing' });
    const before = bookState(db);
    const cases: [string | Buffer, string][] = [
      [
        'First name,Email\nAna,ana@example.com\n"Luis,luis@example.com\nEva,eva@example.com\n',
        'import.unbalanced_quotes',
      ],
      ['First name,Email\nAna,ana@example.com\nLuis,luis@example.com,extra\nEva\n', 'import.ragged_row'],
      ['First name,Email,Birthday\nAna,not-an-email,1990-01-01\n', 'validation.email_invalid'],
      ['First name,Birthday\nAna,31/31/1990\n', 'import.bad_date'],
    ];
    for (const [content, key] of cases) {
      const out = await importCsv(db, { path: file(content), fileName: 'bad.csv', entity: 'contacts' });
      expect(out.ok, key).toBe(false);
      expect(
        out.problems.map((p) => p.key),
        key,
      ).toContain(key);
      expect(out.batch).toBeNull();
    }
    const ragged = await importCsv(db, { path: file(cases[1]![0]), fileName: 'bad.csv', entity: 'contacts' });
    expect(ragged.problems.map((p) => p.row)).toEqual([3, 4]);
    const bad = await importCsv(db, { path: file(cases[2]![0]), fileName: 'bad.csv', entity: 'contacts' });
    expect(bad.problems[0]).toMatchObject({ row: 2, column: 'Email', value: 'not-an-email' });

    const junk = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expect(importCsv(db, { path: file(junk), fileName: 'x.csv', entity: 'contacts' })).rejects.toMatchObject({
      key: 'import.binary_file',
    });
    await expect(importCsv(db, { path: file(''), fileName: 'x.csv', entity: 'contacts' })).rejects.toMatchObject({
      key: 'import.empty_file',
    });
    await expect(
      importCsv(db, { path: file('First name\n'), fileName: 'x.csv', entity: 'contacts' }),
    ).rejects.toMatchObject({ key: 'import.no_rows' });
    const latin = file(iconv.encode('First name,Last name\nJosé,Núñez\n', 'windows-1252'));
    const wrong = await importCsv(db, {
      path: latin,
      fileName: 'x.csv',
      entity: 'contacts',
      settings: { encoding: 'utf-8' },
    });
    expect(wrong.problems[0]).toMatchObject({ row: 2, key: 'import.bad_encoding' });
    expect(bookState(db)).toEqual(before);
  });

  it('writes a translated error report with row, column and value', async () => {
    const db = tempDb();
    const out = await importCsv(db, {
      path: file('Nombre,Correo\nAna,no-es-correo\n'),
      fileName: 'x.csv',
      entity: 'contacts',
    });
    const report = errorReportCsv(out.problems, 'es');
    expect(report.startsWith('\uFEFFFila,Columna,Valor,Problema')).toBe(true);
    expect(report).toContain('2,Correo,no-es-correo,');
    expect(report).toContain('correo');
  });

  it('a 1,000,000-row file cancelled half way leaves the book as it was', { timeout: 120_000 }, async () => {
    const db = tempDb();
    const before = bookState(db);
    const lines = ['First name,Last name,Email'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`Name${i},Last${i},p${i}@example.com`);
    const path = file(lines.join('\n'));
    const controller = new AbortController();
    let seen = 0;
    await expect(
      importCsv(db, {
        path,
        fileName: 'big.csv',
        entity: 'contacts',
        signal: controller.signal,
        onProgress: (p) => {
          seen = Math.max(seen, p.done / p.total);
          if (p.done / p.total >= 0.5) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ key: 'import.cancelled' });
    expect(seen).toBeGreaterThanOrEqual(0.5);
    expect(seen).toBeLessThan(1);
    expect(bookState(db)).toEqual(before);
  });

  it(
    'cancelled half way through writing, rolls all of it back; other writes are refused meanwhile',
    { timeout: 120_000 },
    async () => {
      const db = tempDb();
      const before = bookState(db);
      const lines = ['First name,Last name,Email'];
      for (let i = 0; i < 100_000; i++) lines.push(`Name${i},Last${i},w${i}@example.com`);
      const path = file(lines.join('\n'));
      const controller = new AbortController();
      const written: number[] = [];
      let refused: unknown = null;
      let readMidway = -1;
      await expect(
        importCsv(db, {
          path,
          fileName: 'big.csv',
          entity: 'contacts',
          signal: controller.signal,
          onProgress: (p) => {
            if (p.phase !== 'writing' || p.done === 0) return;
            written.push(p.done / p.total);
            if (p.done / p.total < 0.5 || readMidway >= 0) return;
            readMidway = 0;
            // What the window would do between two steps: read (allowed), write (refused), cancel.
            setImmediate(() => {
              readMidway = countRows(db, 'contacts');
              try {
                createContact(db, { firstName: 'Typed', lastName: 'Meanwhile' });
              } catch (error) {
                refused = error;
              }
              controller.abort();
            });
          },
        }),
      ).rejects.toMatchObject({ key: 'import.cancelled' });
      expect(written.length).toBeGreaterThan(1);
      expect(Math.max(...written)).toBeGreaterThanOrEqual(0.5);
      expect(Math.max(...written)).toBeLessThan(1);
      expect(readMidway).toBeGreaterThan(0);
      expect(refused).toMatchObject({ key: 'errors.busy_importing' });
      expect(bookState(db)).toEqual(before);
      // The book takes writes again at once.
      createContact(db, { firstName: 'After', lastName: 'Cancel' });
      expect(countRows(db, 'contacts')).toBe(1);
    },
  );
});

describe('encoding of a short Spanish file', () => {
  it('is Windows-1252 even when the statistics lean to ISO-8859-2 (ñ would read as ń)', () => {
    // This exact file is one chardet guesses as ISO-8859-2 (a few names, little text).
    const n = 'e6w67z';
    const csv =
      'Nombre;Apellidos;Correo electrónico;Empresa;Cumpleaños\r\n' +
      `Begoña${n};Muñoz;bego.${n}@example.com;Ibérica ${n};31/02/1980\r\n` +
      `Iñaki${n};Zubizarreta;inaki.${n}@example.com;Ibérica ${n};12/05/1975\r\n`;
    expect(detectEncoding(iconv.encode(csv, 'windows-1252'), true)).toBe('windows-1252');
    // A Czech file stays ISO-8859-2: its letters are not Spanish ones.
    const czech = 'Jméno;Příjmení;Město\r\nJiří;Dvořák;Plzeň\r\nŠárka;Kubíčková;Brno\r\nŽaneta;Šťastná;Ústí\r\n'.repeat(
      20,
    );
    expect(detectEncoding(iconv.encode(czech, 'iso-8859-2'), true)).toBe('iso-8859-2');
  });
});
