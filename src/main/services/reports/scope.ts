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

/** The live deals of the scope's owner and pipeline (alias `d`), as SQL text and its parameters. */
export function dealScope(scope: Scope, options: { scan?: boolean } = {}): { where: string; params: unknown[] } {
  // `scan`: most deals qualify, so read the table in order rather than walk an index on `deleted`
  // (random reads of nearly every row); the unary plus keeps the planner off that index.
  const where = [options.scan ? '+d.deleted = 0' : 'd.deleted = 0', 'd.merged_into IS NULL'];
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
