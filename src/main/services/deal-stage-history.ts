import type { Statement } from 'better-sqlite3';
import type { StageStay } from '../../shared/contract/deals';
import { newId } from '../../shared/ids';
import type { Mutation } from '../db/mutation';
import type { CrmDb } from '../db/open';

interface StageLike {
  id: string;
  pipelineId: string;
  kind: string;
}

const openStays = new WeakMap<CrmDb, Statement>();

/** The deal's stays still running (normally one; two devices moving it offline may leave more). */
function openStayIds(db: CrmDb, dealId: string): string[] {
  let stmt = openStays.get(db);
  if (!stmt) {
    stmt = db.sqlite
      .prepare('SELECT id FROM deal_stage_history WHERE deal_id = ? AND left_at IS NULL AND deleted = 0')
      .pluck();
    openStays.set(db, stmt);
  }
  return stmt.all(dealId) as string[];
}

/** The first stay of a new deal. */
export function firstStayMutation(dealId: string, stage: StageLike, at: number): Mutation {
  return {
    table: 'deal_stage_history',
    op: 'insert',
    id: newId(),
    values: { dealId, pipelineId: stage.pipelineId, stageId: stage.id, enteredAt: at, leftAt: null },
  };
}

/**
 * The writes of one stage change, for the caller to commit together with anything else: the
 * running stay ends, a new one starts, and the deal gets its stage, the time it entered it and
 * its close date (set on entering won or lost, cleared on going back to an open stage, with the
 * lost reason).
 */
export function stageChangeMutations(
  db: CrmDb,
  deal: { id: string; stageId: string | null },
  target: StageLike,
  at: number,
  lostReason: string | null,
  extra: Record<string, unknown> = {},
): Mutation[] {
  if (deal.stageId === target.id) return [];
  const closing = target.kind !== 'open';
  return [
    ...openStayIds(db, deal.id).map((id): Mutation => ({
      table: 'deal_stage_history',
      op: 'update',
      id,
      values: { leftAt: at },
    })),
    firstStayMutation(deal.id, target, at),
    {
      table: 'deals',
      op: 'update',
      id: deal.id,
      values: {
        ...extra,
        pipelineId: target.pipelineId,
        stageId: target.id,
        stageEnteredAt: at,
        closedAt: closing ? at : null,
        lostReason: target.kind === 'lost' ? lostReason : null,
      },
    },
  ];
}

/** A deal's stays, oldest first, with the stage names of the moment. */
export function stageHistory(db: CrmDb, dealId: string): StageStay[] {
  const now = db.now();
  const rows = db.sqlite
    .prepare(
      `SELECT h.id, h.stage_id AS stageId, coalesce(s.name, '') AS stageName, h.pipeline_id AS pipelineId,
              h.entered_at AS enteredAt, h.left_at AS leftAt
         FROM deal_stage_history h LEFT JOIN stages s ON s.id = h.stage_id
        WHERE h.deal_id = ? AND h.deleted = 0
        ORDER BY h.entered_at, h.rowid`,
    )
    .all(dealId) as Omit<StageStay, 'durationMs'>[];
  return rows.map((r) => ({ ...r, durationMs: Math.max(0, (r.leftAt ?? now) - r.enteredAt) }));
}
