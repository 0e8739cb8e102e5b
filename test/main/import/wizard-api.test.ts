import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '../../../src/shared/contract';
import { dispatch } from '../../../src/main/api/dispatch';
import type { CrmDb } from '../../../src/main/db/open';
import { openDatabase } from '../../../src/main/db/open';
import { suggestMapping } from '../../../src/main/services/import/targets';
import { countRows, ctxFor, tempDb, track } from '../db/temp-db';

/** The wizard's calls, as the window makes them. */
async function call<T>(db: CrmDb, method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input, ctxFor(db));
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Sends a file in pieces of 3 MB, as the window does. */
async function upload(db: CrmDb, fileName: string, content: string | Buffer): Promise<string> {
  const bytes = Buffer.from(content);
  let uploadId: string | undefined;
  for (let at = 0; at < Math.max(bytes.length, 1); at += 3 * 2 ** 20) {
    const data = bytes.subarray(at, at + 3 * 2 ** 20).toString('base64');
    uploadId = (
      await call<{ uploadId: string }>(db, 'import.upload', { fileName, data, ...(uploadId ? { uploadId } : {}) })
    ).uploadId;
  }
  return uploadId!;
}

/** Follows a job as the progress bar does until it stops running; `onRunning` sees each running state. */
async function follow(db: CrmDb, job: ImportJob, onRunning?: (job: ImportJob) => Promise<void>): Promise<ImportJob> {
  let current = job;
  while (current.state === 'running') {
    if (onRunning) await onRunning(current);
    await new Promise((resolve) => setTimeout(resolve, 10));
    current = await call<ImportJob>(db, 'import.status', { jobId: job.id });
  }
  return current;
}

async function importFile(db: CrmDb, entity: string, name: string, csv: string, settings: object = {}) {
  const uploadId = await upload(db, name, csv);
  return follow(db, await call<ImportJob>(db, 'import.start', { uploadId, entity, settings }));
}

const contactRow = (db: CrmDb, first: string) =>
  db.sqlite
    .prepare(
      `SELECT c.owner_id AS ownerId, co.name AS company, co.id AS companyId FROM contacts c
       LEFT JOIN contact_companies cc ON cc.contact_id = c.id AND cc.deleted = 0
       LEFT JOIN companies co ON co.id = cc.company_id WHERE c.first_name = ?`,
    )
    .get(first) as { ownerId: string | null; company: string | null; companyId: string | null };

describe('column suggestions from the usual CRM exports', () => {
  const suggested = (entity: 'contacts' | 'companies', headers: string[]) =>
    Object.values(suggestMapping(tempDb(), entity, headers));

  it.each([
    [
      'Google Contacts',
      [
        'Given Name',
        'Family Name',
        'E-mail 1 - Value',
        'Phone 1 - Value',
        'Organization 1 - Name',
        'Organization 1 - Title',
        'Birthday',
        'Group Membership',
      ],
      ['firstName', 'lastName', 'email', 'phone', 'company', 'jobTitle', 'birthday', 'tags'],
    ],
    [
      'Outlook',
      [
        'First Name',
        'Last Name',
        'E-mail Address',
        'E-mail 2 Address',
        'Business Phone',
        'Mobile Phone',
        'Company',
        'Job Title',
        'Business Street',
        'Business City',
        'Business Postal Code',
        'Business Country/Region',
      ],
      [
        'firstName',
        'lastName',
        'email',
        'email2',
        'phone',
        'mobile',
        'company',
        'jobTitle',
        'street',
        'city',
        'postalCode',
        'country',
      ],
    ],
    [
      'HubSpot',
      [
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Associated Company',
        'Contact owner',
        'Lifecycle Stage',
        'Original Source',
      ],
      ['firstName', 'lastName', 'email', 'phone', 'company', 'owner', 'lifecycleStage', 'leadSource'],
    ],
    [
      'Salesforce',
      [
        'Salutation',
        'First Name',
        'Last Name',
        'Title',
        'Account Name',
        'Mailing Street',
        'Mailing City',
        'Mailing State',
        'Mailing Zip/Postal Code',
        'Mailing Country',
        'Lead Source',
      ],
      [
        'prefix',
        'firstName',
        'lastName',
        'jobTitle',
        'company',
        'street',
        'city',
        'region',
        'postalCode',
        'country',
        'leadSource',
      ],
    ],
    [
      'Pipedrive',
      ['Name', 'Organization', 'Email - Work', 'Email - Home', 'Phone - Work', 'Phone - Mobile', 'Labels'],
      ['fullName', 'company', 'email', 'email2', 'phone', 'mobile', 'tags'],
    ],
    [
      'Zoho',
      [
        'First Name',
        'Last Name',
        'Email',
        'Secondary Email',
        'Mobile',
        'Account Name',
        'Title',
        'Department',
        'Contact Owner',
        'Date of Birth',
      ],
      ['firstName', 'lastName', 'email', 'email2', 'mobile', 'company', 'jobTitle', 'department', 'owner', 'birthday'],
    ],
    [
      'a Spanish spreadsheet',
      ['Nombre', 'Apellidos', 'Correo electrónico', 'Teléfono móvil', 'Empresa', 'Cargo', 'Código postal', 'País'],
      ['firstName', 'lastName', 'email', 'mobile', 'company', 'jobTitle', 'postalCode', 'country'],
    ],
  ])('maps a %s contacts export by itself', (_source, headers, targets) => {
    expect(suggested('contacts', headers)).toEqual(targets);
  });

  it.each([
    [
      'Salesforce',
      [
        'Account Name',
        'Website',
        'Industry',
        'Billing City',
        'Billing Country',
        'Parent Account',
        'Account Owner',
        'Annual Revenue',
      ],
      ['name', 'domain', 'industry', 'city', 'country', 'parent', 'owner', 'annualRevenue'],
    ],
    [
      'HubSpot',
      ['Company name', 'Company Domain Name', 'Number of Employees', 'Annual Revenue', 'Company owner', 'Phone Number'],
      ['name', 'domain', 'employees', 'annualRevenue', 'owner', 'phone'],
    ],
  ])('maps a %s companies export by itself', (_source, headers, targets) => {
    expect(suggested('companies', headers)).toEqual(targets);
  });
});

describe('the import wizard through the API', () => {
  it('saves a mapping by name (saving again replaces it) and the next file imports with it', async () => {
    const db = tempDb();
    const columns = { Prénom: 'firstName', 'Nom de famille': 'lastName', Courriel: 'email', Ignorée: null };
    await call(db, 'import.saveMapping', {
      entity: 'contacts',
      name: 'Agenda FR',
      settings: { columns: { Prénom: 'lastName' } },
    });
    await call(db, 'import.saveMapping', {
      entity: 'contacts',
      name: 'Agenda FR',
      settings: { columns, dedupe: 'update' },
    });
    await call(db, 'import.saveMapping', { entity: 'companies', name: 'Otra', settings: { columns: {} } });
    const { items } = await call<{ items: { name: string; settings: { columns: object; dedupe: string } }[] }>(
      db,
      'import.mappings',
      { entity: 'contacts' },
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: 'Agenda FR', settings: { columns, dedupe: 'update' } });

    // Headers no suggestion knows: without the mapping nothing maps, with it every column does.
    const csv = 'Prénom,Nom de famille,Courriel,Ignorée\nÉlodie,Martin,elodie@example.fr,x\n';
    const uploadId = await upload(db, 'agenda.csv', csv);
    const inspect = await call<{ columns: Record<string, string | null> }>(db, 'import.inspect', {
      uploadId,
      entity: 'contacts',
    });
    expect(Object.values(inspect.columns).filter(Boolean)).toEqual([]);
    const job = await follow(
      db,
      await call<ImportJob>(db, 'import.start', { uploadId, entity: 'contacts', settings: items[0]!.settings }),
    );
    expect(job).toMatchObject({ state: 'done', counts: { created: 1 } });
    const row = db.sqlite.prepare('SELECT first_name, last_name, emails FROM contacts').get() as Record<string, string>;
    expect(row).toMatchObject({ first_name: 'Élodie', last_name: 'Martin' });
    expect(JSON.parse(row.emails!)[0].value).toBe('elodie@example.fr');
  });

  it('links a contact to the company its domain names, and to the owner its email names', async () => {
    const db = tempDb();
    const acme = await call<{ id: string }>(db, 'companies.create', { name: 'Acme Corporation', domain: 'acme.com' });
    const ana = await call<{ id: string }>(db, 'members.create', { name: 'Ana Ruiz', email: 'ana.ruiz@example.com' });
    await call(db, 'members.create', { name: 'Ana Ruiz Segunda', email: 'otra@example.com' });
    const csv =
      'First name,Company,Owner\n' +
      'Luis,acme.com,ANA.RUIZ@example.com\n' +
      'Marta,https://www.acme.com/,ana.ruiz@example.com\n' +
      'Pablo,Acme Corporation,Ana Ruiz\n';
    const job = await importFile(db, 'contacts', 'people.csv', csv);
    expect(job).toMatchObject({ state: 'done', counts: { created: 3 } });
    for (const first of ['Luis', 'Marta', 'Pablo'])
      expect(contactRow(db, first)).toEqual({ ownerId: ana.id, company: 'Acme Corporation', companyId: acme.id });
    expect(countRows(db, 'companies')).toBe(1);

    // A companies file with the same domain updates that company instead of adding one.
    const companies = await importFile(
      db,
      'companies',
      'accounts.csv',
      'Name,Website,Industry\nACME Corp.,www.acme.com,Retail\n',
      {
        dedupe: 'update',
      },
    );
    expect(companies.counts).toMatchObject({ created: 0, updated: 1 });
    expect(db.sqlite.prepare('SELECT industry FROM companies').pluck().get()).toBe('Retail');
    expect(countRows(db, 'companies')).toBe(1);
  });

  it('backs the book up before it writes: the backup holds the book as it was', async () => {
    const db = tempDb();
    await call(db, 'contacts.create', { firstName: 'Antes' });
    const dir = join(db.path, '..', 'backups');
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    const check = await follow(
      db,
      await call<ImportJob>(db, 'import.start', {
        uploadId: await upload(db, 'new.csv', 'First name\nDespués\n'),
        entity: 'contacts',
        dryRun: true,
      }),
    );
    expect(check.state).toBe('done');
    // A check writes nothing, so it needs no backup.
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
    const job = await importFile(db, 'contacts', 'new.csv', 'First name\nDespués\n');
    expect(job.state).toBe('done');
    const made = readdirSync(dir).filter((f) => f.includes('-import-'));
    expect(made).toHaveLength(1);
    const backup = track(openDatabase({ path: join(dir, made[0]!) }));
    expect(backup.sqlite.prepare('SELECT first_name FROM contacts ORDER BY first_name').pluck().all()).toEqual([
      'Antes',
    ]);
    expect(db.sqlite.prepare('SELECT first_name FROM contacts ORDER BY first_name').pluck().all()).toEqual([
      'Antes',
      'Después',
    ]);
  });

  it('gives an estimate while it runs, and a cancel leaves the book as it was', { timeout: 120_000 }, async () => {
    const db = tempDb();
    await call(db, 'contacts.create', { firstName: 'Ya estaba' });
    const rows = 300_000;
    const lines = ['First name,Last name,Email'];
    for (let i = 0; i < rows; i++) lines.push(`Persona${i},Apellido${i},p${i}@example.com`);
    const uploadId = await upload(db, 'big.csv', lines.join('\n'));
    const started = await call<ImportJob>(db, 'import.start', { uploadId, entity: 'contacts' });
    const seen: ImportJob[] = [];
    let cancelled = false;
    const end = await follow(db, started, async (job) => {
      seen.push(job);
      // Once there is an estimate, the user presses Cancel.
      if (job.etaMs !== null && !cancelled) {
        cancelled = true;
        await call(db, 'import.cancel', { jobId: job.id });
      }
    });
    const estimate = seen.find((j) => j.etaMs !== null)!;
    expect(estimate.etaMs).toBeGreaterThan(0);
    expect(estimate.done).toBeGreaterThan(0);
    expect(estimate.done).toBeLessThan(estimate.total);
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toMatch(/cancel/i);
    expect(db.sqlite.prepare('SELECT first_name FROM contacts').pluck().all()).toEqual(['Ya estaba']);
    const history = await call<{ items: unknown[] }>(db, 'import.history', {});
    expect(history.items).toEqual([]);
  });
});
