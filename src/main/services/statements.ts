import type { Statement } from 'better-sqlite3';
import type { CrmDb } from '../db/open';

const statements = new WeakMap<CrmDb, Map<string, Statement>>();

/**
 * A statement prepared once per open book and kept by its text. For the reads a person waits on
 * (a timeline page, the tasks inbox, a calendar month) parsing and planning the SQL costs about as
 * much as running it on an index range. Only for a fixed set of texts: the cache is never trimmed.
 */
export function cachedStatement(db: CrmDb, sql: string): Statement {
  let perDb = statements.get(db);
  if (!perDb) statements.set(db, (perDb = new Map()));
  let stmt = perDb.get(sql);
  if (!stmt) perDb.set(sql, (stmt = db.sqlite.prepare(sql)));
  return stmt;
}
