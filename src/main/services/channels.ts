import type { Activity } from '../../shared/contract/activities';
import type { Channel } from '../../shared/contract/channels';
import type { WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { createActivity, getActivity } from './activities';

type Link = { entityType: 'contacts' | 'companies' | 'deals'; entityId: string };

/**
 * A social or chat interaction is an activity of its own: until the activities contract has a
 * channel field of its own, it is a note activity whose details carry `channel`, `direction` and
 * `handle`, so it shows on every linked timeline and is found by the search like any activity.
 * The subject is kept as typed (or the first line of what was said): the channel is shown from
 * the details, in the reader's language, never written into the text.
 */
export function logInteraction(
  db: CrmDb,
  input: {
    channel: Channel;
    direction?: 'inbound' | 'outbound' | undefined;
    subject?: string | undefined;
    body: string;
    handle?: string | undefined;
    at?: number | undefined;
    links: Link[];
  },
  options: WriteOptions = {},
): Activity {
  const at = input.at ?? db.now();
  const first = input.body.split('\n')[0]!.slice(0, 120);
  return createActivity(
    db,
    {
      type: 'note',
      subject: input.subject?.trim() || first,
      body: input.body,
      startAt: at,
      doneAt: at,
      details: {
        kind: 'note',
        channel: input.channel,
        direction: input.direction ?? 'inbound',
        ...(input.handle ? { handle: input.handle } : {}),
      },
      links: input.links,
    },
    options,
  );
}

export function listInteractions(
  db: CrmDb,
  input: { channel?: Channel | undefined; entityId?: string | undefined; limit?: number | undefined },
): Activity[] {
  const params: unknown[] = [];
  let sql = `SELECT a.id FROM activities a WHERE a.deleted = 0 AND json_extract(a.details, '$.channel') IS NOT NULL`;
  if (input.channel) {
    sql += ` AND json_extract(a.details, '$.channel') = ?`;
    params.push(input.channel);
  }
  if (input.entityId) {
    sql += ` AND a.id IN (SELECT activity_id FROM activity_links WHERE entity_id = ? AND deleted = 0)`;
    params.push(input.entityId);
  }
  sql += ` ORDER BY coalesce(a.start_at, a.created_at) DESC, a.id DESC LIMIT ?`;
  params.push(input.limit ?? 50);
  const ids = db.sqlite
    .prepare(sql)
    .pluck()
    .all(...params) as string[];
  return ids.map((id) => getActivity(db, id));
}
