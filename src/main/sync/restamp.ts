import { randomBytes } from 'node:crypto';
import { HlcClock, decodeHlc, encodeHlc } from '../../shared/sync/hlc';
import { ALL_COLUMNS, mutate, write } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { BASE_PREFIX } from './apply';
import { KEYS, clockStore, getJson, setJson } from './state';
import type { Clocks } from './tables';

/**
 * Recovery from a device clock that ran far ahead (a laptop whose date was set a year on).
 *
 * While the clock was wrong, every local edit got a hybrid logical clock far in the future. The
 * server refuses such stamps (`clock_skew`, nothing stored), and the book's HLC never goes back,
 * so without help the device would be refused forever and its offline work would reach no one.
 * Once the wall clock agrees with the server again (the hello's `clockSkewMs` is within
 * `maxClockSkewMs`), one transaction:
 *  - gives the book a fresh node id, keeping the old one as a former id of this device (its
 *    already-synced cells keep their stamps, and a server restore still sends them back);
 *  - starts a new HLC from the wall clock, but never below any stamp the book holds that the
 *    server could have accepted (an edit made after seeing another device's value must still
 *    beat that value, even when that device's clock runs a little ahead of ours);
 *  - re-stamps every cell (and outbox entry) whose stamp is beyond what the server accepts, in
 *    the order of their old stamps, so two of these edits of one row keep their order (an edit
 *    after a delete stays "after").
 * Pending edits stamped while the clock was right keep their stamps and travel as they are.
 *
 * Semantics: a re-stamped edit counts as made now, which is what the user expects: it beats the
 * values other devices wrote while this one was offline (as the bogus stamp would have), and an
 * edit made on any device after it wins over it by the ordinary last-writer-wins rule. No other
 * device holds anything ordered against the bogus stamps: the server refused every one of them,
 * so none was ever delivered, and only this device's own cells carry them. The fresh node id
 * makes the new, lower stamps unable to collide with the device's own earlier ones.
 * What the wrong clock wrote into values (an `updated_at` a year on, an audit time) stays as it
 * was: the stamps decide merges, the values are what the device recorded. Another process with
 * the book open at that moment (the CLI while the app runs) stamps under the old node id until it
 * reopens the book: those cells still count as this device's, and should its clock still be
 * ahead, its next refused push is recovered the same way.
 */

export interface RestampResult {
  /** Cells given a new stamp. */
  cells: number;
  /** Rows they belong to. */
  rows: number;
  nodeId: string;
  formerNodeId: string;
}

/** This device's node ids: the current one and those it had before a re-stamp. */
export function ownNodes(db: CrmDb): Set<string> {
  return new Set([db.nodeId, ...(getJson<string[]>(db, KEYS.formerNodes) ?? [])]);
}

/** True when the wall clock agrees with the server within the protocol's allowed skew. */
export function wallClockAgrees(hello: { clockSkewMs: number; maxClockSkewMs: number }): boolean {
  return Math.abs(hello.clockSkewMs) <= hello.maxClockSkewMs;
}

/**
 * Re-stamps what this device stamped beyond `acceptedUpTo` (epoch millis: the server's time plus
 * the allowed skew) and moves the book to a fresh node id and a clock restarted from the wall
 * clock, in one transaction. Returns null (changing nothing) when no such stamp is held. The
 * caller has checked that the wall clock is right: the new stamps come from it.
 */
export function restampAhead(db: CrmDb, acceptedUpTo: number): RestampResult | null {
  // Stamps compare as text: every one at or above this is further ahead than the server accepts.
  const aheadFrom = encodeHlc({ millis: acceptedUpTo + 1, counter: 0, node: '' });
  const own = ownNodes(db);
  const rows = db.sqlite
    .prepare(
      `SELECT table_name AS tableName, row_id AS rowId, clocks FROM sync_cell_clock c
       WHERE EXISTS (SELECT 1 FROM json_each(c.clocks) j WHERE j.value >= @aheadFrom AND substr(j.key, 1, 1) <> '${BASE_PREFIX}')`,
    )
    .all({ aheadFrom }) as { tableName: string; rowId: string; clocks: string }[];
  const work = rows.map((r) => ({ ...r, clocks: JSON.parse(r.clocks) as Clocks }));
  const ahead = new Set<string>();
  for (const r of work)
    for (const [field, hlc] of Object.entries(r.clocks))
      if (!field.startsWith(BASE_PREFIX) && hlc >= aheadFrom && own.has(decodeHlc(hlc).node)) ahead.add(hlc);
  if (ahead.size === 0) return null;

  // The newest stamp the server could hold or have accepted: the new clock starts above it.
  const held = db.sqlite
    .prepare(
      `SELECT max(m) FROM (
         SELECT max(j.value) AS m FROM sync_cell_clock c, json_each(c.clocks) j WHERE j.value < @aheadFrom
         UNION ALL SELECT max(hlc) FROM sync_parked WHERE hlc < @aheadFrom)`,
    )
    .pluck()
    .get({ aheadFrom }) as string | null;

  const formerNodeId = db.nodeId;
  const formerClock = db.clock;
  const nodeId = freshNodeId(own);
  const clock = new HlcClock(nodeId, db.now, held ?? undefined);
  // Oldest first: the new stamps keep the order the old ones had.
  const renamed = new Map([...ahead].sort().map((hlc) => [hlc, clock.tick()]));

  const clocks = clockStore(db);
  const queued = db.sqlite.prepare('SELECT 1 FROM sync_outbox WHERE table_name = ? AND row_id = ? LIMIT 1').pluck();
  const queue = db.sqlite.prepare('INSERT INTO sync_outbox (table_name, row_id, changes, hlc) VALUES (?, ?, ?, ?)');
  const state = db.sqlite.prepare(
    'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  let cells = 0;
  // The in-memory node id and clock change with the book's: a write in the transaction (the
  // campaigns below) already stamps with the new ones; a failure puts the old ones back.
  db.nodeId = nodeId;
  db.clock = clock;
  try {
    write(db, () => {
      for (const r of work) {
        const restamped: Record<string, true> = {};
        for (const [field, hlc] of Object.entries(r.clocks)) {
          const next = renamed.get(hlc);
          if (next === undefined || field.startsWith(BASE_PREFIX)) continue;
          r.clocks[field] = next;
          restamped[field] = true;
          cells++;
        }
        if (Object.keys(restamped).length === 0) continue;
        clocks.put(r.tableName, r.rowId, r.clocks);
        // A cell stamped here is always queued (the push is refused before the outbox is trimmed);
        // should one not be, it is queued now so it cannot stay behind with a stamp nobody has.
        if (!queued.get(r.tableName, r.rowId)) {
          const fields = ALL_COLUMNS in restamped ? { [ALL_COLUMNS]: true } : restamped;
          queue.run(r.tableName, r.rowId, JSON.stringify(fields), clock.current());
        }
      }
      db.sqlite.prepare('UPDATE sync_outbox SET hlc = ? WHERE hlc >= ?').run(clock.current(), aheadFrom);
      state.run('node_id', nodeId);
      state.run('hlc', clock.current());
      setJson(db, KEYS.formerNodes, [...own]);
      // Campaigns this device was sending go on being sent from it.
      const sending = db.sqlite.prepare('SELECT id FROM campaigns WHERE sender_node = ?').pluck().all(formerNodeId);
      for (const id of sending as string[])
        mutate(db, { table: 'campaigns', op: 'update', id, values: { senderNode: nodeId } }, { origin: 'sync' });
    });
  } catch (error) {
    db.nodeId = formerNodeId;
    db.clock = formerClock;
    throw error;
  }
  return { cells, rows: work.length, nodeId, formerNodeId };
}

function freshNodeId(taken: Set<string>): string {
  for (;;) {
    const id = randomBytes(8).toString('hex');
    if (!taken.has(id)) return id;
  }
}
