import { z } from 'zod';
import { idInput, idSchema, recordMeta } from './common';
import { defineMethod } from './define';

/** What reaching a stage means for a deal: still open, won or lost. */
export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

const name = z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' });
const probability = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(0, { error: 'validation.too_small' })
  .max(100, { error: 'validation.too_big' });
const rottingDays = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(1, { error: 'validation.too_small' })
  .max(3650, { error: 'validation.too_big' })
  .nullable();

const stageFields = {
  name,
  /** Default win probability of deals in the stage, 0..100 (a deal may override it). */
  probability: probability.optional(),
  kind: z.enum(STAGE_KINDS, { error: 'validation.invalid_value' }).optional(),
  /** A deal that stays longer than this many days in the stage is shown as rotting. */
  rottingDays: rottingDays.optional(),
};
export const stageInput = z.strictObject(stageFields);

export const stageSchema = z.object({
  ...recordMeta,
  pipelineId: z.string(),
  name: z.string(),
  position: z.number(),
  probability: z.number().int(),
  kind: z.enum(STAGE_KINDS),
  rottingDays: z.number().int().nullable(),
  archived: z.boolean(),
});
export type Stage = z.infer<typeof stageSchema>;

export const pipelineSchema = z.object({
  ...recordMeta,
  name: z.string(),
  position: z.number(),
  archived: z.boolean(),
  /** Its stages in order; archived ones only when asked for. */
  stages: z.array(stageSchema),
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const pipelinesMethods = {
  'pipelines.list': defineMethod({
    summary:
      'The pipelines in order with their stages. A workspace without any gets the default "New business" pipeline.',
    input: z.strictObject({ includeArchived: z.boolean().optional() }),
    output: z.object({ items: z.array(pipelineSchema) }),
  }),
  'pipelines.get': defineMethod({
    summary: 'One pipeline with all its stages (archived ones too).',
    input: idInput,
    output: pipelineSchema,
  }),
  'pipelines.create': defineMethod({
    summary: 'Create a pipeline; without stages it gets the default ones (open stages, then Won and Lost).',
    input: z.strictObject({
      name,
      stages: z
        .array(stageInput)
        .min(1, { error: 'validation.required' })
        .max(30, { error: 'validation.too_big' })
        .optional(),
    }),
    output: pipelineSchema,
  }),
  'pipelines.update': defineMethod({
    summary: 'Rename or archive a pipeline, or move it in the list (`position`).',
    input: z.strictObject({
      id: idSchema,
      name: name.optional(),
      archived: z.boolean().optional(),
      position: z.number({ error: 'validation.invalid_type' }).optional(),
    }),
    output: pipelineSchema,
  }),
  'pipelines.addStage': defineMethod({
    summary: 'Add a stage to a pipeline, at `index` (0 = first) or last.',
    input: z.strictObject({
      pipelineId: idSchema,
      ...stageFields,
      index: z.number().int().min(0, { error: 'validation.too_small' }).optional(),
    }),
    output: pipelineSchema,
  }),
  'pipelines.updateStage': defineMethod({
    summary:
      'Rename a stage or change its default probability, kind or rotting days. Deals keep their stage; making it lost is refused while it holds deals without a lost reason.',
    input: z.strictObject({ id: idSchema, ...stageFields, name: name.optional() }),
    output: pipelineSchema,
  }),
  'pipelines.reorderStages': defineMethod({
    summary: 'Put the stages of a pipeline in this order (every live stage of the pipeline, once).',
    input: z.strictObject({
      pipelineId: idSchema,
      stageIds: z.array(idSchema).min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_big' }),
    }),
    output: pipelineSchema,
  }),
  'pipelines.archiveStage': defineMethod({
    summary:
      'Archive a stage: its deals move to `moveTo`, another live stage of the same pipeline, in the same transaction. Into a lost stage, deals without a lost reason take `lostReason` (refused without one).',
    input: z.strictObject({
      id: idSchema,
      moveTo: idSchema,
      lostReason: z.string().trim().max(500, { error: 'validation.too_long' }).optional(),
    }),
    output: z.object({ pipeline: pipelineSchema, moved: z.number().int() }),
  }),
};
