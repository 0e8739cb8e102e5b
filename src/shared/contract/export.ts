import { z } from 'zod';
import { ACTIVITY_TYPES } from './activities';
import { idSchema } from './common';
import { defineMethod } from './define';
import { filterGroupSchema, sortSpecSchema } from './filters';
import { STAGE_KINDS } from './pipelines';

export const EXPORT_ENTITIES = ['contacts', 'companies', 'deals', 'activities'] as const;
export type ExportEntity = (typeof EXPORT_ENTITIES)[number];
export const EXPORT_FORMATS = ['csv', 'xlsx', 'vcf'] as const;

/**
 * What an export selects: a saved view (`viewId`) or a list's own words, filter, sort and quick
 * filters (all matching rows, not only those loaded on screen), or a selection (`ids`). Deals add
 * their pipeline, stage and status; activities their types, owner, open state, period and record.
 */
const exportInput = z.strictObject({
  entity: z.enum(EXPORT_ENTITIES, { error: 'validation.invalid_value' }),
  format: z.enum(EXPORT_FORMATS, { error: 'validation.invalid_value' }),
  bom: z.boolean().optional(),
  vcardVersion: z.enum(['3.0', '4.0']).optional(),
  viewId: idSchema.optional(),
  query: z.string().trim().max(200).optional(),
  filter: filterGroupSchema.optional(),
  sort: z.union([sortSpecSchema, z.array(sortSpecSchema).min(1).max(5)]).optional(),
  ids: z.array(idSchema).max(30_000).optional(),
  ownerId: z.union([idSchema, z.literal('me')]).optional(),
  tagId: idSchema.optional(),
  pipelineId: idSchema.optional(),
  stageId: idSchema.optional(),
  status: z.enum(STAGE_KINDS).optional(),
  types: z.array(z.enum(ACTIVITY_TYPES)).max(ACTIVITY_TYPES.length).optional(),
  openOnly: z.boolean().optional(),
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  entityId: idSchema.optional(),
});
export type ExportInput = z.input<typeof exportInput>;
const exportId = z.string().regex(/^[a-f0-9]{32}$/, { error: 'validation.invalid_value' });

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
      'A list, a saved view (`viewId`) or a selection (`ids`) of contacts, companies, deals or activities as CSV (UTF-8, `bom` for Excel), XLSX or, for contacts, vCard 3.0/4.0. Headers are import field names, so the file imports back.',
    input: exportInput,
    output: exportFileSchema,
  }),
  'export.file': defineMethod({
    summary:
      'The same export as `export.records` for any number of rows: written aside a page at a time (CSV or XLSX streamed), then read with `export.read`. Returns its id, name, type, size in bytes and record count.',
    input: exportInput,
    output: z.object({
      exportId: z.string(),
      fileName: z.string(),
      mime: z.string(),
      size: z.number().int(),
      count: z.number().int(),
    }),
  }),
  'export.read': defineMethod({
    summary:
      'One piece (at most 3 MB, base64) of a file made by `export.file`, from `offset`; `nextOffset` is null after the last piece, which also removes the file.',
    input: z.strictObject({ exportId, offset: z.number().int().min(0) }),
    output: z.object({ data: z.string(), nextOffset: z.number().int().nullable() }),
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
