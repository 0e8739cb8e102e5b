import { z } from 'zod';
import { idSchema } from './common';
import { defineMethod } from './define';

export const DUPLICATE_ENTITIES = ['contacts', 'companies'] as const;
export const DUPLICATE_REASONS = ['same_email', 'same_phone', 'same_name_company', 'same_domain', 'same_name'] as const;

export const duplicateCandidateSchema = z.object({
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});

export const duplicateGroupSchema = z.object({
  ids: z.array(z.string()),
  records: z.array(duplicateCandidateSchema),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

const entity = z.enum(DUPLICATE_ENTITIES, { error: 'validation.invalid_value' });

export const duplicatesMethods = {
  'duplicates.check': defineMethod({
    summary:
      'Likely duplicates of a record being created or edited: same email or phone, similar name at the same company (companies: same domain or name).',
    input: z.strictObject({
      entity,
      excludeId: idSchema.optional(),
      firstName: z.string().max(100).optional(),
      lastName: z.string().max(100).optional(),
      name: z.string().max(200).optional(),
      domain: z.string().max(253).optional(),
      emails: z.array(z.string().max(320)).max(20).optional(),
      phones: z.array(z.string().max(40)).max(20).optional(),
      companyIds: z.array(idSchema).max(20).optional(),
    }),
    output: z.object({ candidates: z.array(duplicateCandidateSchema) }),
  }),
  'duplicates.groups': defineMethod({
    summary: 'Groups of likely duplicates across the whole book, largest first.',
    input: z.strictObject({ entity, limit: z.number().int().min(1).max(5000).optional() }),
    output: z.object({ groups: z.array(duplicateGroupSchema), total: z.number().int() }),
  }),
  'duplicates.merge': defineMethod({
    summary:
      'Merge records into a survivor: `fields` says which record each field is taken from; relations, activities, notes, tags and custom values move to the survivor and the others point to it (`mergedInto`).',
    input: z.strictObject({
      entity,
      survivorId: idSchema,
      mergedIds: z.array(idSchema).min(1, { error: 'validation.required' }).max(20, { error: 'validation.too_big' }),
      fields: z.record(z.string(), idSchema).optional(),
    }),
    output: z.object({ mergeId: z.string(), survivorId: z.string() }),
  }),
  'duplicates.undoMerge': defineMethod({
    summary: 'Undo a merge: the merged records come back and the survivor gets its own values and relations back.',
    input: z.strictObject({ mergeId: idSchema }),
    output: z.object({ restoredIds: z.array(z.string()) }),
  }),
};
