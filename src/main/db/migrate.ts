import type Database from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { foldText } from '../../shared/domain/text';
import { CrmError } from '../errors';

/**
 * Brings the book to the schema this build knows. The schema version is the number of
 * migrations applied, kept in PRAGMA user_version. A book from a newer build is refused before
 * anything is touched; an existing book is copied aside before any migration runs.
 * Returns the schema version.
 */
export function migrateDatabase(sqlite: Database.Database, path: string, migrationsFolder: string): number {
  const migrations = readMigrationFiles({ migrationsFolder });
  const known = migrations.length;
  const found = sqlite.pragma('user_version', { simple: true }) as number;

  if (found > known) throw new CrmError('conflict', 'errors.db_newer', { found, known });
  if (found === 0 && hasForeignTables(sqlite)) throw new CrmError('invalid_input', 'errors.db_not_crm', { path });
  if (found === known) return known;

  if (found > 0 && path !== ':memory:') backupBeforeMigration(sqlite, path, found);

  // Backfills in migrations fold text exactly as the app does (accents and case), which plain
  // SQL cannot: the same function, registered for this connection.
  sqlite.function('crm_fold_text', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? foldText(value) : '',
  );

  const apply = sqlite.transaction(() => {
    for (const migration of migrations.slice(found)) {
      for (const statement of migration.sql) {
        if (statement.trim()) sqlite.exec(statement);
      }
    }
    sqlite.pragma(`user_version = ${known}`);
  });
  apply();
  return known;
}

/** A consistent copy made with VACUUM INTO, next to the book in backups/. */
export function backupBeforeMigration(sqlite: Database.Database, path: string, version: number): string {
  const dir = join(dirname(path), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${basename(path).replace(/\.[^.]+$/, '')}-pre-migration-v${version}-${stamp}.sqlite`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}

function hasForeignTables(sqlite: Database.Database): boolean {
  const row = sqlite
    .prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .get() as { n: number };
  return row.n > 0;
}
