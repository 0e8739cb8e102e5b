import { and, asc, eq } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { companies, contacts, deals, members, templates } from '../../../db/schema';
import type { Template } from '../../shared/contract/templates';
import type { Locale } from '../../shared/i18n/locales';
import { newId } from '../../shared/ids';
import { CrmError, notFound } from '../errors';
import { mutate, readRow, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { resolveMerged } from './merge';

type TemplateRow = typeof templates.$inferSelect;
type MergeEntity = 'contact' | 'company' | 'deal' | 'user';
type Target = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };

/** Columns never offered as merge fields: bookkeeping, not something to write in a letter. */
const HIDDEN = new Set(['id', 'deleted', 'merged_into', 'created_by', 'updated_by', 'custom', 'name_sort', 'owner_id']);
const TABLES = { contact: contacts, company: companies, deal: deals } as const;
const CUSTOM_ENTITY = { contact: 'contacts', company: 'companies', deal: 'deals' } as const;
/** Computed fields on top of the columns. */
const EXTRA: Record<MergeEntity, string[]> = {
  contact: ['full_name', 'email', 'phone'],
  company: ['email', 'phone'],
  deal: [],
  user: ['name', 'email'],
};
const TOKEN = /\{\{\s*([a-zA-Z_]+)\.([a-zA-Z0-9_]+)\s*\}\}/g;
const ANY_BRACES = /\{\{([^}]*)\}\}/g;

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

function columnFields(entity: 'contact' | 'company' | 'deal'): string[] {
  return getTableConfig(TABLES[entity])
    .columns.map((c) => c.name)
    .filter((n) => !HIDDEN.has(n));
}

function customKeys(db: CrmDb, entity: 'contact' | 'company' | 'deal'): string[] {
  return db.sqlite
    .prepare('SELECT key FROM custom_field_defs WHERE entity = ? AND deleted = 0 AND archived = 0 ORDER BY position')
    .pluck()
    .all(CUSTOM_ENTITY[entity]) as string[];
}

/** Every field a template may use, as the token a user types. */
export function mergeFields(db: CrmDb): { token: string; entity: string; custom: boolean }[] {
  const out: { token: string; entity: string; custom: boolean }[] = [];
  for (const entity of ['contact', 'company', 'deal'] as const) {
    for (const f of [...columnFields(entity), ...EXTRA[entity]])
      out.push({ token: `{{${entity}.${f}}}`, entity, custom: false });
    for (const k of customKeys(db, entity)) out.push({ token: `{{${entity}.${k}}}`, entity, custom: true });
  }
  for (const f of EXTRA.user) out.push({ token: `{{user.${f}}}`, entity: 'user', custom: false });
  return out;
}

/**
 * Refuses a text with a field that does not exist (or braces that are not a field), naming it, so
 * nothing is ever sent with "{{contact.frist_name}}" left in it.
 */
export function checkFields(db: CrmDb, texts: { path: string; text: string }[]): Set<MergeEntity> {
  const known = new Set(mergeFields(db).map((f) => f.token));
  const used = new Set<MergeEntity>();
  for (const { path, text } of texts) {
    for (const m of text.matchAll(ANY_BRACES)) {
      const token = `{{${m[1]!.trim()}}}`;
      if (!known.has(token)) {
        throw new CrmError(
          'invalid_input',
          'errors.template_unknown_field',
          { field: token, example: '{{contact.first_name}}' },
          [
            {
              path: [path],
              key: 'errors.template_unknown_field',
              params: { field: token, example: '{{contact.first_name}}' },
            },
          ],
        );
      }
      used.add(token.slice(2).split('.')[0] as MergeEntity);
    }
  }
  return used;
}

function firstValue(list: unknown): string {
  return Array.isArray(list) && list.length ? String((list[0] as { value?: unknown }).value ?? '') : '';
}

function formatValue(value: unknown, locale: Locale): string {
  if (value == null) return '';
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value === 'boolean') return value ? '✓' : '';
  if (Array.isArray(value))
    return value
      .map((v) => (typeof v === 'object' && v ? String((v as { value?: unknown }).value ?? '') : String(v)))
      .join(', ');
  return String(value);
}

/** The records a template merges against, found from the one chosen: its company, contact and deal. */
function contextOf(
  db: CrmDb,
  target: Target | undefined,
  actor: string | null,
): Partial<Record<MergeEntity, Record<string, unknown>>> {
  const ctx: Partial<Record<MergeEntity, Record<string, unknown>>> = {};
  const one = (sql: string, id: string) => db.sqlite.prepare(sql).pluck().get(id) as string | undefined;
  if (target) {
    const id = target.entityType === 'deals' ? target.entityId : resolveMerged(db, target.entityType, target.entityId);
    const row = readRow(db, target.entityType, id);
    if (!row || row.deleted)
      throw notFound(
        `entity.${target.entityType === 'companies' ? 'company' : target.entityType === 'deals' ? 'deal' : 'contact'}`,
      );
    if (target.entityType === 'contacts') {
      ctx.contact = row;
      const companyId = one(
        'SELECT company_id FROM contact_companies WHERE contact_id = ? AND deleted = 0 ORDER BY is_primary DESC, created_at LIMIT 1',
        id,
      );
      if (companyId) ctx.company = readRow(db, 'companies', companyId);
      const dealId = one(
        'SELECT d.id FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id WHERE dc.contact_id = ? AND dc.deleted = 0 AND d.deleted = 0 ORDER BY d.created_at DESC LIMIT 1',
        id,
      );
      if (dealId) ctx.deal = readRow(db, 'deals', dealId);
    } else if (target.entityType === 'companies') {
      ctx.company = row;
      const contactId = one(
        'SELECT contact_id FROM contact_companies WHERE company_id = ? AND deleted = 0 ORDER BY is_primary DESC, created_at LIMIT 1',
        id,
      );
      if (contactId) ctx.contact = readRow(db, 'contacts', contactId);
      const dealId = one(
        'SELECT id FROM deals WHERE company_id = ? AND deleted = 0 ORDER BY created_at DESC LIMIT 1',
        id,
      );
      if (dealId) ctx.deal = readRow(db, 'deals', dealId);
    } else {
      ctx.deal = row;
      if (row.companyId) ctx.company = readRow(db, 'companies', String(row.companyId));
      const contactId = one(
        'SELECT contact_id FROM deal_contacts WHERE deal_id = ? AND deleted = 0 ORDER BY created_at LIMIT 1',
        id,
      );
      if (contactId) ctx.contact = readRow(db, 'contacts', contactId);
    }
  }
  if (actor) {
    const member = db.orm.select().from(members).where(eq(members.id, actor)).get();
    if (member) ctx.user = { name: member.name, email: member.email };
  }
  return ctx;
}

function fieldValue(entity: MergeEntity, field: string, row: Record<string, unknown>, locale: Locale): string {
  if (entity === 'contact' && field === 'full_name')
    return [row.prefix, row.firstName, row.middleName, row.lastName, row.suffix].filter(Boolean).join(' ');
  if ((entity === 'contact' || entity === 'company') && field === 'email') return firstValue(row.emails);
  if ((entity === 'contact' || entity === 'company') && field === 'phone') return firstValue(row.phones);
  if (entity === 'deal' && field === 'amount') {
    if (row.amount == null) return '';
    const currency = String(row.currency ?? 'EUR');
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(Number(row.amount) / 100);
    } catch {
      return formatValue(Number(row.amount) / 100, locale);
    }
  }
  const key = camel(field);
  if (key in row) return formatValue(row[key], locale);
  const custom = (row.custom ?? {}) as Record<string, unknown>;
  return formatValue(custom[field], locale);
}

/**
 * Merges a subject and body against a record. Unknown fields are refused before anything else;
 * a field of a record that is not there (no deal for this contact) is refused when `strict`
 * (sending), and left as typed in a preview.
 */
export function renderTemplate(
  db: CrmDb,
  input: {
    subject: string;
    body: string;
    locale: Locale;
    target?: Target | undefined;
    actor: string | null;
    strict: boolean;
    /** Applied to each merged value of the body (an HTML body escapes them); the subject is always plain. */
    escapeBody?: ((value: string) => string) | undefined;
  },
): { subject: string; body: string; to: string[] } {
  checkFields(db, [
    { path: 'subject', text: input.subject },
    { path: 'body', text: input.body },
  ]);
  const ctx = contextOf(db, input.target, input.actor);
  const merge = (text: string, escape: (value: string) => string = (v) => v) =>
    text.replace(TOKEN, (token, entity: string, field: string) => {
      const row = ctx[entity as MergeEntity];
      if (!row) {
        if (input.strict) throw new CrmError('invalid_input', 'errors.template_needs_target', { field: token });
        return token;
      }
      return escape(fieldValue(entity as MergeEntity, field, row, input.locale));
    });
  const to = ctx.contact
    ? [firstValue(ctx.contact.emails)].filter(Boolean)
    : ctx.company
      ? [firstValue(ctx.company.emails)].filter(Boolean)
      : [];
  return { subject: merge(input.subject), body: merge(input.body, input.escapeBody), to };
}

// --- CRUD -------------------------------------------------------------------------------------

function toTemplate(row: TemplateRow): Template {
  return { ...row, kind: row.kind as Template['kind'], locale: row.locale as Template['locale'] };
}

export function getTemplate(db: CrmDb, id: string): Template {
  const row = db.orm.select().from(templates).where(eq(templates.id, id)).get();
  if (!row) throw notFound('entity.template');
  return toTemplate(row);
}

export function listTemplates(
  db: CrmDb,
  input: { kind?: string | undefined; locale?: string | undefined },
): Template[] {
  const where = [eq(templates.deleted, false)];
  if (input.kind) where.push(eq(templates.kind, input.kind));
  if (input.locale) where.push(eq(templates.locale, input.locale));
  return db.orm
    .select()
    .from(templates)
    .where(and(...where))
    .orderBy(asc(templates.name), asc(templates.id))
    .all()
    .map(toTemplate);
}

export function createTemplate(
  db: CrmDb,
  input: { name: string; kind?: string | undefined; locale?: string | undefined; subject: string; body: string },
  options: WriteOptions = {},
): Template {
  checkFields(db, [
    { path: 'subject', text: input.subject },
    { path: 'body', text: input.body },
  ]);
  const id = newId();
  mutate(db, { table: 'templates', op: 'insert', id, values: { kind: 'email', locale: 'en', ...input } }, options);
  return getTemplate(db, id);
}

export function updateTemplate(
  db: CrmDb,
  id: string,
  patch: Record<string, unknown>,
  options: WriteOptions = {},
): Template {
  const before = getTemplate(db, id);
  checkFields(db, [
    { path: 'subject', text: String(patch.subject ?? before.subject) },
    { path: 'body', text: String(patch.body ?? before.body) },
  ]);
  mutate(db, { table: 'templates', op: 'update', id, values: patch }, options);
  return getTemplate(db, id);
}

export function deleteTemplate(db: CrmDb, id: string, options: WriteOptions = {}): Template {
  getTemplate(db, id);
  mutate(db, { table: 'templates', op: 'delete', id }, options);
  return getTemplate(db, id);
}
