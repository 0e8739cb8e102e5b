import { and, asc, eq, inArray } from 'drizzle-orm';
import { companies, contacts, deals, taggings, tags } from '../../../db/schema';
import type { Tag, Taggable } from '../../shared/contract/tags';
import { foldText } from '../../shared/domain/text';
import { newId } from '../../shared/ids';
import { notFound } from '../errors';
import { mutate, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

const TABLES = { contacts, companies, deals } as const;

export function listTags(db: CrmDb): Tag[] {
  return db.orm.select().from(tags).where(eq(tags.deleted, false)).orderBy(asc(tags.name)).all();
}

export function getTag(db: CrmDb, id: string): Tag {
  const row = db.orm.select().from(tags).where(eq(tags.id, id)).get();
  if (!row) throw notFound('entity.tag');
  return row;
}

/** "VIP", "vip" and "Víp" are one tag: creating a twin returns the existing one. */
export function createTag(
  db: CrmDb,
  input: { name: string; color?: string | null | undefined },
  options: WriteOptions = {},
): Tag {
  const twin = listTags(db).find((t) => foldText(t.name) === foldText(input.name));
  if (twin) return twin;
  const id = newId();
  mutate(db, { table: 'tags', op: 'insert', id, values: input }, options);
  return getTag(db, id);
}

export function updateTag(db: CrmDb, id: string, patch: Record<string, unknown>, options: WriteOptions = {}): Tag {
  getTag(db, id);
  mutate(db, { table: 'tags', op: 'update', id, values: patch }, options);
  return getTag(db, id);
}

export function deleteTag(db: CrmDb, id: string, options: WriteOptions = {}): Tag {
  getTag(db, id);
  mutate(db, { table: 'tags', op: 'delete', id }, options);
  return getTag(db, id);
}

function existingIds(db: CrmDb, entity: Taggable, ids: string[]): Set<string> {
  const table = TABLES[entity];
  const found = db.orm.select({ id: table.id }).from(table).where(inArray(table.id, ids)).all();
  return new Set(found.map((r) => r.id));
}

/** Bulk tagging in one transaction: all records get the tag or none do. */
export function applyTag(
  db: CrmDb,
  tagId: string,
  entity: Taggable,
  ids: string[],
  options: WriteOptions = {},
): number {
  getTag(db, tagId);
  const known = existingIds(db, entity, ids);
  const missing = ids.find((id) => !known.has(id));
  if (missing) throw notFound(`entity.${entity === 'companies' ? 'company' : entity === 'deals' ? 'deal' : 'contact'}`);
  const current = db.orm
    .select()
    .from(taggings)
    .where(and(eq(taggings.tagId, tagId), inArray(taggings.entityId, ids)))
    .all();
  const byEntity = new Map(current.map((t) => [t.entityId, t]));
  const batch: Mutation[] = [];
  for (const id of new Set(ids)) {
    const existing = byEntity.get(id);
    if (!existing)
      batch.push({ table: 'taggings', op: 'insert', id: newId(), values: { tagId, entityType: entity, entityId: id } });
    else if (existing.deleted) batch.push({ table: 'taggings', op: 'restore', id: existing.id });
  }
  if (batch.length) mutate(db, batch, options);
  return batch.length;
}

export function removeTag(db: CrmDb, tagId: string, ids: string[], options: WriteOptions = {}): number {
  const current = db.orm
    .select()
    .from(taggings)
    .where(and(eq(taggings.tagId, tagId), inArray(taggings.entityId, ids), eq(taggings.deleted, false)))
    .all();
  if (current.length)
    mutate(
      db,
      current.map((t) => ({ table: 'taggings' as const, op: 'delete' as const, id: t.id })),
      options,
    );
  return current.length;
}

export function tagsOf(db: CrmDb, entityId: string): Tag[] {
  return db.orm
    .select({ tag: tags })
    .from(taggings)
    .innerJoin(tags, eq(tags.id, taggings.tagId))
    .where(and(eq(taggings.entityId, entityId), eq(taggings.deleted, false), eq(tags.deleted, false)))
    .orderBy(asc(tags.name))
    .all()
    .map((r) => r.tag);
}
