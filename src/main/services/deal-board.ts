import type { BoardCard, BoardColumn, ColumnTotals } from '../../shared/contract/deals';
import type { StageKind } from '../../shared/contract/pipelines';
import { notFound } from '../errors';
import type { CrmDb } from '../db/open';
import { decodeCursor, encodeCursor } from './cursor';
import { isRotting } from './deals';
import { converter } from './exchange-rates';
import { readPipeline } from './pipelines';
import { toFtsQuery } from './search';
import { cachedStatement } from './statements';

export interface BoardFilter {
  pipelineId: string;
  query?: string | undefined;
  ownerIds?: string[] | undefined;
  teamId?: string | undefined;
  closeMonth?: string | undefined;
  tagIds?: string[] | undefined;
}

interface StageRow {
  id: string;
  name: string;
  kind: StageKind;
  probability: number;
  rottingDays: number | null;
}

const DEFAULT_CARDS = 30;

/**
 * The filters as SQL over `d` (deals), with their parameters; every value is bound. Lists go in
 * as one JSON parameter, so the text depends only on which filters are set: a few dozen texts
 * at most, each prepared once per book (see cachedStatement).
 */
function filterSql(filter: BoardFilter, actor: string | null): { sql: string; params: unknown[] } {
  const parts: string[] = ['d.deleted = 0'];
  const params: unknown[] = [];
  if (filter.ownerIds?.length) {
    parts.push('d.owner_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.ownerIds.map((id) => (id === 'me' ? (actor ?? '') : id))));
  }
  if (filter.teamId) {
    parts.push('d.owner_id IN (SELECT id FROM members WHERE team_id = ? AND deleted = 0)');
    params.push(filter.teamId);
  }
  if (filter.closeMonth) {
    // expected_close is YYYY-MM-DD text: a month is a range of it, which keeps the comparison exact.
    parts.push('d.expected_close >= ? AND d.expected_close <= ?');
    params.push(`${filter.closeMonth}-01`, `${filter.closeMonth}-31`);
  }
  if (filter.tagIds?.length) {
    parts.push(
      'd.id IN (SELECT entity_id FROM taggings WHERE deleted = 0 AND tag_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(filter.tagIds));
  }
  const fts = filter.query ? toFtsQuery(filter.query) : null;
  if (fts) {
    parts.push(`d.id IN (SELECT sd.entity_id FROM search_index s JOIN search_doc sd ON sd.doc_id = s.rowid
      WHERE search_index MATCH ? AND sd.type = 'deal')`);
    params.push(fts);
  }
  return { sql: parts.join(' AND '), params };
}

function liveStages(db: CrmDb, pipelineId: string): StageRow[] {
  return cachedStatement(
    db,
    `SELECT id, name, kind, probability, rotting_days AS rottingDays FROM stages
      WHERE pipeline_id = ? AND deleted = 0 AND archived = 0 ORDER BY position, id`,
  ).all(pipelineId) as StageRow[];
}

/**
 * Count, sum and probability-weighted sum per stage, in minor units of the base currency. One
 * grouped read per stage, by currency, each a range of the (stage_id, deleted, currency, amount,
 * probability) index in its own order: no join to the stages (their default probability is a
 * parameter) and no temporary b-tree for the grouping, about three times faster than one grouped
 * query over the whole board. Each currency is converted once with the rate table. A deal whose
 * currency has no rate is counted but left out of the sums, and its currency is listed so the
 * board can say so.
 */
function columnTotals(
  db: CrmDb,
  stages: StageRow[],
  where: { sql: string; params: unknown[] },
): Map<string, ColumnTotals> {
  const out = new Map<string, ColumnTotals>(
    stages.map((s) => [s.id, { count: 0, sum: 0, weighted: 0, missingRates: [] }]),
  );
  if (!stages.length) return out;
  const statement = cachedStatement(
    db,
    `SELECT d.currency AS currency, count(*) AS n, total(d.amount) AS sum,
            total(d.amount * coalesce(d.probability, ?)) / 100.0 AS weighted
       FROM deals d
      WHERE d.stage_id = ? AND ${where.sql}
      GROUP BY d.currency`,
  );
  const convert = converter(db);
  for (const stage of stages) {
    const t = out.get(stage.id)!;
    const rows = statement.all(stage.probability, stage.id, ...where.params) as {
      currency: string | null;
      n: number;
      sum: number;
      weighted: number;
    }[];
    for (const r of rows) {
      t.count += r.n;
      const sum = convert.toBase(r.sum, r.currency);
      const weighted = convert.toBase(r.weighted, r.currency);
      if (sum === null || weighted === null) {
        if (r.currency && !t.missingRates.includes(r.currency)) t.missingRates.push(r.currency);
        continue;
      }
      t.sum += sum;
      t.weighted += Math.round(weighted);
    }
  }
  return out;
}

/**
 * A page of one column, newest in the stage first. The (stage_id, deleted, stage_entered_at, id)
 * index serves the order and the keyset, so a page costs the same at any depth of a long column.
 */
function columnPage(
  db: CrmDb,
  stage: StageRow,
  where: { sql: string; params: unknown[] },
  cursor: string | undefined,
  limit: number,
  now: number,
): { items: BoardCard[]; nextCursor: string | null } {
  const params: unknown[] = [stage.id, ...where.params];
  let after = '';
  if (cursor) {
    const [at, id] = decodeCursor(cursor);
    after = 'AND (coalesce(d.stage_entered_at, -1) < ? OR (coalesce(d.stage_entered_at, -1) = ? AND d.id < ?))';
    params.push(at, at, id);
  }
  const rows = cachedStatement(
    db,
    `SELECT d.id, d.title, d.stage_id AS stageId, d.amount, d.currency, d.expected_close AS expectedClose,
              coalesce(d.probability, ?) AS effectiveProbability, d.company_id AS companyId, c.name AS companyName,
              d.owner_id AS ownerId, d.stage_entered_at AS stageEnteredAt, d.lost_reason AS lostReason
         FROM deals d LEFT JOIN companies c ON c.id = d.company_id
        WHERE d.stage_id = ? AND ${where.sql} ${after}
        ORDER BY d.stage_entered_at DESC, d.id DESC
        LIMIT ?`,
  ).all(stage.probability, ...params, limit + 1) as Omit<BoardCard, 'rotting'>[];
  const page = rows.slice(0, limit).map((r) => ({ ...r, rotting: isRotting(stage, r.stageEnteredAt, now) }));
  const last = page.at(-1);
  return {
    items: page,
    nextCursor: rows.length > limit && last ? encodeCursor([last.stageEnteredAt ?? -1, last.id]) : null,
  };
}

function pipelineStages(db: CrmDb, pipelineId: string): StageRow[] {
  const pipeline = readPipeline(db, pipelineId);
  if (!pipeline || pipeline.deleted) throw notFound('entity.pipeline');
  return liveStages(db, pipelineId);
}

/** The board of a pipeline: every live stage in order with its totals and first cards. */
export function dealBoard(
  db: CrmDb,
  filter: BoardFilter & { limit?: number | undefined },
  actor: string | null = null,
): { baseCurrency: string; columns: BoardColumn[] } {
  const list = pipelineStages(db, filter.pipelineId);
  const where = filterSql(filter, actor);
  const totals = columnTotals(db, list, where);
  const now = db.now();
  const limit = filter.limit ?? DEFAULT_CARDS;
  return {
    baseCurrency: converter(db).base,
    columns: list.map((stage) => ({
      stageId: stage.id,
      totals: totals.get(stage.id)!,
      ...columnPage(db, stage, where, undefined, limit, now),
    })),
  };
}

export function dealColumn(
  db: CrmDb,
  input: BoardFilter & { stageId: string; cursor: string; limit?: number | undefined },
  actor: string | null = null,
): { items: BoardCard[]; nextCursor: string | null } {
  const stage = pipelineStages(db, input.pipelineId).find((s) => s.id === input.stageId);
  if (!stage) throw notFound('entity.stage');
  return columnPage(db, stage, filterSql(input, actor), input.cursor, input.limit ?? DEFAULT_CARDS, db.now());
}
