/**
 * PGlite runs no autovacuum, so its tables are never analyzed unless the server does it. Without
 * statistics the planner answered each page of a new device's first sync by sorting every remaining
 * row of the workspace (a first sync at 100k rows spent most of its server time there). The server
 * now gives a grown table statistics before the first page; every page then walks the primary key.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_PATHS, type BootstrapResponse } from '../../src/shared/sync/protocol';
import type { SyncServer } from '../../src/server/index';
import { pgliteBackend, signup } from './harness';

const backend = pgliteBackend();
afterAll(() => backend.stop());

const ROWS = 3000;

/** The plan of a bootstrap page from the middle of the workspace, as the server asks for it. */
async function pagePlan(server: SyncServer, workspaceId: string): Promise<string> {
  const plan = await server.db.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN SELECT '[' || to_json(table_name)::text || ',' || to_json(row_id)::text || ',' || cells::text || ']' AS j,
            table_name AS t, row_id AS r
       FROM row_state WHERE workspace_id = $1 AND (table_name, row_id) > ($2, $3)
      ORDER BY table_name, row_id LIMIT $4`,
    [workspaceId, 'contacts', 'c01000', 2001],
  );
  return plan.map((line) => line['QUERY PLAN']).join('\n');
}

describe('planner statistics on PGlite', () => {
  it('a workspace loaded in bulk is paged through its primary key, every row once and in order', async () => {
    const server = await backend.start();
    try {
      const device = await signup(server.url);
      const workspaceId = device.session.workspaceId;
      // Written straight into the tables, as a restore or an import of the server's data would.
      await server.db.query(
        `INSERT INTO row_state (workspace_id, table_name, row_id, cells)
         SELECT $1, 'contacts', 'c' || lpad(i::text, 5, '0'),
                jsonb_build_object('first_name', jsonb_build_array('Name ' || i, '001700000000000:0000:node-a'),
                                   'notes', jsonb_build_array(repeat('x', 300), '001700000000000:0000:node-a'))
           FROM generate_series(1, ${ROWS}) AS i`,
        [workspaceId],
      );
      expect(await pagePlan(server, workspaceId)).toMatch(/Sort/);

      const ids: string[] = [];
      let query = `${SYNC_PATHS.bootstrap}?limit=1000`;
      for (;;) {
        const page = await device.call<BootstrapResponse>('GET', query);
        expect(page.status).toBe(200);
        ids.push(...page.body.rows.map((row) => row[1]));
        if (!page.body.hasMore) break;
        const { cursor, nextAfter } = page.body;
        query = `${SYNC_PATHS.bootstrap}?limit=1000&after=${encodeURIComponent(nextAfter!)}&at=${cursor.serverSeq}&epoch=${cursor.epoch}`;
      }
      expect(ids).toHaveLength(ROWS);
      expect(ids).toEqual([...ids].sort());
      expect(new Set(ids).size).toBe(ROWS);

      const plan = await pagePlan(server, workspaceId);
      expect(plan).toMatch(/Index Scan using row_state_pkey/);
      expect(plan).not.toMatch(/Sort/);
    } finally {
      await server.close();
    }
  });
});
