import type { CrmDb } from '../../db/open';
import { periodOf, type Period } from './period';

/** What every report is narrowed by: a period and optionally one owner or one pipeline. */
export interface Scope {
  period: Period;
  ownerId?: string | undefined;
  pipelineId?: string | undefined;
}

export function scopeOf(input: { from?: string; to?: string; ownerId?: string; pipelineId?: string }): Scope {
  return { period: periodOf(input.from, input.to), ownerId: input.ownerId, pipelineId: input.pipelineId };
}

/**
 * The live deals of the scope's owner and pipeline (alias `d`), as SQL text and its parameters.
 * `deleted = 0` alone: a merge marks the merged-away deal deleted as well (and an undo clears
 * both), so `merged_into` needs no test, and the reports' covering indexes need not carry it.
 */
export function dealScope(scope: Scope): { where: string; params: unknown[] } {
  const where = ['d.deleted = 0'];
  const params: unknown[] = [];
  if (scope.ownerId) {
    where.push('d.owner_id = ?');
    params.push(scope.ownerId);
  }
  if (scope.pipelineId) {
    where.push('d.pipeline_id = ?');
    params.push(scope.pipelineId);
  }
  return { where: where.join(' AND '), params };
}

export type SqlRow = Record<string, number | string | null>;

export function all<T = SqlRow>(db: CrmDb, sql: string, params: unknown[]): T[] {
  return db.sqlite.prepare(sql).all(...params) as T[];
}

/** Names of members, teams or products by id, read in one query for the handful of keys a report shows. */
export function namesOf(
  db: CrmDb,
  table: 'members' | 'teams' | 'products',
  ids: (string | null)[],
): Map<string, string> {
  const wanted = ids.filter((id): id is string => !!id);
  if (!wanted.length) return new Map();
  const rows = all<{ id: string; name: string }>(
    db,
    `SELECT id, name FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(wanted)],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** A string as an SQL literal, for the few ids and codes inlined into a statement (quotes doubled). */
export function sqlText(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** An SQL list of literals for `IN (...)` (an empty list is valid SQLite and matches nothing). */
export function sqlList(values: readonly string[]): string {
  return `(${values.map(sqlText).join(', ')})`;
}

export interface StageKinds {
  won: string[];
  lost: string[];
}

/**
 * The ids of the won and lost stages (deleted ones included: a deal may still sit in one). Inlined
 * into the aggregates, `stage_id IN (...)` tells a deal's outcome from the index entry itself, with
 * no join to `stages` per row.
 */
export function stageKinds(db: CrmDb): StageKinds {
  const rows = all<{ id: string; kind: string }>(db, "SELECT id, kind FROM stages WHERE kind IN ('won', 'lost')", []);
  return {
    won: rows.filter((r) => r.kind === 'won').map((r) => r.id),
    lost: rows.filter((r) => r.kind === 'lost').map((r) => r.id),
  };
}
