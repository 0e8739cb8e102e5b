import { and, asc, count, desc, eq, getTableColumns, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { companies, contacts, deals } from '../../../db/schema';
import type { FilterGroup, SortSpec } from '../../shared/contract/filters';
import type { SearchType } from '../../shared/contract/search';
import { foldText } from '../../shared/domain/text';
import { invalid } from '../errors';
import type { CrmDb } from '../db/open';
import { decodeCursor, encodeCursor } from './cursor';
import { compileFilter, fieldCatalog, type FilterEntity } from './filters';
import { toFtsQuery } from './search';

/** What every record list accepts: words, the filter builder's tree, sorts, quick filters, a page. */
export interface ListQuery {
  query?: string | undefined;
  filter?: FilterGroup | undefined;
  sort?: SortSpec | SortSpec[] | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
  trash?: boolean | undefined;
  /** "Mine": a member id, or "me" for whoever uses this device. */
  ownerId?: string | undefined;
  tagId?: string | undefined;
  /** Only these records (recently viewed, a selection). */
  ids?: string[] | undefined;
  parentId?: string | undefined;
  /** Conditions of the entity's own quick filters (a deal's pipeline or stage), added by its service. */
  where?: SQL[] | undefined;
}

const TABLES = { contacts, companies, deals } as const;
const SEARCH_TYPE: Record<FilterEntity, SearchType> = { contacts: 'contact', companies: 'company', deals: 'deal' };
/** Sort columns that are never NULL can be compared raw, so their (deleted, column, id) index serves the page. */
const NOT_NULL_SORTS = new Set(['name', 'createdAt', 'updatedAt']);
const OFFSET_MARK = '#offset';

function whereOf(db: CrmDb, entity: FilterEntity, input: ListQuery, actor: string | null): SQL[] {
  const table = TABLES[entity];
  const where: SQL[] = [eq(table.deleted, input.trash ?? false)];
  // Merged-away records are not in the trash: they live on in their survivor.
  if (input.trash) where.push(isNull(table.mergedInto));
  if (input.query) {
    const fts = toFtsQuery(input.query);
    if (input.trash) {
      // Deleted records leave the search index; the trash is small, a scan of names is enough.
      where.push(like(table.nameSort, `%${foldText(input.query).replace(/[%_]/g, '')}%`));
    } else if (fts) {
      where.push(matchesSearch(table.id, SEARCH_TYPE[entity], fts));
    }
  }
  if (input.ownerId) where.push(eq(table.ownerId, input.ownerId === 'me' ? (actor ?? '') : input.ownerId));
  if (input.tagId) {
    where.push(sql`${table.id} IN (SELECT entity_id FROM taggings WHERE tag_id = ${input.tagId} AND deleted = 0)`);
  }
  if (input.ids) where.push(inArray(table.id, input.ids.length ? input.ids : ['']));
  if (input.parentId && entity === 'companies') where.push(eq(companies.parentId, input.parentId));
  if (input.where) where.push(...input.where);
  if (input.filter) {
    const compiled = compileFilter(db, entity, input.filter, actor);
    if (compiled) where.push(compiled);
  }
  return where;
}

/** `IN (ids matching the words)` against the one search index. */
function matchesSearch(id: SQLiteColumn, type: SearchType, fts: string): SQL {
  return sql`${id} IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
    WHERE search_index MATCH ${fts} AND d.type = ${type})`;
}

const SORT_VALUE = '__sortValue';
const statements = new WeakMap<CrmDb, Map<string, Statement>>();

/**
 * Runs a built query through a statement cached by its SQL text, and decodes the row with the
 * table's own column mappers. Lists ask the same few shapes of query again and again; preparing
 * each once saves most of a page's cost at 100k rows.
 */
function runCached(
  db: CrmDb,
  table: typeof contacts,
  query: { sql: string; params: unknown[] },
): Record<string, unknown>[] {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let stmt = cache.get(query.sql);
  if (!stmt) {
    stmt = db.sqlite.prepare(query.sql).raw();
    if (cache.size > 200) cache.clear();
    cache.set(query.sql, stmt);
  }
  const columns = Object.entries(getTableColumns(table));
  return (stmt.all(...query.params) as unknown[][]).map((values) => {
    const row: Record<string, unknown> = {};
    columns.forEach(([key, column], i) => {
      const value = values[i];
      row[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    });
    row[SORT_VALUE] = values[columns.length];
    return row;
  });
}

function sortsOf(input: ListQuery): SortSpec[] {
  const sorts = Array.isArray(input.sort) ? input.sort : input.sort ? [input.sort] : [];
  return sorts.length ? sorts : [{ field: 'name', direction: 'asc' }];
}

/**
 * A page of records. A single sort pages by keyset on (sort value, id), so every page costs one
 * index range at any depth; several sorts at once page by offset (still exact, slower deep down).
 */
export function queryRecords<E extends FilterEntity>(
  db: CrmDb,
  entity: E,
  input: ListQuery,
  actor: string | null,
): { rows: (typeof TABLES)[E]['$inferSelect'][]; nextCursor: string | null } {
  const table = TABLES[entity] as typeof contacts;
  const limit = input.limit ?? 50;
  const catalog = fieldCatalog(db, entity);
  const sorts = sortsOf(input);
  const exprs = sorts.map((s, i) => {
    const spec = catalog.get(s.field);
    if (!spec || !spec.sortable) {
      throw invalid([
        {
          path: ['sort', ...(Array.isArray(input.sort) ? [i] : []), 'field'],
          key: 'validation.unknown_key',
          params: { key: s.field },
        },
      ]);
    }
    if (NOT_NULL_SORTS.has(s.field)) return spec.expr as SQLiteColumn | SQL;
    // Blanks sort last either way: a huge number for numbers, '' (after every number) for text.
    if (spec.kind === 'number') return sql`coalesce(${spec.expr}, ${s.direction === 'desc' ? -1e308 : 1e308})`;
    return sql`coalesce(${spec.expr}, '')`;
  });
  const where = whereOf(db, entity, input, actor);

  if (sorts.length === 1) {
    const expr = exprs[0]!;
    const dir = sorts[0]!.direction;
    if (input.cursor) {
      const [value, id] = decodeCursor(input.cursor);
      where.push(sql`(${expr}, ${table.id}) ${sql.raw(dir === 'asc' ? '>' : '<')} (${value}, ${id})`);
    }
    const order = dir === 'asc' ? [asc(expr), asc(table.id)] : [desc(expr), desc(table.id)];
    const query = db.orm
      .select({ ...getTableColumns(table), [SORT_VALUE]: sql<string | number>`${expr}` })
      .from(table)
      .where(and(...where))
      .orderBy(...order)
      .limit(limit + 1);
    const rows = runCached(db, table, query.toSQL());
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      rows: page as (typeof TABLES)[E]['$inferSelect'][],
      nextCursor:
        rows.length > limit && last ? encodeCursor([last[SORT_VALUE] as string | number, last.id as string]) : null,
    };
  }

  let offset = 0;
  if (input.cursor) {
    const [value, mark] = decodeCursor(input.cursor);
    if (mark !== OFFSET_MARK || typeof value !== 'number')
      throw invalid([{ path: ['cursor'], key: 'validation.invalid_cursor' }]);
    offset = value;
  }
  const order = sorts.flatMap((s, i) => [s.direction === 'asc' ? asc(exprs[i]!) : desc(exprs[i]!)]);
  const rows = db.orm
    .select()
    .from(table)
    .where(and(...where))
    .orderBy(...order, asc(table.id))
    .limit(limit + 1)
    .offset(offset)
    .all();
  return {
    rows: rows.slice(0, limit),
    nextCursor: rows.length > limit ? encodeCursor([offset + limit, OFFSET_MARK]) : null,
  };
}

export function countRecords(db: CrmDb, entity: FilterEntity, input: ListQuery, actor: string | null): number {
  const table = TABLES[entity] as typeof contacts;
  return (
    db.orm
      .select({ n: count() })
      .from(table)
      .where(and(...whereOf(db, entity, input, actor)))
      .get()?.n ?? 0
  );
}
