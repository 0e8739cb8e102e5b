import { and, eq, inArray } from 'drizzle-orm';
import {
  activityLinks,
  companies,
  contactCompanies,
  contacts,
  dealContacts,
  deals,
  mergeHistory,
  notes,
  taggings,
} from '../../../db/schema';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, readRow, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { EntityName, Row } from '../db/entities';
import type { CrmDb } from '../db/open';

type Entity = 'contacts' | 'companies';

/** Fields a person chooses between in the merge wizard (everything but bookkeeping). */
const BOOKKEEPING = new Set([
  'id',
  'deleted',
  'mergedInto',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'nameSort',
  'custom',
]);
const LIST_FIELDS = new Set(['emails', 'phones', 'addresses']);

interface Move {
  table: EntityName;
  id: string;
  field: string;
  from: unknown;
}

interface Snapshot {
  survivorBefore: Row;
  moves: Move[];
  /** Links of a merged record that duplicated one the survivor already had: deleted, not moved. */
  dropped: { table: EntityName; id: string }[];
}

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/** Emails and phones united by value (case-insensitive), addresses by their content; order kept. */
function unionOf(lists: unknown[][]): unknown[] {
  const seen = new Set<string>();
  const out: unknown[] = [];
  for (const item of lists.flat()) {
    const value = (item as { value?: unknown }).value;
    const key = typeof value === 'string' ? value.toLowerCase() : JSON.stringify(item);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(item);
    }
  }
  return out;
}

/**
 * Merges duplicates into a survivor in one transaction: the survivor takes each field from the
 * record chosen for it (by default its own value, else the first non-empty one), emails, phones
 * and addresses are united, custom values are merged key by key, every relation moves to the
 * survivor, and the others are marked `mergedInto` (and leave the lists). What it did is kept in
 * merge_history so the merge can be undone.
 */
export function mergeRecords(
  db: CrmDb,
  input: { entity: Entity; survivorId: string; mergedIds: string[]; fields?: Record<string, string> | undefined },
  options: WriteOptions = {},
): { mergeId: string; survivorId: string } {
  const { entity, survivorId } = input;
  const mergedIds = [...new Set(input.mergedIds)].filter((id) => id !== survivorId);
  if (mergedIds.length === 0) throw invalid([{ path: ['mergedIds'], key: 'validation.required' }]);
  const entityKey = entity === 'contacts' ? 'entity.contact' : 'entity.company';
  const survivor = readRow(db, entity, survivorId);
  if (!survivor || survivor.deleted) throw notFound(entityKey);
  const others = mergedIds.map((id) => {
    const row = readRow(db, entity, id);
    if (!row || row.deleted) throw notFound(entityKey);
    return row;
  });
  const byId = new Map([survivor, ...others].map((r) => [r.id as string, r]));
  for (const [field, source] of Object.entries(input.fields ?? {})) {
    if (!byId.has(source)) throw invalid([{ path: ['fields', field], key: 'validation.invalid_value' }]);
    if (BOOKKEEPING.has(field) || !(field in survivor))
      throw invalid([{ path: ['fields', field], key: 'validation.unknown_key', params: { key: field } }]);
  }

  const values: Row = {};
  for (const field of Object.keys(survivor)) {
    if (BOOKKEEPING.has(field)) continue;
    const chosen = input.fields?.[field];
    if (chosen) values[field] = byId.get(chosen)![field];
    else if (LIST_FIELDS.has(field))
      values[field] = unionOf([survivor, ...others].map((r) => (r[field] as unknown[]) ?? []));
    else if (isEmpty(survivor[field]))
      values[field] = others.map((o) => o[field]).find((v) => !isEmpty(v)) ?? survivor[field];
  }
  // Custom values merge key by key: the survivor's win, the others fill the gaps.
  values.custom = Object.assign({}, ...[...others].reverse().map((o) => o.custom as Row), survivor.custom as Row);

  const snapshot: Snapshot = { survivorBefore: survivor, moves: [], dropped: [] };
  const batch: Mutation[] = [{ table: entity, op: 'update', id: survivorId, values }];
  planRelationMoves(db, entity, survivorId, mergedIds, snapshot, batch);
  for (const id of mergedIds)
    batch.push({ table: entity, op: 'update', id, values: { mergedInto: survivorId, deleted: true } });
  const mergeId = newId();
  batch.push({
    table: 'merge_history',
    op: 'insert',
    id: mergeId,
    values: { entity, survivorId, mergedIds, snapshot },
  });
  mutate(db, batch, { ...options, origin: options.origin ?? 'merge' });
  return { mergeId, survivorId };
}

function planRelationMoves(
  db: CrmDb,
  entity: Entity,
  survivorId: string,
  mergedIds: string[],
  snapshot: Snapshot,
  batch: Mutation[],
) {
  const move = (table: EntityName, id: string, field: string, from: unknown) => {
    snapshot.moves.push({ table, id, field, from });
    batch.push({ table, op: 'update', id, values: { [field]: survivorId } });
  };
  const drop = (table: EntityName, id: string) => {
    snapshot.dropped.push({ table, id });
    batch.push({ table, op: 'delete', id });
  };
  /** Moves link rows unless the survivor already has the same link (then the twin is dropped). */
  const moveLinks = <T extends { id: string; deleted: boolean }>(
    table: EntityName,
    rows: T[],
    field: keyof T & string,
    other: keyof T & string,
    existing: Set<string>,
  ) => {
    for (const row of rows) {
      if (row.deleted) continue;
      const otherId = String(row[other]);
      if (existing.has(otherId)) drop(table, row.id);
      else {
        existing.add(otherId);
        move(table, row.id, field, String(row[field]));
      }
    }
  };
  const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);
  /** Sets a flag on a link row, remembering the old value so undo puts it back. */
  const setPrimary = (id: string, value: boolean) => {
    snapshot.moves.push({ table: 'contact_companies', id, field: 'isPrimary', from: !value });
    batch.push({ table: 'contact_companies', op: 'update', id, values: { isPrimary: value } });
  };

  if (entity === 'contacts') {
    const ownLinks = live(
      db.orm.select().from(contactCompanies).where(eq(contactCompanies.contactId, survivorId)).all(),
    );
    const own = new Set(ownLinks.map((r) => r.companyId));
    const incoming = db.orm.select().from(contactCompanies).where(inArray(contactCompanies.contactId, mergedIds)).all();
    const firstMove = snapshot.moves.length;
    moveLinks('contact_companies', incoming, 'contactId', 'companyId', own);
    // A contact keeps exactly one primary company: moved primaries give way to the survivor's.
    let hasPrimary = ownLinks.some((l) => l.isPrimary);
    for (const m of snapshot.moves.slice(firstMove)) {
      if (!incoming.find((r) => r.id === m.id)?.isPrimary) continue;
      if (!hasPrimary) hasPrimary = true;
      else setPrimary(m.id, false);
    }
    const ownDeals = new Set(
      live(db.orm.select().from(dealContacts).where(eq(dealContacts.contactId, survivorId)).all()).map((r) => r.dealId),
    );
    moveLinks(
      'deal_contacts',
      db.orm.select().from(dealContacts).where(inArray(dealContacts.contactId, mergedIds)).all(),
      'contactId',
      'dealId',
      ownDeals,
    );
  } else {
    const own = new Set(
      live(db.orm.select().from(contactCompanies).where(eq(contactCompanies.companyId, survivorId)).all()).map(
        (r) => r.contactId,
      ),
    );
    const incoming = db.orm.select().from(contactCompanies).where(inArray(contactCompanies.companyId, mergedIds)).all();
    const firstDrop = snapshot.dropped.length;
    moveLinks('contact_companies', incoming, 'companyId', 'contactId', own);
    // A contact whose primary link was to a merged company, and who was already linked to the
    // survivor, keeps a primary: its link to the survivor becomes primary.
    for (const d of snapshot.dropped.slice(firstDrop)) {
      const dropped = incoming.find((r) => r.id === d.id);
      if (!dropped?.isPrimary) continue;
      const toSurvivor = live(
        db.orm
          .select()
          .from(contactCompanies)
          .where(and(eq(contactCompanies.contactId, dropped.contactId), eq(contactCompanies.companyId, survivorId)))
          .all(),
      )[0];
      if (toSurvivor && !toSurvivor.isPrimary) setPrimary(toSurvivor.id, true);
    }
    for (const d of live(db.orm.select().from(deals).where(inArray(deals.companyId, mergedIds)).all()))
      move('deals', d.id, 'companyId', d.companyId);
    for (const c of live(db.orm.select().from(companies).where(inArray(companies.parentId, mergedIds)).all())) {
      if (c.id !== survivorId) move('companies', c.id, 'parentId', c.parentId);
    }
  }
  const ownActivities = new Set(
    live(db.orm.select().from(activityLinks).where(eq(activityLinks.entityId, survivorId)).all()).map(
      (r) => r.activityId,
    ),
  );
  moveLinks(
    'activity_links',
    db.orm.select().from(activityLinks).where(inArray(activityLinks.entityId, mergedIds)).all(),
    'entityId',
    'activityId',
    ownActivities,
  );
  for (const n of live(db.orm.select().from(notes).where(inArray(notes.entityId, mergedIds)).all()))
    move('notes', n.id, 'entityId', n.entityId);
  const ownTags = new Set(
    live(db.orm.select().from(taggings).where(eq(taggings.entityId, survivorId)).all()).map((r) => r.tagId),
  );
  moveLinks(
    'taggings',
    db.orm.select().from(taggings).where(inArray(taggings.entityId, mergedIds)).all(),
    'entityId',
    'tagId',
    ownTags,
  );
}

/** Puts everything back as it was before the merge: survivor values, relations and the merged records. */
export function undoMerge(db: CrmDb, mergeId: string, options: WriteOptions = {}): string[] {
  const merge = db.orm.select().from(mergeHistory).where(eq(mergeHistory.id, mergeId)).get();
  if (!merge || merge.deleted) throw notFound('entity.merge');
  if (merge.undone) throw invalid([{ path: ['mergeId'], key: 'validation.already_undone' }]);
  const snapshot = merge.snapshot as unknown as Snapshot;
  const entity = merge.entity as Entity;
  const before: Row = {};
  for (const [k, v] of Object.entries(snapshot.survivorBefore))
    if (!BOOKKEEPING.has(k) || k === 'custom') before[k] = v;
  return write(db, () => {
    const batch: Mutation[] = [{ table: entity, op: 'update', id: merge.survivorId, values: before }];
    for (const m of snapshot.moves)
      batch.push({ table: m.table, op: 'update', id: m.id, values: { [m.field]: m.from } });
    for (const d of snapshot.dropped) batch.push({ table: d.table, op: 'restore', id: d.id });
    for (const id of merge.mergedIds)
      batch.push({ table: entity, op: 'update', id, values: { mergedInto: null, deleted: false } });
    batch.push({ table: 'merge_history', op: 'update', id: mergeId, values: { undone: true } });
    mutate(db, batch, { ...options, origin: options.origin ?? 'merge' });
    return merge.mergedIds;
  });
}

/** Follows `mergedInto` so a reference to a merged-away record (also one arriving by sync) lands on the survivor. */
export function resolveMerged(db: CrmDb, entity: Entity, id: string): string {
  const table = entity === 'contacts' ? contacts : companies;
  let current = id;
  for (let hops = 0; hops < 20; hops++) {
    const row = db.orm
      .select({ mergedInto: table.mergedInto })
      .from(table)
      .where(and(eq(table.id, current)))
      .get();
    if (!row?.mergedInto) return current;
    current = row.mergedInto;
  }
  return current;
}
