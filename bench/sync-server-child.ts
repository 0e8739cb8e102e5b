/**
 * The sync server of bench/sync.ts, in a process of its own, as it runs in use (on another machine,
 * or at least another process, than the desktop app): its database work does not queue behind the
 * device's on one event loop. Speaks to the bench over IPC: `ready` with its URL, then `preload`
 * (write field_state and row_state directly, see bench/sync.ts) and `close`.
 *
 * Started by bench/sync.ts with `DATA_DIR` (and `DATABASE_URL` for PostgreSQL) in its environment.
 */
import { startSyncServer } from '../src/server/index';

export interface PreloadCell {
  t: string;
  r: string;
  f: string;
  v: unknown;
  h: string;
  n: string;
  s: number;
}

export type ToServer =
  | { type: 'preload'; id: number; workspaceId: string; cells: PreloadCell[] }
  | { type: 'finish'; id: number; workspaceId: string; seq: number }
  | { type: 'close'; id: number };

export type FromServer = { type: 'ready'; url: string } | { type: 'done'; id: number; epoch?: string; error?: string };

const server = await startSyncServer({
  dataDir: process.env.DATA_DIR,
  databaseUrl: process.env.DATABASE_URL || undefined,
  logLevel: 'silent',
  jwtSecret: 'bench-secret-bench-secret-bench-secret-01',
});
const send = (m: FromServer) => process.send!(m);

async function handle(m: ToServer): Promise<string | undefined> {
  if (m.type === 'preload') {
    await server.db.query(
      `INSERT INTO field_state (workspace_id, table_name, row_id, field, value, hlc, node, server_seq)
       SELECT $1, t, r, f, v, h, n, s FROM jsonb_to_recordset($2::jsonb) AS x(t text, r text, f text, v jsonb, h text, n text, s bigint)`,
      [m.workspaceId, JSON.stringify(m.cells)],
    );
    // And by row, as the push keeps row_state (what a new device's bootstrap reads).
    const byRow = new Map<string, { t: string; r: string; c: Record<string, [unknown, string]> }>();
    for (const c of m.cells) {
      const key = `${c.t}\u0000${c.r}`;
      let row = byRow.get(key);
      if (!row) byRow.set(key, (row = { t: c.t, r: c.r, c: {} }));
      row.c[c.f] = [c.v, c.h];
    }
    await server.db.query(
      `INSERT INTO row_state (workspace_id, table_name, row_id, cells)
       SELECT $1, t, r, c FROM jsonb_to_recordset($2::jsonb) AS x(t text, r text, c jsonb)`,
      [m.workspaceId, JSON.stringify([...byRow.values()])],
    );
    return undefined;
  }
  if (m.type === 'finish') {
    const [ws] = await server.db.query<{ epoch: string }>(
      'UPDATE workspaces SET head_seq = $2, field_count = $2 WHERE id = $1 RETURNING epoch',
      [m.workspaceId, m.seq],
    );
    return ws!.epoch;
  }
  await server.close();
  return undefined;
}

process.on('message', (m: ToServer) => {
  handle(m).then(
    (epoch) => {
      send({ type: 'done', id: m.id, epoch });
      if (m.type === 'close') process.disconnect();
    },
    (error: unknown) => send({ type: 'done', id: m.id, error: String(error) }),
  );
});
send({ type: 'ready', url: server.url });
