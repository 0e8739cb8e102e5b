import { PGlite } from '@electric-sql/pglite';
import type { Queryable, SqlDatabase, SqlParam } from './database';

/** PGlite (Postgres compiled to WASM) in `dir`, or in memory when `dir` is undefined. */
export async function openPglite(dir: string | undefined): Promise<SqlDatabase> {
  const pg = dir ? await PGlite.create(dir) : await PGlite.create();
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T extends object>(sql: string, params: SqlParam[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
