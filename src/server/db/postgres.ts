import pg from 'pg';
import type { Queryable, SqlDatabase, SqlParam } from './database';

/** A pooled connection to PostgreSQL. Several server instances may share the database. */
export async function openPostgres(url: string, max = 10): Promise<SqlDatabase> {
  const pool = new pg.Pool({ connectionString: url, max });
  // A dropped idle connection must not crash the process: the pool replaces it.
  pool.on('error', () => undefined);
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T extends object>(sql: string, params: SqlParam[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
  });
  // Fail fast on a wrong URL rather than on the first request.
  await pool.query('SELECT 1');
  return {
    kind: 'postgres',
    ...wrap(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
