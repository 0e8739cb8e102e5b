import { z } from 'zod';
import { idInput, idSchema, limitSchema } from './common';
import { defineMethod } from './define';

const name = z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' });
const points = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(-1_000_000_000, { error: 'validation.too_small' })
  .max(1_000_000_000, { error: 'validation.too_big' });
const positive = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(1, { error: 'validation.too_small' })
  .max(1_000_000_000, { error: 'validation.too_big' });

export const loyaltyTierSchema = z.object({
  id: z.string(),
  name: z.string(),
  minPoints: z.number().int(),
  color: z.string().nullable(),
});
export type LoyaltyTierDto = z.infer<typeof loyaltyTierSchema>;

export const loyaltyRuleSchema = z.object({
  id: z.string(),
  name: z.string(),
  points: z.number().int(),
  /** Minor units of the base currency. */
  perAmount: z.number().int(),
  active: z.boolean(),
});
export type LoyaltyRuleDto = z.infer<typeof loyaltyRuleSchema>;

export const loyaltyStandingSchema = z.object({
  companyId: z.string(),
  name: z.string(),
  earned: z.number().int(),
  adjusted: z.number().int(),
  redeemed: z.number().int(),
  balance: z.number().int(),
  spend: z.number(),
  tier: loyaltyTierSchema.nullable(),
});
export type LoyaltyStanding = z.infer<typeof loyaltyStandingSchema>;

export const ledgerEntrySchema = z.object({
  id: z.string().nullable(),
  kind: z.enum(['earn', 'adjust', 'redeem']),
  points: z.number().int(),
  reason: z.string(),
  at: z.number().int(),
  dealId: z.string().nullable(),
});
export type LedgerEntryDto = z.infer<typeof ledgerEntrySchema>;

const ok = z.object({ changed: z.boolean() });

export const loyaltyMethods = {
  'loyalty.settings': defineMethod({
    summary: 'The loyalty tiers (by points reached) and earning rules (points per amount won).',
    input: z.strictObject({}),
    output: z.object({
      currency: z.string(),
      tiers: z.array(loyaltyTierSchema),
      rules: z.array(loyaltyRuleSchema),
    }),
  }),
  'loyalty.saveTier': defineMethod({
    summary: 'Create a tier, or change one when an id is given.',
    input: z.strictObject({
      id: idSchema.optional(),
      name,
      minPoints: points.min(0, { error: 'validation.too_small' }),
      color: z.string().max(30).nullable().optional(),
    }),
    output: loyaltyTierSchema,
  }),
  'loyalty.deleteTier': defineMethod({ summary: 'Delete a tier.', input: idInput, output: ok }),
  'loyalty.saveRule': defineMethod({
    summary: 'Create an earning rule ("points for every perAmount minor units won"), or change one.',
    input: z.strictObject({
      id: idSchema.optional(),
      name,
      points: positive,
      perAmount: positive,
      active: z.boolean().optional(),
    }),
    output: loyaltyRuleSchema,
  }),
  'loyalty.deleteRule': defineMethod({ summary: 'Delete an earning rule.', input: idInput, output: ok }),
  'loyalty.customer': defineMethod({
    summary: 'A customer’s points (earned, adjusted, redeemed, balance, tier) and ledger, newest first.',
    input: z.strictObject({ companyId: idSchema, limit: limitSchema.optional() }),
    output: z.object({
      currency: z.string(),
      standing: loyaltyStandingSchema.nullable(),
      ledger: z.array(ledgerEntrySchema),
    }),
  }),
  'loyalty.addEntry': defineMethod({
    summary:
      'Adjust a customer’s points by hand (positive or negative) or redeem a reward (points taken from the balance).',
    input: z.strictObject({
      companyId: idSchema,
      kind: z.enum(['adjust', 'redeem'], { error: 'validation.invalid_value' }),
      points: points.refine((n) => n !== 0, { error: 'validation.invalid_value' }),
      reason: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
    }),
    output: ledgerEntrySchema,
  }),
  'loyalty.top': defineMethod({
    summary: 'The most loyal (points) or most profitable (won spend) customers.',
    input: z.strictObject({ order: z.enum(['points', 'spend']).optional(), limit: limitSchema.optional() }),
    output: z.object({ currency: z.string(), items: z.array(loyaltyStandingSchema) }),
  }),
};
