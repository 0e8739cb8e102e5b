import Papa from 'papaparse';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/main/cli';
import { openDatabase } from '../../../src/main/db/open';
import { tempDir, track } from '../db/temp-db';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const VCARDS = join(ROOT, '..', 'shared', 'datasets', 'interop', 'vcard');
/** `crm` run in this process (as bin/crm.js runs it), with what it prints captured. */
async function crm(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const status = await main(args);
    return { status, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
// The workspaces here are not encrypted, and their language is English unless --lang says otherwise.
beforeEach(() => {
  vi.stubEnv('CRM_PASSPHRASE', '');
  vi.stubEnv('CRM_BOOK_PASSPHRASE', '');
  vi.stubEnv('CRM_LANG', 'en');
});
afterEach(() => vi.unstubAllEnvs());
const json = (r: Awaited<ReturnType<typeof crm>>) => {
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, unknown>;
};
const api = (db: string, method: string, input: object, extra: string[] = []) =>
  crm(['api', method, JSON.stringify(input), '--db', db, ...extra]);
const count = (db: string, sql: string) => {
  const book = track(openDatabase({ path: db }));
  try {
    return book.sqlite.prepare(sql).pluck().get() as number;
  } finally {
    book.close();
  }
};
const backups = (db: string) => {
  const dir = join(db, '..', 'backups');
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.includes('-import-')) : [];
};

describe('crm import and export of vCards', () => {
  it('imports a .vcf (after a backup), exports the contacts as vCard 3.0 and re-imports them without loss', async () => {
    const db = join(tempDir(), 'a.sqlite');
    await crm(['init', '--db', db]);
    const first = json(await crm(['import', 'contacts', join(VCARDS, 'John_Doe_GMAIL.vcf'), '--db', db, '--json']));
    expect(first.counts).toMatchObject({ created: 1 });
    // A backup of the book as it was is taken before the import writes.
    expect(backups(db)).toHaveLength(1);
    json(await crm(['import', 'contacts', join(VCARDS, 'rfc6350-example.vcf'), '--db', db, '--json', '--no-backup']));
    expect(backups(db)).toHaveLength(1);

    const out = join(tempDir(), 'all.vcf');
    const exported = json(
      await crm([
        'export',
        'contacts',
        '--format',
        'vcf',
        '--vcard-version',
        '3.0',
        '--out',
        out,
        '--db',
        db,
        '--json',
      ]),
    );
    expect(exported.count).toBe(2);
    const text = readFileSync(out, 'utf8');
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(text).toContain('VERSION:3.0');

    const copy = join(tempDir(), 'b.sqlite');
    await crm(['init', '--db', copy]);
    expect(json(await crm(['import', 'contacts', out, '--db', copy, '--json'])).counts).toMatchObject({ created: 2 });
    const people = (path: string) => {
      const book = track(openDatabase({ path }));
      try {
        return book.sqlite
          .prepare('SELECT first_name, last_name, emails, phones, birthday, job_title FROM contacts ORDER BY name_sort')
          .all();
      } finally {
        book.close();
      }
    };
    expect(people(copy)).toEqual(people(db));
  });
});

describe('crm export of deals and activities', () => {
  it('writes deals as CSV and activities as XLSX or CSV (ICS stays the default for activities)', async () => {
    const db = join(tempDir(), 'a.sqlite');
    await crm(['init', '--db', db]);
    json(await api(db, 'deals.create', { title: 'Renovación anual', amount: 250050, currency: 'EUR' }));
    json(
      await api(db, 'activities.create', { type: 'call', subject: 'Llamada inicial', startAt: Date.UTC(2026, 0, 5) }),
    );
    const deals = join(tempDir(), 'deals.csv');
    expect(json(await crm(['export', 'deals', '--out', deals, '--db', db, '--json'])).count).toBe(1);
    const [deal] = Papa.parse<Record<string, string>>(readFileSync(deals, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(deal).toMatchObject({ title: 'Renovación anual', amount: '2500.5', currency: 'EUR', status: 'open' });

    const csv = join(tempDir(), 'activities.csv');
    expect(json(await crm(['export', 'activities', '--out', csv, '--db', db, '--json'])).count).toBe(1);
    expect(readFileSync(csv, 'utf8')).toContain('Llamada inicial');
    const xlsx = join(tempDir(), 'activities.xlsx');
    expect(
      json(await crm(['export', 'activities', '--format', 'xlsx', '--out', xlsx, '--db', db, '--json'])).count,
    ).toBe(1);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const ics = join(tempDir(), 'activities.ics');
    expect((await crm(['export', 'activities', '--format', 'ics', '--out', ics, '--db', db])).status).toBe(0);
    expect(readFileSync(ics, 'utf8')).toContain('BEGIN:VCALENDAR');
  });
});

describe('crm book', () => {
  it('exports a sealed book, merges it twice without duplicates, and a wrong passphrase touches nothing', async () => {
    const office = join(tempDir(), 'office.sqlite');
    await crm(['init', '--db', office]);
    const acme = json(await api(office, 'companies.create', { name: 'Acme' })) as { id: string };
    const ana = json(await api(office, 'contacts.create', { firstName: 'Ana' })) as { id: string };
    json(await api(office, 'contacts.linkCompany', { contactId: ana.id, companyId: acme.id }));
    json(await api(office, 'companies.create', { name: 'Otra' }));
    const file = join(tempDir(), 'acme.crmbook');
    const exported = json(
      await crm([
        'book',
        'export',
        '--company',
        acme.id,
        '--out',
        file,
        '--passphrase',
        'correct horse',
        '--db',
        office,
        '--json',
      ]),
    );
    expect(exported.counts).toMatchObject({ companies: 1 });

    const laptop = join(tempDir(), 'laptop.sqlite');
    await crm(['init', '--db', laptop]);
    const wrong = await crm(['book', 'import', file, '--passphrase', 'wrong horse', '--db', laptop, '--lang', 'es']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/Contraseña incorrecta/);
    expect(count(laptop, 'SELECT count(*) FROM companies')).toBe(0);

    const merged = json(await crm(['book', 'import', file, '--passphrase', 'correct horse', '--db', laptop, '--json']));
    expect(merged.applied).toBeGreaterThan(0);
    const again = json(await crm(['book', 'import', file, '--passphrase', 'correct horse', '--db', laptop, '--json']));
    // Nothing changes the second time (the same values and clocks).
    expect(again.rows).toBe(0);
    expect(count(laptop, 'SELECT count(*) FROM companies')).toBe(1);
    expect(count(laptop, 'SELECT count(*) FROM contacts')).toBe(1);
  });

  it('open makes a read-only copy: it reads, but every write is refused with a translated message', async () => {
    const office = join(tempDir(), 'office.sqlite');
    await crm(['init', '--db', office]);
    json(await api(office, 'contacts.create', { firstName: 'Ana', lastName: 'Solo Lectura' }));
    const file = join(tempDir(), 'all.crmbook');
    json(await crm(['book', 'export', '--out', file, '--db', office, '--json']));

    const opened = join(tempDir(), 'opened.sqlite');
    json(await crm(['book', 'open', file, '--out', opened, '--json']));
    const found = json(await crm(['search', 'solo lectura', '--db', opened, '--json'])) as {
      hits: { title: string }[];
    };
    expect(found.hits[0]!.title).toBe('Ana Solo Lectura');

    const create = await api(opened, 'contacts.create', { firstName: 'Nuevo' }, ['--lang', 'es']);
    expect(create.status).toBe(1);
    expect(create.stderr).toMatch(/solo lectura/);
    const id = (
      JSON.parse((await crm(['api', 'contacts.list', '{}', '--db', opened])).stdout) as { items: { id: string }[] }
    ).items[0]!.id;
    const edit = await api(opened, 'contacts.update', { id, jobTitle: 'CEO' }, ['--lang', 'en']);
    expect(edit.stderr).toMatch(/opened read-only/);
    // A merge into it is a write as well.
    expect((await crm(['book', 'import', file, '--db', opened])).status).not.toBe(0);
    expect(count(opened, 'SELECT count(*) FROM contacts')).toBe(1);
    expect(count(opened, "SELECT count(*) FROM contacts WHERE job_title = 'CEO'")).toBe(0);

    // Opening never turns an existing workspace read-only.
    const refused = await crm(['book', 'open', file, '--out', office]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists/);
    expect((await api(office, 'contacts.create', { firstName: 'Sigue' })).status).toBe(0);
  });
});
