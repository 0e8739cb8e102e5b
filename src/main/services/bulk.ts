import { inArray } from 'drizzle-orm';
import { companies, contacts } from '../../../db/schema';
import { notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

type Entity = 'contacts' | 'companies';
const TABLES = { contacts, companies } as const;
const ENTITY_KEY = { contacts: 'entity.contact', companies: 'entity.company' } as const;

/** The records, refusing the whole action if any id is unknown: a bulk action is all or none. */
function rowsOf(db: CrmDb, entity: Entity, ids: string[]) {
  const table = TABLES[entity] as typeof contacts;
  const unique = [...new Set(ids)];
  const rows: { id: string; deleted: boolean; mergedInto: string | null }[] = [];
  for (let i = 0; i < unique.length; i += 900) {
    const part = unique.slice(i, i + 900);
    rows.push(
      ...db.orm
        .select({ id: table.id, deleted: table.deleted, mergedInto: table.mergedInto })
        .from(table)
        .where(inArray(table.id, part))
        .all(),
    );
  }
  if (rows.length !== unique.length) throw notFound(ENTITY_KEY[entity]);
  return rows;
}

export function bulkUpdate(
  db: CrmDb,
  entity: Entity,
  ids: string[],
  patch: Record<string, unknown>,
  options: WriteOptions = {},
): number {
  const rows = rowsOf(db, entity, ids).filter((r) => !r.deleted);
  mutate(
    db,
    rows.map((r) => ({ table: entity, op: 'update' as const, id: r.id, values: patch })),
    options,
  );
  return rows.length;
}

export function bulkDelete(db: CrmDb, entity: Entity, ids: string[], options: WriteOptions = {}): number {
  const rows = rowsOf(db, entity, ids).filter((r) => !r.deleted);
  mutate(
    db,
    rows.map((r) => ({ table: entity, op: 'delete' as const, id: r.id })),
    options,
  );
  return rows.length;
}

/** Merged-away records stay with their survivor: only undoing the merge brings them back. */
export function bulkRestore(db: CrmDb, entity: Entity, ids: string[], options: WriteOptions = {}): number {
  const rows = rowsOf(db, entity, ids).filter((r) => r.deleted && !r.mergedInto);
  mutate(
    db,
    rows.map((r) => ({ table: entity, op: 'restore' as const, id: r.id })),
    options,
  );
  return rows.length;
}
