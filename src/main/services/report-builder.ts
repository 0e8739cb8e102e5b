import { sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { activities, companies, contacts, deals, invoices } from '../../../db/schema';
import type { FilterGroup } from '../../shared/contract/filters';
import type {
  BuilderEntity,
  BuilderField,
  builderConfigSchema,
  ReportDrill,
  ReportTable,
} from '../../shared/contract/reports';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { invalid } from '../errors';
import type { CrmDb } from '../db/open';
import { compileFilter, fieldCatalog, type FilterEntity } from './filters';
import { baseMoney, fxValues } from './reports/money';
import { DAY, periodOf } from './reports/period';
import { TableBuilder } from './reports/table';

/*
 * The report builder: any entity, the list filters, up to two groupings (date buckets included)
 * and measures over numeric fields (custom ones too), run as one GROUP BY query. Field names
 * come from a catalogue, values are bound, so nothing typed becomes SQL. Money fields are
 * converted to the base currency in the query (fx join), so sums across currencies are right.
 */

type Config = z.output<typeof builderConfigSchema>;
type Kind = BuilderField['kind'];

interface Spec {
  field: string;
  label: string;
  kind: Kind;
  expr: SQL | SQLiteColumn;
  dateText?: boolean;
  /** Names of the ids this field holds. */
  names?: 'members' | 'stages' | 'companies' | 'pipelines';
  groupable: boolean;
  measurable: boolean;
}

const TABLES = { deals, companies, contacts, activities, invoices } as const;
const MAX_GROUPS = 1000;

function fieldLabel(locale: Locale, field: string): string {
  const key = `analytics.field.${field}`;
  const text = translate(locale, key);
  return text === key ? field : text;
}

function catalogOf(db: CrmDb, entity: BuilderEntity, locale: Locale): Map<string, Spec> {
  const out = new Map<string, Spec>();
  const add = (s: Omit<Spec, 'groupable' | 'measurable' | 'label'> & { label?: string }) => {
    const groupable = s.kind !== 'tags';
    const measurable = s.kind === 'number' || s.kind === 'money';
    out.set(s.field, { ...s, label: s.label ?? fieldLabel(locale, s.field), groupable, measurable });
  };
  if (entity === 'deals' || entity === 'companies' || entity === 'contacts') {
    for (const f of fieldCatalog(db, entity as FilterEntity).values()) {
      if (f.kind === 'tags' || f.jsonArray) continue;
      const kind: Kind =
        entity === 'deals' && f.field === 'amount' ? 'money' : f.kind === 'member' ? 'member' : (f.kind as Kind);
      add({
        field: f.field,
        kind,
        expr: f.expr,
        ...(f.custom ? { label: f.label } : {}),
        ...(f.dateText ? { dateText: true } : {}),
        ...(f.field === 'ownerId' ? { names: 'members' as const } : {}),
        ...(f.field === 'stageId' ? { names: 'stages' as const } : {}),
        ...(f.field === 'parentId' ? { names: 'companies' as const } : {}),
      });
    }
    if (entity === 'deals') {
      add({ field: 'companyId', kind: 'member', expr: deals.companyId, names: 'companies' });
      add({ field: 'pipelineId', kind: 'member', expr: deals.pipelineId, names: 'pipelines' });
      add({ field: 'engagedAt', kind: 'date', expr: deals.engagedAt });
    }
  } else if (entity === 'activities') {
    const a = activities;
    add({ field: 'type', kind: 'enum', expr: a.type });
    add({ field: 'ownerId', kind: 'member', expr: a.ownerId, names: 'members' });
    add({ field: 'startAt', kind: 'date', expr: a.startAt });
    add({ field: 'dueAt', kind: 'date', expr: a.dueAt });
    add({ field: 'doneAt', kind: 'date', expr: a.doneAt });
    add({ field: 'allDay', kind: 'boolean', expr: a.allDay });
    add({ field: 'createdAt', kind: 'date', expr: a.createdAt });
  } else {
    const i = invoices;
    add({ field: 'companyId', kind: 'member', expr: i.companyId, names: 'companies' });
    add({ field: 'currency', kind: 'text', expr: i.currency });
    add({ field: 'issueDate', kind: 'date', expr: i.issueDate, dateText: true });
    add({ field: 'dueDate', kind: 'date', expr: i.dueDate, dateText: true });
    add({ field: 'subtotal', kind: 'money', expr: i.subtotal });
    add({ field: 'taxTotal', kind: 'money', expr: i.taxTotal });
    add({ field: 'total', kind: 'money', expr: i.total });
    add({ field: 'createdAt', kind: 'date', expr: i.createdAt });
  }
  return out;
}

export function builderFields(db: CrmDb, entity: BuilderEntity, locale: Locale): BuilderField[] {
  return [...catalogOf(db, entity, locale).values()].map(({ field, label, kind, groupable, measurable }) => ({
    field,
    label,
    kind,
    groupable,
    measurable,
  }));
}

/** The grouping key of a date field in a bucket, as text: 2026-11-23, 2026-11-23 (Monday of the week), 2026-11, 2026-Q4, 2026. */
function bucketSql(spec: Spec, bucket: Config['groupBy'][number]['bucket']): SQL {
  const e = spec.expr;
  if (spec.kind !== 'date') return sql`${e}`;
  const day = spec.dateText ? sql`date(${e})` : sql`date(${e} / 1000, 'unixepoch')`;
  switch (bucket ?? 'month') {
    case 'day':
      return day;
    case 'week':
      return sql`date(${day}, '-' || ((CAST(strftime('%w', ${day}) AS INTEGER) + 6) % 7) || ' days')`;
    case 'month':
      return sql`substr(${day}, 1, 7)`;
    case 'quarter':
      return sql`substr(${day}, 1, 4) || '-Q' || ((CAST(substr(${day}, 6, 2) AS INTEGER) + 2) / 3)`;
    case 'year':
      return sql`substr(${day}, 1, 4)`;
  }
}

/** The first and last day a bucket key covers, for the drill-down's date filter. */
export function bucketRange(key: string, bucket: string | undefined): [string, string] | null {
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key))) {
    const start = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    return [iso(start), iso(start + (bucket === 'week' ? 6 : 0) * DAY)];
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(key)))
    return [iso(Date.UTC(+m[1]!, +m[2]! - 1, 1)), iso(Date.UTC(+m[1]!, +m[2]!, 0))];
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key)))
    return [iso(Date.UTC(+m[1]!, (+m[2]! - 1) * 3, 1)), iso(Date.UTC(+m[1]!, +m[2]! * 3, 0))];
  if ((m = /^(\d{4})$/.exec(key))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  return null;
}

const columnKind = (op: string, spec: Spec | undefined) =>
  op === 'count' ? 'count' : spec?.kind === 'money' ? 'money' : 'number';

export function runBuilder(db: CrmDb, config: Config, locale: Locale, actor: string | null = null): ReportTable {
  const catalog = catalogOf(db, config.entity, locale);
  const table = TABLES[config.entity];
  const issues: { path: (string | number)[]; key: string }[] = [];
  const groups = config.groupBy.map((g, i) => {
    const spec = catalog.get(g.field);
    if (!spec || !spec.groupable)
      issues.push({ path: ['config', 'groupBy', i, 'field'], key: 'validation.report_group_field' });
    return { ...g, spec: spec! };
  });
  const measures = config.measures.map((m, i) => {
    const spec = m.field ? catalog.get(m.field) : undefined;
    if (m.op !== 'count' && (!spec || !spec.measurable))
      issues.push({ path: ['config', 'measures', i, 'field'], key: 'validation.report_measure_field' });
    return { ...m, spec };
  });
  if (issues.length) throw invalid(issues);

  const where: SQL[] = [sql`${table.deleted} = 0`, sql`${table.mergedInto} IS NULL`];
  if (config.filter?.conditions.length) {
    if (config.entity === 'activities' || config.entity === 'invoices')
      throw invalid([{ path: ['config', 'filter'], key: 'validation.invalid_value' }]);
    const compiled = compileFilter(db, config.entity, config.filter, actor);
    if (compiled) where.push(compiled);
  }
  if (config.from || config.to) {
    const p = periodOf(config.from, config.to);
    where.push(sql`${table.createdAt} >= ${p.start} AND ${table.createdAt} < ${p.end}`);
  }
  const fx = fxValues(db);
  const fxRows = [];
  for (let i = 0; i < fx.params.length; i += 2) fxRows.push(sql`(${fx.params[i]}, ${fx.params[i + 1]})`);
  const currencyCol = 'currency' in table ? (table as typeof deals).currency : null;
  const valueOf = (spec: Spec) =>
    spec.kind === 'money' && currencyCol
      ? sql`(${spec.expr} * (SELECT factor FROM fx WHERE fx.currency = ${currencyCol}))`
      : sql`${spec.expr}`;
  const selects: SQL[] = [
    ...groups.map((g, i) => sql`${bucketSql(g.spec, g.bucket)} AS ${sql.raw(`g${i}`)}`),
    ...measures.map((m, i) =>
      m.op === 'count'
        ? sql`COUNT(*) AS ${sql.raw(`m${i}`)}`
        : sql`${sql.raw(m.op.toUpperCase())}(${valueOf(m.spec!)}) AS ${sql.raw(`m${i}`)}`,
    ),
  ];
  const dateFirst = groups[0]?.spec.kind === 'date';
  const query = sql`WITH fx(currency, factor) AS (VALUES ${sql.join(fxRows, sql`, `)})
    SELECT ${sql.join(selects, sql`, `)} FROM ${table} WHERE ${sql.join(where, sql` AND `)}
    ${groups.length ? sql`GROUP BY ${sql.raw(groups.map((_, i) => `g${i}`).join(', '))}` : sql``}
    ORDER BY ${sql.raw(dateFirst ? 'g0' : groups.length ? 'm0 DESC' : '1')} LIMIT ${MAX_GROUPS}`;
  const rows = db.orm.all<Record<string, string | number | null>>(query);

  // Names for the ids the groups hold.
  const names = new Map<string, string>();
  for (const [i, g] of groups.entries()) {
    if (!g.spec.names) continue;
    const ids = rows.map((r) => r[`g${i}`] as string | null);
    const tableName = g.spec.names;
    if (tableName === 'members' || tableName === 'companies' || tableName === 'stages' || tableName === 'pipelines') {
      const wanted = ids.filter((id): id is string => !!id);
      if (!wanted.length) continue;
      const found = db.sqlite
        .prepare(`SELECT id, name FROM ${tableName} WHERE id IN (SELECT value FROM json_each(?))`)
        .all(JSON.stringify(wanted)) as { id: string; name: string }[];
      for (const f of found) names.set(f.id, f.name);
    }
  }

  const money = baseMoney(db);
  const t = new TableBuilder('custom', locale);
  groups.forEach((g, i) =>
    t.columns.push({
      key: `g${i}`,
      label: g.spec.label,
      kind: g.spec.kind === 'date' && (g.bucket ?? 'month') === 'month' ? 'month' : 'text',
    }),
  );
  measures.forEach((m, i) =>
    t.columns.push({
      key: `m${i}`,
      label:
        m.op === 'count'
          ? translate(locale, 'analytics.col.count')
          : translate(locale, `analytics.col.${m.op}`, { field: m.spec!.label }),
      kind: columnKind(m.op, m.spec),
    }),
  );
  const baseConditions = flatConditions(config.filter);
  for (const r of rows) {
    const values: Record<string, string | number | null> = {};
    const conditions: ReportDrill['conditions'] = [...(baseConditions ?? [])];
    let drillable =
      baseConditions !== null &&
      (config.entity === 'deals' || config.entity === 'companies' || config.entity === 'contacts');
    groups.forEach((g, i) => {
      const raw = r[`g${i}`] ?? null;
      const key = `g${i}`;
      if (g.spec.kind === 'boolean') values[key] = translate(locale, raw ? 'analytics.yes' : 'analytics.no');
      else if (raw === null || raw === '') values[key] = translate(locale, 'analytics.none.value');
      else if (g.spec.names) values[key] = names.get(String(raw)) ?? String(raw);
      else if (g.spec.kind === 'enum') values[key] = enumLabel(locale, g.field, String(raw));
      else values[key] = raw as string | number;
      // The drill-down: the same filter plus this group's value.
      if (raw === null || raw === '') conditions.push({ field: g.field, operator: 'is_empty' });
      else if (g.spec.kind === 'date') {
        const range = bucketRange(String(raw), g.bucket ?? 'month');
        if (range) conditions.push({ field: g.field, operator: 'between', value: range });
        else drillable = false;
      } else if (g.spec.kind === 'member' || g.spec.kind === 'enum')
        conditions.push({ field: g.field, operator: 'in', value: [raw] });
      else if (g.spec.kind === 'boolean') conditions.push({ field: g.field, operator: raw ? 'is_true' : 'is_false' });
      else if (g.spec.kind === 'number') conditions.push({ field: g.field, operator: 'eq', value: raw });
      else conditions.push({ field: g.field, operator: 'eq', value: raw });
      if (g.field === 'companyId' || g.field === 'pipelineId') drillable = false;
    });
    measures.forEach((m, i) => {
      const v = r[`m${i}`];
      values[`m${i}`] =
        v === null || v === undefined ? null : m.spec?.kind === 'money' ? Math.round(Number(v)) : Number(v);
    });
    t.row(
      values,
      drillable && config.entity !== 'activities' && config.entity !== 'invoices'
        ? { entity: config.entity as 'deals', conditions }
        : null,
    );
  }
  const summary: Record<string, number | null> = {};
  measures.forEach((m, i) => {
    if (m.op === 'count' || m.op === 'sum')
      summary[`m${i}`] = t.rows.reduce((n, r) => n + (Number(r[`m${i}`]) || 0), 0);
  });
  t.summary = groups.length ? summary : {};
  return {
    ...t.build({ period: periodOf(config.from, config.to) }, money),
    title: translate(locale, 'analytics.report.custom'),
  };
}

/** A built-in enum value in the reader's language (custom selects and unknown values as stored). */
function enumLabel(locale: Locale, field: string, value: string): string {
  const key = field === 'segment' ? `analytics.segment.${value}` : `analytics.value.${field}.${value}`;
  const text = translate(locale, key);
  return text === key ? value : text;
}

/** The filter's conditions when it is one AND group of plain conditions (what a drill-down can carry), else null. */
function flatConditions(filter: FilterGroup | undefined): ReportDrill['conditions'] | null {
  if (!filter || !filter.conditions.length) return [];
  if (filter.op !== 'and' && filter.conditions.length > 1) return null;
  const out: ReportDrill['conditions'] = [];
  for (const c of filter.conditions) {
    if ('conditions' in c) return null;
    out.push({ field: c.field, operator: c.operator, value: c.value });
  }
  return out;
}
