import { z } from 'zod';
import { idInput, idSchema } from './common';
import { defineMethod } from './define';

export const IMPORT_ENTITIES = ['contacts', 'companies', 'products', 'members', 'deals'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const DEDUPE_STRATEGIES = ['skip', 'update', 'create'] as const;
export type DedupeStrategy = (typeof DEDUPE_STRATEGIES)[number];

export const DATE_FORMATS = ['auto', 'mdy', 'dmy', 'iso'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];

export const TARGET_KINDS = [
  'text',
  'email',
  'phone',
  'url',
  'date',
  'number',
  'money',
  'boolean',
  'list',
  'country',
  'relation',
  'custom',
] as const;

/** A field a column can be imported into. */
export const importTargetSchema = z.object({
  /** `firstName`, `company`, `custom:<key>`, ... */
  key: z.string(),
  kind: z.enum(TARGET_KINDS),
  /** A custom field's label. */
  label: z.string().optional(),
  fieldType: z.string().optional(),
});
export type ImportTarget = z.infer<typeof importTargetSchema>;

/**
 * How a file is read and mapped. Saved as a mapping file (`crm import --map FILE.json`) or by
 * name in the wizard, and reused.
 */
export const importSettingsSchema = z.strictObject({
  encoding: z.string().max(40).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  hasHeader: z.boolean().optional(),
  /** Header (or `#n` for a file without one) → target key, `null` to leave a column out. */
  columns: z.record(z.string(), z.string().max(80).nullable()).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  /** The decimal separator of numbers and amounts; `auto` looks at the values. */
  decimal: z.enum(['auto', '.', ',']).optional(),
  dedupe: z.enum(DEDUPE_STRATEGIES).optional(),
  /** Create the companies, parents and owners that rows name but the book lacks. */
  createMissing: z.boolean().optional(),
  /**
   * Variants table: a name as the file writes it → the name of the record it means ("GTXPro" →
   * "GTX Pro"), for products, companies and owners. Close spellings are matched without it.
   */
  aliases: z.record(z.string().max(200), z.string().max(200)).optional(),
  /** Tags added to every imported record. */
  tags: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;

export const rowIssueSchema = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});
export type RowIssue = z.infer<typeof rowIssueSchema>;

export const importCountsSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /** Related records created on request (companies, parents, owners). */
  related: z.number().int(),
  errors: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importBatchSchema = z.object({
  id: z.string(),
  entity: z.string(),
  fileName: z.string(),
  format: z.string(),
  status: z.enum(['done', 'undone']),
  createdAt: z.number().int(),
  createdBy: z.string().nullable(),
  undoneAt: z.number().int().nullable(),
  counts: z.record(z.string(), z.number()),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

export const nameMatchSchema = z.object({
  field: z.string(),
  from: z.string(),
  to: z.string(),
  rows: z.number().int(),
});
export type NameMatch = z.infer<typeof nameMatchSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** reading | checking | backup | writing */
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** Estimated milliseconds left, once enough is known. */
  etaMs: z.number().int().nullable(),
  counts: importCountsSchema.nullable(),
  batchId: z.string().nullable(),
  /** The first problems (all of them are in the error report). */
  issues: z.array(rowIssueSchema),
  /** Names matched to records by a close spelling or a variant: shown for review before importing. */
  matches: z.array(nameMatchSchema),
  error: z.object({ key: z.string(), message: z.string() }).nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

const entityInput = z.enum(IMPORT_ENTITIES, { error: 'validation.invalid_value' });
const uploadId = z.string().regex(/^[a-f0-9]{32}$/, { error: 'validation.invalid_value' });

export const importMethods = {
  'import.upload': defineMethod({
    summary:
      'Send a file to import, in base64 pieces of at most 4 MB (start without `uploadId`, pass it back for the next pieces). Files of any size: they are stored aside and read as a stream.',
    input: z.strictObject({
      uploadId: uploadId.optional(),
      fileName: z.string().trim().min(1).max(255),
      data: z.string().max(6_000_000),
    }),
    output: z.object({ uploadId: z.string(), size: z.number().int() }),
  }),
  'import.inspect': defineMethod({
    summary:
      'Encoding, delimiter, header row and first rows of an uploaded file, the targets it can map to, and a suggested mapping from its headers.',
    input: z.strictObject({ uploadId, entity: entityInput, settings: importSettingsSchema.optional() }),
    output: z.object({
      encoding: z.string(),
      delimiter: z.string(),
      hasHeader: z.boolean(),
      headers: z.array(z.string()),
      sample: z.array(z.array(z.string())),
      targets: z.array(importTargetSchema),
      columns: z.record(z.string(), z.string().nullable()),
      format: z.enum(['csv', 'vcf']),
    }),
  }),
  'import.start': defineMethod({
    summary:
      'Check (`dryRun`) or run an import in the background; follow it with `import.status`. A run writes everything in one transaction or nothing.',
    input: z.strictObject({
      uploadId,
      entity: entityInput,
      settings: importSettingsSchema.optional(),
      dryRun: z.boolean().optional(),
    }),
    output: importJobSchema,
  }),
  'import.status': defineMethod({
    summary: 'Progress, estimate, counts and first problems of an import job.',
    input: z.strictObject({ jobId: z.string().max(64) }),
    output: importJobSchema,
  }),
  'import.cancel': defineMethod({
    summary: 'Cancel a running import: nothing is written.',
    input: z.strictObject({ jobId: z.string().max(64) }),
    output: importJobSchema,
  }),
  'import.errorReport': defineMethod({
    summary: 'Every problem of a checked or failed import job as CSV (row, column, value, message).',
    input: z.strictObject({ jobId: z.string().max(64) }),
    output: z.object({ fileName: z.string(), csv: z.string() }),
  }),
  'import.history': defineMethod({
    summary: 'Past imports, newest first.',
    input: z.strictObject({ limit: z.number().int().min(1).max(500).optional() }),
    output: z.object({ items: z.array(importBatchSchema) }),
  }),
  'import.undo': defineMethod({
    summary: 'Undo an import: moves what it created to the trash and puts back what it updated.',
    input: idInput,
    output: importBatchSchema,
  }),
  'import.forRecord': defineMethod({
    summary: 'The imports that created or updated one record (for its timeline).',
    input: z.strictObject({ id: idSchema }),
    output: z.object({
      items: z.array(importBatchSchema.extend({ action: z.enum(['created', 'updated']) })),
    }),
  }),
  'import.book': defineMethod({
    summary:
      'Merge an uploaded client book (.crmbook) or workspace JSON into this workspace by the sync rule: ids and field clocks kept, newer values win, merging twice changes nothing (`rows` 0). Returns the records changed by table and what the book holds. A wrong passphrase touches nothing.',
    input: z.strictObject({ uploadId, passphrase: z.string().max(200).optional() }),
    output: z.object({
      /** Field values that took their cell, the same value met again included. */
      applied: z.number().int(),
      /** Field values older than this workspace's. */
      ignored: z.number().int(),
      /** Records inserted, changed or removed: 0 when merging the same book again. */
      rows: z.number().int(),
      /** `rows` by table, only where something changed. */
      changed: z.record(z.string(), z.number().int()),
      /** What the book holds, by table. */
      counts: z.record(z.string(), z.number().int()),
    }),
  }),
  'import.openBook': defineMethod({
    summary:
      'Open an uploaded client book (.crmbook) read-only, apart from this workspace (which is not touched). Returns its `bookId`: a call made with that id (the `X-Crm-Book` header in web mode, the book argument over IPC) reads the book through the same methods, and every write to it is refused with `book.read_only`. A wrong passphrase opens nothing.',
    input: z.strictObject({ uploadId, passphrase: z.string().max(200).optional() }),
    output: z.object({
      bookId: z.string(),
      /** The file's name without its extension, for the banner. */
      name: z.string(),
      /** What the book holds, by table. */
      counts: z.record(z.string(), z.number().int()),
    }),
  }),
  'import.closeBook': defineMethod({
    summary: 'Close a book opened with `import.openBook`; `closed` is false when it was closed already.',
    input: z.strictObject({ bookId: z.string().regex(/^[a-f0-9]{32}$/, { error: 'validation.invalid_value' }) }),
    output: z.object({ closed: z.boolean() }),
  }),
  'import.mappings': defineMethod({
    summary: 'Saved column mappings of an entity.',
    input: z.strictObject({ entity: entityInput }),
    output: z.object({
      items: z.array(z.object({ id: z.string(), name: z.string(), settings: importSettingsSchema })),
    }),
  }),
  'import.saveMapping': defineMethod({
    summary: 'Save a mapping by name (replacing one with the same name) for the next import.',
    input: z.strictObject({
      entity: entityInput,
      name: z.string().trim().min(1, { error: 'validation.required' }).max(100),
      settings: importSettingsSchema,
    }),
    output: z.object({ id: z.string(), name: z.string(), settings: importSettingsSchema }),
  }),
};
