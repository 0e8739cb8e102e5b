import type { CrmDb } from '../../db/open';
import { baseMoney, fxCase, fxFactors, noteMissing, type BaseMoney } from './money';
import { monthKey, monthStart } from './period';
import { all, dealScope, sqlList, sqlText, stageKinds, type Scope, type SqlRow } from './scope';
import { closedRollupRows, productRollup, reachRollup, wholeMonths, type ClosedKey, type RankedStage } from './rollups';

/*
 * The deal figures every sales report and the dashboard are built from. Each is one aggregate
 * query over a covering index (the deal row itself is never read): the outcome is told from the
 * stage id and amounts are turned into the base currency in the SUM, so only a few groups per key
 * come back to be named.
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

/**
 * The closed-deal measures of one group, over the `deals_closed` index (deleted, closed_at,
 * stage_id, currency, amount, owner_id, source, engaged_at, created_at, ...): won and lost counts,
 * values in the base currency and the sales cycle, plus the currencies that have no rate.
 */
function closedMeasures(db: CrmDb, wonOnly = false, lean = false): { sql: string; closedIds: string } {
  const kinds = stageKinds(db);
  const fx = fxCase(db, 'd.currency');
  const won = `d.stage_id IN ${sqlList(kinds.won)}`;
  const lost = `d.stage_id IN ${sqlList(kinds.lost)}`;
  const closedIds = sqlList(wonOnly ? kinds.won : [...kinds.won, ...kinds.lost]);
  // Lean: the counts and won value alone, for a revenue series (fewer expressions per index entry);
  // a closed deal that is not won is lost.
  if (lean)
    return {
      sql: `COUNT(CASE WHEN ${won} THEN 1 END) AS won, COUNT(*) - COUNT(CASE WHEN ${won} THEN 1 END) AS lost,
        SUM(CASE WHEN ${won} THEN d.amount * ${fx} END) AS wonValue, 0 AS lostValue, 0 AS wonCycleMs,
        0 AS wonCycleN, 0 AS closedCycleMs, 0 AS closedCycleN,
        group_concat(DISTINCT CASE WHEN ${won} AND ${fx} IS NULL AND d.amount THEN d.currency END) AS missing`,
      closedIds,
    };
  return {
    sql: `COUNT(CASE WHEN ${won} THEN 1 END) AS won, COUNT(CASE WHEN ${lost} THEN 1 END) AS lost,
        SUM(CASE WHEN ${won} THEN d.amount * ${fx} END) AS wonValue,
        SUM(CASE WHEN ${lost} THEN d.amount * ${fx} END) AS lostValue,
        SUM(CASE WHEN ${won} THEN ${CYCLE} END) AS wonCycleMs,
        COUNT(CASE WHEN ${won} THEN ${CYCLE} END) AS wonCycleN,
        SUM(${CYCLE}) AS closedCycleMs, COUNT(${CYCLE}) AS closedCycleN,
        group_concat(DISTINCT CASE WHEN ${fx} IS NULL AND d.amount THEN d.currency END) AS missing`,
    closedIds,
  };
}

function figuresOf(r: SqlRow, money: BaseMoney): ClosedFigures {
  noteMissing(money, r.missing);
  return {
    won: Number(r.won),
    lost: Number(r.lost),
    wonValue: Math.round(Number(r.wonValue ?? 0)),
    lostValue: Math.round(Number(r.lostValue ?? 0)),
    wonCycleMs: Number(r.wonCycleMs ?? 0),
    wonCycleN: Number(r.wonCycleN),
    closedCycleMs: Number(r.closedCycleMs ?? 0),
    closedCycleN: Number(r.closedCycleN),
  };
}

/**
 * Closed deals of the scope between `start` and `end` grouped by the SQL expressions `keys`,
 * folded into figures per key. SQLite groups by the plain columns (the keys, the stage and the
 * currency) with bare COUNT and SUM: no CASE runs per index entry and the sort compares columns
 * only. The outcome (from the stage) and the base currency are applied here, to the few groups.
 */
function closedGroups(
  db: CrmDb,
  scope: Scope,
  keys: ClosedKey[],
  start: number,
  end: number,
  money: BaseMoney,
  wonOnly = false,
): { keys: (string | null)[]; figures: ClosedFigures }[] {
  const kinds = stageKinds(db);
  const won = new Set(kinds.won);
  const closedIds = sqlList(wonOnly ? kinds.won : [...kinds.won, ...kinds.lost]);
  const rows = wholeMonths(start, end)
    ? closedRollupRows(db, scope, keys, start, end, closedIds)
    : closedDealRows(db, scope, keys, start, end, closedIds);
  const fx = fxFactors(db);
  return rows.map((r) => {
    const stage = r[`k${keys.length}`] as string;
    const currency = (r[`k${keys.length + 1}`] ?? null) as string | null;
    const factor = fx(currency);
    const isWon = won.has(stage);
    if (factor === null && Number(r.nonZero)) money.missing.add(currency ?? '');
    const value = factor === null ? 0 : Number(r.amount ?? 0) * factor;
    const n = Number(r.n);
    const cycle = Number(r.cycle ?? 0);
    const cycleN = Number(r.cycleN);
    return {
      keys: keys.map((_, i) => (r[`k${i}`] ?? null) as string | null),
      figures: {
        won: isWon ? n : 0,
        lost: isWon ? 0 : n,
        wonValue: isWon ? value : 0,
        lostValue: isWon ? 0 : value,
        wonCycleMs: isWon ? cycle : 0,
        wonCycleN: isWon ? cycleN : 0,
        closedCycleMs: cycle,
        closedCycleN: cycleN,
      },
    };
  });
}

const DEAL_KEY: Record<ClosedKey, string> = {
  'd.owner_id': 'd.owner_id',
  'd.source': 'd.source',
  month: "strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch')",
};

/**
 * The period's closed deals grouped by the keys, stage and currency: the deal rows of the
 * `deals_closed` index. The index is named: without statistics (the app never runs ANALYZE) the
 * planner may prefer a stage's or an owner's index and read every row; the unary plus keeps it
 * off the stage.
 */
function closedDealRows(
  db: CrmDb,
  scope: Scope,
  keys: ClosedKey[],
  start: number,
  end: number,
  closedIds: string,
): SqlRow[] {
  const { where, params } = dealScope(scope);
  const columns = [...keys.map((k) => DEAL_KEY[k]), 'd.stage_id', 'd.currency'];
  return all<SqlRow>(
    db,
    `SELECT ${columns.map((k, i) => `${k} AS k${i}`).join(', ')}, COUNT(*) AS n, SUM(d.amount) AS amount,
        COUNT(NULLIF(d.amount, 0)) AS nonZero, SUM(${CYCLE}) AS cycle, COUNT(${CYCLE}) AS cycleN
     FROM deals d INDEXED BY deals_closed
     WHERE ${where} AND d.closed_at >= ? AND d.closed_at < ? AND +d.stage_id IN ${closedIds}
     GROUP BY ${columns.map((_, i) => i + 1).join(', ')}`,
    [...params, start, end],
  );
}

/** SQLite's trim() (spaces only) and NULLIF(…, ''), applied to a grouped source. */
const sourceKey = (raw: string | null): string | null => raw?.replace(/^ +| +$/g, '') || null;

/** Adds `f` into the figures kept under `key`. */
function addInto(map: Map<string | null, ClosedFigures>, key: string | null, f: ClosedFigures): void {
  const acc = map.get(key) ?? { ...EMPTY };
  for (const k of Object.keys(f) as (keyof ClosedFigures)[]) acc[k] += f[k];
  map.set(key, acc);
}

/** Values were summed unrounded across groups (as one SUM would); rounded once, at the end. */
function rounded(map: Map<string | null, ClosedFigures>): Map<string | null, ClosedFigures> {
  for (const f of map.values()) {
    f.wonValue = Math.round(f.wonValue);
    f.lostValue = Math.round(f.lostValue);
  }
  return map;
}

/**
 * Won and lost deals closed in the period, by key. `wonOnly` reads the won deals alone (half the
 * index range's entries, for the revenue reports): the lost figures are then zero.
 */
export function closedBy(
  db: CrmDb,
  scope: Scope,
  key: KeyKind,
  money: BaseMoney = baseMoney(db),
  wonOnly = false,
): Map<string | null, ClosedFigures> {
  if (key === 'month') return closedByMonth(db, scope, scope.period.start, scope.period.end, money);
  const expr: ClosedKey | null = key === 'all' ? null : key === 'source' ? 'd.source' : 'd.owner_id';
  const groups = closedGroups(db, scope, expr ? [expr] : [], scope.period.start, scope.period.end, money, wonOnly);
  const out = new Map<string | null, ClosedFigures>();
  const teams = key === 'team' ? teamsOf(db) : null;
  for (const g of groups) {
    const k = g.keys[0] ?? null;
    const group = teams ? (k ? (teams.get(k) ?? null) : null) : key === 'source' ? sourceKey(k) : k;
    addInto(out, group, g.figures);
  }
  return rounded(out);
}

/**
 * Closed deals between `start` and `end` by close month (UTC, `YYYY-MM`): one range of
 * `deals_closed` per month, each summed in a subquery. The months follow the index's order, so
 * nothing is sorted and no date is formatted per row. An open end is narrowed to the first and
 * last close in the book (two index seeks). `wonOnly` gives the won count and value alone (lost
 * and cycle figures zero).
 */
export function closedByMonth(
  db: CrmDb,
  scope: Scope,
  start: number,
  end: number,
  money: BaseMoney = baseMoney(db),
  wonOnly = false,
): Map<string | null, ClosedFigures> {
  const out = new Map<string | null, ClosedFigures>();
  const bounds = db.sqlite
    .prepare(
      `SELECT (SELECT MIN(closed_at) FROM deals INDEXED BY deals_closed WHERE deleted = 0 AND closed_at >= @start AND closed_at < @end) AS lo,
         (SELECT MAX(closed_at) FROM deals INDEXED BY deals_closed WHERE deleted = 0 AND closed_at >= @start AND closed_at < @end) AS hi`,
    )
    .get({ start, end }) as { lo: number | null; hi: number | null };
  if (bounds.lo === null || bounds.hi === null) return out;
  const months: [string, number, number][] = [];
  for (let m = monthStart(bounds.lo); m <= bounds.hi; m = monthStart(m, 1))
    months.push([monthKey(m), Math.max(m, start), Math.min(monthStart(m, 1), end)]);
  const { where, params } = dealScope(scope);
  // Won deals alone: the range's lost entries are skipped on the index, and the lean measures are
  // all a revenue series needs.
  const m = closedMeasures(db, wonOnly, wonOnly);
  const named = where.replace(
    /\?/g,
    (() => {
      let n = 0;
      return () => `@p${n++}`;
    })(),
  );
  const rows = all<{ key: string; figures: string }>(
    db,
    `SELECT mo.value ->> 0 AS key, (
       SELECT json_array(${CLOSED_COLUMNS.map((c) => `x.${c}`).join(', ')}) FROM (
         SELECT ${m.sql} FROM deals d INDEXED BY deals_closed
         WHERE ${named} AND d.closed_at >= mo.value ->> 1 AND d.closed_at < mo.value ->> 2
           AND +d.stage_id IN ${m.closedIds}) x) AS figures
     FROM json_each(@months) mo`,
    [{ months: JSON.stringify(months), ...Object.fromEntries(params.map((v, i) => [`p${i}`, v])) }],
  );
  for (const r of rows) {
    const v = JSON.parse(r.figures) as (number | string | null)[];
    const f = figuresOf(Object.fromEntries(CLOSED_COLUMNS.map((c, i) => [c, v[i] ?? null])), money);
    if (f.won || f.lost) out.set(r.key, f);
  }
  return out;
}

const CLOSED_COLUMNS = [
  'won',
  'lost',
  'wonValue',
  'lostValue',
  'wonCycleMs',
  'wonCycleN',
  'closedCycleMs',
  'closedCycleN',
  'missing',
] as const;

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

function teamsOf(db: CrmDb): Map<string, string | null> {
  return new Map(
    all<{ id: string; teamId: string | null }>(db, 'SELECT id, team_id AS teamId FROM members', []).map((m) => [
      m.id,
      m.teamId,
    ]),
  );
}

/**
 * The period's closed deals grouped by owner and source in one pass (at most owners × sources
 * groups come back, and each view is their sum; teams are read from the owners' teams), and by
 * month in a second, sort-free one.
 */
export function closedCube(db: CrmDb, scope: Scope, money: BaseMoney = baseMoney(db)): ClosedCube {
  const groups = closedGroups(db, scope, ['d.owner_id', 'd.source'], scope.period.start, scope.period.end, money);
  const teams = teamsOf(db);
  const cube: ClosedCube = {
    total: { ...EMPTY },
    owner: new Map(),
    team: new Map(),
    month: new Map(),
    source: new Map(),
  };
  for (const { keys, figures } of groups) {
    const owner = keys[0] ?? null;
    addInto(cube.owner, owner, figures);
    addInto(cube.team, owner ? (teams.get(owner) ?? null) : null, figures);
    addInto(cube.source, sourceKey(keys[1] ?? null), figures);
    for (const k of Object.keys(figures) as (keyof ClosedFigures)[]) cube.total[k] += figures[k];
  }
  for (const map of [cube.owner, cube.team, cube.source]) rounded(map);
  cube.total.wonValue = Math.round(cube.total.wonValue);
  cube.total.lostValue = Math.round(cube.total.lostValue);
  if (wholeMonths(scope.period.start, scope.period.end)) {
    // Whole months: the rollup's months, the same figures closedByMonth reads from the deals.
    const months = new Map<string | null, ClosedFigures>();
    for (const g of closedGroups(db, scope, ['month'], scope.period.start, scope.period.end, money))
      addInto(months, g.keys[0] ?? null, g.figures);
    cube.month = rounded(months);
  } else cube.month = closedByMonth(db, scope, scope.period.start, scope.period.end, money);
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

/**
 * Open deals now, by stage (the pipeline snapshot: the period does not apply): one range of the
 * `deals_totals` index (stage_id, deleted, currency, amount, probability) per stage shown.
 */
export function openByStage(db: CrmDb, scope: Scope, money: BaseMoney = baseMoney(db)): StageFigures[] {
  const stageRows = all<{ id: string; name: string; pipelineId: string; position: number; probability: number }>(
    db,
    `SELECT s.id, s.name, s.pipeline_id AS pipelineId, s.position, s.probability
     FROM stages s JOIN pipelines p ON p.id = s.pipeline_id
     WHERE s.deleted = 0 AND s.kind = 'open' AND p.deleted = 0 ${scope.pipelineId ? 'AND s.pipeline_id = ?' : ''}
     ORDER BY p.position, p.id, s.position, s.id`,
    scope.pipelineId ? [scope.pipelineId] : [],
  );
  // The stage tells the pipeline, so only the owner narrows the deals of each stage.
  const sums = all(
    db,
    `SELECT s.id AS stageId, d.currency AS currency, COUNT(*) AS n, SUM(d.amount) AS value,
        SUM(d.amount * COALESCE(d.probability, s.probability) / 100.0) AS weighted
     FROM stages s JOIN deals d ON d.stage_id = s.id AND d.deleted = 0 ${scope.ownerId ? 'AND d.owner_id = ?' : ''}
     WHERE s.id IN (SELECT value FROM json_each(?))
     GROUP BY 1, 2`,
    [...(scope.ownerId ? [scope.ownerId] : []), JSON.stringify(stageRows.map((s) => s.id))],
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

/**
 * Won revenue of the period by product, from the won deals' line items (net of line discounts):
 * the period's won deals from `deals_closed`, each one's lines from the covering
 * `deal_line_items_won` index (deal_id, deleted, product_id, quantity, unit_price, discount_rate).
 */
export function wonByProduct(
  db: CrmDb,
  scope: Scope,
  money: BaseMoney = baseMoney(db),
): { key: string | null; label: string | null; deals: number; value: number }[] {
  const won = sqlList(stageKinds(db).won);
  const rows = wholeMonths(scope.period.start, scope.period.end)
    ? productRollup(db, scope, won)
    : productLines(db, scope, won);
  // A product not (yet) in the book is named by its lines' description; lines without a product
  // are one group, named as such by the caller.
  const byDescription = db.sqlite.prepare('SELECT MIN(description) FROM deal_line_items WHERE product_id = ?').pluck();
  const products = new Set(
    all<{ id: string }>(db, 'SELECT id FROM products WHERE id IN (SELECT value FROM json_each(?))', [
      JSON.stringify(rows.map((r) => r.key).filter((k) => k !== null)),
    ]).map((r) => r.id),
  );
  return rows
    .map((r) => {
      noteMissing(money, r.missing);
      const key = r.key as string | null;
      const label = key !== null && !products.has(key) ? ((byDescription.get(key) as string | null) ?? null) : null;
      return { key, label, deals: Number(r.deals), value: Math.round(Number(r.value ?? 0)) };
    })
    .sort((a, b) => b.value - a.value);
}

/** Any other period: the period's won deals and each one's lines. */
function productLines(db: CrmDb, scope: Scope, won: string): SqlRow[] {
  const { where, params } = dealScope(scope);
  const fx = fxCase(db, 'd.currency');
  // The deals are put in id order first (ORDER BY with LIMIT -1 keeps the subquery apart), so the
  // probes of their lines walk the index forward instead of jumping over it. Deals are told apart
  // by rowid: an integer in every index entry, cheaper to compare than the text id.
  return all(
    db,
    `SELECT li.product_id AS key, COUNT(DISTINCT d.r) AS deals,
        SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0 * d.f) AS value,
        group_concat(DISTINCT CASE WHEN d.f IS NULL THEN d.currency END) AS missing
     FROM (SELECT d.rowid AS r, d.id, d.currency, ${fx} AS f FROM deals d INDEXED BY deals_closed
           WHERE ${where} AND d.closed_at >= ? AND d.closed_at < ? AND +d.stage_id IN ${won}
           ORDER BY d.id LIMIT -1) d
       CROSS JOIN deal_line_items li INDEXED BY deal_line_items_won ON li.deal_id = d.id AND li.deleted = 0
     GROUP BY 1`,
    [...params, scope.period.start, scope.period.end],
  );
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
  const stageRows = all<{ id: string; name: string; position: number; kind: string }>(
    db,
    `SELECT id, name, position, kind FROM stages WHERE pipeline_id = ? AND deleted = 0 AND kind != 'lost'
     ORDER BY kind = 'won', position, id`,
    [pipelineId],
  );
  // Ranks across pipelines: a stay in another pipeline's stage counts by its position there.
  const ranked = all<{ id: string; kind: string; position: number }>(
    db,
    "SELECT id, kind, position FROM stages WHERE kind IN ('won', 'open')",
    [],
  );
  const reach = wholeMonths(scope.period.start, scope.period.end)
    ? reachRollup(db, scope, pipelineId, ranked)
    : reachStays(db, scope, pipelineId, ranked);
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

/** Any other period: the period's deals from `deals_engaged`, each one's stays probed. */
function reachStays(
  db: CrmDb,
  scope: Scope,
  pipelineId: string,
  ranked: RankedStage[],
): { pos: number | null; n: number }[] {
  // A deal now in a won stage got through every open one (its stays need not be read); the others'
  // furthest stay is one probe of the covering `deal_stage_history_visits` index (deal_id, deleted,
  // stage_id), ranked by an inline CASE of the stages (no join per stay). The deals come from two
  // ranges of `deals_engaged` (deleted, pipeline_id, engaged_at, created_at, id, stage_id, owner_id):
  // engaged in the period, or never engaged and created in it.
  const { where, params } = dealScope({ ...scope, pipelineId });
  const won = sqlList(ranked.filter((s) => s.kind === 'won').map((s) => s.id));
  const rank = ranked.length
    ? `CASE h.stage_id ${ranked.map((s) => `WHEN ${sqlText(s.id)} THEN ${s.kind === 'won' ? 1e15 : Number(s.position)}`).join(' ')} END`
    : 'NULL';
  // A won deal needs no stay read: those are counted apart, with no sort. The others are put in id
  // order first (as in wonByProduct), so the probes of their stays walk the history index forward:
  // only they are sorted. A deal with no stage is not won (IS NOT 1 keeps it, as NOT IN would not).
  const engaged = (outcome: string) =>
    `SELECT d.id FROM deals d INDEXED BY deals_engaged
     WHERE ${where} AND d.engaged_at >= ? AND d.engaged_at < ? AND ${outcome}
     UNION ALL
     SELECT d.id FROM deals d INDEXED BY deals_engaged
     WHERE ${where} AND d.engaged_at IS NULL AND d.created_at >= ? AND d.created_at < ? AND ${outcome}`;
  const ranges = [...params, scope.period.start, scope.period.end, ...params, scope.period.start, scope.period.end];
  const wonCount = db.sqlite
    .prepare(`SELECT COUNT(*) FROM (${engaged(`+d.stage_id IN ${won}`)})`)
    .pluck()
    .get(...ranges) as number;
  const reach = all<{ pos: number | null; n: number }>(
    db,
    `SELECT pos, COUNT(*) AS n FROM (
       SELECT (SELECT MAX(${rank}) FROM deal_stage_history h INDEXED BY deal_stage_history_visits
               WHERE h.deal_id = d.id AND h.deleted = 0) AS pos
       FROM (${engaged(`(+d.stage_id IN ${won}) IS NOT 1`)} ORDER BY 1 LIMIT -1) d)
     WHERE pos IS NOT NULL GROUP BY pos`,
    ranges,
  );
  if (wonCount) reach.push({ pos: 1e15, n: wonCount });
  return reach;
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
