import { z } from 'zod';

export const idSchema = z.uuid({ error: 'validation.invalid_value' });
export const idInput = z.strictObject({ id: idSchema });

/** Columns every synced record carries (see ARCHITECTURE.md, "Data and the write path"). */
export const recordMeta = {
  id: z.string(),
  deleted: z.boolean(),
  mergedInto: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  custom: z.record(z.string(), z.unknown()),
};

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const limitSchema = z
  .number({ error: 'validation.invalid_type' })
  .int()
  .min(1, { error: 'validation.too_small' })
  .max(500, { error: 'validation.too_big' });

export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: 'validation.too_long' }).nullable().optional();

export const isoDate = z.iso.date({ error: 'validation.invalid_date' });
