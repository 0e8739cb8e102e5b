import { z } from 'zod';
import { idSchema } from './common';
import { defineMethod } from './define';
import { filterGroupSchema, sortSpecSchema } from './filters';

export const EXPORT_ENTITIES = ['contacts', 'companies'] as const;
export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;

/** A file made by the back end for the window to save: base64 bytes with a name and a type. */
export const exportFileSchema = z.object({
  fileName: z.string(),
  mime: z.string(),
  data: z.string(),
  count: z.number().int(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const exportMethods = {
  'export.records': defineMethod({
    summary:
      'A list, a saved view (`viewId`) or a selection (`ids`) of contacts or companies as CSV (UTF-8, `bom` for Excel), XLSX or, for contacts, vCard 3.0/4.0. Headers are import field names, so the file imports back.',
    input: z.strictObject({
      entity: z.enum(EXPORT_ENTITIES, { error: 'validation.invalid_value' }),
      format: z.enum(EXPORT_FORMATS, { error: 'validation.invalid_value' }),
      bom: z.boolean().optional(),
      vcardVersion: z.enum(['3.0', '4.0']).optional(),
      viewId: idSchema.optional(),
      query: z.string().trim().max(200).optional(),
      filter: filterGroupSchema.optional(),
      sort: z.union([sortSpecSchema, z.array(sortSpecSchema).min(1).max(5)]).optional(),
      ids: z.array(idSchema).max(30_000).optional(),
    }),
    output: exportFileSchema,
  }),
  'export.workspace': defineMethod({
    summary:
      'The whole workspace as JSON (every record as its field values and clocks): data portability, and it imports back to an equal workspace.',
    input: z.strictObject({}),
    output: exportFileSchema,
  }),
  'export.book': defineMethod({
    summary:
      'A portable client book (.crmbook): the companies given (or the whole workspace) with all their contacts, deals, activities and notes, optionally encrypted with a passphrase.',
    input: z.strictObject({
      companyIds: z.array(idSchema).max(10_000).optional(),
      passphrase: z.string().min(8, { error: 'book.passphrase_short' }).max(200).optional(),
    }),
    output: exportFileSchema,
  }),
};
