import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { companies, contacts, deals } from '../../../db/schema';
import type { FieldInfo, FieldKind, FilterCondition, FilterGroup, FilterOperator } from '../../shared/contract/filters';
import { OPERATORS_BY_KIND } from '../../shared/contract/filters';
import { SEGMENT_NAMES } from '../../shared/contract/segments';
import { COMPANY_TYPES } from '../../shared/domain/company';
import { LIFECYCLE_STAGES } from '../../shared/domain/contact';
import type { CustomFieldEntity } from '../../shared/domain/custom-fields';
import { invalid, type IssueSpec } from '../errors';
import { customDefsVersion } from '../db/custom-defs';
import type { CrmDb } from '../db/open';
import { listCustomFields } from './custom-fields';

export type FilterEntity = 'contacts' | 'companies' | 'deals';

interface FieldSpec extends FieldInfo {
  expr: SQL | SQLiteColumn;
  /** Dates stored as YYYY-MM-DD text rather than epoch milliseconds. */
  dateText?: boolean;
  /** A JSON array of strings (multi-select): `in` means "has any of". */
  jsonArray?: boolean;
}

const DAY = 86_400_000;

function builtIn(entity: FilterEntity): FieldSpec[] {
  const f = (field: string, kind: FieldKind, expr: SQL | SQLiteColumn, extra: Partial<FieldSpec> = {}): FieldSpec => ({
    field,
    kind,
    expr,
    label: `field.${field}`,
    custom: false,
    sortable: kind !== 'tags',
    ...extra,
  });
  if (entity === 'contacts') {
    const c = contacts;
    return [
      f('name', 'text', c.nameSort),
      f('firstName', 'text', c.firstName),
      f('lastName', 'text', c.lastName),
      f('email', 'text', c.emails, { sortable: false }),
      f('phone', 'text', c.phones, { sortable: false }),
      f('jobTitle', 'text', c.jobTitle),
      f('department', 'text', c.department),
      f('leadSource', 'text', c.leadSource),
      f('lifecycleStage', 'enum', c.lifecycleStage, { values: [...LIFECYCLE_STAGES] }),
      f('ownerId', 'member', c.ownerId),
      f('birthday', 'date', c.birthday, { dateText: true }),
      f('emailOptOut', 'boolean', c.emailOptOut),
      f('phoneOptOut', 'boolean', c.phoneOptOut),
      f('createdAt', 'date', c.createdAt),
      f('updatedAt', 'date', c.updatedAt),
      f('tags', 'tags', c.id),
    ];
  }
  if (entity === 'deals') {
    const d = deals;
    return [
      f('name', 'text', d.nameSort),
      f('amount', 'number', d.amount),
      f('currency', 'text', d.currency),
      // Stage ids change with the pipelines: the list's own stage and pipeline filters serve them.
      f('stageId', 'enum', d.stageId),
      f('status', 'enum', sql`(SELECT kind FROM stages WHERE stages.id = ${d.stageId})`, {
        values: ['open', 'won', 'lost'],
      }),
      f('probability', 'number', d.probability),
      f('expectedClose', 'date', d.expectedClose, { dateText: true }),
      f('ownerId', 'member', d.ownerId),
      f('source', 'text', d.source),
      f('nextStep', 'text', d.nextStep),
      f('lostReason', 'text', d.lostReason),
      f('closedAt', 'date', d.closedAt),
      f('createdAt', 'date', d.createdAt),
      f('updatedAt', 'date', d.updatedAt),
      f('tags', 'tags', d.id),
    ];
  }
  const c = companies;
  return [
    f('name', 'text', c.nameSort),
    f('domain', 'text', c.domain),
    f('industry', 'text', c.industry),
    f('type', 'enum', c.type, { values: [...COMPANY_TYPES] }),
    f('employees', 'number', c.employees),
    f('annualRevenue', 'number', c.annualRevenue),
    f('lifecycleStage', 'enum', c.lifecycleStage, { values: [...LIFECYCLE_STAGES] }),
    f('ownerId', 'member', c.ownerId),
    f('parentId', 'member', c.parentId, { sortable: false }),
    // RFM segment from this device's segment cache (analytics: segments.refresh), for saved views and audiences.
    f('segment', 'enum', sql`(SELECT segment FROM customer_segments WHERE customer_segments.company_id = ${c.id})`, {
      values: [...SEGMENT_NAMES],
    }),
    f('createdAt', 'date', c.createdAt),
    f('updatedAt', 'date', c.updatedAt),
    f('tags', 'tags', c.id),
  ];
}

const CUSTOM_KIND: Record<string, FieldKind> = {
  text: 'text',
  long_text: 'text',
  url: 'text',
  email: 'text',
  phone: 'text',
  number: 'number',
  currency: 'number',
  rating: 'number',
  date: 'date',
  datetime: 'date',
  checkbox: 'boolean',
  select: 'enum',
  multiselect: 'enum',
};

const catalogs = new WeakMap<CrmDb, Map<FilterEntity, { version: number; catalog: Map<string, FieldSpec> }>>();

/** Every field a list of this entity can filter and sort on, custom fields included; cached until a definition changes. */
export function fieldCatalog(db: CrmDb, entity: FilterEntity): Map<string, FieldSpec> {
  let perDb = catalogs.get(db);
  if (!perDb) catalogs.set(db, (perDb = new Map()));
  const version = customDefsVersion(db);
  const cached = perDb.get(entity);
  if (cached && cached.version === version) return cached.catalog;
  const catalog = buildCatalog(db, entity);
  perDb.set(entity, { version, catalog });
  return catalog;
}

function buildCatalog(db: CrmDb, entity: FilterEntity): Map<string, FieldSpec> {
  const table = entity === 'contacts' ? contacts : entity === 'companies' ? companies : deals;
  const fields = builtIn(entity);
  for (const def of listCustomFields(db, entity as CustomFieldEntity)) {
    const path = `$."${def.key}"`;
    fields.push({
      field: `custom.${def.key}`,
      kind: CUSTOM_KIND[def.type] ?? 'text',
      expr: sql`json_extract(${table.custom}, ${path})`,
      label: def.label,
      custom: true,
      sortable: def.type !== 'multiselect',
      ...(def.type === 'select' || def.type === 'multiselect' ? { values: def.options.map((o) => o.id) } : {}),
      ...(def.type === 'date' ? { dateText: true } : {}),
      ...(def.type === 'multiselect' ? { jsonArray: true } : {}),
    });
  }
  return new Map(fields.map((f) => [f.field, f]));
}

export function describeFields(db: CrmDb, entity: FilterEntity): FieldInfo[] {
  return [...fieldCatalog(db, entity).values()].map(({ field, kind, label, custom, sortable, values }) => ({
    field,
    kind,
    label,
    custom,
    sortable,
    ...(values ? { values } : {}),
  }));
}

interface CompileContext {
  db: CrmDb;
  entity: FilterEntity;
  catalog: Map<string, FieldSpec>;
  actor: string | null;
  issues: IssueSpec[];
}

/**
 * Compiles a filter-builder tree (AND/OR groups of conditions) into one SQL condition. Field names
 * come from the catalogue and values are bound parameters, so nothing the user types becomes SQL.
 * Every problem is reported at its path under `filter`, and nothing runs if there is one.
 */
export function compileFilter(
  db: CrmDb,
  entity: FilterEntity,
  group: FilterGroup,
  actor: string | null,
): SQL | undefined {
  const ctx: CompileContext = { db, entity, catalog: fieldCatalog(db, entity), actor, issues: [] };
  const out = compileGroup(ctx, group, ['filter']);
  if (ctx.issues.length) throw invalid(ctx.issues);
  return out;
}

function compileGroup(ctx: CompileContext, group: FilterGroup, path: (string | number)[]): SQL | undefined {
  const parts = group.conditions
    .map((c, i) =>
      'conditions' in c
        ? compileGroup(ctx, c, [...path, 'conditions', i])
        : compileCondition(ctx, c, [...path, 'conditions', i]),
    )
    .filter((p): p is SQL => p !== undefined);
  if (parts.length === 0) return undefined;
  return sql`(${sql.join(parts, sql.raw(group.op === 'or' ? ' OR ' : ' AND '))})`;
}

function compileCondition(ctx: CompileContext, c: FilterCondition, path: (string | number)[]): SQL | undefined {
  const spec = ctx.catalog.get(c.field);
  if (!spec) {
    ctx.issues.push({ path: [...path, 'field'], key: 'validation.unknown_key', params: { key: c.field } });
    return undefined;
  }
  if (!OPERATORS_BY_KIND[spec.kind].includes(c.operator)) {
    ctx.issues.push({ path: [...path, 'operator'], key: 'validation.invalid_value' });
    return undefined;
  }
  const bad = (expected: string) => {
    ctx.issues.push({
      path: [...path, 'value'],
      key: 'validation.invalid_type',
      params: { expected: `type.${expected}` },
    });
    return undefined;
  };
  const e = spec.expr;
  const op: FilterOperator = c.operator;
  const v = c.value;
  switch (op) {
    case 'is_empty':
      return spec.jsonArray || spec.field === 'email' || spec.field === 'phone'
        ? sql`(${e} IS NULL OR ${e} = '' OR ${e} = '[]')`
        : sql`(${e} IS NULL OR ${e} = '')`;
    case 'is_not_empty':
      return sql`(${e} IS NOT NULL AND ${e} <> '' AND ${e} <> '[]')`;
    case 'is_true':
      return sql`${e} = 1`;
    case 'is_false':
      return sql`(${e} IS NULL OR ${e} = 0)`;
    case 'contains':
    case 'not_contains':
    case 'starts_with':
    case 'eq':
    case 'neq': {
      if (spec.kind === 'number') {
        if (typeof v !== 'number') return bad('number');
        return op === 'eq' ? sql`${e} = ${v}` : sql`(${e} IS NULL OR ${e} <> ${v})`;
      }
      if (typeof v !== 'string') return bad('text');
      const positive = textMatch(spec, e, op === 'not_contains' ? 'contains' : op === 'neq' ? 'eq' : op, v);
      return op === 'not_contains' || op === 'neq' ? sql`(${e} IS NULL OR NOT ${positive})` : positive;
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (typeof v !== 'number') return bad('number');
      const sym = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[op];
      return sql`${e} ${sql.raw(sym)} ${v}`;
    }
    case 'between': {
      if (!Array.isArray(v) || v.length !== 2) return bad('range');
      if (spec.kind === 'date') {
        const from = dateValue(spec, v[0]);
        const to = dateValue(spec, v[1], true);
        if (from === null || to === null) return bad('date');
        return sql`${e} BETWEEN ${from} AND ${to}`;
      }
      if (typeof v[0] !== 'number' || typeof v[1] !== 'number') return bad('number');
      return sql`${e} BETWEEN ${v[0]} AND ${v[1]}`;
    }
    case 'before':
    case 'after': {
      const at = dateValue(spec, v, op === 'after');
      if (at === null) return bad('date');
      return op === 'before' ? sql`${e} < ${at}` : sql`${e} > ${at}`;
    }
    case 'in_last_days':
    case 'in_next_days':
    case 'older_than_days': {
      if (!Number.isInteger(v) || (v as number) < 0) return bad('number');
      const now = ctx.db.now();
      const days = (v as number) * DAY;
      const at = (ms: number) => (spec.dateText ? new Date(ms).toISOString().slice(0, 10) : ms);
      if (op === 'in_last_days') return sql`${e} BETWEEN ${at(now - days)} AND ${at(now)}`;
      if (op === 'in_next_days') return sql`${e} BETWEEN ${at(now)} AND ${at(now + days)}`;
      return sql`${e} < ${at(now - days)}`;
    }
    case 'in':
    case 'not_in': {
      const list = Array.isArray(v) ? v : [v];
      if (list.length === 0 || !list.every((x) => typeof x === 'string')) return bad('list');
      const values = (list as string[]).map((x) => (spec.kind === 'member' && x === 'me' ? (ctx.actor ?? '') : x));
      if (spec.values && !values.every((x) => spec.values!.includes(x))) {
        ctx.issues.push({ path: [...path, 'value'], key: 'validation.invalid_value' });
        return undefined;
      }
      const inList = spec.jsonArray
        ? sql`EXISTS (SELECT 1 FROM json_each(${e}) WHERE json_each.value IN (${sql.join(
            values.map((x) => sql`${x}`),
            sql`, `,
          )}))`
        : sql`${e} IN (${sql.join(
            values.map((x) => sql`${x}`),
            sql`, `,
          )})`;
      return op === 'in' ? inList : sql`(${e} IS NULL OR NOT ${inList})`;
    }
    case 'has_tag':
    case 'not_has_tag': {
      if (typeof v !== 'string') return bad('tag');
      const tagged = sql`${e} IN (SELECT entity_id FROM taggings WHERE tag_id = ${v} AND deleted = 0)`;
      return op === 'has_tag' ? tagged : sql`NOT ${tagged}`;
    }
  }
}

const like = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/**
 * A positive text match. Emails and phones are lists: the match is against each stored value
 * (phones by their digits); the name is matched folded, and "starts with" may start at the first
 * name or the last name, since the sort key puts the last name first.
 */
function textMatch(spec: FieldSpec, e: SQL | SQLiteColumn, op: 'contains' | 'starts_with' | 'eq', v: string): SQL {
  if (spec.field === 'email' || spec.field === 'phone') {
    const phone = spec.field === 'phone';
    const typed = phone ? v.replace(/\D/g, '') : v.toLowerCase();
    const value = phone
      ? sql`replace(json_extract(j.value, '$.value'), '+', '')`
      : sql`lower(json_extract(j.value, '$.value'))`;
    const cond =
      op === 'eq'
        ? sql`${value} = ${typed}`
        : sql`${value} LIKE ${op === 'contains' ? `%${like(typed)}%` : `${like(typed)}%`} ESCAPE '\\'`;
    return sql`EXISTS (SELECT 1 FROM json_each(${e}) j WHERE ${cond})`;
  }
  const text = spec.field === 'name' ? foldLike(v) : v;
  const escaped = like(text);
  if (op === 'contains') return sql`${e} LIKE ${`%${escaped}%`} ESCAPE '\\'`;
  if (op === 'starts_with') {
    return spec.field === 'name'
      ? sql`(${e} LIKE ${`${escaped}%`} ESCAPE '\\' OR ${e} LIKE ${`% ${escaped}%`} ESCAPE '\\')`
      : sql`${e} LIKE ${`${escaped}%`} ESCAPE '\\'`;
  }
  return sql`lower(${e}) = lower(${text})`;
}

/** A date given as YYYY-MM-DD or epoch milliseconds, in the field's storage form. */
function dateValue(spec: FieldSpec, value: unknown, endOfDay = false): string | number | null {
  let ms: number | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) ms = value;
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    ms = Date.parse(`${value}T00:00:00Z`) + (endOfDay ? DAY - 1 : 0);
  }
  if (ms === null || Number.isNaN(ms)) return null;
  return spec.dateText ? new Date(ms).toISOString().slice(0, 10) : ms;
}

function foldLike(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}
