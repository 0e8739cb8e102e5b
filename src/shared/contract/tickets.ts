import { z } from 'zod';
import { idInput, idSchema, limitSchema, optionalText, recordMeta } from './common';
import { defineMethod } from './define';

export const TICKET_CHANNELS = ['email', 'phone', 'chat', 'web', 'social'] as const;
export const TICKET_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const TICKET_STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export const TICKET_QUEUES = ['all', 'open', 'mine', 'unassigned', 'breaching_soon', 'breached'] as const;
export const TICKET_MESSAGE_KINDS = ['note', 'reply', 'customer', 'auto_reply'] as const;
export const SLA_STATES = ['none', 'pending', 'met', 'breached'] as const;
export const ASSIGNMENT_STRATEGIES = ['round_robin', 'fixed'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export type TicketQueue = (typeof TICKET_QUEUES)[number];
export type SlaState = (typeof SLA_STATES)[number];

export const slaViewSchema = z.object({
  firstResponse: z.enum(SLA_STATES),
  resolution: z.enum(SLA_STATES),
  /** Either target missed (or missed already while still pending). */
  breached: z.boolean(),
  /** The next target still running, if any. */
  nextDueAt: z.number().nullable(),
});

export const ticketSchema = z.object({
  ...recordMeta,
  subject: z.string(),
  description: z.string().nullable(),
  contactId: z.string().nullable(),
  companyId: z.string().nullable(),
  channel: z.enum(TICKET_CHANNELS),
  category: z.string().nullable(),
  priority: z.enum(TICKET_PRIORITIES),
  status: z.enum(TICKET_STATUSES),
  assigneeId: z.string().nullable(),
  slaPolicyId: z.string().nullable(),
  firstResponseDueAt: z.number().nullable(),
  resolutionDueAt: z.number().nullable(),
  firstRespondedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  /** When a resolved or closed ticket was last opened again; its targets count from then. */
  reopenedAt: z.number().nullable(),
  satisfaction: z.number().nullable(),
  sla: slaViewSchema,
  contactName: z.string().nullable(),
  companyName: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketMessageSchema = z.object({
  ...recordMeta,
  ticketId: z.string(),
  kind: z.enum(TICKET_MESSAGE_KINDS),
  body: z.string(),
  subject: z.string().nullable(),
  authorId: z.string().nullable(),
  outboxId: z.string().nullable(),
  templateId: z.string().nullable(),
  /** The outbox's state of the mail on this device (queued, sent, ...), or null. */
  delivery: z.string().nullable(),
});
export type TicketMessage = z.infer<typeof ticketMessageSchema>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'validation.time_invalid' });
export const businessHoursSchema = z.object({
  ...recordMeta,
  name: z.string(),
  timezone: z.string(),
  schedule: z.array(z.object({ day: z.number(), start: z.string(), end: z.string() })),
  holidays: z.array(z.string()),
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

const target = z.strictObject({
  firstResponseMinutes: z
    .number({ error: 'validation.invalid_type' })
    .int()
    .min(1, { error: 'validation.too_small' })
    .max(525_600, {
      error: 'validation.too_big',
    }),
  resolutionMinutes: z
    .number({ error: 'validation.invalid_type' })
    .int()
    .min(1, { error: 'validation.too_small' })
    .max(525_600, {
      error: 'validation.too_big',
    }),
});
export const slaPolicySchema = z.object({
  ...recordMeta,
  name: z.string(),
  businessHoursId: z.string().nullable(),
  targets: z.record(z.string(), z.object({ firstResponseMinutes: z.number(), resolutionMinutes: z.number() })),
  category: z.string().nullable(),
  position: z.number(),
  isDefault: z.boolean(),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const assignmentRuleSchema = z.object({
  ...recordMeta,
  name: z.string(),
  enabled: z.boolean(),
  position: z.number(),
  category: z.string().nullable(),
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  memberIds: z.array(z.string()),
  lastMemberId: z.string().nullable(),
});
export type AssignmentRule = z.infer<typeof assignmentRuleSchema>;

export const ticketReportSchema = z.object({
  from: z.number(),
  to: z.number(),
  volume: z.number(),
  byStatus: z.record(z.string(), z.number()),
  byChannel: z.record(z.string(), z.number()),
  byPriority: z.record(z.string(), z.number()),
  /** Averages in minutes of wall time; null when nothing was measured. */
  avgFirstResponseMinutes: z.number().nullable(),
  avgResolutionMinutes: z.number().nullable(),
  /** Share (0..1) of measured targets that were met; null when none was due yet. */
  slaCompliance: z.number().nullable(),
  breached: z.number(),
  avgSatisfaction: z.number().nullable(),
});

const name = z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' });
const category = z.string().trim().max(100, { error: 'validation.too_long' }).nullable().optional();
const ticketFields = {
  subject: z.string().trim().min(1, { error: 'validation.required' }).max(300, { error: 'validation.too_long' }),
  description: optionalText(100_000),
  contactId: idSchema.nullable().optional(),
  companyId: idSchema.nullable().optional(),
  channel: z.enum(TICKET_CHANNELS, { error: 'validation.invalid_value' }).optional(),
  category,
  priority: z.enum(TICKET_PRIORITIES, { error: 'validation.invalid_value' }).optional(),
  assigneeId: idSchema.nullable().optional(),
};
const messageBody = z.string().trim().max(200_000, { error: 'validation.too_long' });
const scheduleInput = z
  .array(
    z.strictObject({
      day: z.number().int().min(0, { error: 'validation.invalid_value' }).max(6, { error: 'validation.invalid_value' }),
      start: hhmm,
      end: hhmm,
    }),
  )
  .max(50, { error: 'validation.too_big' });
const holidaysInput = z
  .array(z.iso.date({ error: 'validation.invalid_date' }))
  .max(400, { error: 'validation.too_big' });
const targetsInput = z.partialRecord(z.enum(TICKET_PRIORITIES, { error: 'validation.invalid_value' }), target);

export const ticketSettingsSchema = z.object({
  autoReply: z.boolean(),
  /** Templates of the automatic reply per language; null: the built-in text. */
  autoReplyTemplateIds: z.object({ en: z.string().nullable(), es: z.string().nullable() }),
  /** How far ahead "breaching soon" looks, in minutes. */
  soonMinutes: z.number(),
});
export type TicketSettings = z.infer<typeof ticketSettingsSchema>;

export const ticketsMethods = {
  'tickets.create': defineMethod({
    summary:
      'Open a ticket: its SLA due times come from the matching policy and business hours, an assignment rule may pick the assignee, and the contact gets the automatic reply through the email outbox.',
    input: z.strictObject(ticketFields),
    output: z.object({ ticket: ticketSchema, autoReply: z.enum(['queued', 'skipped', 'no_email', 'no_account']) }),
  }),
  'tickets.get': defineMethod({ summary: 'One ticket with its SLA state.', input: idInput, output: ticketSchema }),
  'tickets.update': defineMethod({
    summary:
      "Change a ticket. Resolving or closing stops its SLA clock; reopening starts it again. Satisfaction is 1 to 5. A new contact brings the ticket to that contact's company unless a company is given or was set by hand.",
    input: z.strictObject({
      id: idSchema,
      ...ticketFields,
      subject: ticketFields.subject.optional(),
      status: z.enum(TICKET_STATUSES, { error: 'validation.invalid_value' }).optional(),
      satisfaction: z
        .number()
        .int()
        .min(1, { error: 'validation.too_small' })
        .max(5, { error: 'validation.too_big' })
        .nullable()
        .optional(),
    }),
    output: ticketSchema,
  }),
  'tickets.delete': defineMethod({ summary: 'Move a ticket to the trash.', input: idInput, output: ticketSchema }),
  'tickets.list': defineMethod({
    summary:
      'Tickets of a queue (all, open, mine, unassigned, breaching soon, breached), newest first, optionally of one contact or company, status or words.',
    input: z.strictObject({
      queue: z.enum(TICKET_QUEUES, { error: 'validation.invalid_value' }).optional(),
      status: z.enum(TICKET_STATUSES).optional(),
      contactId: idSchema.optional(),
      companyId: idSchema.optional(),
      query: z.string().max(200, { error: 'validation.too_long' }).optional(),
      limit: limitSchema.optional(),
      cursor: z.string().max(200).optional(),
    }),
    output: z.object({ items: z.array(ticketSchema), nextCursor: z.string().nullable() }),
  }),
  'tickets.queueCounts': defineMethod({
    summary: 'How many tickets each queue holds now.',
    input: z.strictObject({}),
    output: z.record(z.enum(TICKET_QUEUES), z.number()),
  }),
  'tickets.messages': defineMethod({
    summary: 'The conversation of a ticket, oldest first: notes, replies, customer messages, the automatic reply.',
    input: idInput,
    output: z.object({ items: z.array(ticketMessageSchema) }),
  }),
  'tickets.addNote': defineMethod({
    summary: 'An internal note on a ticket: never sent to the customer.',
    input: z.strictObject({ id: idSchema, body: messageBody.min(1, { error: 'validation.required' }) }),
    output: ticketMessageSchema,
  }),
  'tickets.reply': defineMethod({
    summary:
      'Reply to the customer through the email outbox, typed or from a template, with knowledge-base articles appended. The first reply meets the first-response target.',
    input: z.strictObject({
      id: idSchema,
      body: messageBody.optional(),
      templateId: idSchema.optional(),
      articleIds: z.array(idSchema).max(20, { error: 'validation.too_big' }).optional(),
      status: z.enum(TICKET_STATUSES, { error: 'validation.invalid_value' }).optional(),
    }),
    output: ticketMessageSchema,
  }),
  'tickets.logCustomerMessage': defineMethod({
    summary: 'Record what the customer wrote or said; a resolved ticket opens again.',
    input: z.strictObject({ id: idSchema, body: messageBody.min(1, { error: 'validation.required' }) }),
    output: ticketMessageSchema,
  }),
  'tickets.report': defineMethod({
    summary:
      'Tickets opened in a period: volume by status, channel and priority, average first-response and resolution times, SLA compliance and satisfaction.',
    input: z.strictObject({ from: z.number().int().optional(), to: z.number().int().optional() }),
    output: ticketReportSchema,
  }),
  'tickets.getSettings': defineMethod({
    summary: 'The automatic reply and the "breaching soon" horizon.',
    input: z.strictObject({}),
    output: ticketSettingsSchema,
  }),
  'tickets.saveSettings': defineMethod({
    summary: 'Switch the automatic reply on or off, choose its templates, set the "breaching soon" horizon.',
    input: z.strictObject({
      autoReply: z.boolean().optional(),
      autoReplyTemplateIds: z
        .strictObject({ en: idSchema.nullable().optional(), es: idSchema.nullable().optional() })
        .optional(),
      soonMinutes: z
        .number()
        .int()
        .min(5, { error: 'validation.too_small' })
        .max(10_080, { error: 'validation.too_big' })
        .optional(),
    }),
    output: ticketSettingsSchema,
  }),
  'businessHours.list': defineMethod({
    summary: 'Business-hours calendars.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(businessHoursSchema) }),
  }),
  'businessHours.save': defineMethod({
    summary: 'Create (no id) or change business hours: weekly windows in a time zone, and holidays.',
    input: z.strictObject({
      id: idSchema.optional(),
      name,
      timezone: z.string().trim().min(1, { error: 'validation.required' }).max(100),
      schedule: scheduleInput,
      holidays: holidaysInput.optional(),
    }),
    output: businessHoursSchema,
  }),
  'businessHours.delete': defineMethod({
    summary: 'Move business hours to the trash; refused (conflict) while an SLA policy uses them.',
    input: idInput,
    output: businessHoursSchema,
  }),
  'slaPolicies.list': defineMethod({
    summary: 'SLA policies in the order they are tried.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(slaPolicySchema) }),
  }),
  'slaPolicies.save': defineMethod({
    summary:
      'Create (no id) or change an SLA policy: first-response and resolution targets per priority, in business minutes.',
    input: z.strictObject({
      id: idSchema.optional(),
      name,
      businessHoursId: idSchema.nullable().optional(),
      targets: targetsInput,
      category,
      position: z.number().int().optional(),
      isDefault: z.boolean().optional(),
    }),
    output: slaPolicySchema,
  }),
  'slaPolicies.delete': defineMethod({
    summary:
      'Move an SLA policy to the trash; its open tickets get the policy that now applies, resolved and closed ones keep their due times.',
    input: idInput,
    output: slaPolicySchema,
  }),
  'ticketRules.list': defineMethod({
    summary: 'Assignment rules in the order they are tried.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(assignmentRuleSchema) }),
  }),
  'ticketRules.save': defineMethod({
    summary:
      'Create (no id) or change an assignment rule: round robin over members, or one member, for a category or all.',
    input: z.strictObject({
      id: idSchema.optional(),
      name,
      enabled: z.boolean().optional(),
      position: z.number().int().optional(),
      category,
      strategy: z.enum(ASSIGNMENT_STRATEGIES, { error: 'validation.invalid_value' }),
      memberIds: z.array(idSchema).min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_big' }),
    }),
    output: assignmentRuleSchema,
  }),
  'ticketRules.delete': defineMethod({
    summary: 'Move an assignment rule to the trash; tickets it assigned keep their assignee.',
    input: idInput,
    output: assignmentRuleSchema,
  }),
};
