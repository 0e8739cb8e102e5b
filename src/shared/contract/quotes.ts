import { z } from 'zod';
import { QUOTE_STATUSES } from '../domain/billing';
import { idInput, idSchema, isoDate, optionalText, recordMeta } from './common';
import { defineMethod } from './define';
import { currencySchema, discountPercent, lineInput, lineSchema, totalsSchema } from './products';

const documentFields = {
  number: z.string(),
  dealId: z.string().nullable(),
  dealTitle: z.string().nullable(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  contactId: z.string().nullable(),
  contactName: z.string().nullable(),
  currency: z.string(),
  issueDate: z.string(),
  discountPercent: z.number(),
  terms: z.string().nullable(),
  notes: z.string().nullable(),
  lines: z.array(lineSchema),
  totals: totalsSchema,
};
export { documentFields };

export const quoteSchema = z.object({
  ...recordMeta,
  ...documentFields,
  expiryDate: z.string().nullable(),
  /** The price list its lines are priced from (null: the products' own prices). */
  priceListId: z.string().nullable(),
  /** What was decided, or "expired" for a draft or sent quote past its expiry date. */
  status: z.enum(QUOTE_STATUSES),
  sentAt: z.number().nullable(),
  decidedAt: z.number().nullable(),
  /** The invoice made from this quote, if any. */
  invoiceId: z.string().nullable(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const quoteSummarySchema = quoteSchema.omit({ lines: true });
export type QuoteSummary = z.infer<typeof quoteSummarySchema>;

const quoteFields = {
  companyId: idSchema.nullable().optional(),
  contactId: idSchema.nullable().optional(),
  issueDate: isoDate.optional(),
  expiryDate: isoDate.nullable().optional(),
  discountPercent: discountPercent.optional(),
  /** Lines without a price take the list's; kept on the quote. Null: the products' own prices. */
  priceListId: idSchema.nullable().optional(),
  terms: optionalText(10_000),
  notes: optionalText(10_000),
  lines: z.array(lineInput).max(500, { error: 'validation.too_big' }).optional(),
};

export const pdfOutput = z.object({
  fileName: z.string(),
  contentType: z.literal('application/pdf'),
  /** The PDF file, base64-encoded (it crosses JSON transports as text). */
  base64: z.string(),
});

export const billingSettingsSchema = z.object({
  companyName: z.string(),
  companyAddress: z.string(),
  companyTaxId: z.string(),
  /** A PNG or JPEG as a data: URL, printed at the top of quotes and invoices. */
  companyLogo: z.string(),
  quotePrefix: z.string(),
  invoicePrefix: z.string(),
  /** This device's code in numbers ("INV-A-0007"): set one per device when several bill offline. Not synced. */
  deviceCode: z.string(),
  quoteValidityDays: z.number().int(),
  invoiceDueDays: z.number().int(),
  defaultTerms: z.string(),
});
export type BillingSettings = z.infer<typeof billingSettingsSchema>;

const prefix = z
  .string()
  .trim()
  .max(20, { error: 'validation.too_long' })
  .regex(/^[\p{L}\p{N} ._/-]*$/u, { error: 'validation.invalid_value' });
const days = z
  .number({ error: 'validation.invalid_type' })
  .int()
  .min(0, { error: 'validation.too_small' })
  .max(3650, { error: 'validation.too_big' });

export const crossSellSuggestionSchema = z.object({
  productId: z.string(),
  productName: z.string(),
  /** cross: bought together by similar customers; up: the next product up in the same series. */
  kind: z.enum(['cross', 'up']),
  fromProductId: z.string(),
  fromProductName: z.string(),
  /** Share of customers (won deals grouped by company) holding both products (0..1). */
  support: z.number(),
  /** Of the customers holding the bought product, the share that also hold this one (0..1). */
  confidence: z.number(),
  /** confidence ÷ how common this product is on its own: above 1 means "more than by chance". */
  lift: z.number(),
  /** Why, in the caller's language ("Customers who bought X also bought Y: confidence 62%, lift 2.1"). */
  reason: z.string(),
  reasonKey: z.string(),
  reasonParams: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CrossSellSuggestion = z.infer<typeof crossSellSuggestionSchema>;

export const quotesMethods = {
  'quotes.create': defineMethod({
    summary:
      "Create a draft quote, numbered from the quote sequence. From a deal it takes the deal's company, currency, price list and (without `lines`) its line items.",
    input: z.strictObject({
      dealId: idSchema.optional(),
      currency: currencySchema.optional(),
      ...quoteFields,
    }),
    output: quoteSchema,
  }),
  'quotes.get': defineMethod({ summary: 'One quote with its lines and totals.', input: idInput, output: quoteSchema }),
  'quotes.list': defineMethod({
    summary: 'Quotes, newest first; by deal, company or status.',
    input: z.strictObject({
      dealId: idSchema.optional(),
      companyId: idSchema.optional(),
      status: z.enum(QUOTE_STATUSES).optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({ items: z.array(quoteSummarySchema) }),
  }),
  'quotes.update': defineMethod({
    summary: 'Change a draft quote; `lines` replaces all its lines. Sent or decided quotes are refused.',
    input: z.strictObject({ id: idSchema, currency: currencySchema.optional(), ...quoteFields }),
    output: quoteSchema,
  }),
  'quotes.setStatus': defineMethod({
    summary:
      "Mark a quote sent, accepted, declined (or back to draft). Accepting with `markDealWon` moves its deal to the pipeline's won stage.",
    input: z.strictObject({
      id: idSchema,
      status: z.enum(['draft', 'sent', 'accepted', 'declined']),
      markDealWon: z.boolean().optional(),
    }),
    output: z.object({ quote: quoteSchema, dealWon: z.boolean() }),
  }),
  'quotes.delete': defineMethod({ summary: 'Move a quote to the trash.', input: idInput, output: quoteSchema }),
  'quotes.pdf': defineMethod({
    summary: "The quote as a PDF in the caller's language, with the company's branding from the billing settings.",
    input: idInput,
    output: pdfOutput,
  }),
  'billing.getSettings': defineMethod({
    summary: 'Branding (name, address, tax id, logo) and numbering of quotes and invoices.',
    input: z.strictObject({}),
    output: billingSettingsSchema,
  }),
  'billing.updateSettings': defineMethod({
    summary: 'Change some billing settings: branding, number prefixes, default validity and due days, terms.',
    input: z.strictObject({
      companyName: z.string().trim().max(200, { error: 'validation.too_long' }).optional(),
      companyAddress: z.string().trim().max(1000, { error: 'validation.too_long' }).optional(),
      companyTaxId: z.string().trim().max(50, { error: 'validation.too_long' }).optional(),
      companyLogo: z
        .string()
        .max(1_500_000, { error: 'validation.too_long' })
        .regex(/^(data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+)?$/, { error: 'validation.invalid_value' })
        .optional(),
      quotePrefix: prefix.optional(),
      invoicePrefix: prefix.optional(),
      deviceCode: z
        .string()
        .trim()
        .toUpperCase()
        .max(8, { error: 'validation.too_long' })
        .regex(/^[\p{L}\p{N}]*$/u, { error: 'validation.invalid_value' })
        .optional(),
      quoteValidityDays: days.optional(),
      invoiceDueDays: days.optional(),
      defaultTerms: z.string().trim().max(10_000, { error: 'validation.too_long' }).optional(),
    }),
    output: billingSettingsSchema,
  }),
  'crossSell.suggest': defineMethod({
    summary:
      'Products to offer a company or contact: association rules over won deals\u2019 line items (support, confidence, lift) and the next product up in a series, each with its reason.',
    input: z.strictObject({
      companyId: idSchema.optional(),
      contactId: idSchema.optional(),
      limit: z.number().int().min(1).max(50).optional(),
    }),
    output: z.object({
      items: z.array(crossSellSuggestionSchema),
      /** Customers (won deals grouped by company) the rules were mined from. */
      transactions: z.number().int(),
    }),
  }),
};
