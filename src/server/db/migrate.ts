import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlDatabase } from './database';

export function serverMigrationsDir(): string {
  return fileURLToPath(new URL('../../../db/server/migrations', import.meta.url));
}

/** Any constant: the advisory lock that keeps two instances from migrating at once. */
const MIGRATION_LOCK = 7_201_001;

/**
 * Applies db/server/migrations/*.sql in name order, each once, each in its own transaction, and
 * records them in server_migrations. Returns the names applied now.
 */
export async function migrate(db: SqlDatabase, dir = serverMigrationsDir()): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS server_migrations (name text PRIMARY KEY, applied_at bigint NOT NULL)');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const applied: string[] = [];
  for (const name of files) {
    const sql = readFileSync(join(dir, name), 'utf8');
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const seen = await tx.query('SELECT 1 FROM server_migrations WHERE name = $1', [name]);
      if (seen.length > 0) return false;
      // Statements split on ";" at line ends: migrations are plain DDL without functions.
      for (const statement of sql.split(/;\s*$/m)) {
        if (statement.replace(/--.*$/gm, '').trim()) await tx.query(statement);
      }
      await tx.query('INSERT INTO server_migrations (name, applied_at) VALUES ($1, $2)', [name, Date.now()]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
