import type { SearchHit, SearchType } from '../../shared/contract/search';
import type { CrmDb } from '../db/open';

/**
 * Turns what a person typed into an FTS5 query: every word becomes a quoted prefix term (so no
 * FTS syntax can be injected), and a phone-like input collapses to its digits so "+34 600 11"
 * finds +34600111222.
 */
export function toFtsQuery(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  if (/^[+\d\s().-]+$/.test(trimmed) && /\d{3}/.test(trimmed.replace(/\D/g, ''))) {
    return `"${trimmed.replace(/\D/g, '')}"*`;
  }
  const words = trimmed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return null;
  // A query of one or two letters matches a large part of a big book; while a name is being
  // typed it is its first letters that matter, so such a query looks in titles only.
  if (words.length === 1 && words[0]!.length <= 2) return `title : "${words[0]}"*`;
  return words.map((w) => `"${w}"*`).join(' ');
}

const cache = new WeakMap<CrmDb, Map<string, import('better-sqlite3').Statement>>();

function statement(db: CrmDb, withTypes: number) {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  const key = String(withTypes);
  let stmt = map.get(key);
  if (!stmt) {
    const typeFilter = withTypes ? `AND d.type IN (${Array(withTypes).fill('?').join(', ')})` : '';
    // Rank first, then fetch: the titles and record ids are read for the `limit` best hits only,
    // not for every match of a short prefix ("mar" matches a fifth of a 100k book).
    stmt = db.sqlite.prepare(`
      WITH top AS (
        SELECT s.rowid AS doc_id, bm25(search_index, 10.0, 3.0, 1.0) AS rank
        FROM search_index s ${withTypes ? 'JOIN search_doc d ON d.doc_id = s.rowid' : ''}
        WHERE search_index MATCH ? ${typeFilter}
        ORDER BY rank
        LIMIT ?)
      SELECT d.type AS type, d.entity_id AS id, s.title AS title, s.subtitle AS subtitle, -top.rank AS score
      FROM top JOIN search_doc d ON d.doc_id = top.doc_id JOIN search_index s ON s.rowid = top.doc_id
      ORDER BY top.rank`);
    map.set(key, stmt);
  }
  return stmt;
}

export function searchQuery(db: CrmDb, input: { query: string; limit?: number; types?: SearchType[] }): SearchHit[] {
  const fts = toFtsQuery(input.query);
  if (!fts) return [];
  const types = input.types ?? [];
  return statement(db, types.length).all(fts, ...types, input.limit ?? 20) as SearchHit[];
}
