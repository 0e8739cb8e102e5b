import { z } from 'zod';
import { idInput, idSchema, recordMeta } from './common';
import { defineMethod } from './define';

export const TEMPLATE_KINDS = ['email', 'letter'] as const;
export const TEMPLATE_LOCALES = ['en', 'es'] as const;
export const MERGE_ENTITIES = ['contacts', 'companies', 'deals'] as const;

export const templateSchema = z.object({
  ...recordMeta,
  name: z.string(),
  kind: z.enum(TEMPLATE_KINDS),
  locale: z.enum(TEMPLATE_LOCALES),
  subject: z.string(),
  body: z.string(),
});
export type Template = z.infer<typeof templateSchema>;

const fields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  kind: z.enum(TEMPLATE_KINDS, { error: 'validation.invalid_value' }),
  locale: z.enum(TEMPLATE_LOCALES, { error: 'validation.invalid_value' }),
  subject: z.string().max(500, { error: 'validation.too_long' }),
  body: z.string().max(200_000, { error: 'validation.too_long' }),
};

/** The record a template is merged against: its contact, company and deal fields are then known. */
export const mergeTargetSchema = z.strictObject({
  entityType: z.enum(MERGE_ENTITIES, { error: 'validation.invalid_value' }),
  entityId: idSchema,
});

export const templatesMethods = {
  'templates.list': defineMethod({
    summary: 'Templates by name, optionally of one kind or language.',
    input: z.strictObject({ kind: z.enum(TEMPLATE_KINDS).optional(), locale: z.enum(TEMPLATE_LOCALES).optional() }),
    output: z.object({ items: z.array(templateSchema) }),
  }),
  'templates.get': defineMethod({ summary: 'One template.', input: idInput, output: templateSchema }),
  'templates.create': defineMethod({
    summary: 'A new template; a merge field that does not exist is refused with its name.',
    input: z.strictObject({ ...fields, kind: fields.kind.optional(), locale: fields.locale.optional() }),
    output: templateSchema,
  }),
  'templates.update': defineMethod({
    summary: 'Change a template; merge fields are checked again.',
    input: z.strictObject({
      id: idSchema,
      name: fields.name.optional(),
      kind: fields.kind.optional(),
      locale: fields.locale.optional(),
      subject: fields.subject.optional(),
      body: fields.body.optional(),
    }),
    output: templateSchema,
  }),
  'templates.delete': defineMethod({
    summary: 'Move a template to the trash.',
    input: idInput,
    output: templateSchema,
  }),
  'templates.fields': defineMethod({
    summary: 'The merge fields a template may use: `{{contact.first_name}}`, `{{deal.amount}}`, custom fields, ...',
    input: z.strictObject({}),
    output: z.object({ fields: z.array(z.object({ token: z.string(), entity: z.string(), custom: z.boolean() })) }),
  }),
  'templates.preview': defineMethod({
    summary:
      'A template (saved, or the given subject and body) merged against a record; an unknown field is refused before anything is sent.',
    input: z.strictObject({
      id: idSchema.optional(),
      subject: fields.subject.optional(),
      body: fields.body.optional(),
      locale: fields.locale.optional(),
      target: mergeTargetSchema.optional(),
    }),
    output: z.object({ subject: z.string(), body: z.string(), to: z.array(z.string()) }),
  }),
};
