import iconv from 'iconv-lite';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { contactCreateInput } from '../../shared/contract/contacts';
import type { DedupeStrategy, ImportBatch, ImportCounts } from '../../shared/contract/import';
import { contactDisplayName } from '../../shared/domain/contact';
import { normalisePhone } from '../../shared/domain/phone';
import { CrmError } from '../errors';
import type { WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { getSetting } from './settings';
import { commitPlan } from './import/history';
import { planImport } from './import/plan';
import type { PreparedRow, RowProblem } from './import/prepare';
import { detectEncoding } from './import/source';
import { parseCountry, splitFullName } from './import/transform';
import { escapeText, foldLine, parseVCards, splitStructured, type VCard, type VProperty } from './vcard-format';

type Labeled = { value: string; label?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const LABELS: [string, string][] = [
  ['cell', 'mobile'],
  ['mobile', 'mobile'],
  ['work', 'work'],
  ['home', 'home'],
  ['fax', 'fax'],
  ['other', 'other'],
];
function labelOf(p: VProperty): string | undefined {
  return LABELS.find(([t]) => p.types.includes(t))?.[1];
}

function labeled(value: string, label: string | undefined): Labeled {
  return label ? { value, label } : { value };
}

function isoBirthday(value: string): string | undefined {
  const v = value.trim();
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(v);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

interface Photo {
  mime: string;
  data: Buffer;
}

function photoOf(p: VProperty): Photo | null {
  if (p.bytes?.length) {
    const type = (p.params.TYPE?.[0] ?? p.types[0] ?? 'jpeg').toLowerCase().replace(/^image\//, '');
    return { mime: `image/${type === 'jpg' ? 'jpeg' : type}`, data: p.bytes };
  }
  const data = /^data:([^;,]+)?(;base64)?,(.*)$/s.exec(p.value.trim());
  if (data) {
    return {
      mime: data[1] ?? 'image/jpeg',
      data: data[2] ? Buffer.from(data[3]!, 'base64') : Buffer.from(decodeURIComponent(data[3]!)),
    };
  }
  return null;
}

/** One card to a contact create input, with the names of its company, notes, tags and photo. */
export function cardToContact(
  card: VCard,
  country: string,
): { input: Record<string, unknown>; company?: string; note?: string; tags: string[]; photo: Photo | null } {
  const input: Record<string, unknown> = {};
  const emails: Labeled[] = [];
  const phones: Labeled[] = [];
  const addresses: Record<string, string>[] = [];
  let company: string | undefined;
  const notes: string[] = [];
  const tags: string[] = [];
  let photo: Photo | null = null;
  let fn = '';
  const social: Record<string, string> = {};
  for (const p of card.props) {
    switch (p.name) {
      case 'N': {
        const [last, first, middle, prefix, suffix] = splitStructured(p.value).map((s) => s.trim());
        if (first) input.firstName = first;
        if (last) input.lastName = last;
        if (middle) input.middleName = middle;
        if (prefix) input.prefix = prefix;
        if (suffix) input.suffix = suffix;
        break;
      }
      case 'FN':
        fn = p.value.trim();
        break;
      case 'EMAIL': {
        // An address book keeps whatever was typed; a value that is not an email is left out, not the whole card.
        const value = p.value
          .trim()
          .replace(/^mailto:/i, '')
          .toLowerCase();
        if (EMAIL.test(value) && !emails.some((e) => e.value === value)) emails.push(labeled(value, labelOf(p)));
        break;
      }
      case 'TEL': {
        const raw = p.value.trim().replace(/^tel:/i, '');
        const e164 = normalisePhone(raw, country);
        if (e164 && !phones.some((x) => x.value === e164)) phones.push(labeled(e164, labelOf(p)));
        break;
      }
      case 'ADR': {
        const [, ext, street, city, region, postalCode, countryName] = splitStructured(p.value).map((s) => s.trim());
        const address: Record<string, string> = {};
        const line = [street, ext].filter(Boolean).join(', ');
        if (line) address.street = line.replace(/\n/g, ', ').slice(0, 200);
        if (city) address.city = city;
        if (region) address.region = region;
        if (postalCode) address.postalCode = postalCode;
        if (countryName) {
          try {
            address.country = parseCountry(countryName);
          } catch {
            address.region = [address.region, countryName].filter(Boolean).join(', ');
          }
        }
        const label = labelOf(p);
        if (label) address.label = label;
        if (Object.keys(address).length) addresses.push(address);
        break;
      }
      case 'ORG': {
        const [name, department] = splitStructured(p.value).map((s) => s.trim());
        if (name) company = name;
        if (department) input.department = department;
        break;
      }
      case 'TITLE':
        if (p.value.trim()) input.jobTitle = p.value.trim();
        break;
      case 'BDAY': {
        const date = isoBirthday(p.value);
        if (date) input.birthday = date;
        break;
      }
      case 'NOTE':
        if (p.value.trim()) notes.push(p.value.trim());
        break;
      case 'CATEGORIES':
        tags.push(
          ...splitStructured(p.value, ',')
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      case 'PHOTO':
        photo ??= photoOf(p);
        break;
      case 'LANG':
        if (p.value.trim()) input.preferredLanguage = p.value.trim().slice(0, 10);
        break;
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const url = p.value.trim();
        for (const net of ['linkedin', 'facebook', 'instagram'] as const)
          if (url.includes(`${net}.com`)) social[net] = url;
        if (/(twitter|x)\.com/.test(url)) social.x = url;
        break;
      }
    }
  }
  if (!input.firstName && fn) Object.assign(input, splitFullName(fn));
  if (!input.firstName) input.firstName = company ?? emails[0]?.value.split('@')[0] ?? '';
  if (emails.length) input.emails = emails;
  if (phones.length) input.phones = phones;
  if (addresses.length) input.addresses = addresses.slice(0, 10);
  if (Object.keys(social).length) input.social = social;
  return {
    input,
    ...(company ? { company } : {}),
    ...(notes.length ? { note: notes.join('\n') } : {}),
    tags,
    photo,
  };
}

export interface VcardImportResult {
  counts: ImportCounts;
  batch: ImportBatch | null;
  /** Cards that could not be read or are not valid contacts; the good ones are imported. */
  bad: { card: number; line: number; reason: string; field?: string }[];
}

/**
 * Imports the contacts of a vCard file. Unlike a CSV, a card that cannot be read does not stop
 * the others: it is listed. The good cards are written in one transaction, with their companies
 * (created when missing), notes, categories as tags, and photos.
 */
export async function importVcardFile(
  db: CrmDb,
  path: string,
  options: {
    dedupe?: DedupeStrategy;
    dryRun?: boolean;
    beforeWrite?: (() => Promise<unknown>) | undefined;
    write?: WriteOptions;
    fileName?: string;
  } = {},
): Promise<VcardImportResult> {
  const bytes = await readFile(path);
  if (bytes.length === 0) throw new CrmError('invalid_input', 'import.empty_file');
  const text = iconv.decode(bytes, detectEncoding(bytes.subarray(0, 65536), bytes.length <= 65536));
  const { cards, problems } = parseVCards(text);
  if (cards.length === 0 && problems.length === 0) throw new CrmError('invalid_input', 'import.vcard_no_cards');
  const country = getSetting(db, 'defaultCountry');
  const bad: VcardImportResult['bad'] = problems.map((p) => ({ card: p.card, line: p.line, reason: p.reason }));
  const rows: PreparedRow[] = [];
  const photos = new Map<number, Photo>();
  cards.forEach((card) => {
    const mapped = cardToContact(card, country);
    const parsed = contactCreateInput.safeParse(mapped.input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      bad.push({ card: card.card, line: card.line, reason: issue.message, field: issue.path.join('.') });
      return;
    }
    const row: PreparedRow = { row: card.line, values: parsed.data as Record<string, unknown>, tags: mapped.tags };
    if (mapped.company) row.company = mapped.company;
    if (mapped.note) row.note = mapped.note;
    rows.push(row);
    if (mapped.photo) photos.set(card.line, mapped.photo);
  });
  const planProblems: RowProblem[] = [];
  const plan = planImport(
    db,
    'contacts',
    rows,
    { dedupe: options.dedupe ?? 'skip', createMissing: true, tags: [] },
    planProblems,
    () => null,
  );
  for (const p of planProblems) bad.push({ card: 0, line: p.row, reason: p.key });
  const counts: ImportCounts = {
    rows: cards.length + problems.length,
    created: plan.created,
    updated: plan.updated,
    skipped: plan.skipped,
    related: plan.related,
    errors: bad.length,
  };
  if (options.dryRun || plan.mutations.length === 0) return { counts, batch: null, bad };
  await options.beforeWrite?.();
  const putPhoto = db.sqlite.prepare(
    'INSERT INTO contact_photos (contact_id, mime, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (contact_id) DO UPDATE SET mime = excluded.mime, data = excluded.data, updated_at = excluded.updated_at',
  );
  const batch = commitPlan(
    db,
    plan,
    {
      entity: 'contacts',
      fileName: options.fileName ?? basename(path),
      format: 'vcf',
      counts: { ...counts },
      settings: {},
    },
    options.write ?? {},
    () => {
      for (const [line, photo] of photos) {
        const id = plan.rowIds.get(line);
        if (id) putPhoto.run(id, photo.mime, photo.data, db.now());
      }
    },
  );
  return { counts, batch, bad };
}

interface ContactForCard {
  id: string;
  prefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string | null;
  suffix: string | null;
  emails: Labeled[];
  phones: Labeled[];
  jobTitle: string | null;
  department: string | null;
  addresses: Record<string, string | undefined>[];
  birthday: string | null;
  preferredLanguage: string | null;
  social: Record<string, string | undefined>;
  updatedAt: number;
}

const TYPE_OF: Record<string, string> = { mobile: 'cell', work: 'work', home: 'home', fax: 'fax', other: 'other' };

/** One contact as a vCard 3.0 or 4.0, with its primary company, notes, tags and photo. */
export function contactToVCard(
  c: ContactForCard,
  extra: { company?: string | null; notes?: string[]; tags?: string[]; photo?: Photo | null },
  version: '3.0' | '4.0',
): string {
  const v4 = version === '4.0';
  const type = (label: string | undefined) => (label && TYPE_OF[label] ? `;TYPE=${TYPE_OF[label]}` : '');
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  const n = [c.lastName, c.firstName, c.middleName, c.prefix, c.suffix].map((s) => escapeText(s ?? ''));
  lines.push(`FN:${escapeText(contactDisplayName(c))}`, `N:${n.join(';')}`);
  if (v4) lines.push(`UID:urn:uuid:${c.id}`);
  else lines.push(`UID:${c.id}`);
  for (const e of c.emails) lines.push(`EMAIL${type(e.label)}:${escapeText(e.value)}`);
  for (const p of c.phones)
    lines.push(v4 ? `TEL;VALUE=uri${type(p.label)}:tel:${p.value}` : `TEL${type(p.label)}:${p.value}`);
  for (const a of c.addresses) {
    const parts = ['', '', a.street, a.city, a.region, a.postalCode, a.country].map((s) => escapeText(s ?? ''));
    lines.push(`ADR${type(a.label)}:${parts.join(';')}`);
  }
  if (extra.company || c.department)
    lines.push(`ORG:${escapeText(extra.company ?? '')}${c.department ? `;${escapeText(c.department)}` : ''}`);
  if (c.jobTitle) lines.push(`TITLE:${escapeText(c.jobTitle)}`);
  if (c.birthday) lines.push(`BDAY:${v4 ? c.birthday.replace(/-/g, '') : c.birthday}`);
  if (c.preferredLanguage) lines.push(`LANG:${c.preferredLanguage}`);
  for (const url of Object.values(c.social)) if (url) lines.push(`URL:${url}`);
  if (extra.notes?.length) lines.push(`NOTE:${escapeText(extra.notes.join('\n'))}`);
  if (extra.tags?.length) lines.push(`CATEGORIES:${extra.tags.map((t) => t.replace(/,/g, '\\,')).join(',')}`);
  if (extra.photo) {
    const b64 = extra.photo.data.toString('base64');
    const sub = extra.photo.mime.replace(/^image\//, '').toUpperCase();
    lines.push(v4 ? `PHOTO:data:${extra.photo.mime};base64,${b64}` : `PHOTO;ENCODING=b;TYPE=${sub}:${b64}`);
  }
  lines.push(`REV:${new Date(c.updatedAt).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** Contacts (all live ones, or these ids) as one vCard file. */
export function exportVCards(
  db: CrmDb,
  options: { ids?: string[]; version?: '3.0' | '4.0' } = {},
): { text: string; count: number } {
  const version = options.version ?? '4.0';
  const where = options.ids ? `id IN (SELECT value FROM json_each(?))` : 'deleted = 0';
  const params = options.ids ? [JSON.stringify(options.ids)] : [];
  const rows = db.sqlite
    .prepare(`SELECT * FROM contacts WHERE ${where} ORDER BY name_sort, id`)
    .all(...params) as Record<string, unknown>[];
  const companyOf = db.sqlite
    .prepare(
      `SELECT co.name FROM contact_companies cc JOIN companies co ON co.id = cc.company_id
     WHERE cc.contact_id = ? AND cc.deleted = 0 AND co.deleted = 0 ORDER BY cc.is_primary DESC LIMIT 1`,
    )
    .pluck();
  const notesOf = db.sqlite
    .prepare('SELECT body FROM notes WHERE entity_id = ? AND deleted = 0 ORDER BY created_at')
    .pluck();
  const tagsOf = db.sqlite
    .prepare(
      'SELECT t.name FROM taggings g JOIN tags t ON t.id = g.tag_id WHERE g.entity_id = ? AND g.deleted = 0 AND t.deleted = 0 ORDER BY t.name',
    )
    .pluck();
  const photoOfContact = db.sqlite.prepare('SELECT mime, data FROM contact_photos WHERE contact_id = ?');
  const parts: string[] = [];
  for (const r of rows) {
    const c: ContactForCard = {
      id: r.id as string,
      prefix: r.prefix as string | null,
      firstName: r.first_name as string,
      middleName: r.middle_name as string | null,
      lastName: r.last_name as string | null,
      suffix: r.suffix as string | null,
      emails: JSON.parse(r.emails as string),
      phones: JSON.parse(r.phones as string),
      jobTitle: r.job_title as string | null,
      department: r.department as string | null,
      addresses: JSON.parse(r.addresses as string),
      birthday: r.birthday as string | null,
      preferredLanguage: r.preferred_language as string | null,
      social: JSON.parse(r.social as string),
      updatedAt: r.updated_at as number,
    };
    parts.push(
      contactToVCard(
        c,
        {
          company: (companyOf.get(c.id) as string | undefined) ?? null,
          notes: notesOf.all(c.id) as string[],
          tags: tagsOf.all(c.id) as string[],
          photo: (photoOfContact.get(c.id) as Photo | undefined) ?? null,
        },
        version,
      ),
    );
  }
  return { text: parts.join(''), count: rows.length };
}
