import { z } from 'zod';
import { idSchema, isoDate } from './common';
import { defineMethod } from './define';

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

export const reportsMethods = {
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
