import type { TimelineItem } from '../../shared/contract/timeline';
import type { CrmDb } from '../db/open';
import { decodeCursor, encodeCursor } from './cursor';
import { cachedStatement } from './statements';

type Kind = TimelineItem['kind'];
type Entity = 'contacts' | 'companies' | 'deals';

interface RawItem {
  kind: Kind;
  id: string;
  at: number;
  subtype: string;
  title: string;
  body: string | null;
  actor: string | null;
  data: string | null;
}

/**
 * One query per source, each already cut at the cursor and the page size, merged newest first.
 * Every source is an index range on the record's id read newest first, so a page costs the same
 * however long the record's history is. Activities come from their links: `activity_links.at` is
 * the activity's time (a task when done or created, not at a due date ahead; see
 * src/main/db/entities/activity-time.ts), kept by the write path, so the page is the first rows of
 * one index (record, live, time, activity) and never a sort of the record's whole history.
 *
 * The cursor is a row value, `(at, id) < (cursorAt, cursorId)`, which SQLite turns into an index
 * range (an OR of the same conditions would make it read and skip every newer row first).
 */
function sources(entity: Entity): Record<Kind, string> {
  const dealsOf =
    entity === 'companies'
      ? `SELECT d.* FROM deals d WHERE d.company_id = @id AND d.deleted = 0`
      : entity === 'contacts'
        ? `SELECT d.* FROM deal_contacts dc JOIN deals d ON d.id = dc.deal_id WHERE dc.contact_id = @id AND dc.deleted = 0 AND d.deleted = 0`
        : `SELECT d.* FROM deals d WHERE 0`;
  const before = (at: string, id: string) => `(${at}, ${id}) < (@cursorAt, @cursorId)`;
  return {
    // CROSS JOIN keeps the links as the outer loop: the planner must never start from activities.
    activity: `SELECT 'activity' AS kind, a.id AS id, l.at AS at, a.type AS subtype,
        a.subject AS title, a.body AS body, a.created_by AS actor, a.details AS data
      FROM activity_links l CROSS JOIN activities a
      WHERE l.entity_id = @id AND l.deleted = 0 AND ${before('l.at', 'l.activity_id')}
        AND a.id = l.activity_id AND a.deleted = 0
      ORDER BY l.at DESC, l.activity_id DESC LIMIT @limit`,
    note: `SELECT 'note' AS kind, n.id AS id, n.created_at AS at, 'note' AS subtype, substr(n.body, 1, 120) AS title,
        n.body AS body, n.created_by AS actor, NULL AS data
      FROM notes n WHERE n.entity_id = @id AND n.deleted = 0 AND ${before('n.created_at', 'n.id')}
      ORDER BY at DESC, id DESC LIMIT @limit`,
    deal: `SELECT 'deal' AS kind, d.id AS id, d.created_at AS at, coalesce(d.stage_id, '') AS subtype, d.title AS title,
        d.next_step AS body, d.created_by AS actor, json_object('amount', d.amount, 'currency', d.currency, 'stageId', d.stage_id) AS data
      FROM (${dealsOf}) d WHERE ${before('d.created_at', 'd.id')}
      ORDER BY at DESC, id DESC LIMIT @limit`,
    // Service tickets of the contact or company (see services/tickets.ts): subtype is the status.
    ticket: `SELECT 'ticket' AS kind, t.id AS id, t.created_at AS at, t.status AS subtype, t.subject AS title,
        t.description AS body, t.created_by AS actor, json_object('priority', t.priority, 'channel', t.channel) AS data
      FROM tickets t WHERE ${entity === 'companies' ? 't.company_id' : entity === 'contacts' ? 't.contact_id' : 'NULL'} = @id
        AND t.deleted = 0 AND ${before('t.created_at', 't.id')}
      ORDER BY at DESC, id DESC LIMIT @limit`,
    change: `SELECT 'change' AS kind, printf('%020d', h.seq) AS id, h.at AS at, h.op AS subtype, h.entity AS title,
        h.origin AS body, h.by AS actor, h.changes AS data
      FROM audit_history h WHERE h.entity_id = @id AND ${before('h.at', "printf('%020d', h.seq)")}
      ORDER BY at DESC, id DESC LIMIT @limit`,
  };
}

/** The first page's cursor: after every item (no item is dated at the end of time). */
const NO_CURSOR = [Number.MAX_SAFE_INTEGER, ''] as const;

export function timeline(
  db: CrmDb,
  input: {
    entity: Entity;
    id: string;
    kinds?: Kind[] | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): { items: TimelineItem[]; nextCursor: string | null } {
  const limit = input.limit ?? 30;
  const [cursorAt, cursorId] = input.cursor ? decodeCursor(input.cursor) : NO_CURSOR;
  const kinds = input.kinds?.length ? input.kinds : (['activity', 'note', 'deal', 'change', 'ticket'] as Kind[]);
  const all = sources(input.entity);
  const params = { id: input.id, cursorAt, cursorId, limit: limit + 1 };
  const rows = kinds
    .flatMap((k) => cachedStatement(db, all[k]).all(params) as RawItem[])
    .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({ ...r, data: r.data ? (JSON.parse(r.data) as Record<string, unknown>) : {} })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.at, last.id]) : null,
  };
}
