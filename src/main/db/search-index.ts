import type Database from 'better-sqlite3';
import type { SearchType } from '../../shared/contract/search';
import type { SearchDocument } from './entities';
import type { CrmDb } from './open';

interface SearchStatements {
  find: Database.Statement;
  lastInBand: Database.Statement;
  insertDoc: Database.Statement;
  insertFts: Database.Statement;
  deleteDoc: Database.Statement;
  deleteFts: Database.Statement;
}

/**
 * Doc ids come in two bands: contacts, companies and deals below HISTORY_DOC_BASE, activities and
 * notes (a record's history, by far the most rows) from it on. A rowid range is a cheap cut of an
 * FTS5 match, so a search ranks the records without scoring every activity that mentions a name.
 */
export const HISTORY_DOC_BASE = 2 ** 40;
export const HISTORY_TYPES: ReadonlySet<SearchType> = new Set<SearchType>(['activity', 'note']);

const cache = new WeakMap<CrmDb, SearchStatements>();

function statements(db: CrmDb): SearchStatements {
  let s = cache.get(db);
  if (!s) {
    s = {
      find: db.sqlite.prepare('SELECT doc_id FROM search_doc WHERE entity_id = ?').pluck(),
      lastInBand: db.sqlite
        .prepare('SELECT coalesce(max(doc_id), @from - 1) FROM search_doc WHERE doc_id >= @from AND doc_id < @to')
        .pluck(),
      insertDoc: db.sqlite.prepare('INSERT INTO search_doc (doc_id, type, entity_id) VALUES (?, ?, ?)'),
      insertFts: db.sqlite.prepare('INSERT INTO search_index (rowid, title, subtitle, body) VALUES (?, ?, ?, ?)'),
      deleteDoc: db.sqlite.prepare('DELETE FROM search_doc WHERE doc_id = ?'),
      deleteFts: db.sqlite.prepare('DELETE FROM search_index WHERE rowid = ?'),
    };
    cache.set(db, s);
  }
  return s;
}

/**
 * The next free doc id of each band, read once per batch of index writes (under the write lock,
 * since batches are applied at the end of a write transaction) rather than once per record.
 */
export type DocIdAllocator = (type: SearchType) => number;

export function docIdAllocator(db: CrmDb): DocIdAllocator {
  const s = statements(db);
  const next = new Map<boolean, number>();
  return (type) => {
    const history = HISTORY_TYPES.has(type);
    let id = next.get(history);
    if (id === undefined) {
      const band = history
        ? { from: HISTORY_DOC_BASE, to: Number.MAX_SAFE_INTEGER }
        : { from: 1, to: HISTORY_DOC_BASE };
      id = (s.lastInBand.get(band) as number) + 1;
    }
    next.set(history, id + 1);
    return id;
  };
}

/** Writes (or rewrites) the index entry of one record. Called only by the mutation layer. */
export function writeSearchDoc(
  db: CrmDb,
  type: SearchType,
  entityId: string,
  doc: SearchDocument,
  mayExist: boolean,
  allocate: DocIdAllocator = docIdAllocator(db),
): void {
  const s = statements(db);
  if (mayExist) removeFromSearch(db, entityId);
  const docId = allocate(type);
  s.insertDoc.run(docId, type, entityId);
  s.insertFts.run(docId, doc.title, doc.subtitle, doc.body);
}

export function removeFromSearch(db: CrmDb, entityId: string): void {
  const s = statements(db);
  for (const docId of s.find.all(entityId) as number[]) {
    s.deleteFts.run(docId);
    s.deleteDoc.run(docId);
  }
}
