import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { CustomField, FieldInfo, Member } from '../../../../shared/contract';
import { formatPhone } from '../../../lib/phone';
import type { ListFormat } from '../format';
import { enumLabel, fieldLabel } from '../labels';
import type { ListRecord, RecordColumn } from '../types';
import { BooleanCell, Empty, LinkCell, MemberCell, Pills, RatingCell, orEmpty } from './cells';

/** What cells need besides the row: translations, formats and the lookups of ids to names. */
export interface ColumnEnv {
  t: TFunction;
  format: ListFormat;
  members: Map<string, Member>;
  /** Custom field definitions by key. */
  customDefs: Map<string, CustomField>;
}

/** How one built-in field of an entity reads and shows; anything left out falls back to its kind. */
export interface ColumnOverride<T extends ListRecord> {
  read?: (row: T) => unknown;
  render?: (row: T, env: ColumnEnv) => ReactNode;
  exportValue?: (row: T, env: ColumnEnv) => string | number | boolean | null;
  width?: number;
  minWidth?: number;
  align?: 'left' | 'right';
}

const WIDTH_BY_KIND: Record<FieldInfo['kind'], number> = {
  text: 180,
  number: 130,
  date: 140,
  enum: 160,
  boolean: 110,
  member: 180,
  tags: 160,
};

/** Fields that can be filtered on but not shown as a column (the rows do not carry them). */
const NOT_COLUMNS = new Set(['tags', 'parentId']);

function isDayText(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Reads, shows and exports a value by its kind (and, for a custom field, its exact type). */
function byKind<T extends ListRecord>(info: FieldInfo, env: ColumnEnv, read: (row: T) => unknown) {
  const { t, format, members, customDefs } = env;
  const def = info.custom ? customDefs.get(info.field.slice('custom.'.length)) : undefined;
  const type = def?.type;
  const yes = t('lists.yes');
  const dateText = (v: unknown): string | null =>
    typeof v === 'number'
      ? type === 'datetime'
        ? format.dateTime(v)
        : format.date(v)
      : isDayText(v)
        ? format.day(v)
        : null;

  const show = (v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return <Empty />;
    switch (info.kind) {
      case 'number':
        if (typeof v !== 'number') return String(v);
        if (type === 'rating') return <RatingCell value={v} />;
        return type === 'currency' ? format.money(v) : format.number(v);
      case 'date':
        return orEmpty(dateText(v));
      case 'boolean':
        return <BooleanCell value={v} yes={yes} />;
      case 'enum':
        return (
          <Pills
            labels={(Array.isArray(v) ? asList(v) : [String(v)]).map((x) => enumLabel(t, info.field, x, customDefs))}
          />
        );
      case 'member':
        return <MemberCell member={members.get(String(v))} />;
      default: {
        const text = String(v);
        if (type === 'url') return <LinkCell href={text}>{text.replace(/^https?:\/\//, '')}</LinkCell>;
        if (type === 'email') return <LinkCell href={`mailto:${text}`}>{text}</LinkCell>;
        if (type === 'phone') return formatPhone(text);
        return text;
      }
    }
  };

  const plain = (v: unknown): string | number | boolean | null => {
    if (v === null || v === undefined) return null;
    switch (info.kind) {
      case 'number':
      case 'boolean':
        return typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      case 'date':
        return typeof v === 'number' ? new Date(v).toISOString() : String(v);
      case 'enum':
        return (Array.isArray(v) ? asList(v) : [String(v)])
          .map((x) => enumLabel(t, info.field, x, customDefs))
          .join(', ');
      case 'member':
        return members.get(String(v))?.name ?? null;
      default:
        return String(v);
    }
  };

  return {
    render: (row: T) => show(read(row)),
    exportValue: (row: T) => plain(read(row)),
  };
}

/**
 * Every column a list can show: one per catalogue field (custom fields included), with the
 * entity's own look for the fields that need one (a name with its avatar, the first email).
 */
export function buildColumns<T extends ListRecord>(
  catalog: FieldInfo[],
  env: ColumnEnv,
  overrides: Record<string, ColumnOverride<T>>,
): RecordColumn<T>[] {
  const columns: RecordColumn<T>[] = [];
  for (const info of catalog) {
    if (NOT_COLUMNS.has(info.field) || info.kind === 'tags') continue;
    const override = overrides[info.field] ?? {};
    const read =
      override.read ??
      (info.custom
        ? (row: T) => row.custom[info.field.slice('custom.'.length)]
        : (row: T) => (row as unknown as Record<string, unknown>)[info.field]);
    const generic = byKind(info, env, read);
    const width = override.width ?? WIDTH_BY_KIND[info.kind];
    columns.push({
      field: info.field,
      label: fieldLabel(env.t, info),
      info,
      defaultWidth: width,
      minWidth: override.minWidth ?? 80,
      align: override.align ?? (info.kind === 'number' ? 'right' : 'left'),
      render: override.render ? (row) => override.render!(row, env) : generic.render,
      exportValue: override.exportValue ? (row) => override.exportValue!(row, env) : generic.exportValue,
    });
  }
  return columns;
}
