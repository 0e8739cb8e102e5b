import type { EntityName } from '../db/entities';
import { mutate, readRow, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';

import type { TRASH_ENTITIES } from '../../shared/contract';

type TrashEntity = (typeof TRASH_ENTITIES)[number];

/** How each kind of record is named in the trash. */
const TITLE_SQL: Record<TrashEntity, string> = {
  contacts: `trim(coalesce(first_name, '') || ' ' || coalesce(last_name, ''))`,
  companies: 'name',
  deals: 'title',
  activities: 'subject',
  notes: 'substr(body, 1, 80)',
  tags: 'name',
  saved_views: 'name',
  teams: 'name',
  tickets: 'subject',
  kb_articles: 'title',
  campaigns: 'name',
  quotes: 'number',
  templates: 'name',
  kb_categories: `name_en || ' · ' || name_es`,
  business_hours: 'name',
  sla_policies: 'name',
};

export function listTrash(db: CrmDb, entity: TrashEntity | undefined, limit = 200) {
  const entities = entity ? [entity] : (Object.keys(TITLE_SQL) as TrashEntity[]);
  const union = entities
    .map(
      (e) =>
        `SELECT '${e}' AS entity, id, ${TITLE_SQL[e]} AS title, updated_at AS deletedAt, updated_by AS deletedBy
         FROM ${e} WHERE deleted = 1 AND merged_into IS NULL`,
    )
    .join(' UNION ALL ');
  return db.sqlite.prepare(`SELECT * FROM (${union}) ORDER BY deletedAt DESC LIMIT ?`).all(limit) as {
    entity: TrashEntity;
    id: string;
    title: string;
    deletedAt: number;
    deletedBy: string | null;
  }[];
}

export function restoreFromTrash(db: CrmDb, entity: TrashEntity, ids: string[], options: WriteOptions = {}): number {
  // A merged-away record comes back only by undoing its merge, never through the trash.
  const inTrash = ids.filter((id) => {
    const row = readRow(db, entity, id);
    return row?.deleted && !row.mergedInto;
  });
  if (inTrash.length)
    mutate(
      db,
      [...inTrash.map((id) => ({ table: entity, op: 'restore' as const, id })), ...afterRestore(db, entity, inTrash)],
      options,
    );
  return inTrash.length;
}

/**
 * What a restore must not break: there is one default SLA policy, so a policy that was the default
 * comes back as an ordinary one when another has become the default since (or two come back at
 * once). Tickets it used to time keep the policy they were handed when it was deleted.
 */
function afterRestore(db: CrmDb, entity: TrashEntity, ids: string[]): Mutation[] {
  if (entity !== 'sla_policies') return [];
  let hasDefault =
    db.sqlite.prepare('SELECT 1 FROM sla_policies WHERE deleted = 0 AND is_default = 1').pluck().get() !== undefined;
  const out: Mutation[] = [];
  for (const id of ids) {
    if (!readRow(db, 'sla_policies', id)?.isDefault) continue;
    if (hasDefault) out.push({ table: 'sla_policies', op: 'update', id, values: { isDefault: false } });
    hasDefault = true;
  }
  return out;
}

/** Only what is already in the trash can be erased: a live record never disappears in one step. */
export function purgeFromTrash(db: CrmDb, entity: TrashEntity, ids: string[], options: WriteOptions = {}): number {
  const inTrash = ids.filter((id) => {
    const row = readRow(db, entity, id);
    return row?.deleted && !row.mergedInto;
  });
  if (inTrash.length === 0) return 0;
  mutate(
    db,
    [...inTrash.map((id) => ({ table: entity, op: 'purge' as const, id })), ...dependents(db, entity, inTrash)],
    options,
  );
  return inTrash.length;
}

/** What only makes sense with the purged record goes with it: its notes, links and tags. */
function dependents(db: CrmDb, entity: TrashEntity, ids: string[]): Mutation[] {
  const refs: [EntityName, string][] = [
    ['notes', 'entity_id'],
    ['activity_links', 'entity_id'],
    ['taggings', 'entity_id'],
  ];
  if (entity === 'contacts') refs.push(['contact_companies', 'contact_id'], ['deal_contacts', 'contact_id']);
  if (entity === 'companies') refs.push(['contact_companies', 'company_id']);
  if (entity === 'deals') refs.push(['deal_contacts', 'deal_id']);
  if (entity === 'activities') refs.push(['activity_links', 'activity_id']);
  if (entity === 'tags') refs.push(['taggings', 'tag_id']);
  if (entity === 'tickets') refs.push(['ticket_messages', 'ticket_id']);
  if (entity === 'quotes') refs.push(['quote_lines', 'quote_id']);
  if (entity === 'campaigns') refs.push(['campaign_members', 'campaign_id'], ['campaign_responses', 'campaign_id']);
  const marks = ids.map(() => '?').join(', ');
  const out: Mutation[] = [];
  for (const [table, column] of refs) {
    const rows = db.sqlite
      .prepare(`SELECT id FROM ${table} WHERE ${column} IN (${marks})`)
      .pluck()
      .all(...ids) as string[];
    for (const id of rows) out.push({ table, op: 'purge', id });
  }
  return out;
}
