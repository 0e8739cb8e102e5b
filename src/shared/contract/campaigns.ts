import { z } from 'zod';
import { idInput, idSchema, isoDate, limitSchema, optionalText, recordMeta } from './common';
import { defineMethod } from './define';

export const CAMPAIGN_TYPES = ['email', 'event', 'webinar', 'advertising', 'direct_mail', 'social'] as const;
export const CAMPAIGN_STATUSES = ['planned', 'active', 'paused', 'completed', 'cancelled'] as const;
export const MEMBER_STATUSES = ['targeted', 'sent', 'responded', 'converted', 'opted_out'] as const;
export const RESPONSE_KINDS = ['replied', 'registered', 'attended', 'clicked', 'requested_info', 'other'] as const;
export const AUDIENCE_KINDS = ['view', 'segment', 'contacts'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const campaignStatsSchema = z.object({
  members: z.number(),
  byStatus: z.record(z.enum(MEMBER_STATUSES), z.number()),
  /** Members whose mail waits in this device's outbox. */
  queued: z.number(),
  /** Members the campaign could not mail (no address, a merge field missing for them). */
  failed: z.number(),
  responses: z.number(),
  deals: z.number(),
  wonDeals: z.number(),
  /** Won revenue attributed, in minor units of the base currency. */
  wonRevenue: z.number(),
  baseCurrency: z.string(),
  /** (won revenue − cost) / cost; null until a cost is known. */
  roi: z.number().nullable(),
  responseRate: z.number().nullable(),
  costPerResponse: z.number().nullable(),
});
export type CampaignStats = z.infer<typeof campaignStatsSchema>;

export const campaignSchema = z.object({
  ...recordMeta,
  name: z.string(),
  type: z.enum(CAMPAIGN_TYPES),
  status: z.enum(CAMPAIGN_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budget: z.number().nullable(),
  actualCost: z.number().nullable(),
  currency: z.string().nullable(),
  description: z.string().nullable(),
  ownerId: z.string().nullable(),
  audience: z.record(z.string(), z.unknown()).nullable(),
  templateId: z.string().nullable(),
  rateLimit: z.number(),
  senderNode: z.string().nullable(),
  sendStartedAt: z.number().nullable(),
  stats: campaignStatsSchema,
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignMemberSchema = z.object({
  ...recordMeta,
  campaignId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  email: z.string().nullable(),
  status: z.enum(MEMBER_STATUSES),
  outboxId: z.string().nullable(),
  queuedAt: z.number().nullable(),
  sentAt: z.number().nullable(),
  respondedAt: z.number().nullable(),
  lastError: z.string().nullable(),
});
export type CampaignMember = z.infer<typeof campaignMemberSchema>;

export const campaignResponseSchema = z.object({
  ...recordMeta,
  campaignId: z.string(),
  contactId: z.string(),
  contactName: z.string(),
  kind: z.enum(RESPONSE_KINDS),
  note: z.string().nullable(),
  at: z.number(),
});
export type CampaignResponse = z.infer<typeof campaignResponseSchema>;

const money = z
  .number({ error: 'validation.invalid_type' })
  .int()
  .min(0, { error: 'validation.too_small' })
  .max(1e13, { error: 'validation.too_big' })
  .nullable()
  .optional();
const fields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  type: z.enum(CAMPAIGN_TYPES, { error: 'validation.invalid_value' }),
  startDate: isoDate.nullable().optional(),
  endDate: isoDate.nullable().optional(),
  budget: money,
  actualCost: money,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, { error: 'validation.currency_unknown' })
    .nullable()
    .optional(),
  description: optionalText(10_000),
  ownerId: idSchema.nullable().optional(),
  templateId: idSchema.nullable().optional(),
  rateLimit: z
    .number()
    .int()
    .min(1, { error: 'validation.too_small' })
    .max(10_000, { error: 'validation.too_big' })
    .optional(),
};

export const campaignsMethods = {
  'campaigns.list': defineMethod({
    summary: 'Campaigns, newest first, optionally of one status or type or matching words, with their figures.',
    input: z.strictObject({
      status: z.enum(CAMPAIGN_STATUSES).optional(),
      type: z.enum(CAMPAIGN_TYPES).optional(),
      query: z.string().max(200, { error: 'validation.too_long' }).optional(),
    }),
    output: z.object({ items: z.array(campaignSchema) }),
  }),
  'campaigns.get': defineMethod({
    summary: 'One campaign with its figures and ROI.',
    input: idInput,
    output: campaignSchema,
  }),
  'campaigns.create': defineMethod({
    summary: 'Plan a campaign: type, dates, budget and cost, and for email the template it sends.',
    input: z.strictObject({ ...fields, type: fields.type.optional() }),
    output: campaignSchema,
  }),
  'campaigns.update': defineMethod({
    summary:
      'Change a campaign (its actual cost updates the ROI). Completing or cancelling a campaign that is sending stops it: mails still waiting in the outbox are taken back and nothing more is sent.',
    input: z.strictObject({
      id: idSchema,
      ...fields,
      name: fields.name.optional(),
      type: fields.type.optional(),
      status: z.enum(['planned', 'completed', 'cancelled'], { error: 'validation.invalid_value' }).optional(),
    }),
    output: campaignSchema,
  }),
  'campaigns.delete': defineMethod({
    summary: 'Move a campaign to the trash.',
    input: idInput,
    output: campaignSchema,
  }),
  'campaigns.setAudience': defineMethod({
    summary:
      'Take the audience from a saved contacts view, a segment, or a list of contacts, kept as a snapshot. Opted-out contacts are kept as opted out and never mailed. An empty audience is refused.',
    input: z.strictObject({
      id: idSchema,
      source: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('view'), id: idSchema }),
        z.strictObject({ kind: z.literal('segment'), id: z.string().min(1).max(200) }),
        z.strictObject({
          kind: z.literal('contacts'),
          ids: z.array(idSchema).max(10_000, { error: 'validation.too_big' }),
        }),
      ]),
    }),
    output: campaignSchema,
  }),
  'campaigns.members': defineMethod({
    summary:
      'The members of a campaign with their status, paged; optionally those whose name or address holds some words.',
    input: z.strictObject({
      id: idSchema,
      status: z.enum(MEMBER_STATUSES).optional(),
      query: z.string().max(200, { error: 'validation.too_long' }).optional(),
      limit: limitSchema.optional(),
      cursor: z.string().max(200).optional(),
    }),
    output: z.object({ items: z.array(campaignMemberSchema), nextCursor: z.string().nullable() }),
  }),
  'campaigns.start': defineMethod({
    summary:
      'Start a campaign. An email campaign starts sending through the outbox at its rate limit; refused, with nothing queued, for an empty audience, a missing template or a template with an unknown field. Any other type (event, webinar, advertising, direct mail, social) is only marked active: nothing is sent.',
    input: idInput,
    output: campaignSchema,
  }),
  'campaigns.pause': defineMethod({
    summary: 'Pause sending: mails not yet handed to the server are taken back; nobody is mailed twice.',
    input: idInput,
    output: campaignSchema,
  }),
  'campaigns.resume': defineMethod({
    summary:
      'Resume sending to the members not mailed yet (a campaign of another type than email is only marked active again).',
    input: idInput,
    output: campaignSchema,
  }),
  'campaigns.recordResponse': defineMethod({
    summary: 'Record what a member answered (a reply, a registration, attendance, ...); the member becomes responded.',
    input: z.strictObject({
      id: idSchema,
      contactId: idSchema,
      kind: z.enum(RESPONSE_KINDS, { error: 'validation.invalid_value' }),
      note: optionalText(2000),
    }),
    output: campaignResponseSchema,
  }),
  'campaigns.responses': defineMethod({
    summary: 'Responses to a campaign, newest first.',
    input: idInput,
    output: z.object({ items: z.array(campaignResponseSchema) }),
  }),
  'campaigns.attributeDeal': defineMethod({
    summary:
      "Attribute a deal to the campaign (or take it away with `id: null`); the deal's contacts who are members become converted.",
    input: z.strictObject({ id: idSchema.nullable(), dealId: idSchema }),
    output: z.object({ dealId: z.string(), campaignId: z.string().nullable() }),
  }),
  'campaigns.deals': defineMethod({
    summary: 'The deals attributed to a campaign.',
    input: idInput,
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          title: z.string(),
          amount: z.number().nullable(),
          currency: z.string().nullable(),
          outcome: z.enum(['open', 'won', 'lost']),
        }),
      ),
    }),
  }),
};
