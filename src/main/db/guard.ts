import { ENTITY_NAMES } from './entities';
import type { CrmDb } from './open';

export const GUARD_MESSAGE = 'synced tables are written only through the mutation layer';

/**
 * Temporary triggers (per connection, nothing stored in the book) that abort any insert, update
 * or delete of a synced table unless the mutation layer holds the write permit. This is what
 * makes "one write path" a fact rather than a convention.
 */
export function installWriteGuard(db: CrmDb): void {
  db.sqlite.function('crm_write_permitted', { deterministic: false, varargs: false }, () =>
    db.writePermit > 0 ? 1 : 0,
  );
  const statements: string[] = [];
  for (const table of ENTITY_NAMES) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      statements.push(
        `CREATE TEMP TRIGGER IF NOT EXISTS guard_${table}_${op.toLowerCase()} BEFORE ${op} ON main.${table}
         WHEN crm_write_permitted() = 0 BEGIN SELECT RAISE(ABORT, '${GUARD_MESSAGE}'); END;`,
      );
    }
  }
  db.sqlite.exec(statements.join('\n'));
}
