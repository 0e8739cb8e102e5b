import { decodeHlc } from '../../shared/sync/hlc';
import {
  beats,
  MAX_CLOCK_SKEW_MS,
  type FieldChange,
  type PushRequest,
  type PushResponse,
} from '../../shared/sync/protocol';
import type { AuthContext, ServerContext } from '../context';
import { forbidden, invalid, SyncError } from '../errors';
import { schemaTooOld } from './hello';
import { stableJson } from './stable-json';

interface CellRow {
  t: string;
  r: string;
  f: string;
  value: unknown;
  hlc: string;
  node: string;
}

const cellKey = (t: string, r: string, f: string) => `${t}\u0000${r}\u0000${f}`;

/**
 * Applies one batch in one transaction. The workspace row is locked FOR UPDATE first, so pushes to
 * one workspace run one at a time (on PostgreSQL across instances too) and server_seq order is commit
 * order: a reader never sees seq N+1 before N. The device row then decides idempotency: a batch seq at
 * or below the acknowledged one gets the stored answer and changes nothing.
 */
export async function push(ctx: ServerContext, auth: AuthContext, req: PushRequest): Promise<PushResponse> {
  if (req.deviceId !== auth.deviceId) throw forbidden('The device id does not match the access token.');
  if (auth.schemaVersion !== null && auth.schemaVersion < ctx.minSchemaVersion) {
    throw schemaTooOld(ctx.minSchemaVersion, auth.schemaVersion);
  }
  const now = ctx.now();
  checkClocks(req.changes, now);
  const incoming = coalesce(req.changes);

  const result = await ctx.db.transaction(async (tx) => {
    const [ws] = await tx.query<{ head_seq: string }>('SELECT head_seq FROM workspaces WHERE id = $1 FOR UPDATE', [
      auth.workspaceId,
    ]);
    const [device] = await tx.query<{ acked_seq: string; last_ack: PushResponse | null; revoked_at: string | null }>(
      'SELECT acked_seq, last_ack, revoked_at FROM devices WHERE id = $1 AND workspace_id = $2 FOR UPDATE',
      [auth.deviceId, auth.workspaceId],
    );
    if (!ws || !device || device.revoked_at !== null) throw new SyncError('unauthorized', 'This device was revoked.');
    const head = Number(ws.head_seq);
    const acked = Number(device.acked_seq);
    if (req.seq <= acked) {
      const stored = device.last_ack;
      return {
        notify: false,
        response: {
          ackedSeq: acked,
          duplicate: true,
          fromSeq: stored?.fromSeq ?? null,
          toSeq: stored?.toSeq ?? null,
          applied: stored?.applied ?? 0,
          superseded: stored?.superseded ?? 0,
          conflicts: stored?.conflicts ?? 0,
          headSeq: head,
        } satisfies PushResponse,
      };
    }

    const existing = new Map<string, CellRow>();
    if (incoming.length > 0) {
      const keys = JSON.stringify(incoming.map((c) => ({ t: c.table, r: c.rowId, f: c.field })));
      const rows = await tx.query<CellRow>(
        `SELECT fs.table_name AS t, fs.row_id AS r, fs.field AS f, fs.value, fs.hlc, fs.node
           FROM jsonb_to_recordset($2::jsonb) AS k(t text, r text, f text)
           JOIN field_state fs ON fs.workspace_id = $1 AND fs.table_name = k.t AND fs.row_id = k.r AND fs.field = k.f`,
        [auth.workspaceId, keys],
      );
      for (const row of rows) existing.set(cellKey(row.t, row.r, row.f), row);
    }

    const winners: (FieldChange & { s: number })[] = [];
    const conflicts: { c: FieldChange; winner: CellRow | FieldChange; loser: CellRow | FieldChange }[] = [];
    let superseded = 0;
    let newCells = 0;
    let seq = head;
    for (const c of incoming) {
      const cur = existing.get(cellKey(c.table, c.rowId, c.field));
      if (cur && cur.hlc === c.hlc && cur.node === c.node) {
        superseded++; // the very same write, already stored: a retried batch under a new seq
        continue;
      }
      const differs = cur !== undefined && cur.node !== c.node && stableJson(cur.value) !== stableJson(c.value);
      if (cur && !beats(c, cur)) {
        superseded++;
        // The writer's clock is behind the stored winner, so it had not seen it: a concurrent edit.
        if (differs) conflicts.push({ c, winner: cur, loser: c });
        continue;
      }
      // It wins. Concurrent when the writer had not seen the value it replaces (see `base`).
      if (differs && (c.base === undefined || c.base !== cur.hlc)) conflicts.push({ c, winner: c, loser: cur });
      if (!cur) newCells++;
      winners.push({ ...c, s: ++seq });
    }

    if (winners.length > 0) {
      const batch = JSON.stringify(
        winners.map((w) => ({ t: w.table, r: w.rowId, f: w.field, v: w.value, h: w.hlc, n: w.node, s: w.s })),
      );
      await tx.query(
        `INSERT INTO change_log (workspace_id, server_seq, table_name, row_id, field, value, hlc, node, device_id)
         SELECT $1, x.s, x.t, x.r, x.f, x.v, x.h, x.n, $3
           FROM jsonb_to_recordset($2::jsonb) AS x(t text, r text, f text, v jsonb, h text, n text, s bigint)`,
        [auth.workspaceId, batch, auth.deviceId],
      );
      await tx.query(
        `INSERT INTO field_state (workspace_id, table_name, row_id, field, value, hlc, node, server_seq)
         SELECT $1, x.t, x.r, x.f, x.v, x.h, x.n, x.s
           FROM jsonb_to_recordset($2::jsonb) AS x(t text, r text, f text, v jsonb, h text, n text, s bigint)
         ON CONFLICT (workspace_id, table_name, row_id, field) DO UPDATE
           SET value = excluded.value, hlc = excluded.hlc, node = excluded.node, server_seq = excluded.server_seq`,
        [auth.workspaceId, batch],
      );
      // The same winners, by row, into row_state (what a new device's bootstrap reads): `||` keeps
      // the row's other cells and replaces these, which all beat what was stored.
      const byRow = new Map<string, { t: string; r: string; c: Record<string, [unknown, string]> }>();
      for (const w of winners) {
        const key = `${w.table}\u0000${w.rowId}`;
        let row = byRow.get(key);
        // A null prototype: a field named __proto__ is a cell like any other.
        if (!row)
          byRow.set(
            key,
            (row = { t: w.table, r: w.rowId, c: Object.create(null) as Record<string, [unknown, string]> }),
          );
        row.c[w.field] = [w.value ?? null, w.hlc];
      }
      await tx.query(
        `INSERT INTO row_state (workspace_id, table_name, row_id, cells)
         SELECT $1, x.t, x.r, x.c FROM jsonb_to_recordset($2::jsonb) AS x(t text, r text, c jsonb)
         ON CONFLICT (workspace_id, table_name, row_id) DO UPDATE SET cells = row_state.cells || excluded.cells`,
        [auth.workspaceId, JSON.stringify([...byRow.values()])],
      );
    }
    if (conflicts.length > 0) {
      const cell = (x: CellRow | FieldChange) => ({ v: x.value, h: x.hlc, n: x.node });
      const rows = JSON.stringify(
        conflicts.map(({ c, winner, loser }) => {
          const w = cell(winner);
          const l = cell(loser);
          return { t: c.table, r: c.rowId, f: c.field, wv: w.v, wh: w.h, wn: w.n, lv: l.v, lh: l.h, ln: l.n };
        }),
      );
      await tx.query(
        `INSERT INTO conflicts (workspace_id, table_name, row_id, field, winner_value, winner_hlc, winner_node,
                                loser_value, loser_hlc, loser_node, created_at)
         SELECT $1, x.t, x.r, x.f, x.wv, x.wh, x.wn, x.lv, x.lh, x.ln, $3
           FROM jsonb_to_recordset($2::jsonb)
             AS x(t text, r text, f text, wv jsonb, wh text, wn text, lv jsonb, lh text, ln text)`,
        [auth.workspaceId, rows, now],
      );
    }
    const response: PushResponse = {
      ackedSeq: req.seq,
      duplicate: false,
      fromSeq: winners.length > 0 ? head + 1 : null,
      toSeq: winners.length > 0 ? seq : null,
      applied: winners.length,
      superseded,
      conflicts: conflicts.length,
      headSeq: seq,
    };
    if (seq !== head || newCells > 0) {
      await tx.query('UPDATE workspaces SET head_seq = $2, field_count = field_count + $3 WHERE id = $1', [
        auth.workspaceId,
        seq,
        newCells,
      ]);
    }
    await tx.query('UPDATE devices SET acked_seq = $2, last_ack = $3::jsonb, last_seen_at = $4 WHERE id = $1', [
      auth.deviceId,
      req.seq,
      JSON.stringify(response),
      now,
    ]);
    await ctx.failpoint?.('push_before_commit');
    return { notify: winners.length > 0, response };
  });
  await ctx.failpoint?.('push_after_commit');
  if (result.notify) ctx.live.notify(auth.workspaceId);
  ctx.log.info({
    event: 'push',
    workspaceId: auth.workspaceId,
    deviceId: auth.deviceId,
    seq: req.seq,
    changes: req.changes.length,
    applied: result.response.applied,
    conflicts: result.response.conflicts,
    duplicate: result.response.duplicate,
  });
  return result.response;
}

/** Refuses the whole batch when one change is stamped too far in the future or names another node. */
function checkClocks(changes: FieldChange[], now: number): void {
  for (const c of changes) {
    const h = decodeHlc(c.hlc);
    if (h.node !== c.node) throw invalid('A change names another node than its clock.', { hlc: c.hlc, node: c.node });
    if (h.millis > now + MAX_CLOCK_SKEW_MS) {
      throw new SyncError('clock_skew', "This device's clock is ahead of the server: correct the date and time.", {
        serverTime: now,
        maxClockSkewMs: MAX_CLOCK_SKEW_MS,
        hlc: c.hlc,
        aheadMs: h.millis - now,
      });
    }
  }
}

/** One change per cell: the greatest (hlc, node) of the batch, in first-seen order. */
function coalesce(changes: FieldChange[]): FieldChange[] {
  const byCell = new Map<string, FieldChange>();
  for (const c of changes) {
    const key = cellKey(c.table, c.rowId, c.field);
    const prev = byCell.get(key);
    if (!prev || beats(c, prev)) byCell.set(key, c);
  }
  return [...byCell.values()];
}
