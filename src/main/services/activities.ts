import { and, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { activities, activityLinks } from '../../../db/schema';
import type { Activity } from '../../shared/contract/activities';
import { newId } from '../../shared/ids';
import { invalid, notFound } from '../errors';
import { mutate, readRow, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { resolveMerged } from './merge';

type ActivityRow = typeof activities.$inferSelect;
type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };

function linksOf(db: CrmDb, ids: string[]): Map<string, { entityType: string; entityId: string }[]> {
  const out = new Map<string, { entityType: string; entityId: string }[]>();
  if (!ids.length) return out;
  const rows = db.orm
    .select()
    .from(activityLinks)
    .where(and(inArray(activityLinks.activityId, ids), eq(activityLinks.deleted, false)))
    .all();
  for (const r of rows) {
    const list = out.get(r.activityId) ?? [];
    list.push({ entityType: r.entityType, entityId: r.entityId });
    out.set(r.activityId, list);
  }
  return out;
}

function toActivity(row: ActivityRow, links: { entityType: string; entityId: string }[]): Activity {
  return { ...row, type: row.type as Activity['type'], links };
}

export function getActivity(db: CrmDb, id: string): Activity {
  const row = db.orm.select().from(activities).where(eq(activities.id, id)).get();
  if (!row) throw notFound('entity.activity');
  return toActivity(row, linksOf(db, [id]).get(id) ?? []);
}

/** Links land on the survivor of a merge, and must point at records that exist. */
function resolveLinks(db: CrmDb, links: Link[]): Link[] {
  return links.map((l, i) => {
    const entityId = l.entityType === 'deals' ? l.entityId : resolveMerged(db, l.entityType, l.entityId);
    const target = readRow(db, l.entityType, entityId);
    if (!target)
      throw invalid([
        {
          path: ['links', i, 'entityId'],
          key: 'errors.not_found',
          params: {
            entity: `entity.${l.entityType === 'companies' ? 'company' : l.entityType === 'deals' ? 'deal' : 'contact'}`,
          },
        },
      ]);
    return { entityType: l.entityType, entityId };
  });
}

const timeOf = (a: { startAt?: number | null | undefined; dueAt?: number | null | undefined }, now: number) =>
  a.startAt ?? a.dueAt ?? now;

export function createActivity(
  db: CrmDb,
  input: Omit<Partial<ActivityRow>, 'details'> & {
    type: string;
    subject: string;
    details?: Record<string, unknown> | undefined;
    links?: Link[] | undefined;
  },
  options: WriteOptions = {},
): Activity {
  const { links = [], ...values } = input;
  if (values.details && values.details.kind !== values.type)
    throw invalid([{ path: ['details', 'kind'], key: 'validation.invalid_value' }]);
  const id = newId();
  const at = timeOf(values, db.now());
  const batch: Mutation[] = [
    { table: 'activities', op: 'insert', id, values: { ...values, details: values.details ?? { kind: values.type } } },
  ];
  for (const l of resolveLinks(db, links))
    batch.push({ table: 'activity_links', op: 'insert', id: newId(), values: { activityId: id, ...l, at } });
  mutate(db, batch, options);
  return getActivity(db, id);
}

export function updateActivity(
  db: CrmDb,
  id: string,
  patch: Record<string, unknown> & { links?: Link[] | undefined },
  options: WriteOptions = {},
): Activity {
  const before = getActivity(db, id);
  const { links, ...values } = patch;
  const batch: Mutation[] = [{ table: 'activities', op: 'update', id, values }];
  if (links) {
    const wanted = resolveLinks(db, links);
    const current = db.orm.select().from(activityLinks).where(eq(activityLinks.activityId, id)).all();
    const at = timeOf({ ...before, ...values } as { startAt?: number | null; dueAt?: number | null }, before.createdAt);
    for (const row of current) {
      const keep = wanted.some((w) => w.entityId === row.entityId);
      if (!keep && !row.deleted) batch.push({ table: 'activity_links', op: 'delete', id: row.id });
      if (keep && row.deleted) batch.push({ table: 'activity_links', op: 'restore', id: row.id });
    }
    for (const w of wanted) {
      if (!current.some((c) => c.entityId === w.entityId)) {
        batch.push({ table: 'activity_links', op: 'insert', id: newId(), values: { activityId: id, ...w, at } });
      }
    }
  }
  mutate(db, batch, options);
  return getActivity(db, id);
}

export function deleteActivity(db: CrmDb, id: string, options: WriteOptions = {}): Activity {
  getActivity(db, id);
  mutate(db, { table: 'activities', op: 'delete', id }, options);
  return getActivity(db, id);
}

export function listActivities(
  db: CrmDb,
  input: {
    entityId?: string | undefined;
    types?: string[] | undefined;
    openOnly?: boolean | undefined;
    limit?: number | undefined;
  },
): Activity[] {
  const where: SQL[] = [eq(activities.deleted, false)];
  if (input.types?.length) where.push(inArray(activities.type, input.types));
  if (input.openOnly) where.push(isNull(activities.doneAt));
  const at = sql`coalesce(${activities.startAt}, ${activities.dueAt}, ${activities.createdAt})`;
  // A record's activities start from its links (an index range on the record's id), never from a
  // scan of every activity in the book ordered by date.
  const rows = input.entityId
    ? db.orm
        .select({ activity: activities })
        .from(activityLinks)
        .innerJoin(activities, eq(activities.id, activityLinks.activityId))
        .where(and(eq(activityLinks.entityId, input.entityId), eq(activityLinks.deleted, false), ...where))
        .orderBy(desc(at), desc(activities.id))
        .limit(input.limit ?? 50)
        .all()
        .map((r) => r.activity)
    : db.orm
        .select()
        .from(activities)
        .where(and(...where))
        .orderBy(desc(at), desc(activities.id))
        .limit(input.limit ?? 50)
        .all();
  const links = linksOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toActivity(r, links.get(r.id) ?? []));
}
