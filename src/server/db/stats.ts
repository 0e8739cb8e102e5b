import type { SqlDatabase } from './database';

/** The tables read by keyset pages, with the columns of their keys (what the planner needs statistics of). */
const KEYS = {
  row_state: ['workspace_id', 'table_name', 'row_id'],
  field_state: ['workspace_id', 'table_name', 'row_id', 'field'],
  change_log: ['workspace_id', 'server_seq'],
} as const;

export type PagedTable = keyof typeof KEYS;

/**
 * PGlite has no autovacuum daemon, so nothing ever ANALYZEs its tables; PostgreSQL's runs about once
 * a minute, behind a bulk load (a restore, a workspace pushed in one go). Without statistics the
 * planner guesses a few hundred rows for `workspace_id = $1` and, for a keyset page (`(a, b) > (…)
 * ORDER BY a, b LIMIT n`), prefers a bitmap scan plus a sort of EVERY remaining row (spilling to
 * temporary files) to walking the primary key: each page of a first sync then re-read and re-sorted
 * the rest of the workspace (hundreds of ms a page at 100k rows, against tens with the index). So
 * before such a page, a table never analyzed, or grown to more than twice the size it was analyzed
 * at, gets what autovacuum would have given it: statistics of its key columns (a small sample is
 * plenty for them, and leaving out the big jsonb columns keeps it to a fraction of a full ANALYZE).
 * Once analyzed, the check is one catalog read.
 */
export async function keepPlannerStats(db: SqlDatabase, table: PagedTable): Promise<void> {
  const [rel] = await db.query<{ tuples: number; pages: number; now: string }>(
    `SELECT reltuples AS tuples, relpages AS pages,
            pg_relation_size(oid) / current_setting('block_size')::int AS now
       FROM pg_class WHERE oid = to_regclass($1)`,
    [table],
  );
  if (!rel) return;
  const now = Number(rel.now);
  // A handful of pages is read whole whatever the plan.
  if (now < 64 || (rel.tuples >= 0 && now <= rel.pages * 2)) return;
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL default_statistics_target = 10');
    await tx.query(`ANALYZE ${table} (${KEYS[table].join(', ')})`);
  });
}
