import { z } from 'zod';
import { idSchema, isoDate } from './common';
import { defineMethod } from './define';
import { filterGroupSchema } from './filters';

/** The built-in reports, by the name `crm report <name>` and the reports page use. */
export const REPORT_NAMES = [
  'pipeline',
  'win-rate',
  'revenue-by-owner',
  'revenue-by-team',
  'revenue-by-product',
  'revenue-by-month',
  'sales-cycle',
  'lead-sources',
  'stage-conversion',
  'forecast',
  'rfm',
  'churn-risk',
  'loyalty',
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** How a column's values are shown: money is minor units of the report's currency, percent a 0..1 fraction. */
export const REPORT_COLUMN_KINDS = ['text', 'count', 'number', 'money', 'percent', 'days', 'month', 'date'] as const;
export type ReportColumnKind = (typeof REPORT_COLUMN_KINDS)[number];

export const reportColumnSchema = z.object({
  key: z.string(),
  /** Translated in the caller's language. */
  label: z.string(),
  kind: z.enum(REPORT_COLUMN_KINDS),
});
export type ReportColumn = z.infer<typeof reportColumnSchema>;

export const reportCell = z.union([z.string(), z.number(), z.null()]);
export type ReportCell = z.infer<typeof reportCell>;

/** What a row stands for, so a click on it (or its chart segment) opens the matching records. */
export const reportDrillSchema = z.object({
  entity: z.enum(['deals', 'companies', 'contacts']),
  /** List filter conditions, as the record lists take them. */
  conditions: z.array(z.object({ field: z.string(), operator: z.string(), value: z.unknown().optional() })),
});
export type ReportDrill = z.infer<typeof reportDrillSchema>;

export const reportTableSchema = z.object({
  name: z.string(),
  title: z.string(),
  /** The base currency every money column is in. */
  currency: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  columns: z.array(reportColumnSchema),
  rows: z.array(z.record(z.string(), reportCell)),
  /** One drill-down per row (same order), or null where a row has none. */
  drill: z.array(reportDrillSchema.nullable()),
  /** Figures for the whole report (totals, rates), keyed like columns. */
  summary: z.record(z.string(), reportCell),
  /** Currencies with no exchange rate into the base currency: their amounts are left out. */
  missingRates: z.array(z.string()),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const periodInput = {
  /** First day included, YYYY-MM-DD (UTC). Without it: from the beginning. */
  from: isoDate.optional(),
  /** Last day included, YYYY-MM-DD (UTC). Without it: up to now. */
  to: isoDate.optional(),
  ownerId: idSchema.optional(),
  pipelineId: idSchema.optional(),
};

export const reportRunInput = z.strictObject({
  name: z.enum(REPORT_NAMES, { error: 'validation.invalid_value' }),
  ...periodInput,
});
export type ReportRunInput = z.input<typeof reportRunInput>;

const reportRunMethods = {
  'reports.catalog': defineMethod({
    summary: 'The built-in reports with their translated titles and descriptions.',
    input: z.strictObject({}),
    output: z.object({
      items: z.array(z.object({ name: z.enum(REPORT_NAMES), title: z.string(), description: z.string() })),
    }),
  }),
  'reports.run': defineMethod({
    summary:
      'Run a built-in report over a period (UTC days, both ends included): SQL aggregates, money in the base currency.',
    input: reportRunInput,
    output: reportTableSchema,
  }),
};

// ---- report builder, saved reports, export, schedules

export const BUILDER_ENTITIES = ['deals', 'companies', 'contacts', 'activities', 'invoices'] as const;
export type BuilderEntity = (typeof BUILDER_ENTITIES)[number];
export const DATE_BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export const MEASURE_OPS = ['count', 'sum', 'avg', 'min', 'max'] as const;
export const CHART_TYPES = ['table', 'bar', 'line', 'pie', 'funnel'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export const builderConfigSchema = z.strictObject({
  entity: z.enum(BUILDER_ENTITIES, { error: 'validation.invalid_value' }),
  /** The list filter builder's conditions (deals, companies and contacts). */
  filter: filterGroupSchema.optional(),
  groupBy: z
    .array(
      z.strictObject({
        field: z.string().min(1).max(100),
        bucket: z.enum(DATE_BUCKETS, { error: 'validation.invalid_value' }).optional(),
      }),
    )
    .max(2, { error: 'validation.too_big' })
    .default([]),
  measures: z
    .array(
      z.strictObject({
        op: z.enum(MEASURE_OPS, { error: 'validation.invalid_value' }),
        field: z.string().min(1).max(100).optional(),
      }),
    )
    .min(1, { error: 'validation.required' })
    .max(6, { error: 'validation.too_big' }),
  chart: z.enum(CHART_TYPES, { error: 'validation.invalid_value' }).default('table'),
  /** Records created in this period (UTC days), optional. */
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type BuilderConfig = z.input<typeof builderConfigSchema>;

export const builderFieldSchema = z.object({
  field: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'money', 'date', 'enum', 'member', 'boolean', 'tags']),
  groupable: z.boolean(),
  measurable: z.boolean(),
});
export type BuilderField = z.infer<typeof builderFieldSchema>;

export const savedReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  entity: z.enum(BUILDER_ENTITIES),
  shared: z.boolean(),
  ownerId: z.string().nullable(),
  config: builderConfigSchema,
  updatedAt: z.number().int(),
});
export type SavedReport = z.infer<typeof savedReportSchema>;

export const REPORT_EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;

/** What to export or schedule: a built-in report, a saved one, or a builder configuration. */
export const reportSourceSchema = z.union([
  z.strictObject({ builtin: z.enum(REPORT_NAMES, { error: 'validation.invalid_value' }), ...periodInput }),
  z.strictObject({ savedId: idSchema }),
  z.strictObject({ config: builderConfigSchema }),
]);
export type ReportSource = z.input<typeof reportSourceSchema>;

export const SCHEDULE_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;

export const reportScheduleSchema = z.object({
  id: z.string(),
  reportId: z.string().nullable(),
  builtin: z.enum(REPORT_NAMES).nullable(),
  frequency: z.enum(SCHEDULE_FREQUENCIES),
  format: z.enum(['pdf', 'csv']),
  folder: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  /** When it last ran on this device, and the file it wrote (or the error). */
  lastRunAt: z.number().int().nullable(),
  lastFile: z.string().nullable(),
  lastError: z.string().nullable(),
  nextRunAt: z.number().int(),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;

const reportName = z
  .string()
  .trim()
  .min(1, { error: 'validation.required' })
  .max(100, { error: 'validation.too_long' });

export const reportBuilderMethods = {
  'reports.fields': defineMethod({
    summary: 'The fields the report builder can group by and measure for an entity, custom fields included.',
    input: z.strictObject({ entity: z.enum(BUILDER_ENTITIES, { error: 'validation.invalid_value' }) }),
    output: z.object({ items: z.array(builderFieldSchema) }),
  }),
  'reports.build': defineMethod({
    summary:
      'Run a report builder configuration: filters, up to two groupings (date buckets too), measures; money in the base currency.',
    input: z.strictObject({ config: builderConfigSchema }),
    output: reportTableSchema,
  }),
  'reports.listSaved': defineMethod({
    summary: 'Saved reports: the shared ones and your own.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(savedReportSchema) }),
  }),
  'reports.save': defineMethod({
    summary: 'Save a report builder configuration (new, or over an existing one), personal or shared.',
    input: z.strictObject({
      id: idSchema.optional(),
      name: reportName,
      shared: z.boolean().optional(),
      config: builderConfigSchema,
    }),
    output: savedReportSchema,
  }),
  'reports.deleteSaved': defineMethod({
    summary: 'Delete a saved report (and its schedules).',
    input: z.strictObject({ id: idSchema }),
    output: z.object({ changed: z.boolean() }),
  }),
  'reports.export': defineMethod({
    summary: 'A report as a CSV, XLSX or PDF file (base64), for a download.',
    input: z.strictObject({
      source: reportSourceSchema,
      format: z.enum(REPORT_EXPORT_FORMATS, { error: 'validation.invalid_value' }),
    }),
    output: z.object({ filename: z.string(), mime: z.string(), base64: z.string() }),
  }),
  'reports.schedules': defineMethod({
    summary: 'Report schedules, with when each last ran on this device and when it runs next.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(reportScheduleSchema) }),
  }),
  'reports.saveSchedule': defineMethod({
    summary:
      'Schedule a saved or built-in report daily, weekly or monthly into a folder as PDF or CSV, optionally mailed.',
    input: z.strictObject({
      id: idSchema.optional(),
      reportId: idSchema.nullable().optional(),
      builtin: z.enum(REPORT_NAMES, { error: 'validation.invalid_value' }).nullable().optional(),
      frequency: z.enum(SCHEDULE_FREQUENCIES, { error: 'validation.invalid_value' }),
      format: z.enum(['pdf', 'csv'], { error: 'validation.invalid_value' }),
      folder: z.string().trim().min(1, { error: 'validation.required' }).max(1000, { error: 'validation.too_long' }),
      email: z.email({ error: 'validation.email_invalid' }).nullable().optional(),
      active: z.boolean().optional(),
    }),
    output: reportScheduleSchema,
  }),
  'reports.deleteSchedule': defineMethod({
    summary: 'Delete a report schedule.',
    input: z.strictObject({ id: idSchema }),
    output: z.object({ changed: z.boolean() }),
  }),
  'reports.runDue': defineMethod({
    summary: 'Run the schedules that are due on this device now (missed runs are caught up once).',
    input: z.strictObject({}),
    output: z.object({ ran: z.number().int(), failed: z.number().int() }),
  }),
};

export const reportsMethods = { ...reportRunMethods, ...reportBuilderMethods };
