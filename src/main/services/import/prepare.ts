import type { z } from 'zod';
import { companyCreateInput } from '../../../shared/contract/companies';
import { contactCreateInput } from '../../../shared/contract/contacts';
import type { DateFormat, ImportEntity, ImportSettings, ImportTarget } from '../../../shared/contract/import';
import { COMPANY_TYPES } from '../../../shared/domain/company';
import { LIFECYCLE_STAGES } from '../../../shared/domain/contact';
import type { CustomFieldType } from '../../../shared/domain/custom-fields';
import { normalisePhone } from '../../../shared/domain/phone';
import { foldText } from '../../../shared/domain/text';
import type { CrmDb } from '../../db/open';
import { listCustomFields } from '../custom-fields';
import { getSetting } from '../settings';
import { targetsOf } from './targets';
import {
  asUrl,
  CellError,
  guessDateFormat,
  guessDecimal,
  parseBoolean,
  parseCountry,
  parseDate,
  parseNumber,
  splitFullName,
  splitList,
} from './transform';

/** A problem found in one row, before translation. */
export interface RowProblem {
  row: number;
  column: string | null;
  value: string | null;
  key: string;
  params?: Record<string, string | number>;
}

/** One row read, checked and ready to be written (or matched with an existing record). */
export interface PreparedRow {
  row: number;
  /** The create input of the entity, already validated by the contract's schema. */
  values: Record<string, unknown>;
  /** Names to resolve to records: the contact's company, the company's parent, an owner. */
  company?: string;
  parent?: string;
  owner?: string;
  tags: string[];
  note?: string;
}

interface Column {
  index: number;
  header: string;
  target: ImportTarget;
  dateFormat: Exclude<DateFormat, 'auto'>;
  decimal: '.' | ',';
}

type CustomDef = { key: string; type: CustomFieldType; label: string; options: { id: string; label: string }[] };

/** Everything needed to read rows of one file: columns bound to targets, formats resolved. */
export interface RowReader {
  entity: ImportEntity;
  headers: string[];
  columns: Column[];
  prepare(cells: string[], row: number, problems: RowProblem[]): PreparedRow | null;
}

const stageByName = new Map<string, string>();
for (const s of LIFECYCLE_STAGES) stageByName.set(foldText(s.replace(/_/g, ' ')), s);
for (const [alias, s] of Object.entries({
  suscriptor: 'subscriber',
  'lead cualificado': 'qualified_lead',
  'marketing qualified lead': 'qualified_lead',
  'sales qualified lead': 'qualified_lead',
  mql: 'qualified_lead',
  sql: 'qualified_lead',
  oportunidad: 'opportunity',
  cliente: 'customer',
  'cliente fiel': 'loyal_customer',
  evangelist: 'advocate',
  evangelista: 'advocate',
  promotor: 'advocate',
  perdido: 'churned',
  'cliente perdido': 'churned',
  other: '',
}))
  stageByName.set(alias, s);

const typeByName = new Map<string, string>();
for (const t of COMPANY_TYPES) typeByName.set(t, t);
for (const [alias, t] of Object.entries({
  cliente: 'customer',
  'cliente potencial': 'prospect',
  prospecto: 'prospect',
  socio: 'partner',
  proveedor: 'supplier',
  vendor: 'supplier',
  distribuidor: 'distributor',
  revendedor: 'reseller',
  competidor: 'competitor',
  competencia: 'competitor',
  otro: 'other',
  otra: 'other',
}))
  typeByName.set(alias, t);

function lookup(map: Map<string, string>, text: string): string {
  const v = map.get(foldText(text.trim()).replace(/[_-]/g, ' '));
  if (v === undefined) throw new CellError('validation.invalid_value');
  return v;
}

function customValue(def: CustomDef, text: string, column: Column): unknown {
  switch (def.type) {
    case 'number':
    case 'currency':
      return parseNumber(text, column.decimal);
    case 'rating': {
      const n = parseNumber(text, column.decimal);
      if (!Number.isInteger(n) || n < 0 || n > 5) throw new CellError('validation.invalid_value');
      return n;
    }
    case 'date':
      return parseDate(text, column.dateFormat);
    case 'datetime': {
      const date = parseDate(text, column.dateFormat);
      const time = /(\d{1,2}):(\d{2})/.exec(text);
      return Date.parse(`${date}T${time ? `${time[1]!.padStart(2, '0')}:${time[2]}` : '00:00'}:00Z`);
    }
    case 'checkbox':
      return parseBoolean(text);
    case 'select': {
      const found = def.options.find((o) => foldText(o.label) === foldText(text.trim()) || o.id === text.trim());
      if (!found) throw new CellError('import.unknown_option', { value: text.trim(), field: def.label });
      return found.id;
    }
    case 'multiselect':
      return splitList(text).map((part) => {
        const found = def.options.find((o) => foldText(o.label) === foldText(part) || o.id === part);
        if (!found) throw new CellError('import.unknown_option', { value: part, field: def.label });
        return found.id;
      });
    case 'url':
      return asUrl(text);
    case 'email':
      return text.trim().toLowerCase();
    default:
      return text.trim();
  }
}

const EMAIL_LABELS: Record<string, string | undefined> = { email: undefined, email2: 'home', email3: 'other' };
const PHONE_LABELS: Record<string, string | undefined> = {
  phone: undefined,
  mobile: 'mobile',
  workPhone: 'work',
  homePhone: 'home',
};

/**
 * Binds a file's columns to targets and resolves "auto" formats from the sample rows, then
 * returns the function that turns each row into a checked create input.
 */
export function rowReader(
  db: CrmDb,
  entity: 'contacts' | 'companies',
  headers: string[],
  sample: string[][],
  settings: ImportSettings & { columns: Record<string, string | null> },
  fallbackDates: Exclude<DateFormat, 'auto'> = 'mdy',
): RowReader {
  const targets = new Map(targetsOf(db, entity).map((t) => [t.key, t]));
  const customDefs = new Map<string, CustomDef>(
    listCustomFields(db, entity).map((f) => [`custom:${f.key}`, f as unknown as CustomDef]),
  );
  const country = getSetting(db, 'defaultCountry');
  const columns: Column[] = [];
  headers.forEach((header, index) => {
    const key = settings.columns[header];
    if (!key) return;
    const target = targets.get(key);
    if (!target) return;
    const values = sample.map((r) => r[index] ?? '').filter((v) => v.trim());
    const dateFormat =
      settings.dateFormat && settings.dateFormat !== 'auto'
        ? settings.dateFormat
        : guessDateFormat(values, fallbackDates);
    const decimal = settings.decimal && settings.decimal !== 'auto' ? settings.decimal : guessDecimal(values);
    columns.push({ index, header, target, dateFormat, decimal });
  });
  const schema: z.ZodType = entity === 'contacts' ? contactCreateInput : companyCreateInput;
  const width = headers.length;

  function prepare(cells: string[], row: number, problems: RowProblem[]): PreparedRow | null {
    const before = problems.length;
    // Ragged rows (a missing or extra delimiter) would put values under the wrong header.
    const extra = cells.slice(width).some((c) => c.trim() !== '');
    if (cells.length < width || extra) {
      problems.push({
        row,
        column: null,
        value: null,
        key: 'import.ragged_row',
        params: { expected: width, found: cells.length },
      });
      return null;
    }
    const fields: Record<string, unknown> = {};
    const fieldColumn = new Map<string, string>();
    const emails: { value: string; label?: string }[] = [];
    const emailCols: string[] = [];
    const phones: { value: string; label?: string }[] = [];
    const phoneCols: string[] = [];
    const address: Record<string, string> = {};
    const social: Record<string, string> = {};
    const custom: Record<string, unknown> = {};
    const out: PreparedRow = { row, values: {}, tags: [] };

    for (const col of columns) {
      const raw = cells[col.index] ?? '';
      const text = raw.trim();
      if (!text) continue;
      const key = col.target.key;
      const set = (field: string, value: unknown) => {
        fields[field] = value;
        fieldColumn.set(field, col.header);
      };
      try {
        if (key.startsWith('custom:')) {
          const def = customDefs.get(key);
          if (def) {
            custom[def.key] = customValue(def, text, col);
            fieldColumn.set(`custom.${def.key}`, col.header);
          }
          continue;
        }
        switch (key) {
          case 'fullName': {
            const parts = splitFullName(text);
            for (const [part, value] of Object.entries(parts)) {
              if (value && fields[part] === undefined) set(part, value);
            }
            break;
          }
          case 'email':
          case 'email2':
          case 'email3':
            for (const value of splitList(text)) {
              const label = entity === 'contacts' ? EMAIL_LABELS[key] : undefined;
              emails.push(label ? { value, label } : { value });
              emailCols.push(col.header);
            }
            break;
          case 'phone':
          case 'mobile':
          case 'workPhone':
          case 'homePhone':
            for (const value of text.split(/\s*(?::::|;)\s*/).filter(Boolean)) {
              const e164 = normalisePhone(value, country);
              if (!e164) throw new CellError('validation.phone_invalid', { country });
              const label = PHONE_LABELS[key];
              phones.push(label ? { value: e164, label } : { value: e164 });
              phoneCols.push(col.header);
            }
            break;
          case 'street':
          case 'city':
          case 'region':
          case 'postalCode':
            address[key] = text;
            fieldColumn.set('addresses', col.header);
            break;
          case 'country':
            address.country = parseCountry(text);
            fieldColumn.set('addresses', col.header);
            break;
          case 'linkedin':
          case 'x':
          case 'facebook':
          case 'instagram':
            social[key] = asUrl(text);
            fieldColumn.set(`social.${key}`, col.header);
            break;
          case 'birthday':
            set('birthday', parseDate(text, col.dateFormat));
            break;
          case 'employees': {
            const n = parseNumber(text, col.decimal);
            set('employees', Math.round(n));
            break;
          }
          case 'annualRevenue':
            set('annualRevenue', parseNumber(text, col.decimal));
            break;
          case 'lifecycleStage': {
            const stage = lookup(stageByName, text);
            if (stage) set('lifecycleStage', stage);
            break;
          }
          case 'type':
            set('type', lookup(typeByName, text));
            break;
          case 'emailOptOut':
          case 'phoneOptOut':
            set(key, parseBoolean(text));
            break;
          case 'company':
            out.company = text;
            break;
          case 'parent':
            out.parent = text;
            break;
          case 'owner':
            out.owner = text;
            break;
          case 'tags':
            out.tags.push(...splitList(text));
            break;
          case 'note':
            out.note = out.note ? `${out.note}\n${text}` : text;
            break;
          default:
            set(key, text);
        }
      } catch (error) {
        if (!(error instanceof CellError)) throw error;
        problems.push({ row, column: col.header, value: raw, key: error.key, params: error.params });
      }
    }

    if (entity === 'contacts' && !fields.firstName) {
      // A contact named only by its last name or email is still someone: keep what identifies it.
      const fallback = (fields.lastName as string | undefined) ?? emails[0]?.value.split('@')[0];
      if (fallback && fields.lastName) {
        fields.firstName = fallback;
        delete fields.lastName;
      } else if (fallback) fields.firstName = fallback;
      else problems.push({ row, column: null, value: null, key: 'import.name_missing' });
    }
    if (entity === 'companies' && !fields.name) {
      problems.push({ row, column: null, value: null, key: 'import.name_missing' });
    }
    if (emails.length) fields.emails = dedupeBy(emails, (e) => e.value.toLowerCase());
    if (phones.length) fields.phones = dedupeBy(phones, (p) => p.value);
    if (Object.keys(address).length) fields.addresses = [address];
    if (Object.keys(social).length) fields.social = social;
    if (Object.keys(custom).length) fields.custom = custom;
    if (problems.length > before) return null;

    const parsed = schema.safeParse(fields);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [field, index] = issue.path as (string | number)[];
        let column = fieldColumn.get(String(field)) ?? null;
        if (field === 'emails' && typeof index === 'number') column = emailCols[index] ?? column;
        if (field === 'phones' && typeof index === 'number') column = phoneCols[index] ?? column;
        if (field === 'social' || field === 'custom') column = fieldColumn.get(`${field}.${index}`) ?? column;
        const value = column ? (cells[headers.indexOf(column)] ?? null) : null;
        const params = (issue as { params?: Record<string, string | number> }).params;
        const limit: Record<string, number> = 'maximum' in issue ? { max: Number(issue.maximum) } : {};
        problems.push({ row, column, value, key: issue.message, params: { ...limit, ...(params ?? {}) } });
      }
      return null;
    }
    out.values = parsed.data as Record<string, unknown>;
    return out;
  }

  return { entity, headers, columns, prepare };
}

function dedupeBy<T>(list: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
