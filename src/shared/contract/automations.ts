import { z } from 'zod';
import { idInput, idSchema, limitSchema, recordMeta } from './common';
import { defineMethod } from './define';

export const automationTriggerSchema = z.discriminatedUnion(
  'type',
  [
    /** A contact is created, optionally only with this lead source. */
    z.strictObject({ type: z.literal('contact_created'), source: z.string().trim().max(100).optional() }),
    /** A deal enters this stage. */
    z.strictObject({ type: z.literal('deal_stage'), stageId: z.string().min(1, { error: 'validation.required' }) }),
    /** A task passes its due time without being done. */
    z.strictObject({ type: z.literal('task_overdue') }),
  ],
  { error: 'validation.invalid_value' },
);

export const automationActionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('send_template'), templateId: idSchema }),
    z.strictObject({
      type: z.literal('create_task'),
      subject: z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.too_long' }),
      dueInDays: z.number({ error: 'validation.invalid_type' }).int().min(0).max(365, { error: 'validation.too_big' }),
    }),
    z.strictObject({ type: z.literal('notify_assignee') }),
  ],
  { error: 'validation.invalid_value' },
);

export const automationSchema = z.object({
  ...recordMeta,
  name: z.string(),
  enabled: z.boolean(),
  trigger: automationTriggerSchema,
  action: automationActionSchema,
});
export type Automation = z.infer<typeof automationSchema>;

export const automationRunSchema = z.object({
  seq: z.number(),
  automationId: z.string(),
  triggerKey: z.string(),
  entityId: z.string().nullable(),
  at: z.number(),
  outcome: z.enum(['done', 'failed', 'skipped']),
  detail: z.string().nullable(),
});

const name = z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' });

export const automationsMethods = {
  'automations.list': defineMethod({
    summary: 'Every automation rule, by name.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(automationSchema) }),
  }),
  'automations.create': defineMethod({
    summary: 'A "when … then …" rule; it runs on this device, once per triggering record.',
    input: z.strictObject({
      name,
      enabled: z.boolean().optional(),
      trigger: automationTriggerSchema,
      action: automationActionSchema,
    }),
    output: automationSchema,
  }),
  'automations.update': defineMethod({
    summary: 'Edit a rule, or switch it off and on.',
    input: z.strictObject({
      id: idSchema,
      name: name.optional(),
      enabled: z.boolean().optional(),
      trigger: automationTriggerSchema.optional(),
      action: automationActionSchema.optional(),
    }),
    output: automationSchema,
  }),
  'automations.delete': defineMethod({
    summary: 'Move a rule to the trash.',
    input: idInput,
    output: automationSchema,
  }),
  'automations.runs': defineMethod({
    summary: 'The log of rule runs, newest first.',
    input: z.strictObject({ automationId: idSchema.optional(), limit: limitSchema.optional() }),
    output: z.object({ items: z.array(automationRunSchema) }),
  }),
  'automations.runNow': defineMethod({
    summary: 'Runs every switched-on rule now (they also run by themselves every minute while the app is open).',
    input: z.strictObject({}),
    output: z.object({ runs: z.number() }),
  }),
};
