import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { kbArticles, kbCategories } from '../../../db/schema';
import type { KbArticle, KbCategory } from '../../shared/contract/knowledge-base';
import { newId } from '../../shared/ids';
import { CrmError, invalid, notFound } from '../errors';
import { mutate, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { looksLikeHtml, sanitizeNote } from './notes-html';
import { toFtsQuery } from './search';

type ArticleRow = typeof kbArticles.$inferSelect;
type CategoryRow = typeof kbCategories.$inferSelect;

const toCategory = (row: CategoryRow): KbCategory => ({ ...row });

export function listCategories(db: CrmDb): KbCategory[] {
  return db.orm
    .select()
    .from(kbCategories)
    .where(eq(kbCategories.deleted, false))
    .orderBy(asc(kbCategories.position), asc(kbCategories.nameEn))
    .all()
    .map(toCategory);
}

function categoryRow(db: CrmDb, id: string): CategoryRow {
  const row = db.orm.select().from(kbCategories).where(eq(kbCategories.id, id)).get();
  if (!row) throw notFound('entity.kb_category');
  return row;
}

export function saveCategory(
  db: CrmDb,
  input: { id?: string | undefined; nameEn: string; nameEs: string; position?: number | undefined },
  options: WriteOptions = {},
): KbCategory {
  const { id: given, ...values } = input;
  if (given) categoryRow(db, given);
  const id = given ?? newId();
  const position = values.position ?? (given ? undefined : listCategories(db).length);
  mutate(
    db,
    {
      table: 'kb_categories',
      op: given ? 'update' : 'insert',
      id,
      values: { ...values, ...(position !== undefined ? { position } : {}) },
    },
    options,
  );
  return toCategory(categoryRow(db, id));
}

/**
 * Moves a category to the trash; its articles stay, without a category (in the same change, so
 * no article points at a category nobody can pick or filter by).
 */
export function deleteCategory(db: CrmDb, id: string, options: WriteOptions = {}): KbCategory {
  categoryRow(db, id);
  const articles = db.orm
    .select({ id: kbArticles.id })
    .from(kbArticles)
    .where(and(eq(kbArticles.categoryId, id), eq(kbArticles.deleted, false)))
    .all();
  mutate(
    db,
    [
      { table: 'kb_categories', op: 'delete', id },
      ...articles.map((a) => ({
        table: 'kb_articles' as const,
        op: 'update' as const,
        id: a.id,
        values: { categoryId: null },
      })),
    ],
    options,
  );
  return toCategory(categoryRow(db, id));
}

function toArticles(db: CrmDb, rows: ArticleRow[]): KbArticle[] {
  const groups = [...new Set(rows.map((r) => r.groupId))];
  const siblings = groups.length
    ? db.orm
        .select({ id: kbArticles.id, groupId: kbArticles.groupId, locale: kbArticles.locale })
        .from(kbArticles)
        .where(and(inArray(kbArticles.groupId, groups), eq(kbArticles.deleted, false)))
        .all()
    : [];
  return rows.map((row) => ({
    ...row,
    locale: row.locale as KbArticle['locale'],
    status: row.status as KbArticle['status'],
    translations: siblings
      .filter((s) => s.groupId === row.groupId && s.id !== row.id)
      .map((s) => ({ locale: s.locale as KbArticle['locale'], id: s.id })),
  }));
}

function articleRow(db: CrmDb, id: string): ArticleRow {
  const row = db.orm.select().from(kbArticles).where(eq(kbArticles.id, id)).get();
  if (!row) throw notFound('entity.kb_article');
  return row;
}

export function getArticle(db: CrmDb, id: string): KbArticle {
  return toArticles(db, [articleRow(db, id)])[0]!;
}

export function listArticles(
  db: CrmDb,
  input: {
    locale?: string | undefined;
    categoryId?: string | undefined;
    status?: string | undefined;
    query?: string | undefined;
    limit?: number | undefined;
  },
): KbArticle[] {
  const where: SQL[] = [eq(kbArticles.deleted, false)];
  if (input.locale) where.push(eq(kbArticles.locale, input.locale));
  if (input.categoryId) where.push(eq(kbArticles.categoryId, input.categoryId));
  if (input.status) where.push(eq(kbArticles.status, input.status));
  const fts = input.query ? toFtsQuery(input.query) : null;
  if (fts)
    where.push(sql`${kbArticles.id} IN (SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
      WHERE search_index MATCH ${fts} AND d.type = 'kb_article')`);
  const rows = db.orm
    .select()
    .from(kbArticles)
    .where(and(...where))
    .orderBy(asc(kbArticles.title), asc(kbArticles.id))
    .limit(input.limit ?? 200)
    .all();
  return toArticles(db, rows);
}

function checkCategory(db: CrmDb, categoryId: string | null | undefined): void {
  if (!categoryId) return;
  const row = db.orm
    .select({ deleted: kbCategories.deleted })
    .from(kbCategories)
    .where(eq(kbCategories.id, categoryId))
    .get();
  if (!row || row.deleted) throw invalid([{ path: ['categoryId'], key: 'validation.invalid_value' }]);
}

export function createArticle(
  db: CrmDb,
  input: {
    locale: 'en' | 'es';
    title: string;
    body?: string | undefined;
    categoryId?: string | null | undefined;
    status?: 'draft' | 'published' | undefined;
    translationOf?: string | undefined;
  },
  options: WriteOptions = {},
): KbArticle {
  checkCategory(db, input.categoryId);
  let groupId = newId();
  let categoryId = input.categoryId ?? null;
  if (input.translationOf) {
    const original = articleRow(db, input.translationOf);
    if (original.deleted) throw invalid([{ path: ['translationOf'], key: 'validation.invalid_value' }]);
    const taken = db.orm
      .select({ id: kbArticles.id })
      .from(kbArticles)
      .where(
        and(
          eq(kbArticles.groupId, original.groupId),
          eq(kbArticles.locale, input.locale),
          eq(kbArticles.deleted, false),
        ),
      )
      .get();
    if (taken)
      throw new CrmError('conflict', 'errors.kb_translation_exists', {}, [
        { path: ['locale'], key: 'errors.kb_translation_exists' },
      ]);
    groupId = original.groupId;
    if (input.categoryId === undefined) categoryId = original.categoryId;
  }
  const id = newId();
  mutate(
    db,
    {
      table: 'kb_articles',
      op: 'insert',
      id,
      values: {
        groupId,
        locale: input.locale,
        title: input.title,
        body: sanitizeNote(input.body ?? ''),
        categoryId,
        status: input.status ?? 'draft',
      },
    },
    options,
  );
  return getArticle(db, id);
}

export function updateArticle(
  db: CrmDb,
  id: string,
  patch: Record<string, unknown>,
  options: WriteOptions = {},
): KbArticle {
  articleRow(db, id);
  checkCategory(db, patch.categoryId as string | null | undefined);
  const values = { ...patch };
  if (typeof values.body === 'string') values.body = sanitizeNote(values.body);
  mutate(db, { table: 'kb_articles', op: 'update', id, values }, options);
  return getArticle(db, id);
}

export function deleteArticle(db: CrmDb, id: string, options: WriteOptions = {}): KbArticle {
  articleRow(db, id);
  mutate(db, { table: 'kb_articles', op: 'delete', id }, options);
  return getArticle(db, id);
}

/**
 * An article's braces as HTML character references: the reply is merged as a template, and an
 * article that shows "{{contact.first_name}}" (say, one about templates) must reach the customer as
 * written, not be merged or refused as an unknown field. The reader sees the same characters.
 */
const literalBraces = (html: string) => html.replace(/\{/g, '&#123;').replace(/\}/g, '&#125;');

/** Articles as HTML to append to a ticket reply: a heading and the text of each, braces literal. */
export function articlesForReply(db: CrmDb, ids: string[]): string[] {
  return ids.map((id, i) => {
    const row = db.orm.select().from(kbArticles).where(eq(kbArticles.id, id)).get();
    if (!row || row.deleted) throw invalid([{ path: ['articleIds', i], key: 'validation.invalid_value' }]);
    const title = row.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const body = looksLikeHtml(row.body)
      ? row.body
      : row.body
          .split(/\n{2,}/)
          .map((para) => `<p>${para.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`)
          .join('');
    return literalBraces(`<h3>${title}</h3>${body}`);
  });
}
