import { z } from 'zod';
import { idInput, idSchema, limitSchema, recordMeta } from './common';
import { defineMethod } from './define';

export const KB_LOCALES = ['en', 'es'] as const;
export const KB_STATUSES = ['draft', 'published'] as const;

export const kbCategorySchema = z.object({
  ...recordMeta,
  nameEn: z.string(),
  nameEs: z.string(),
  position: z.number(),
});
export type KbCategory = z.infer<typeof kbCategorySchema>;

export const kbArticleSchema = z.object({
  ...recordMeta,
  groupId: z.string(),
  locale: z.enum(KB_LOCALES),
  categoryId: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  status: z.enum(KB_STATUSES),
  /** The other languages this article is written in: { locale, id }. */
  translations: z.array(z.object({ locale: z.enum(KB_LOCALES), id: z.string() })),
});
export type KbArticle = z.infer<typeof kbArticleSchema>;

const title = z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.too_long' });
const body = z.string().max(200_000, { error: 'validation.too_long' });
const catName = z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' });

export const knowledgeBaseMethods = {
  'knowledgeBase.categories': defineMethod({
    summary: 'Knowledge-base categories, named in English and Spanish.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(kbCategorySchema) }),
  }),
  'knowledgeBase.saveCategory': defineMethod({
    summary: 'Create (no id) or rename a knowledge-base category.',
    input: z.strictObject({
      id: idSchema.optional(),
      nameEn: catName,
      nameEs: catName,
      position: z.number().int().optional(),
    }),
    output: kbCategorySchema,
  }),
  'knowledgeBase.deleteCategory': defineMethod({
    summary: 'Move a category to the trash; its articles stay, without a category.',
    input: idInput,
    output: kbCategorySchema,
  }),
  'knowledgeBase.list': defineMethod({
    summary: 'Articles by title, optionally of one language, category or status, or matching words.',
    input: z.strictObject({
      locale: z.enum(KB_LOCALES).optional(),
      categoryId: idSchema.optional(),
      status: z.enum(KB_STATUSES).optional(),
      query: z.string().max(200, { error: 'validation.too_long' }).optional(),
      limit: limitSchema.optional(),
    }),
    output: z.object({ items: z.array(kbArticleSchema) }),
  }),
  'knowledgeBase.get': defineMethod({
    summary: 'One article with its translations.',
    input: idInput,
    output: kbArticleSchema,
  }),
  'knowledgeBase.create': defineMethod({
    summary: 'Write an article in one language; `translationOf` makes it the translation of another article.',
    input: z.strictObject({
      locale: z.enum(KB_LOCALES, { error: 'validation.invalid_value' }),
      title,
      body: body.optional(),
      categoryId: idSchema.nullable().optional(),
      status: z.enum(KB_STATUSES, { error: 'validation.invalid_value' }).optional(),
      translationOf: idSchema.optional(),
    }),
    output: kbArticleSchema,
  }),
  'knowledgeBase.update': defineMethod({
    summary: 'Change an article: title, text, category, draft or published.',
    input: z.strictObject({
      id: idSchema,
      title: title.optional(),
      body: body.optional(),
      categoryId: idSchema.nullable().optional(),
      status: z.enum(KB_STATUSES, { error: 'validation.invalid_value' }).optional(),
    }),
    output: kbArticleSchema,
  }),
  'knowledgeBase.delete': defineMethod({
    summary: 'Move an article to the trash.',
    input: idInput,
    output: kbArticleSchema,
  }),
};
