import type { CrmDb } from '../../db/open';
import { fxCase } from './money';
import { monthKey, monthStart } from './period';
import { all, type Scope, type SqlRow } from './scope';

/*
 * Readers of the rollup tables that triggers keep (migrations 0015–0017): over whole UTC months
 * the sales figures are a few rows per month and key instead of every deal, stay or line of the
 * period. Each returns the rows its caller would get from the deals, so the caller folds both the
 * same way; any other period is still read from the deals.
 */

/** The keys closed deals are grouped by: deal columns, and the close month (UTC, YYYY-MM). */
export type ClosedKey = 'd.owner_id' | 'd.source' | 'month';

export type RankedStage = { id: string; kind: string; position: number };

/** True when [start, end) is whole UTC months (either end may be open). */
export function wholeMonths(start: number, end: number): boolean {
  const edge = (ms: number) => Math.abs(ms) >= 8e15 || monthStart(ms) === ms;
  return edge(start) && edge(end);
}

/** A period bound as a rollup month key: an open end is before or after every month. */
export const rollupMonth = (ms: number): string =>
  Math.abs(ms) >= 8e15 ? (ms < 0 ? '0000-00' : '9999-99') : monthKey(ms);

const ROLLUP_KEY: Record<ClosedKey, string> = {
  'd.owner_id': "NULLIF(r.owner_id, '')",
  'd.source': "NULLIF(r.source, '')",
  month: 'r.month',
};

/**
 * The same groups over whole months, from `deal_closed_months` (kept by triggers, migration
 * 0017): a few rows per month, stage, currency, owner and source instead of every closed deal.
 * Every closed deal has a close and a creation time, so each one's cycle is counted.
 */
export function closedRollupRows(
  db: CrmDb,
  scope: Scope,
  keys: ClosedKey[],
  start: number,
  end: number,
  closedIds: string,
): SqlRow[] {
  const columns = [...keys.map((k) => ROLLUP_KEY[k]), 'r.stage_id', "NULLIF(r.currency, '')"];
  return all<SqlRow>(
    db,
    `SELECT ${columns.map((k, i) => `${k} AS k${i}`).join(', ')}, SUM(r.deals) AS n, SUM(r.amount) AS amount,
        SUM(r.non_zero) AS nonZero, SUM(r.cycle_ms) AS cycle, SUM(r.deals) AS cycleN
     FROM deal_closed_months r
     WHERE r.month >= ? AND r.month < ? AND r.stage_id IN ${closedIds} AND r.deals <> 0
       ${scope.ownerId ? 'AND r.owner_id = ?' : ''} ${scope.pipelineId ? 'AND r.pipeline_id = ?' : ''}
     GROUP BY ${columns.map((_, i) => i + 1).join(', ')}`,
    [
      rollupMonth(start),
      rollupMonth(end),
      ...(scope.ownerId ? [scope.ownerId] : []),
      ...(scope.pipelineId ? [scope.pipelineId] : []),
    ],
  );
}

/**
 * Whole months are read from `deal_product_revenue` (kept by triggers, migration 0015): a few
 * rows per month, stage, owner, currency and product instead of every won deal's lines. A deal
 * has one close month, stage, owner, pipeline and currency, so adding its rows counts it once.
 */
export function productRollup(db: CrmDb, scope: Scope, won: string): SqlRow[] {
  const fx = fxCase(db, "NULLIF(r.currency, '')");
  return all(
    db,
    `SELECT NULLIF(r.product_id, '') AS key, SUM(r.deals) AS deals, SUM(r.value * ${fx}) AS value,
        group_concat(DISTINCT CASE WHEN ${fx} IS NULL THEN r.currency END) AS missing
     FROM deal_product_revenue r
     WHERE r.month >= ? AND r.month < ? AND r.stage_id IN ${won} AND r.deals <> 0
       ${scope.ownerId ? 'AND r.owner_id = ?' : ''} ${scope.pipelineId ? 'AND r.pipeline_id = ?' : ''}
     GROUP BY 1`,
    [
      rollupMonth(scope.period.start),
      rollupMonth(scope.period.end),
      ...(scope.ownerId ? [scope.ownerId] : []),
      ...(scope.pipelineId ? [scope.pipelineId] : []),
    ],
  );
}

/**
 * Whole months are read from `deal_stage_reach` (kept by triggers, migration 0016): deals counted
 * by the stage they are in and the set of stages they stayed in. Each group's furthest stay is
 * ranked here, from the stages as they are now: a won deal got through every open stage.
 */
export function reachRollup(
  db: CrmDb,
  scope: Scope,
  pipelineId: string,
  ranked: RankedStage[],
): { pos: number | null; n: number }[] {
  const rank = new Map(ranked.map((s) => [s.id, s.kind === 'won' ? 1e15 : Number(s.position)]));
  const groups = all<{ stageId: string; stays: string; n: number }>(
    db,
    `SELECT stage_id AS stageId, stays, SUM(deals) AS n FROM deal_stage_reach
     WHERE pipeline_id = ? AND month >= ? AND month < ? AND deals <> 0 ${scope.ownerId ? 'AND owner_id = ?' : ''}
     GROUP BY stage_id, stays`,
    [
      pipelineId,
      rollupMonth(scope.period.start),
      rollupMonth(scope.period.end),
      ...(scope.ownerId ? [scope.ownerId] : []),
    ],
  );
  const byPos = new Map<number, number>();
  for (const g of groups) {
    let pos: number | undefined;
    if (rank.get(g.stageId) === 1e15) pos = 1e15;
    else
      for (const stay of g.stays ? g.stays.split(',') : []) {
        const r = rank.get(stay);
        if (r !== undefined && (pos === undefined || r > pos)) pos = r;
      }
    if (pos !== undefined) byPos.set(pos, (byPos.get(pos) ?? 0) + Number(g.n));
  }
  return [...byPos].map(([pos, n]) => ({ pos, n }));
}
