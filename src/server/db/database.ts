/**
 * The one SQL surface the server uses, implemented by PGlite (embedded, the default) and by `pg`
 * (PostgreSQL when DATABASE_URL is set). Same SQL for both: `$1` parameters, jsonb, row locks.
 */
export type SqlParam = string | number | boolean | null;

export interface Queryable {
  query<T extends object>(sql: string, params?: SqlParam[]): Promise<T[]>;
}

export interface SqlDatabase extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** BEGIN … COMMIT, or ROLLBACK when `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
