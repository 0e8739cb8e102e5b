import type { ActivityType } from '../../../shared/contract/activities';
import type { CrmDb } from '../../db/open';
import { listCustomFields } from '../custom-fields';
import { toFtsQuery } from '../search';
import { customCell, iso, type Cell } from './cells';

export const ACTIVITY_COLUMNS = [
  'id',
  'type',
  'subject',
  'body',
  'startAt',
  'endAt',
  'dueAt',
  'allDay',
  'doneAt',
  'owner',
  'contacts',
  'companies',
  'deals',
  'createdAt',
  'updatedAt',
] as const;

/** What narrows an activities export: the same filters the activity screens offer. */
export interface ActivityExportQuery {
  types?: ActivityType[] | undefined;
  /** A member id, or "me" for whoever uses this device. */
  ownerId?: string | undefined;
  /** Only open (not done) ones. */
  openOnly?: boolean | undefined;
  /** Their time (start, else due, else creation) in [from, to), epoch ms. */
  from?: number | undefined;
  to?: number | undefined;
  /** Linked to this contact, company or deal. */
  entityId?: string | undefined;
  query?: string | undefined;
  ids?: string[] | undefined;
}

const PAGE = 1000;
type Row = {
  id: string;
  type: string;
  subject: string;
  body: string | null;
  start_at: number | null;
  end_at: number | null;
  due_at: number | null;
  all_day: number;
  done_at: number | null;
  owner_id: string | null;
  created_at: number;
  updated_at: number;
  custom: string | null;
};

/**
 * Every activity the filters select, oldest first, header row first. Pages follow the id (UUIDv7:
 * creation order) so each is one index range however many there are, and nothing is held whole.
 */
export function* activityRows(db: CrmDb, input: ActivityExportQuery, actor: string | null): Generator<Cell[]> {
  const where: string[] = ['a.deleted = 0', 'a.id > @after'];
  const params: Record<string, unknown> = { after: '' };
  if (input.types?.length) {
    where.push('a.type IN (SELECT value FROM json_each(@types))');
    params.types = JSON.stringify(input.types);
  }
  if (input.ownerId) {
    where.push('a.owner_id = @owner');
    params.owner = input.ownerId === 'me' ? (actor ?? '') : input.ownerId;
  }
  if (input.openOnly) where.push('a.done_at IS NULL');
  const at = 'coalesce(a.start_at, a.due_at, a.created_at)';
  if (input.from !== undefined) {
    where.push(`${at} >= @from`);
    params.from = input.from;
  }
  if (input.to !== undefined) {
    where.push(`${at} < @to`);
    params.to = input.to;
  }
  if (input.entityId) {
    where.push('a.id IN (SELECT activity_id FROM activity_links WHERE entity_id = @entity AND deleted = 0)');
    params.entity = input.entityId;
  }
  if (input.ids) {
    where.push('a.id IN (SELECT value FROM json_each(@ids))');
    params.ids = JSON.stringify(input.ids);
  }
  const fts = input.query ? toFtsQuery(input.query) : null;
  if (fts) {
    where.push(`a.id IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
      WHERE search_index MATCH @fts AND d.type = 'activity')`);
    params.fts = fts;
  }
  const page = db.sqlite.prepare(
    `SELECT a.id, a.type, a.subject, a.body, a.start_at, a.end_at, a.due_at, a.all_day, a.done_at, a.owner_id,
       a.created_at, a.updated_at, a.custom
     FROM activities a WHERE ${where.join(' AND ')} ORDER BY a.id LIMIT ${PAGE}`,
  );
  // The records each activity is about, by name, for one page at a time.
  const linksOf = db.sqlite.prepare(
    `SELECT l.activity_id, l.entity_type,
       CASE l.entity_type
         WHEN 'contacts' THEN (SELECT trim(first_name || ' ' || coalesce(last_name, '')) FROM contacts WHERE id = l.entity_id)
         WHEN 'companies' THEN (SELECT name FROM companies WHERE id = l.entity_id)
         WHEN 'deals' THEN (SELECT title FROM deals WHERE id = l.entity_id)
       END
     FROM activity_links l
     WHERE l.deleted = 0 AND l.activity_id IN (SELECT value FROM json_each(?)) ORDER BY l.activity_id, l.created_at`,
  );
  const members = new Map(db.sqlite.prepare('SELECT id, name FROM members').raw().all() as [string, string][]);
  const custom = listCustomFields(db, 'activities');
  yield [...ACTIVITY_COLUMNS, ...custom.map((f) => f.label)];
  for (;;) {
    const rows = page.all(params) as Row[];
    if (!rows.length) return;
    const links = new Map<string, Record<string, string[]>>();
    for (const [id, type, name] of linksOf.raw().all(JSON.stringify(rows.map((r) => r.id))) as [
      string,
      string,
      string | null,
    ][]) {
      if (!name) continue;
      const byType = links.get(id) ?? {};
      (byType[type] ??= []).push(name);
      links.set(id, byType);
    }
    for (const r of rows) {
      const linked = links.get(r.id) ?? {};
      const values: Record<(typeof ACTIVITY_COLUMNS)[number], Cell> = {
        id: r.id,
        type: r.type,
        subject: r.subject,
        body: r.body ?? '',
        startAt: iso(r.start_at),
        endAt: iso(r.end_at),
        dueAt: iso(r.due_at),
        allDay: r.all_day ? 'yes' : '',
        doneAt: iso(r.done_at),
        owner: r.owner_id ? (members.get(r.owner_id) ?? '') : '',
        contacts: (linked.contacts ?? []).join('; '),
        companies: (linked.companies ?? []).join('; '),
        deals: (linked.deals ?? []).join('; '),
        createdAt: iso(r.created_at),
        updatedAt: iso(r.updated_at),
      };
      const own = r.custom ? (JSON.parse(r.custom) as Record<string, unknown>) : {};
      yield [...ACTIVITY_COLUMNS.map((c) => values[c]), ...custom.map((f) => customCell(f, own[f.key]))];
    }
    params.after = rows[rows.length - 1]!.id;
    if (rows.length < PAGE) return;
  }
}
