import { z } from 'zod';
import { isCurrency } from '../domain/currencies';
import { idInput, idSchema, isoDate, limitSchema, optionalText, pageOf, recordMeta } from './common';
import { companySchema } from './companies';
import { contactSchema } from './contacts';
import { defineMethod } from './define';
import { fieldsOutput, recordListInput } from './lists';
import { STAGE_KINDS } from './pipelines';

/** An ISO 4217 code ("EUR"); lower case is accepted. */
export const isoCurrencySchema = z
  .string({ error: 'validation.invalid_type' })
  .trim()
  .toUpperCase()
  .refine(isCurrency, { error: 'validation.currency_unknown' });

/** Suggested roles of a contact on a deal; any other text is kept as typed. */
export const DEAL_ROLES = ['decision_maker', 'influencer', 'user', 'champion', 'economic_buyer', 'technical'] as const;

/** An amount in minor units of its currency (cents): 1234.56 EUR is 123456. */
const amount = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(0, { error: 'validation.too_small' })
  .max(Number.MAX_SAFE_INTEGER, { error: 'validation.too_big' });
const probability = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(0, { error: 'validation.too_small' })
  .max(100, { error: 'validation.too_big' });
const reason = z.string().trim().max(500, { error: 'validation.too_long' });
const role = z.string().trim().max(100, { error: 'validation.too_long' }).nullable().optional();

export const dealContactInput = z.strictObject({ contactId: idSchema, role });

const dealFields = {
  title: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  /** Without a stage: the first open stage of the pipeline (of the first pipeline without either). */
  pipelineId: idSchema.optional(),
  stageId: idSchema.optional(),
  amount: amount.nullable().optional(),
  /** Defaults to the workspace base currency. */
  currency: isoCurrencySchema.optional(),
  expectedClose: isoDate.nullable().optional(),
  /** An override of the stage's default probability; null goes back to the stage's. */
  probability: probability.nullable().optional(),
  companyId: idSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  source: optionalText(100),
  campaignId: idSchema.nullable().optional(),
  nextStep: optionalText(500),
  /** Required when the deal is (or goes) in a lost stage. */
  lostReason: reason.nullable().optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const dealCreateInput = z.strictObject({
  ...dealFields,
  contacts: z.array(dealContactInput).max(50, { error: 'validation.too_big' }).optional(),
});
export type DealCreateInput = z.input<typeof dealCreateInput>;

export const dealUpdateInput = z.strictObject({ id: idSchema, ...dealFields, title: dealFields.title.optional() });
export type DealUpdateInput = z.input<typeof dealUpdateInput>;

export const DEAL_STATUSES = STAGE_KINDS;

export const dealSchema = z.object({
  ...recordMeta,
  title: z.string(),
  pipelineId: z.string().nullable(),
  stageId: z.string().nullable(),
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  expectedClose: z.string().nullable(),
  /** The override, or null when the stage's default applies. */
  probability: z.number().int().nullable(),
  companyId: z.string().nullable(),
  ownerId: z.string().nullable(),
  source: z.string().nullable(),
  campaignId: z.string().nullable(),
  nextStep: z.string().nullable(),
  lostReason: z.string().nullable(),
  /** The price list its lines are priced from (set with lineItems.applyPriceList). */
  priceListId: z.string().nullable(),
  engagedAt: z.number().int().nullable(),
  /** When it was won or lost. */
  closedAt: z.number().int().nullable(),
  stageEnteredAt: z.number().int().nullable(),
  /** The stage's kind: open, won or lost. */
  status: z.enum(STAGE_KINDS),
  stageName: z.string().nullable(),
  /** The probability that counts: the override or the stage's default. */
  effectiveProbability: z.number().int(),
  /** Longer in its open stage than the stage's rotting days. */
  rotting: z.boolean(),
});
export type Deal = z.infer<typeof dealSchema>;

/** The board's filters, shared by its totals and its column pages. */
export const boardFilterInput = {
  pipelineId: idSchema,
  /** Words, as in the lists. */
  query: z.string().trim().max(200, { error: 'validation.too_long' }).optional(),
  ownerIds: z
    .array(z.union([idSchema, z.literal('me')]))
    .max(100, { error: 'validation.too_big' })
    .optional(),
  teamId: idSchema.optional(),
  /** Expected close in this month, YYYY-MM. */
  closeMonth: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'validation.invalid_value' })
    .optional(),
  /** Deals with any of these tags. */
  tagIds: z.array(idSchema).max(50, { error: 'validation.too_big' }).optional(),
};

export const boardCardSchema = z.object({
  id: z.string(),
  title: z.string(),
  stageId: z.string(),
  amount: z.number().int().nullable(),
  currency: z.string().nullable(),
  expectedClose: z.string().nullable(),
  effectiveProbability: z.number().int(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  ownerId: z.string().nullable(),
  stageEnteredAt: z.number().int().nullable(),
  rotting: z.boolean(),
  lostReason: z.string().nullable(),
});
export type BoardCard = z.infer<typeof boardCardSchema>;

/** Totals in minor units of the base currency; deals whose currency has no rate are left out and listed. */
export const columnTotalsSchema = z.object({
  count: z.number().int(),
  sum: z.number().int(),
  weighted: z.number().int(),
  missingRates: z.array(z.string()),
});
export type ColumnTotals = z.infer<typeof columnTotalsSchema>;

export const boardColumnSchema = z.object({
  stageId: z.string(),
  totals: columnTotalsSchema,
  items: z.array(boardCardSchema),
  nextCursor: z.string().nullable(),
});
export type BoardColumn = z.infer<typeof boardColumnSchema>;

export const dealContactSchema = z.object({
  id: z.string(),
  dealId: z.string(),
  contactId: z.string(),
  role: z.string().nullable(),
  name: z.string(),
});
export type DealContact = z.infer<typeof dealContactSchema>;

export const stageStaySchema = z.object({
  id: z.string(),
  stageId: z.string(),
  stageName: z.string(),
  pipelineId: z.string(),
  enteredAt: z.number().int(),
  leftAt: z.number().int().nullable(),
  /** Time spent in the stage, so far if it is still there. */
  durationMs: z.number().int(),
});
export type StageStay = z.infer<typeof stageStaySchema>;

export const exchangeRateSchema = z.object({
  id: z.string(),
  currency: z.string(),
  base: z.string(),
  /** One unit of `currency` in units of `base`. */
  rate: z.number(),
  updatedAt: z.number().int(),
});
export type ExchangeRate = z.infer<typeof exchangeRateSchema>;

export const dealListInput = recordListInput.extend({
  pipelineId: idSchema.optional(),
  stageId: idSchema.optional(),
  status: z.enum(STAGE_KINDS, { error: 'validation.invalid_value' }).optional(),
  companyId: idSchema.optional(),
  contactId: idSchema.optional(),
});

const ids = z.array(idSchema).min(1, { error: 'validation.required' }).max(100_000, { error: 'validation.too_big' });
const changed = z.object({ changed: z.number().int() });

export const dealsMethods = {
  'deals.create': defineMethod({
    summary:
      'Create a deal. Amounts are minor units of the currency (the base currency by default); the stage must belong to the pipeline.',
    input: dealCreateInput,
    output: dealSchema,
  }),
  'deals.get': defineMethod({ summary: 'One deal by id.', input: idInput, output: dealSchema }),
  'deals.update': defineMethod({
    summary:
      'Change some fields of a deal. A new stage is recorded in its stage history; a stage of another pipeline is refused unless the pipeline changes with it.',
    input: dealUpdateInput,
    output: dealSchema,
  }),
  'deals.move': defineMethod({
    summary:
      'Move a deal to another stage of its pipeline (the board drag). Entering a lost stage needs a reason; entering won or lost sets the close date.',
    input: z.strictObject({ id: idSchema, stageId: idSchema, lostReason: reason.optional() }),
    output: dealSchema,
  }),
  'deals.win': defineMethod({
    summary: "Mark a deal won: it moves to its pipeline's won stage.",
    input: idInput,
    output: dealSchema,
  }),
  'deals.lose': defineMethod({
    summary: "Mark a deal lost with a reason: it moves to its pipeline's lost stage.",
    input: z.strictObject({ id: idSchema, reason: reason.min(1, { error: 'validation.lost_reason_required' }) }),
    output: dealSchema,
  }),
  'deals.delete': defineMethod({ summary: 'Move a deal to the trash.', input: idInput, output: dealSchema }),
  'deals.restore': defineMethod({ summary: 'Bring a deal back from the trash.', input: idInput, output: dealSchema }),
  'deals.list': defineMethod({
    summary: 'A page of deals with the list features (words, filters, sorts, quick filters), keyset-paginated.',
    input: dealListInput,
    output: pageOf(dealSchema),
  }),
  'deals.count': defineMethod({
    summary: 'How many deals match the same filter as `deals.list`.',
    input: dealListInput,
    output: z.object({ count: z.number().int() }),
  }),
  'deals.fields': defineMethod({
    summary: 'The fields deal lists can filter and sort on (custom fields included).',
    input: z.strictObject({}),
    output: fieldsOutput,
  }),
  'deals.board': defineMethod({
    summary:
      "A pipeline's board: per live stage its totals (count, sum, weighted sum in the base currency) and its first cards.",
    input: z.strictObject({ ...boardFilterInput, limit: limitSchema.optional() }),
    output: z.object({ baseCurrency: z.string(), columns: z.array(boardColumnSchema) }),
  }),
  'deals.column': defineMethod({
    summary: 'The next page of cards of one board column (same filters as `deals.board`).',
    input: z.strictObject({
      ...boardFilterInput,
      stageId: idSchema,
      cursor: z.string().max(500),
      limit: limitSchema.optional(),
    }),
    output: pageOf(boardCardSchema),
  }),
  'deals.contacts': defineMethod({
    summary: 'The contacts on a deal with their role.',
    input: idInput,
    output: z.object({ items: z.array(dealContactSchema) }),
  }),
  'deals.linkContact': defineMethod({
    summary: 'Put a contact on a deal with a role (or change the role).',
    input: z.strictObject({ dealId: idSchema, contactId: idSchema, role }),
    output: dealContactSchema,
  }),
  'deals.unlinkContact': defineMethod({
    summary: 'Take a contact off a deal.',
    input: z.strictObject({ dealId: idSchema, contactId: idSchema }),
    output: z.object({ removed: z.boolean() }),
  }),
  'deals.history': defineMethod({
    summary: "A deal's stage history, oldest first: each stage with when it entered and left.",
    input: idInput,
    output: z.object({ items: z.array(stageStaySchema) }),
  }),
  'deals.bulkUpdate': defineMethod({
    summary: 'Set the owner of many deals at once: all or none.',
    input: z.strictObject({ ids, patch: z.strictObject({ ownerId: idSchema.nullable() }) }),
    output: changed,
  }),
  'deals.bulkDelete': defineMethod({
    summary: 'Move many deals to the trash at once (all or none).',
    input: z.strictObject({ ids }),
    output: changed,
  }),
  'deals.bulkRestore': defineMethod({
    summary: 'Bring many deals back from the trash at once (all or none).',
    input: z.strictObject({ ids }),
    output: changed,
  }),
  'contacts.convertLead': defineMethod({
    summary:
      'Turn a lead into a customer in one step: lifecycle stage customer, a company created (by name) or linked, a deal created or linked.',
    input: z.strictObject({
      contactId: idSchema,
      /** An existing company, or the name of one to create; without either, the contact\'s primary company. */
      companyId: idSchema.optional(),
      companyName: z.string().trim().min(1, { error: 'validation.required' }).max(200).optional(),
      /** An existing deal to link; otherwise a new one is made from `deal` (title defaults to the company\'s name). */
      dealId: idSchema.optional(),
      deal: z
        .strictObject({
          title: dealFields.title.optional(),
          pipelineId: idSchema.optional(),
          stageId: idSchema.optional(),
          amount: amount.nullable().optional(),
          currency: isoCurrencySchema.optional(),
          expectedClose: isoDate.nullable().optional(),
        })
        .optional(),
      /** The contact's role on the deal; "decision_maker" by default. */
      role,
    }),
    output: z.object({ contact: contactSchema, company: companySchema.nullable(), deal: dealSchema }),
  }),
  'exchangeRates.list': defineMethod({
    summary: 'The exchange rates used for totals, and the base currency they convert to.',
    input: z.strictObject({}),
    output: z.object({ baseCurrency: z.string(), items: z.array(exchangeRateSchema) }),
  }),
  'exchangeRates.set': defineMethod({
    summary: 'Set how much one unit of a currency is worth in the base currency.',
    input: z.strictObject({
      currency: isoCurrencySchema,
      rate: z
        .number({ error: 'validation.invalid_type' })
        .positive({ error: 'validation.too_small' })
        .max(1e9, { error: 'validation.too_big' }),
    }),
    output: exchangeRateSchema,
  }),
  'exchangeRates.delete': defineMethod({
    summary: 'Forget an exchange rate.',
    input: idInput,
    output: z.object({ removed: z.boolean() }),
  }),
};
