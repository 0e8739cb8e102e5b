import type { SearchHit, SearchType } from '../../shared/contract/search';
import type { CrmDb } from '../db/open';
import { HISTORY_DOC_BASE, HISTORY_TYPES } from '../db/search-index';

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

/**
 * Records (contacts, companies, deals) are ranked by bm25; history (activities, notes) comes
 * newest first. Each is one rowid band of the index (see HISTORY_DOC_BASE), so a short prefix
 * that matches 50k activities costs a few rows of them, not 50k scores.
 */
function statement(db: CrmDb, band: 'records' | 'history', withTypes: number) {
  let map = cache.get(db);
  if (!map) cache.set(db, (map = new Map()));
  const key = `${band}:${withTypes}`;
  let stmt = map.get(key);
  if (!stmt) {
    const typeFilter = withTypes ? `AND d.type IN (${Array(withTypes).fill('?').join(', ')})` : '';
    const range = band === 'records' ? `s.rowid < ${HISTORY_DOC_BASE}` : `s.rowid >= ${HISTORY_DOC_BASE}`;
    // Rank first, then fetch: the titles and record ids are read for the `limit` best hits only,
    // not for every match of a short prefix ("mar" matches a fifth of a 100k book).
    stmt = db.sqlite.prepare(`
      WITH top AS (
        SELECT s.rowid AS doc_id, bm25(search_index, 10.0, 3.0, 1.0) AS rank
        FROM search_index s ${withTypes ? 'JOIN search_doc d ON d.doc_id = s.rowid' : ''}
        WHERE search_index MATCH ? AND ${range} ${typeFilter}
        ORDER BY ${band === 'records' ? 'rank' : 's.rowid DESC'}
        LIMIT ?)
      SELECT d.type AS type, d.entity_id AS id, s.title AS title, s.subtitle AS subtitle, -top.rank AS score
      FROM top JOIN search_doc d ON d.doc_id = top.doc_id JOIN search_index s ON s.rowid = top.doc_id
      ORDER BY ${band === 'records' ? 'top.rank' : 'top.doc_id DESC'}`);
    map.set(key, stmt);
  }
  return stmt;
}

export function searchQuery(db: CrmDb, input: { query: string; limit?: number; types?: SearchType[] }): SearchHit[] {
  const fts = toFtsQuery(input.query);
  if (!fts) return [];
  const limit = input.limit ?? 20;
  const types = input.types ?? [];
  const records = types.filter((t) => !HISTORY_TYPES.has(t));
  const history = types.filter((t) => HISTORY_TYPES.has(t));
  // Records first (ranked), then the newest activities and notes fill the rest.
  const hits =
    types.length && !records.length
      ? []
      : (statement(db, 'records', records.length).all(fts, ...records, limit) as SearchHit[]);
  if (hits.length < limit && (!types.length || history.length)) {
    hits.push(...(statement(db, 'history', history.length).all(fts, ...history, limit - hits.length) as SearchHit[]));
  }
  return hits;
}
