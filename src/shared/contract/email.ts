import { z } from 'zod';
import { LINKABLE } from './activities';
import { idSchema, limitSchema } from './common';
import { defineMethod } from './define';
import { mergeTargetSchema } from './templates';

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;

const address = z.email({ error: 'validation.email_invalid' }).max(320);

export const smtpAccountSchema = z.object({
  host: z.string(),
  port: z.number(),
  security: z.enum(SMTP_SECURITY),
  user: z.string().nullable(),
  fromAddress: z.string(),
  fromName: z.string().nullable(),
  hasPassword: z.boolean(),
  /** safe-storage (the desktop app's keychain) or passphrase (web mode). */
  sealScheme: z.string().nullable(),
  /** False in web mode until the passphrase is given once in this session. */
  unlocked: z.boolean(),
});

export const outboxItemSchema = z.object({
  id: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  attempts: z.number(),
  nextAttemptAt: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.number(),
  sentAt: z.number().nullable(),
  activityId: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const emailMethods = {
  'email.getAccount': defineMethod({
    summary: "This device's SMTP account (never its password), or null.",
    input: z.strictObject({}),
    output: z.object({ account: smtpAccountSchema.nullable() }),
  }),
  'email.saveAccount': defineMethod({
    summary:
      'Sets the SMTP account. The password is sealed with the system keychain in the desktop app, or under `passphrase` in web mode.',
    input: z.strictObject({
      host: z.string().trim().min(1, { error: 'validation.required' }).max(255, { error: 'validation.too_long' }),
      port: z.number({ error: 'validation.invalid_type' }).int().min(1, { error: 'validation.too_small' }).max(65535, {
        error: 'validation.too_big',
      }),
      security: z.enum(SMTP_SECURITY, { error: 'validation.invalid_value' }),
      user: z.string().trim().max(320, { error: 'validation.too_long' }).nullable().optional(),
      password: z.string().max(1000).optional(),
      passphrase: z.string().max(1000).optional(),
      fromAddress: address,
      fromName: z.string().trim().max(200, { error: 'validation.too_long' }).nullable().optional(),
    }),
    output: z.object({ account: smtpAccountSchema }),
  }),
  'email.unlock': defineMethod({
    summary: 'Web mode: gives the passphrase that opens the sealed SMTP password for this session.',
    input: z.strictObject({ passphrase: z.string().min(1, { error: 'validation.required' }).max(1000) }),
    output: z.object({ unlocked: z.boolean() }),
  }),
  'email.send': defineMethod({
    summary:
      'Queues a mail (from a template merged against `target`, or the given subject and body). It goes out when the SMTP server is reachable and is logged once as an email activity.',
    input: z.strictObject({
      to: z.array(address).min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_big' }),
      cc: z.array(address).max(100, { error: 'validation.too_big' }).optional(),
      subject: z.string().trim().max(500, { error: 'validation.too_long' }).optional(),
      body: z.string().max(200_000, { error: 'validation.too_long' }).optional(),
      templateId: idSchema.optional(),
      target: mergeTargetSchema.optional(),
      links: z
        .array(z.strictObject({ entityType: z.enum(LINKABLE), entityId: idSchema }))
        .max(100)
        .optional(),
    }),
    output: outboxItemSchema,
  }),
  'email.outbox': defineMethod({
    summary: 'Mail waiting, sending, failed or recently sent, newest first.',
    input: z.strictObject({ status: z.enum(OUTBOX_STATUSES).optional(), limit: limitSchema.optional() }),
    output: z.object({ items: z.array(outboxItemSchema) }),
  }),
  'email.flush': defineMethod({
    summary: 'Tries every waiting mail now instead of at its next retry time.',
    input: z.strictObject({}),
    output: z.object({ sent: z.number(), waiting: z.number(), failed: z.number() }),
  }),
  'email.cancel': defineMethod({
    summary: 'Removes a mail that has not been sent yet from the outbox.',
    input: z.strictObject({ id: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
};
