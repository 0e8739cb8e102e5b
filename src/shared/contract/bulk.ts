import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../domain/contact';
import { idSchema } from './common';
import { defineMethod } from './define';

const ids = z.array(idSchema).min(1, { error: 'validation.required' }).max(100_000, { error: 'validation.too_big' });

/** Fields a bulk action may set on many records at once. */
export const bulkPatchSchema = z
  .strictObject({
    ownerId: idSchema.nullable().optional(),
    lifecycleStage: z.enum(LIFECYCLE_STAGES, { error: 'validation.invalid_value' }).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { error: 'validation.required' });

const changed = z.object({ changed: z.number().int() });

const bulkUpdate = (noun: string) =>
  defineMethod({
    summary: `Set the owner or lifecycle stage of many ${noun} at once: all or none.`,
    input: z.strictObject({ ids, patch: bulkPatchSchema }),
    output: changed,
  });
const bulkDelete = (noun: string) =>
  defineMethod({
    summary: `Move many ${noun} to the trash at once (all or none).`,
    input: z.strictObject({ ids }),
    output: changed,
  });
const bulkRestore = (noun: string) =>
  defineMethod({
    summary: `Bring many ${noun} back from the trash at once (all or none).`,
    input: z.strictObject({ ids }),
    output: changed,
  });

export const bulkMethods = {
  'contacts.bulkUpdate': bulkUpdate('contacts'),
  'contacts.bulkDelete': bulkDelete('contacts'),
  'contacts.bulkRestore': bulkRestore('contacts'),
  'companies.bulkUpdate': bulkUpdate('companies'),
  'companies.bulkDelete': bulkDelete('companies'),
  'companies.bulkRestore': bulkRestore('companies'),
};
