import { type LoggedChange, type SnapshotResponse, type SyncConflict } from '../../shared/sync/protocol';
import type { AuthContext, ServerContext } from '../context';
import { keepPlannerStats } from '../db/stats';
import { jsonPage } from './page';
import { invalid, SyncError } from '../errors';

interface ChangeRow {
  server_seq: string;
  table_name: string;
  row_id: string;
  field: string;
  value: unknown;
  hlc: string;
  node: string;
}

const toChange = (r: ChangeRow): LoggedChange => ({
  serverSeq: Number(r.server_seq),
  table: r.table_name,
  rowId: r.row_id,
  field: r.field,
  value: (r.value ?? null) as LoggedChange['value'],
  hlc: r.hlc,
  node: r.node,
});

async function workspaceHead(ctx: ServerContext, auth: AuthContext) {
  const [ws] = await ctx.db.query<{ epoch: string; head_seq: string; field_count: string }>(
    'SELECT epoch, head_seq, field_count FROM workspaces WHERE id = $1',
    [auth.workspaceId],
  );
  if (!ws) throw new SyncError('not_found', 'The workspace no longer exists.');
  return { epoch: ws.epoch, head: Number(ws.head_seq), fieldCount: Number(ws.field_count) };
}

function epochChanged(epoch: string): SyncError {
  return new SyncError('epoch_changed', 'The server was restored or re-based: take a fresh snapshot.', { epoch });
}

/**
 * The winners logged after `after`, in server_seq order, as the JSON text of a PullResponse: at
 * most `limit` changes and MAX_BATCH_BYTES of body, a single larger change alone (see {@link jsonPage}).
 */
export async function pull(
  ctx: ServerContext,
  auth: AuthContext,
  q: { epoch: string; after: number; limit: number },
): Promise<string> {
  const ws = await workspaceHead(ctx, auth);
  // A cursor beyond the head means the server lost history (a restore that kept its epoch): re-snapshot too.
  if (q.epoch !== ws.epoch || q.after > ws.head) throw epochChanged(ws.epoch);
  await keepPlannerStats(ctx.db, 'change_log');
  const rows = await ctx.db.query<ChangeRow>(
    `SELECT server_seq, table_name, row_id, field, value, hlc, node FROM change_log
      WHERE workspace_id = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3`,
    [auth.workspaceId, q.after, q.limit + 1],
  );
  const epoch = JSON.stringify(ws.epoch);
  return jsonPage(
    Math.min(rows.length, q.limit),
    (i) => JSON.stringify(toChange(rows[i]!)),
    '{"changes":[',
    (n) => {
      const last = n > 0 ? Number(rows[n - 1]!.server_seq) : q.after;
      return `],"next":{"epoch":${epoch},"serverSeq":${last}},"hasMore":${String(n < rows.length)},"headSeq":${Math.max(ws.head, last)}}`;
    },
  );
}

/**
 * Current field state in (table, row, field) order, as the JSON text of a {@link SnapshotResponse}
 * (capped as `pull` is); the first page fixes the cursor to pull from afterwards.
 */
export async function snapshot(
  ctx: ServerContext,
  auth: AuthContext,
  q: { epoch?: string; after?: string; at?: number; limit: number },
): Promise<string> {
  // The head is read BEFORE the page: every row of the page is at least as new as that cursor.
  const ws = await workspaceHead(ctx, auth);
  if (q.epoch !== undefined && q.epoch !== ws.epoch) throw epochChanged(ws.epoch);
  const at = q.at ?? ws.head;
  if (at > ws.head) throw epochChanged(ws.epoch);
  let after: [string, string, string] = ['', '', ''];
  if (q.after !== undefined) {
    try {
      const parsed: unknown = JSON.parse(q.after);
      if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === 'string')) throw 0;
      after = parsed as [string, string, string];
    } catch {
      throw invalid('`after` is not a snapshot position returned by the server.');
    }
  } else await keepPlannerStats(ctx.db, 'field_state');
  const rows = await ctx.db.query<ChangeRow>(
    `SELECT server_seq, table_name, row_id, field, value, hlc, node FROM field_state
      WHERE workspace_id = $1 AND (table_name, row_id, field) > ($2, $3, $4)
      ORDER BY table_name, row_id, field LIMIT $5`,
    [auth.workspaceId, after[0], after[1], after[2], q.limit + 1],
  );
  const cursor = JSON.stringify({ epoch: ws.epoch, serverSeq: at } satisfies SnapshotResponse['cursor']);
  return jsonPage(
    Math.min(rows.length, q.limit),
    (i) => JSON.stringify(toChange(rows[i]!)),
    '{"changes":[',
    (n) => {
      const last = rows[n - 1];
      const hasMore = n < rows.length;
      const nextAfter = hasMore && last ? JSON.stringify([last.table_name, last.row_id, last.field]) : null;
      return `],"cursor":${cursor},"nextAfter":${JSON.stringify(nextAfter)},"hasMore":${String(hasMore)},"total":${ws.fieldCount}}`;
    },
  );
}

/**
 * Current rows, whole, in (table, row) order: the snapshot by rows for a new device. Each row comes
 * as JSON text from the database (row_state, kept by the push). With `stamps: 'cell'` it is sent as
 * it is; with `stamps: 'row'` a row whose cells share one stamp is re-written with that stamp once
 * (see {@link stampedRow}): parsing it here costs the server less than the repeated stamps cost the
 * device to receive and parse (they were two thirds of a page).
 */
export async function bootstrap(
  ctx: ServerContext,
  auth: AuthContext,
  q: { epoch?: string; after?: string; at?: number; limit: number; stamps?: 'cell' | 'row' },
): Promise<string> {
  // As in `snapshot`: the head is read before the page, so every row is at least as new as the cursor.
  const ws = await workspaceHead(ctx, auth);
  if (q.epoch !== undefined && q.epoch !== ws.epoch) throw epochChanged(ws.epoch);
  const at = q.at ?? ws.head;
  if (at > ws.head) throw epochChanged(ws.epoch);
  let after: [string, string] = ['', ''];
  if (q.after !== undefined) {
    try {
      const parsed: unknown = JSON.parse(q.after);
      if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((p) => typeof p === 'string')) throw 0;
      after = parsed as [string, string];
    } catch {
      throw invalid('`after` is not a bootstrap position returned by the server.');
    }
  } else await keepPlannerStats(ctx.db, 'row_state');
  // One JSON text per row, joined here: an aggregate over the page would sort megabytes again
  // (spilling to temporary files past work_mem) to keep an order the index scan already gives.
  // The text is built in SQL on purpose: an expression that costly is computed after the sort and
  // limit, should the planner ever sort (a bare `cells::text` is not, and a plan that sorts then
  // converted every remaining row of the workspace for each page).
  const found = await ctx.db.query<{ j: string; t: string; r: string }>(
    `SELECT '[' || to_json(table_name)::text || ',' || to_json(row_id)::text || ',' || cells::text || ']' AS j,
            table_name AS t, row_id AS r
       FROM row_state WHERE workspace_id = $1 AND (table_name, row_id) > ($2, $3)
      ORDER BY table_name, row_id LIMIT $4`,
    [auth.workspaceId, after[0], after[1], q.limit + 1],
  );
  let total: number | null = null;
  if (q.after === undefined) {
    const [count] = await ctx.db.query<{ n: string }>('SELECT count(*) AS n FROM row_state WHERE workspace_id = $1', [
      auth.workspaceId,
    ]);
    total = Number(count?.n ?? 0);
  }
  const cursor = JSON.stringify({ epoch: ws.epoch, serverSeq: at });
  // At most `limit` rows and MAX_BATCH_BYTES of body: rows of a few KB (long notes, many custom
  // fields) fill the bytes first, and the page then ends at the last row that fits.
  const text = q.stamps === 'row' ? (i: number) => stampedRow(found[i]!.j) ?? found[i]!.j : (i: number) => found[i]!.j;
  return jsonPage(Math.min(found.length, q.limit), text, '{"rows":[', (n) => {
    const last = found[n - 1];
    const hasMore = n < found.length;
    const nextAfter = hasMore && last ? JSON.stringify([last.t, last.r]) : null;
    return `],"cursor":${cursor},"nextAfter":${JSON.stringify(nextAfter)},"hasMore":${String(hasMore)},"total":${String(total)}}`;
  });
}

/**
 * The JSON text of `[table, rowId, { field: value }, hlc]` for a row (`[table, rowId, cells]` as
 * text) whose cells all carry the same stamp, else undefined (it goes with a stamp per cell).
 */
function stampedRow(rowText: string): string | undefined {
  const [table, rowId, cells] = JSON.parse(rowText) as [string, string, Record<string, [unknown, string]>];
  const values: Record<string, unknown> = {};
  let hlc: string | undefined;
  for (const field in cells) {
    // Assigned, "__proto__" would set the prototype rather than a field: that row keeps its cells.
    if (field === '__proto__') return undefined;
    const [value, stamp] = cells[field]!;
    if (hlc === undefined) hlc = stamp;
    else if (stamp !== hlc) return undefined;
    values[field] = value;
  }
  return hlc === undefined ? undefined : JSON.stringify([table, rowId, values, hlc]);
}

export async function listConflicts(
  ctx: ServerContext,
  auth: AuthContext,
  q: { after: number; limit: number },
): Promise<{ conflicts: SyncConflict[]; hasMore: boolean }> {
  const rows = await ctx.db.query<{
    id: string;
    table_name: string;
    row_id: string;
    field: string;
    winner_value: unknown;
    winner_hlc: string;
    winner_node: string;
    loser_value: unknown;
    loser_hlc: string;
    loser_node: string;
    created_at: string;
  }>(
    `SELECT id, table_name, row_id, field, winner_value, winner_hlc, winner_node, loser_value, loser_hlc, loser_node,
            created_at
       FROM conflicts WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3`,
    [auth.workspaceId, q.after, q.limit + 1],
  );
  type Json = SyncConflict['winner']['value'];
  return {
    conflicts: rows.slice(0, q.limit).map((r) => ({
      id: Number(r.id),
      table: r.table_name,
      rowId: r.row_id,
      field: r.field,
      winner: { value: (r.winner_value ?? null) as Json, hlc: r.winner_hlc, node: r.winner_node },
      loser: { value: (r.loser_value ?? null) as Json, hlc: r.loser_hlc, node: r.loser_node },
      createdAt: Number(r.created_at),
    })),
    hasMore: rows.length > q.limit,
  };
}
