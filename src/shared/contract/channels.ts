import { z } from 'zod';
import { activitySchema, LINKABLE } from './activities';
import { idSchema, limitSchema } from './common';
import { defineMethod } from './define';

/** Social and chat channels an interaction can come through. */
export const CHANNELS = ['linkedin', 'x', 'facebook', 'instagram', 'whatsapp', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_DIRECTIONS = ['inbound', 'outbound'] as const;

export const channelsMethods = {
  'channels.log': defineMethod({
    summary:
      'Log an interaction on LinkedIn, X, Facebook, Instagram, WhatsApp or chat as an activity with its channel, linked to contacts, companies and deals: it shows on their timelines.',
    input: z.strictObject({
      channel: z.enum(CHANNELS, { error: 'validation.invalid_value' }),
      direction: z.enum(CHANNEL_DIRECTIONS, { error: 'validation.invalid_value' }).optional(),
      subject: z.string().trim().max(300, { error: 'validation.too_long' }).optional(),
      body: z.string().trim().min(1, { error: 'validation.required' }).max(100_000, { error: 'validation.too_long' }),
      /** The person's handle or number on that channel. */
      handle: z.string().trim().max(200, { error: 'validation.too_long' }).optional(),
      at: z.number().int().optional(),
      links: z
        .array(
          z.strictObject({ entityType: z.enum(LINKABLE, { error: 'validation.invalid_value' }), entityId: idSchema }),
        )
        .min(1, { error: 'validation.required' })
        .max(100, { error: 'validation.too_big' }),
    }),
    output: activitySchema,
  }),
  'channels.list': defineMethod({
    summary: 'Social and chat interactions newest first, optionally of one channel or one record.',
    input: z.strictObject({
      channel: z.enum(CHANNELS).optional(),
      entityId: idSchema.optional(),
      limit: limitSchema.optional(),
    }),
    output: z.object({ items: z.array(activitySchema) }),
  }),
};
