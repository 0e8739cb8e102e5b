import type { CustomFieldDefLike, CustomFieldType } from '../../shared/domain/custom-fields';
import { customSearchText } from '../../shared/domain/custom-fields';
import type { CrmDb } from './open';

const cache = new WeakMap<CrmDb, Map<string, CustomFieldDefLike[]>>();

/** Active custom field definitions of an entity, cached until a definition changes. */
export function activeCustomDefs(db: CrmDb, entity: string): CustomFieldDefLike[] {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  let defs = perDb.get(entity);
  if (!defs) {
    const rows = db.sqlite
      .prepare('SELECT key, type, options FROM custom_field_defs WHERE entity = ? AND deleted = 0 AND archived = 0')
      .all(entity) as { key: string; type: CustomFieldType; options: string }[];
    defs = rows.map((r) => ({
      key: r.key,
      type: r.type,
      options: JSON.parse(r.options) as CustomFieldDefLike['options'],
    }));
    perDb.set(entity, defs);
  }
  return defs;
}

const versions = new WeakMap<CrmDb, number>();

export function forgetCustomDefs(db: CrmDb): void {
  cache.delete(db);
  versions.set(db, (versions.get(db) ?? 0) + 1);
}

/** Changes whenever a custom field definition may have changed: caches built from them compare it. */
export function customDefsVersion(db: CrmDb): number {
  return versions.get(db) ?? 0;
}

/** The searchable text of a record's custom values (select options by label). */
export function customTextOf(db: CrmDb, entity: string, custom: unknown): string {
  if (!custom || typeof custom !== 'object') return '';
  const defs = activeCustomDefs(db, entity);
  return defs.length ? customSearchText(defs, custom as Record<string, unknown>) : '';
}
