import { z } from 'zod';
import { CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES } from '../domain/custom-fields';
import { idInput, idSchema, recordMeta } from './common';
import { defineMethod } from './define';

const optionSchema = z.strictObject({
  /** Omit for a new option; keep the id of an existing one when renaming it. */
  id: z.string().min(1).max(40).optional(),
  label: z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' }),
  color: z.string().max(20).optional(),
});

export const customFieldSchema = z.object({
  ...recordMeta,
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  /** Where values are stored in each record's `custom` object; never changes. */
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.object({ id: z.string(), label: z.string(), color: z.string().optional() })),
  position: z.number(),
  archived: z.boolean(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

const label = z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' });

export const customFieldsMethods = {
  'customFields.list': defineMethod({
    summary: 'The custom fields of an entity, in form order (archived ones only with `includeArchived`).',
    input: z.strictObject({
      entity: z.enum(CUSTOM_FIELD_ENTITIES, { error: 'validation.invalid_value' }),
      includeArchived: z.boolean().optional(),
    }),
    output: z.object({ items: z.array(customFieldSchema) }),
  }),
  'customFields.create': defineMethod({
    summary: 'Define a custom field. Select and multi-select fields need options.',
    input: z.strictObject({
      entity: z.enum(CUSTOM_FIELD_ENTITIES, { error: 'validation.invalid_value' }),
      label,
      type: z.enum(CUSTOM_FIELD_TYPES, { error: 'validation.invalid_value' }),
      options: z.array(optionSchema).max(200, { error: 'validation.too_big' }).optional(),
    }),
    output: customFieldSchema,
  }),
  'customFields.update': defineMethod({
    summary: 'Rename a field, edit its options (renamed options keep their values) or move it.',
    input: z.strictObject({
      id: idSchema,
      label: label.optional(),
      options: z.array(optionSchema).max(200, { error: 'validation.too_big' }).optional(),
      position: z.number().optional(),
    }),
    output: customFieldSchema,
  }),
  'customFields.delete': defineMethod({
    summary: 'Archive a field: it and its values are hidden, not erased; `customFields.restore` undoes it.',
    input: idInput,
    output: customFieldSchema,
  }),
  'customFields.restore': defineMethod({
    summary: 'Bring back an archived field with all its values.',
    input: idInput,
    output: customFieldSchema,
  }),
};
