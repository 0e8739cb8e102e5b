import type { CustomField } from '../../../shared/contract/custom-fields';
import type { CrmDb } from '../../db/open';

/** One spreadsheet cell as the exports write it. */
export type Cell = string | number | boolean;

/** A custom field's value as people read it: option labels, not their ids. */
export function customCell(field: CustomField, value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (field.type === 'select') return field.options.find((o) => o.id === value)?.label ?? '';
  if (field.type === 'multiselect' && Array.isArray(value)) {
    return value
      .map((v) => field.options.find((o) => o.id === v)?.label ?? '')
      .filter(Boolean)
      .join('; ');
  }
  if (field.type === 'datetime' && typeof value === 'number') return new Date(value).toISOString();
  return typeof value === 'object' ? JSON.stringify(value) : (value as Cell);
}

/** A moment as ISO 8601 (UTC); empty when there is none. */
export const iso = (ms: unknown): string => (typeof ms === 'number' ? new Date(ms).toISOString() : '');

/** A moment as its calendar day (YYYY-MM-DD, UTC): what the imports read back as a date. */
export const day = (ms: unknown): string => (typeof ms === 'number' ? new Date(ms).toISOString().slice(0, 10) : '');

/** Tag names of every record of one entity, by record id, in name order. */
export function tagsOf(db: CrmDb, entity: string): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  for (const [id, name] of db.sqlite
    .prepare(
      `SELECT g.entity_id, t.name FROM taggings g JOIN tags t ON t.id = g.tag_id
       WHERE g.deleted = 0 AND t.deleted = 0 AND g.entity_type = ? ORDER BY t.name`,
    )
    .raw()
    .all(entity) as [string, string][]) {
    const list = tags.get(id);
    if (list) list.push(name);
    else tags.set(id, [name]);
  }
  return tags;
}
