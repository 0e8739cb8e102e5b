import { z } from 'zod';
import { idInput, idSchema, recordMeta } from './common';
import { defineMethod } from './define';

export const TAGGABLE = ['contacts', 'companies', 'deals'] as const;
export type Taggable = (typeof TAGGABLE)[number];

export const tagSchema = z.object({
  ...recordMeta,
  name: z.string(),
  color: z.string().nullable(),
});
export type Tag = z.infer<typeof tagSchema>;

const tagName = z.string().trim().min(1, { error: 'validation.required' }).max(60, { error: 'validation.too_long' });
const color = z
  .string()
  .regex(/^#[0-9a-f]{6}$/i, { error: 'validation.invalid_value' })
  .nullable()
  .optional();
const target = {
  entity: z.enum(TAGGABLE, { error: 'validation.invalid_value' }),
  ids: z.array(idSchema).min(1, { error: 'validation.required' }).max(10_000, { error: 'validation.too_big' }),
};

export const tagsMethods = {
  'tags.list': defineMethod({
    summary: 'Every tag, by name.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(tagSchema) }),
  }),
  'tags.create': defineMethod({
    summary: 'Create a tag; a tag with the same name (ignoring case and accents) is returned instead of a twin.',
    input: z.strictObject({ name: tagName, color }),
    output: tagSchema,
  }),
  'tags.update': defineMethod({
    summary: 'Rename or recolour a tag: it changes everywhere it is used.',
    input: z.strictObject({ id: idSchema, name: tagName.optional(), color }),
    output: tagSchema,
  }),
  'tags.delete': defineMethod({
    summary: 'Delete a tag (restorable from the trash).',
    input: idInput,
    output: tagSchema,
  }),
  'tags.apply': defineMethod({
    summary: 'Tag many records at once (bulk action); records already tagged are left as they are.',
    input: z.strictObject({ tagId: idSchema, ...target }),
    output: z.object({ changed: z.number().int() }),
  }),
  'tags.remove': defineMethod({
    summary: 'Remove a tag from many records at once.',
    input: z.strictObject({ tagId: idSchema, ...target }),
    output: z.object({ changed: z.number().int() }),
  }),
  'tags.of': defineMethod({
    summary: 'The tags of one record.',
    input: z.strictObject({ entity: target.entity, id: idSchema }),
    output: z.object({ items: z.array(tagSchema) }),
  }),
};
