import { and, asc, desc, eq, or, isNull, lt } from 'drizzle-orm';
import { recentItems, savedViews } from '../../../db/schema';
import type { SavedView } from '../../shared/contract/views';
import { newId } from '../../shared/ids';
import { CrmError, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

type ViewRow = typeof savedViews.$inferSelect;
const toView = (row: ViewRow): SavedView => ({
  ...row,
  entity: row.entity as SavedView['entity'],
  config: row.config as SavedView['config'],
});

/** Shared views, plus the personal views of whoever uses this device. */
export function listViews(db: CrmDb, entity: string, actor: string | null): SavedView[] {
  const mine = actor ? eq(savedViews.ownerId, actor) : isNull(savedViews.ownerId);
  return db.orm
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.entity, entity), eq(savedViews.deleted, false), or(eq(savedViews.shared, true), mine)))
    .orderBy(asc(savedViews.position), asc(savedViews.name))
    .all()
    .map(toView);
}

function getView(db: CrmDb, id: string): ViewRow {
  const row = db.orm.select().from(savedViews).where(eq(savedViews.id, id)).get();
  if (!row) throw notFound('entity.view');
  return row;
}

/** A personal view belongs to its owner: nobody else may change or delete it. */
function checkOwner(row: ViewRow, actor: string | null): void {
  if (!row.shared && row.ownerId !== actor) throw new CrmError('forbidden', 'errors.forbidden');
}

export function createView(
  db: CrmDb,
  input: { entity: string; name: string; shared?: boolean | undefined; config: Record<string, unknown> },
  options: WriteOptions,
): SavedView {
  const id = newId();
  const position = listViews(db, input.entity, options.actor ?? null).length;
  mutate(
    db,
    { table: 'saved_views', op: 'insert', id, values: { ...input, ownerId: options.actor ?? null, position } },
    options,
  );
  return toView(getView(db, id));
}

export function updateView(db: CrmDb, id: string, patch: Record<string, unknown>, options: WriteOptions): SavedView {
  checkOwner(getView(db, id), options.actor ?? null);
  mutate(db, { table: 'saved_views', op: 'update', id, values: patch }, options);
  return toView(getView(db, id));
}

export function deleteView(db: CrmDb, id: string, options: WriteOptions): SavedView {
  checkOwner(getView(db, id), options.actor ?? null);
  mutate(db, { table: 'saved_views', op: 'delete', id }, options);
  return toView(getView(db, id));
}

const RECENT_KEEP = 200;

/** Recently viewed records are local to the device (not synced): a plain local table. */
export function addRecent(db: CrmDb, entity: string, id: string): void {
  db.orm
    .insert(recentItems)
    .values({ entity, entityId: id, viewedAt: db.now() })
    .onConflictDoUpdate({ target: [recentItems.entity, recentItems.entityId], set: { viewedAt: db.now() } })
    .run();
  const cutoff = db.orm
    .select({ at: recentItems.viewedAt })
    .from(recentItems)
    .where(eq(recentItems.entity, entity))
    .orderBy(desc(recentItems.viewedAt))
    .limit(1)
    .offset(RECENT_KEEP)
    .get();
  if (cutoff)
    db.orm
      .delete(recentItems)
      .where(and(eq(recentItems.entity, entity), lt(recentItems.viewedAt, cutoff.at)))
      .run();
}

export function listRecent(db: CrmDb, entity: string, limit = 50): string[] {
  return db.orm
    .select({ id: recentItems.entityId })
    .from(recentItems)
    .where(eq(recentItems.entity, entity))
    .orderBy(desc(recentItems.viewedAt))
    .limit(limit)
    .all()
    .map((r) => r.id);
}
