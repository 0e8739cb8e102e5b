import { and, asc, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { customFieldDefs } from '../../../db/schema';
import type { CustomField } from '../../shared/contract/custom-fields';
import {
  checkCustomValue,
  type CustomFieldEntity,
  type CustomFieldOption,
  type CustomFieldType,
} from '../../shared/domain/custom-fields';
import { newId } from '../../shared/ids';
import { invalid, notFound, type IssueSpec } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

type DefRow = typeof customFieldDefs.$inferSelect;

function toField(row: DefRow): CustomField {
  return {
    ...row,
    entity: row.entity as CustomField['entity'],
    type: row.type as CustomField['type'],
    options: row.options as CustomFieldOption[],
  };
}

export function listCustomFields(db: CrmDb, entity: CustomFieldEntity, includeArchived = false): CustomField[] {
  return db.orm
    .select()
    .from(customFieldDefs)
    .where(and(eq(customFieldDefs.entity, entity), eq(customFieldDefs.deleted, false)))
    .orderBy(asc(customFieldDefs.position), asc(customFieldDefs.createdAt))
    .all()
    .filter((d) => includeArchived || !d.archived)
    .map(toField);
}

export function getCustomField(db: CrmDb, id: string): CustomField {
  const row = db.orm.select().from(customFieldDefs).where(eq(customFieldDefs.id, id)).get();
  if (!row || row.deleted) throw notFound('entity.custom_field');
  return toField(row);
}

const shortId = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

function withOptionIds(
  type: CustomFieldType,
  options: { id?: string | undefined; label: string; color?: string | undefined }[] | undefined,
) {
  const list = (options ?? []).map((o) => ({
    id: o.id ?? shortId('o_'),
    label: o.label,
    ...(o.color ? { color: o.color } : {}),
  }));
  if ((type === 'select' || type === 'multiselect') && list.length === 0) {
    throw invalid([{ path: ['options'], key: 'validation.required' }]);
  }
  return list;
}

export function createCustomField(
  db: CrmDb,
  input: {
    entity: CustomFieldEntity;
    label: string;
    type: CustomFieldType;
    options?: { id?: string | undefined; label: string; color?: string | undefined }[] | undefined;
  },
  options: WriteOptions = {},
): CustomField {
  const id = newId();
  const position = listCustomFields(db, input.entity, true).length;
  mutate(
    db,
    {
      table: 'custom_field_defs',
      op: 'insert',
      id,
      // The key is where values live; it never changes, so renaming the field keeps them.
      values: {
        entity: input.entity,
        key: shortId('cf_'),
        label: input.label,
        type: input.type,
        options: withOptionIds(input.type, input.options),
        position,
      },
    },
    options,
  );
  return getCustomField(db, id);
}

export function updateCustomField(
  db: CrmDb,
  input: {
    id: string;
    label?: string | undefined;
    position?: number | undefined;
    options?: { id?: string | undefined; label: string; color?: string | undefined }[] | undefined;
  },
  options: WriteOptions = {},
): CustomField {
  const field = getCustomField(db, input.id);
  const values: Record<string, unknown> = {};
  if (input.label !== undefined) values.label = input.label;
  if (input.position !== undefined) values.position = input.position;
  if (input.options !== undefined) values.options = withOptionIds(field.type, input.options);
  mutate(db, { table: 'custom_field_defs', op: 'update', id: input.id, values }, options);
  return getCustomField(db, input.id);
}

export function setCustomFieldArchived(
  db: CrmDb,
  id: string,
  archived: boolean,
  options: WriteOptions = {},
): CustomField {
  getCustomField(db, id);
  mutate(db, { table: 'custom_field_defs', op: 'update', id, values: { archived } }, options);
  return getCustomField(db, id);
}

/**
 * Validates a patch of custom values for an entity and merges it into the record's current ones,
 * key by key (`null` clears a value). Unknown or archived keys and values of the wrong type are
 * refused at `custom.<key>`.
 */
export function mergeCustomValues(
  db: CrmDb,
  entity: CustomFieldEntity,
  current: Record<string, unknown>,
  patch: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!patch) return undefined;
  const defs = new Map(listCustomFields(db, entity).map((d) => [d.key, d]));
  const issues: IssueSpec[] = [];
  const next = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    const def = defs.get(key);
    if (!def) {
      issues.push({ path: ['custom', key], key: 'validation.unknown_key', params: { key } });
      continue;
    }
    const problem = checkCustomValue(def, value);
    if (problem)
      issues.push({ path: ['custom', key], key: problem, params: { expected: `type.${def.type}`, field: def.label } });
    else if (value === null) delete next[key];
    else next[key] = value;
  }
  if (issues.length) throw invalid(issues);
  return next;
}
