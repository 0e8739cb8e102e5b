import { z } from 'zod';
import { idSchema, limitSchema } from './common';
import { defineMethod } from './define';
import { periodInput } from './reports';

export const SEGMENT_NAMES = [
  'champions',
  'loyal',
  'new',
  'promising',
  'need_attention',
  'cant_lose',
  'at_risk',
  'hibernating',
] as const;
export type SegmentName = (typeof SEGMENT_NAMES)[number];

export const customerScoreSchema = z.object({
  companyId: z.string(),
  name: z.string(),
  recencyDays: z.number().int(),
  frequency: z.number().int(),
  monetary: z.number(),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment: z.enum(SEGMENT_NAMES),
  lifetimeValue: z.number(),
  rhythmDays: z.number().nullable(),
});
export type CustomerScore = z.infer<typeof customerScoreSchema>;

export const segmentsMethods = {
  'segments.summary': defineMethod({
    summary: 'RFM segments: customers, value and average recency per segment (base currency).',
    input: z.strictObject({ to: periodInput.to }),
    output: z.object({
      currency: z.string(),
      items: z.array(
        z.object({
          segment: z.enum(SEGMENT_NAMES),
          customers: z.number().int(),
          monetary: z.number(),
          recencyDays: z.number().int(),
        }),
      ),
    }),
  }),
  'segments.customers': defineMethod({
    summary: 'Scored customers (RFM, lifetime value, rhythm), most valuable first, optionally of one segment.',
    input: z.strictObject({
      segment: z.enum(SEGMENT_NAMES, { error: 'validation.invalid_value' }).optional(),
      limit: limitSchema.optional(),
    }),
    output: z.object({ currency: z.string(), items: z.array(customerScoreSchema) }),
  }),
  'segments.churnRisk': defineMethod({
    summary: 'Customers past their usual purchase rhythm (at least two purchases, over twice their average gap).',
    input: z.strictObject({ limit: limitSchema.optional() }),
    output: z.object({ currency: z.string(), items: z.array(customerScoreSchema) }),
  }),
  'segments.refresh': defineMethod({
    summary:
      'Recompute every customer’s segment into this device’s cache, which the companies list filters on ("segment"), so segments work as saved views and audiences.',
    input: z.strictObject({}),
    output: z.object({ customers: z.number().int(), computedAt: z.number().int() }),
  }),
  'segments.ofCompany': defineMethod({
    summary: 'One customer’s score and segment, or null without purchases.',
    input: z.strictObject({ companyId: idSchema }),
    output: z.object({ currency: z.string(), score: customerScoreSchema.nullable() }),
  }),
};
