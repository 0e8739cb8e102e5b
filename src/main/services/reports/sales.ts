import type { CrmDb } from '../../db/open';
import { baseMoney, type BaseMoney } from './money';
import { all, dealScope, type Scope, type SqlRow } from './scope';

/*
 * The deal figures every sales report and the dashboard are built from. Each is one aggregate
 * query grouped by a key and the deal's currency; only those few groups come back to be turned
 * into the base currency and named.
 */

/** Time from first engagement (or creation when none was recorded) to close, in milliseconds. */
const CYCLE = 'd.closed_at - COALESCE(d.engaged_at, d.created_at)';

export interface ClosedFigures {
  won: number;
  lost: number;
  wonValue: number;
  lostValue: number;
  /** Sum and count of the sales cycle of won deals, and of all closed deals. */
  wonCycleMs: number;
  wonCycleN: number;
  closedCycleMs: number;
  closedCycleN: number;
}

const EMPTY: ClosedFigures = {
  won: 0,
  lost: 0,
  wonValue: 0,
  lostValue: 0,
  wonCycleMs: 0,
  wonCycleN: 0,
  closedCycleMs: 0,
  closedCycleN: 0,
};

export type KeyKind = 'owner' | 'team' | 'month' | 'source' | 'all';

const KEY_SQL: Record<KeyKind, { expr: string; join: string }> = {
  // Unary plus: group in a table scan, not by walking the owner index (random reads of every row).
  owner: { expr: '+d.owner_id', join: '' },
  team: { expr: 'm.team_id', join: 'LEFT JOIN members m ON m.id = d.owner_id' },
  month: { expr: "strftime('%Y-%m', d.closed_at / 1000, 'unixepoch')", join: '' },
  source: { expr: "NULLIF(trim(d.source), '')", join: '' },
  all: { expr: 'NULL', join: '' },
};

/** Won and lost deals closed in the period, by key. */
export function closedBy(
  db: CrmDb,
  scope: Scope,
  key: KeyKind,
  money: BaseMoney = baseMoney(db),
): Map<string | null, ClosedFigures> {
  const { where, params } = dealScope(scope);
  const k = KEY_SQL[key];
  const rows = all(
    db,
    `SELECT ${k.expr} AS key, d.currency AS currency,
        SUM(s.kind = 'won') AS won, SUM(s.kind = 'lost') AS lost,
        SUM(CASE WHEN s.kind = 'won' THEN d.amount END) AS wonValue,
        SUM(CASE WHEN s.kind = 'lost' THEN d.amount END) AS lostValue,
        SUM(CASE WHEN s.kind = 'won' THEN ${CYCLE} END) AS wonCycleMs,
        COUNT(CASE WHEN s.kind = 'won' THEN ${CYCLE} END) AS wonCycleN,
        SUM(${CYCLE}) AS closedCycleMs, COUNT(${CYCLE}) AS closedCycleN
     FROM deals d JOIN stages s ON s.id = +d.stage_id ${k.join}
     WHERE ${where} AND s.kind IN ('won', 'lost') AND d.closed_at >= ? AND d.closed_at < ?
     GROUP BY 1, 2`,
    [...params, scope.period.start, scope.period.end],
  );
  const out = new Map<string | null, ClosedFigures>();
  for (const r of rows) {
    const key = r.key as string | null;
    const acc = out.get(key) ?? { ...EMPTY };
    acc.won += Number(r.won);
    acc.lost += Number(r.lost);
    acc.wonValue += money.toBase(r.wonValue as number | null, r.currency as string | null);
    acc.lostValue += money.toBase(r.lostValue as number | null, r.currency as string | null);
    acc.wonCycleMs += Number(r.wonCycleMs ?? 0);
    acc.wonCycleN += Number(r.wonCycleN);
    acc.closedCycleMs += Number(r.closedCycleMs ?? 0);
    acc.closedCycleN += Number(r.closedCycleN);
    out.set(key, acc);
  }
  return out;
}

/** Adds up figures (of several keys) into one. */
export function sumFigures(list: Iterable<ClosedFigures>): ClosedFigures {
  const acc = { ...EMPTY };
  for (const f of list) for (const k of Object.keys(acc) as (keyof ClosedFigures)[]) acc[k] += f[k];
  return acc;
}

export interface ClosedCube {
  total: ClosedFigures;
  owner: Map<string | null, ClosedFigures>;
  team: Map<string | null, ClosedFigures>;
  month: Map<string | null, ClosedFigures>;
  source: Map<string | null, ClosedFigures>;
}

/**
 * The period's closed deals grouped by owner, month and source in ONE pass (the dashboard needs
 * all of them): at most owners × months × sources × currencies groups come back, and each view is
 * their sum. Teams are read from the owners' teams.
 */
export function closedCube(db: CrmDb, scope: Scope, money: BaseMoney = baseMoney(db)): ClosedCube {
  const { where, params } = dealScope(scope);
  const rows = all(
    db,
    `SELECT +d.owner_id AS owner, strftime('%Y-%m', d.closed_at / 1000, 'unixepoch') AS month,
        NULLIF(trim(d.source), '') AS source, d.currency AS currency,
        SUM(s.kind = 'won') AS won, SUM(s.kind = 'lost') AS lost,
        SUM(CASE WHEN s.kind = 'won' THEN d.amount END) AS wonValue,
        SUM(CASE WHEN s.kind = 'lost' THEN d.amount END) AS lostValue,
        SUM(CASE WHEN s.kind = 'won' THEN ${CYCLE} END) AS wonCycleMs,
        COUNT(CASE WHEN s.kind = 'won' THEN ${CYCLE} END) AS wonCycleN,
        SUM(${CYCLE}) AS closedCycleMs, COUNT(${CYCLE}) AS closedCycleN
     FROM deals d JOIN stages s ON s.id = +d.stage_id
     WHERE ${where} AND s.kind IN ('won', 'lost') AND d.closed_at >= ? AND d.closed_at < ?
     GROUP BY 1, 2, 3, 4`,
    [...params, scope.period.start, scope.period.end],
  );
  const teams = new Map(
    all<{ id: string; teamId: string | null }>(db, 'SELECT id, team_id AS teamId FROM members', []).map((m) => [
      m.id,
      m.teamId,
    ]),
  );
  const cube: ClosedCube = {
    total: { ...EMPTY },
    owner: new Map(),
    team: new Map(),
    month: new Map(),
    source: new Map(),
  };
  const add = (map: Map<string | null, ClosedFigures>, key: string | null, f: ClosedFigures) => {
    const acc = map.get(key) ?? { ...EMPTY };
    for (const k of Object.keys(acc) as (keyof ClosedFigures)[]) acc[k] += f[k];
    map.set(key, acc);
  };
  for (const r of rows) {
    const f: ClosedFigures = {
      won: Number(r.won),
      lost: Number(r.lost),
      wonValue: money.toBase(r.wonValue as number | null, r.currency as string | null),
      lostValue: money.toBase(r.lostValue as number | null, r.currency as string | null),
      wonCycleMs: Number(r.wonCycleMs ?? 0),
      wonCycleN: Number(r.wonCycleN),
      closedCycleMs: Number(r.closedCycleMs ?? 0),
      closedCycleN: Number(r.closedCycleN),
    };
    const owner = r.owner as string | null;
    add(cube.owner, owner, f);
    add(cube.team, owner ? (teams.get(owner) ?? null) : null, f);
    add(cube.month, r.month as string | null, f);
    add(cube.source, r.source as string | null, f);
    for (const k of Object.keys(f) as (keyof ClosedFigures)[]) cube.total[k] += f[k];
  }
  return cube;
}

export function closedTotals(db: CrmDb, scope: Scope, money?: BaseMoney): ClosedFigures {
  return closedBy(db, scope, 'all', money).get(null) ?? { ...EMPTY };
}

export const winRate = (f: { won: number; lost: number }): number | null =>
  f.won + f.lost ? f.won / (f.won + f.lost) : null;
export const avgDays = (ms: number, n: number): number | null => (n ? ms / n / 86_400_000 : null);

export interface StageFigures {
  stageId: string;
  name: string;
  pipelineId: string;
  position: number;
  probability: number;
  count: number;
  value: number;
  weighted: number;
}

/** Open deals now, by stage (the pipeline snapshot: the period does not apply). */
export function openByStage(db: CrmDb, scope: Scope, money: BaseMoney = baseMoney(db)): StageFigures[] {
  const { where, params } = dealScope(scope, { scan: true });
  const stageRows = all<{ id: string; name: string; pipelineId: string; position: number; probability: number }>(
    db,
    `SELECT s.id, s.name, s.pipeline_id AS pipelineId, s.position, s.probability
     FROM stages s JOIN pipelines p ON p.id = s.pipeline_id
     WHERE s.deleted = 0 AND s.kind = 'open' AND p.deleted = 0 ${scope.pipelineId ? 'AND s.pipeline_id = ?' : ''}
     ORDER BY p.position, p.id, s.position, s.id`,
    scope.pipelineId ? [scope.pipelineId] : [],
  );
  const sums = all(
    db,
    `SELECT +d.stage_id AS stageId, d.currency AS currency, COUNT(*) AS n, SUM(d.amount) AS value,
        SUM(d.amount * COALESCE(d.probability, s.probability) / 100.0) AS weighted
     FROM deals d CROSS JOIN stages s ON s.id = +d.stage_id
     WHERE ${where} AND s.kind = 'open'
     GROUP BY 1, 2`,
    params,
  );
  const byStage = new Map<string, { count: number; value: number; weighted: number }>();
  for (const r of sums) {
    const acc = byStage.get(r.stageId as string) ?? { count: 0, value: 0, weighted: 0 };
    acc.count += Number(r.n);
    acc.value += money.toBase(r.value as number | null, r.currency as string | null);
    acc.weighted += Math.round(money.toBase(Math.round(Number(r.weighted ?? 0)), r.currency as string | null));
    byStage.set(r.stageId as string, acc);
  }
  return stageRows.map((s) => ({ ...s, stageId: s.id, ...(byStage.get(s.id) ?? { count: 0, value: 0, weighted: 0 }) }));
}

/** Won revenue of the period by product, from the won deals' line items (net of line discounts). */
export function wonByProduct(
  db: CrmDb,
  scope: Scope,
  money: BaseMoney = baseMoney(db),
): { key: string | null; label: string | null; deals: number; value: number }[] {
  const { where, params } = dealScope(scope);
  const rows = all(
    db,
    `SELECT li.product_id AS key, MIN(li.description) AS label, d.currency AS currency,
        COUNT(DISTINCT d.id) AS deals,
        SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0) AS value
     FROM deals d CROSS JOIN stages s ON s.id = +d.stage_id
       CROSS JOIN deal_line_items li ON li.deal_id = d.id AND li.deleted = 0
     WHERE ${where} AND s.kind = 'won' AND d.closed_at >= ? AND d.closed_at < ?
     GROUP BY 1, 3`,
    [...params, scope.period.start, scope.period.end],
  );
  const out = new Map<string | null, { key: string | null; label: string | null; deals: number; value: number }>();
  for (const r of rows) {
    const key = r.key as string | null;
    const acc = out.get(key) ?? { key, label: r.label as string | null, deals: 0, value: 0 };
    acc.deals += Number(r.deals);
    acc.value += money.toBase(Math.round(Number(r.value ?? 0)), r.currency as string | null);
    out.set(key, acc);
  }
  return [...out.values()].sort((a, b) => b.value - a.value);
}

export interface ConversionStep {
  stageId: string;
  name: string;
  /** Deals that got at least this far (a won deal got through every open stage). */
  reached: number;
  /** Share of them that got to the next step. */
  conversion: number | null;
}

/**
 * Stage-to-stage conversion of the deals first engaged in the period, from the stage history:
 * each deal counts once at the furthest open stage it stayed in, or as won.
 */
export function stageConversion(db: CrmDb, scope: Scope, pipelineId: string | null): ConversionStep[] {
  if (!pipelineId) return [];
  const { where, params } = dealScope({ ...scope, pipelineId });
  const stageRows = all<{ id: string; name: string; position: number; kind: string }>(
    db,
    `SELECT id, name, position, kind FROM stages WHERE pipeline_id = ? AND deleted = 0 AND kind != 'lost'
     ORDER BY kind = 'won', position, id`,
    [pipelineId],
  );
  const reach = all<{ pos: number | null; n: number }>(
    db,
    `SELECT pos, COUNT(*) AS n FROM (
       SELECT MAX(CASE st.kind WHEN 'won' THEN 1e15 WHEN 'open' THEN st.position END) AS pos
       FROM deals d JOIN deal_stage_history h ON h.deal_id = d.id AND h.deleted = 0
         JOIN stages st ON st.id = h.stage_id
       WHERE ${where} AND COALESCE(d.engaged_at, d.created_at) >= ? AND COALESCE(d.engaged_at, d.created_at) < ?
       GROUP BY d.id)
     WHERE pos IS NOT NULL GROUP BY pos`,
    [...params, scope.period.start, scope.period.end],
  );
  const steps = stageRows.map((s) => ({
    stageId: s.id,
    name: s.name,
    rank: s.kind === 'won' ? 1e15 : s.position,
    reached: 0,
  }));
  for (const r of reach) for (const s of steps) if (r.pos !== null && r.pos >= s.rank) s.reached += r.n;
  return steps.map((s, i) => {
    const next = steps[i + 1];
    return {
      stageId: s.stageId,
      name: s.name,
      reached: s.reached,
      conversion: next && s.reached ? next.reached / s.reached : null,
    };
  });
}

/** The pipeline a report shows when none is asked for: the first live one. */
export function defaultPipelineId(db: CrmDb, scope: Scope): string | null {
  if (scope.pipelineId) return scope.pipelineId;
  const row = db.sqlite
    .prepare('SELECT id FROM pipelines WHERE deleted = 0 AND archived = 0 ORDER BY position, id LIMIT 1')
    .get() as { id: string } | undefined;
  return row?.id ?? null;
}

export type { SqlRow };
