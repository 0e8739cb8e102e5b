import { z } from 'zod';
import { idSchema, limitSchema } from './common';
import { fieldInfoSchema, filterGroupSchema, sortSpecSchema } from './filters';

/** The input of every record list: words, the filter builder's tree, sorts, quick filters and a page. */
export const recordListInput = z.strictObject({
  /** Words: prefix- and accent-insensitive, over everything the search index holds. */
  query: z.string().trim().max(200, { error: 'validation.too_long' }).optional(),
  filter: filterGroupSchema.optional(),
  /** One sort (fast keyset pages) or several, applied in order. */
  sort: z.union([sortSpecSchema, z.array(sortSpecSchema).min(1).max(5)]).optional(),
  cursor: z.string().max(2000).optional(),
  limit: limitSchema.optional(),
  /** List the trash (deleted records) instead of the live ones. */
  trash: z.boolean().optional(),
  /** "Mine": a member id, or "me". */
  ownerId: z.union([idSchema, z.literal('me')]).optional(),
  tagId: idSchema.optional(),
  /** Only these records (recently viewed, a selection). */
  ids: z.array(idSchema).max(1000, { error: 'validation.too_big' }).optional(),
});
export type RecordListInput = z.input<typeof recordListInput>;

export const fieldsOutput = z.object({ items: z.array(fieldInfoSchema) });
