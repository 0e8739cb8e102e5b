import { z } from 'zod';
import { idInput, idSchema, recordMeta } from './common';
import { defineMethod } from './define';
import { filterGroupSchema, sortSpecSchema } from './filters';

export const VIEW_ENTITIES = ['contacts', 'companies', 'deals'] as const;

export const viewConfigSchema = z.strictObject({
  query: z.string().max(200).optional(),
  filter: filterGroupSchema.optional(),
  sort: z.array(sortSpecSchema).max(5).optional(),
  /** Visible columns in order, with their width in pixels. */
  columns: z
    .array(z.strictObject({ field: z.string().min(1).max(100), width: z.number().int().min(40).max(2000).optional() }))
    .max(100)
    .optional(),
  ownerId: z.string().optional(),
  tagId: z.string().optional(),
});

export const savedViewSchema = z.object({
  ...recordMeta,
  entity: z.enum(VIEW_ENTITIES),
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.string().nullable(),
  config: viewConfigSchema,
  position: z.number(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

const name = z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' });

export const viewsMethods = {
  'views.list': defineMethod({
    summary: "Saved views of a list: the workspace's shared ones and your personal ones.",
    input: z.strictObject({ entity: z.enum(VIEW_ENTITIES, { error: 'validation.invalid_value' }) }),
    output: z.object({ items: z.array(savedViewSchema) }),
  }),
  'views.create': defineMethod({
    summary: 'Save the current filters, sorts and columns as a view, personal or shared.',
    input: z.strictObject({
      entity: z.enum(VIEW_ENTITIES, { error: 'validation.invalid_value' }),
      name,
      shared: z.boolean().optional(),
      config: viewConfigSchema,
    }),
    output: savedViewSchema,
  }),
  'views.update': defineMethod({
    summary: 'Rename a view, share or unshare it, or save new settings into it.',
    input: z.strictObject({
      id: idSchema,
      name: name.optional(),
      shared: z.boolean().optional(),
      config: viewConfigSchema.optional(),
      position: z.number().optional(),
    }),
    output: savedViewSchema,
  }),
  'views.delete': defineMethod({ summary: 'Delete a saved view.', input: idInput, output: savedViewSchema }),
  'recent.add': defineMethod({
    summary: 'Note that a record was opened on this device (for "recently viewed").',
    input: z.strictObject({ entity: z.enum(VIEW_ENTITIES), id: idSchema }),
    output: z.object({ ok: z.boolean() }),
  }),
  'recent.list': defineMethod({
    summary: 'Ids of the records opened most recently on this device, newest first.',
    input: z.strictObject({ entity: z.enum(VIEW_ENTITIES), limit: z.number().int().min(1).max(200).optional() }),
    output: z.object({ ids: z.array(z.string()) }),
  }),
};
