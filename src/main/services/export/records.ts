import Papa from 'papaparse';
import type { CustomField } from '../../../shared/contract/custom-fields';
import type { StageKind } from '../../../shared/contract/pipelines';
import type { CrmDb } from '../../db/open';
import { listCustomFields } from '../custom-fields';
import { queryRecords, type ListQuery } from '../record-list';
import { activityRows, type ActivityExportQuery } from './activity-rows';
import { customCell, iso, tagsOf, type Cell } from './cells';
import { dealRows } from './deal-rows';

export type ExportEntity = 'contacts' | 'companies' | 'deals' | 'activities';
export type ExportFormat = 'csv' | 'xlsx';

/** What selects the rows of an export: a list's input, plus the deal and activity filters. */
export interface ExportQuery extends ListQuery, Omit<ActivityExportQuery, 'query' | 'ids' | 'ownerId'> {
  pipelineId?: string | undefined;
  stageId?: string | undefined;
  status?: StageKind | undefined;
}

type Labeled = { value: string; label?: string };
type Address = { street?: string; city?: string; region?: string; postalCode?: string; country?: string };
type Rec = Record<string, unknown>;

/**
 * Column headers are the import's target names, so an exported file imports back with every
 * column mapped by itself (custom fields by their label).
 */
const CONTACT_COLUMNS = [
  'id',
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'email',
  'email2',
  'email3',
  'phone',
  'mobile',
  'workPhone',
  'homePhone',
  'jobTitle',
  'department',
  'company',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'birthday',
  'preferredLanguage',
  'leadSource',
  'lifecycleStage',
  'owner',
  'tags',
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'emailOptOut',
  'phoneOptOut',
  'createdAt',
  'updatedAt',
];
const COMPANY_COLUMNS = [
  'id',
  'name',
  'domain',
  'industry',
  'type',
  'employees',
  'annualRevenue',
  'email',
  'phone',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'parent',
  'owner',
  'lifecycleStage',
  'description',
  'tags',
  'linkedin',
  'x',
  'facebook',
  'instagram',
  'createdAt',
  'updatedAt',
];

interface Lookups {
  members: Map<string, string>;
  companies: Map<string, string>;
  tags: Map<string, string[]>;
  primaryCompany: Map<string, string>;
  custom: CustomField[];
}

function lookups(db: CrmDb, entity: 'contacts' | 'companies'): Lookups {
  const pairs = (sql: string) => new Map(db.sqlite.prepare(sql).raw().all() as [string, string][]);
  return {
    members: pairs('SELECT id, name FROM members'),
    companies: pairs('SELECT id, name FROM companies'),
    tags: tagsOf(db, entity),
    primaryCompany:
      entity === 'contacts'
        ? pairs(
            `SELECT cc.contact_id, c.name FROM contact_companies cc JOIN companies c ON c.id = cc.company_id
             WHERE cc.deleted = 0 AND c.deleted = 0 ORDER BY cc.is_primary ASC`,
          )
        : new Map(),
    custom: listCustomFields(db, entity),
  };
}

function rowOf(entity: 'contacts' | 'companies', r: Rec, l: Lookups): Cell[] {
  const emails = (r.emails as Labeled[]) ?? [];
  const phones = (r.phones as Labeled[]) ?? [];
  const address = ((r.addresses as Address[]) ?? [])[0] ?? {};
  const social = (r.social as Record<string, string>) ?? {};
  const phoneBy = (label: string | undefined) =>
    phones
      .filter((p) => p.label === label)
      .map((p) => p.value)
      .join('; ');
  const common: Record<string, string | number | boolean> = {
    id: r.id as string,
    street: address.street ?? '',
    city: address.city ?? '',
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    country: address.country ?? '',
    owner: r.ownerId ? (l.members.get(r.ownerId as string) ?? '') : '',
    tags: (l.tags.get(r.id as string) ?? []).join('; '),
    linkedin: social.linkedin ?? '',
    x: social.x ?? '',
    facebook: social.facebook ?? '',
    instagram: social.instagram ?? '',
    lifecycleStage: (r.lifecycleStage as string) ?? '',
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
  let values: Record<string, string | number | boolean>;
  if (entity === 'contacts') {
    const primary = emails.filter((e) => !e.label || e.label === 'work');
    const rest = emails.filter((e) => !primary.includes(e));
    values = {
      ...common,
      prefix: (r.prefix as string) ?? '',
      firstName: r.firstName as string,
      middleName: (r.middleName as string) ?? '',
      lastName: (r.lastName as string) ?? '',
      suffix: (r.suffix as string) ?? '',
      email: primary.map((e) => e.value).join('; '),
      email2: rest
        .filter((e) => e.label === 'home')
        .map((e) => e.value)
        .join('; '),
      email3: rest
        .filter((e) => e.label !== 'home')
        .map((e) => e.value)
        .join('; '),
      phone: phones
        .filter((p) => !p.label || !['mobile', 'work', 'home'].includes(p.label))
        .map((p) => p.value)
        .join('; '),
      mobile: phoneBy('mobile'),
      workPhone: phoneBy('work'),
      homePhone: phoneBy('home'),
      jobTitle: (r.jobTitle as string) ?? '',
      department: (r.department as string) ?? '',
      company: l.primaryCompany.get(r.id as string) ?? '',
      birthday: (r.birthday as string) ?? '',
      preferredLanguage: (r.preferredLanguage as string) ?? '',
      leadSource: (r.leadSource as string) ?? '',
      emailOptOut: r.emailOptOut ? 'yes' : '',
      phoneOptOut: r.phoneOptOut ? 'yes' : '',
    };
  } else {
    values = {
      ...common,
      name: r.name as string,
      domain: (r.domain as string) ?? '',
      industry: (r.industry as string) ?? '',
      type: (r.type as string) ?? '',
      employees: (r.employees as number) ?? '',
      annualRevenue: (r.annualRevenue as number) ?? '',
      email: emails.map((e) => e.value).join('; '),
      phone: phones.map((p) => p.value).join('; '),
      parent: r.parentId ? (l.companies.get(r.parentId as string) ?? '') : '',
      description: (r.description as string) ?? '',
    };
  }
  const columns = entity === 'contacts' ? CONTACT_COLUMNS : COMPANY_COLUMNS;
  const custom = (r.custom as Record<string, unknown>) ?? {};
  return [...columns.map((c) => values[c] ?? ''), ...l.custom.map((f) => customCell(f, custom[f.key]))];
}

/** Every record a list input selects (all pages), as table rows with a header row first. */
export function* exportRows(
  db: CrmDb,
  entity: ExportEntity,
  input: ExportQuery,
  actor: string | null,
): Generator<Cell[]> {
  if (entity === 'deals') return yield* dealRows(db, input, actor);
  if (entity === 'activities') return yield* activityRows(db, input, actor);
  const l = lookups(db, entity);
  yield [...(entity === 'contacts' ? CONTACT_COLUMNS : COMPANY_COLUMNS), ...l.custom.map((f) => f.label)];
  let cursor: string | undefined;
  do {
    const page = queryRecords(db, entity, { ...input, limit: 500, ...(cursor ? { cursor } : {}) }, actor);
    for (const r of page.rows) yield rowOf(entity, r as Rec, l);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

/** CSV in UTF-8 (with a byte-order mark when it is for Excel), CRLF lines. */
export function exportCsv(
  db: CrmDb,
  entity: ExportEntity,
  input: ExportQuery,
  options: { bom?: boolean; actor?: string | null } = {},
): { text: string; count: number } {
  const chunks: string[] = [];
  let batch: Cell[][] = [];
  let count = -1;
  for (const row of exportRows(db, entity, input, options.actor ?? null)) {
    batch.push(row);
    count++;
    if (batch.length === 5000) {
      chunks.push(Papa.unparse(batch, { newline: '\r\n' }));
      batch = [];
    }
  }
  if (batch.length) chunks.push(Papa.unparse(batch, { newline: '\r\n' }));
  return { text: (options.bom ? '\uFEFF' : '') + chunks.join('\r\n') + '\r\n', count };
}

/** The same rows as an Excel workbook (one sheet, header row bold and frozen). */
export async function exportXlsx(
  db: CrmDb,
  entity: ExportEntity,
  input: ExportQuery,
  options: { actor?: string | null; sheetName?: string } = {},
): Promise<{ data: Buffer; count: number }> {
  // Loaded on demand: the workbook library is large and only this export needs it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(options.sheetName ?? entity, { views: [{ state: 'frozen', ySplit: 1 }] });
  let count = -1;
  for (const row of exportRows(db, entity, input, options.actor ?? null)) {
    sheet.addRow(row);
    count++;
  }
  sheet.getRow(1).font = { bold: true };
  const data = Buffer.from(await workbook.xlsx.writeBuffer());
  return { data, count };
}
