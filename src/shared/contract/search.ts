import { z } from 'zod';
import { defineMethod } from './define';

export const SEARCH_TYPES = [
  'contact',
  'company',
  'deal',
  'activity',
  'note',
  'ticket',
  'kb_article',
  'campaign',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const searchHitSchema = z.object({
  type: z.enum(SEARCH_TYPES),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  /** Higher is better (negated bm25). */
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

export const searchMethods = {
  'search.query': defineMethod({
    summary:
      'Full-text search over every record: prefix- and accent-insensitive ("jose gar" finds "José García"), emails and phone digits, best first.',
    input: z.strictObject({
      query: z.string().max(200, { error: 'validation.too_long' }),
      limit: z.number().int().min(1).max(100).optional(),
      types: z.array(z.enum(SEARCH_TYPES)).optional(),
    }),
    output: z.object({ hits: z.array(searchHitSchema) }),
  }),
};
