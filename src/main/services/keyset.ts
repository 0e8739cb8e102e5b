import { and, asc, desc, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { decodeCursor, encodeCursor } from './cursor';

export interface KeysetSpec {
  /** The column to order by, and the row key holding its value for the cursor. */
  column: SQLiteColumn;
  key: string;
  id: SQLiteColumn;
  direction: 'asc' | 'desc';
}

/**
 * Keyset pagination on (sort column, id): every page costs one index range scan, at any depth,
 * and rows written meanwhile never make a page repeat or skip a row.
 */
export function keysetWhere(spec: KeysetSpec, cursor: string | undefined, where: SQL[]): SQL | undefined {
  if (cursor) {
    const [value, id] = decodeCursor(cursor);
    const op = sql.raw(spec.direction === 'asc' ? '>' : '<');
    where.push(sql`(${spec.column}, ${spec.id}) ${op} (${value}, ${id})`);
  }
  return and(...where);
}

export function keysetOrder(spec: KeysetSpec): SQL[] {
  return spec.direction === 'asc' ? [asc(spec.column), asc(spec.id)] : [desc(spec.column), desc(spec.id)];
}

/** Cuts the extra row fetched to know whether there is a next page, and makes its cursor. */
export function keysetPage<R extends Record<string, unknown>>(
  rows: R[],
  limit: number,
  spec: KeysetSpec,
): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor([last[spec.key] as string | number, last.id as string]) : null;
  return { rows: page, nextCursor };
}

/** `IN (ids matching the words)` against the one search index, for list text filters. */
export function matchesSearch(id: SQLiteColumn, type: string, fts: string): SQL {
  return sql`${id} IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
    WHERE search_index MATCH ${fts} AND d.type = ${type})`;
}
