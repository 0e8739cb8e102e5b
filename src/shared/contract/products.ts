import { z } from 'zod';
import { isCurrency, QUANTITY_SCALE } from '../domain/billing';
import { idInput, idSchema, optionalText, recordMeta } from './common';
import { defineMethod } from './define';

/*
 * Products, price lists and deal line items. Money crosses the API as integer minor units
 * (cents: 19.99 EUR is 1999), percentages as numbers with up to two decimals (21, 7.5).
 */

const hasDecimals = (value: number, places: number) => {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
};

/** An ISO 4217 code the runtime knows ("eur" is read as EUR). */
export const currencySchema = z
  .string({ error: 'validation.currency_unknown' })
  .trim()
  .toUpperCase()
  .refine((code) => /^[A-Z]{3}$/.test(code) && isCurrency(code), { error: 'validation.currency_unknown' });

/** An amount in minor units (cents), never negative. */
export const minorAmount = z
  .number({ error: 'validation.invalid_type' })
  .int({ error: 'validation.invalid_type' })
  .min(0, { error: 'validation.amount_negative' })
  .max(1e13, { error: 'validation.too_big' });

export const quantitySchema = z
  .number({ error: 'validation.invalid_type' })
  .gt(0, { error: 'validation.quantity_positive' })
  .max(1e9, { error: 'validation.too_big' })
  .refine((q) => hasDecimals(q, Math.log10(QUANTITY_SCALE)), { error: 'validation.quantity_decimals' });

const percent = (rangeKey: 'validation.discount_range' | 'validation.tax_range') =>
  z
    .number({ error: 'validation.invalid_type' })
    .min(0, { error: rangeKey })
    .max(100, { error: rangeKey })
    .refine((p) => hasDecimals(p, 2), { error: 'validation.percent_decimals' });

export const discountPercent = percent('validation.discount_range');
export const taxPercent = percent('validation.tax_range');

const productFields = {
  sku: z.string().trim().max(64, { error: 'validation.too_long' }).nullable().optional(),
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  description: optionalText(5000),
  unitPrice: minorAmount,
  currency: currencySchema,
  taxPercent: taxPercent.optional(),
  /** Category or series ("GTX"): up-sell suggests the next product up in the same series. */
  category: optionalText(100),
  active: z.boolean().optional(),
};

export const productCreateInput = z.strictObject(productFields);
export const productUpdateInput = z.strictObject({
  id: idSchema,
  ...productFields,
  name: productFields.name.optional(),
  unitPrice: minorAmount.optional(),
  currency: currencySchema.optional(),
});

export const productSchema = z.object({
  ...recordMeta,
  sku: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  unitPrice: z.number().int(),
  currency: z.string(),
  taxPercent: z.number(),
  category: z.string().nullable(),
  active: z.boolean(),
});
export type Product = z.infer<typeof productSchema>;

export const priceListSchema = z.object({
  ...recordMeta,
  name: z.string(),
  currency: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
});
export type PriceList = z.infer<typeof priceListSchema>;

export const priceListItemSchema = z.object({
  id: z.string(),
  priceListId: z.string(),
  productId: z.string(),
  productName: z.string(),
  sku: z.string().nullable(),
  unitPrice: z.number().int(),
});

/** One priced line as it is sent in: a product (its price, name and tax by default) or free text. */
export const lineInput = z.strictObject({
  productId: idSchema.nullable().optional(),
  description: z.string().trim().max(500, { error: 'validation.too_long' }).optional(),
  quantity: quantitySchema,
  /** Minor units; by default the product's price (or the price list's). */
  unitPrice: minorAmount.optional(),
  discountPercent: discountPercent.optional(),
  /** By default the product's tax rate. */
  taxPercent: taxPercent.optional(),
});
export type LineInput = z.input<typeof lineInput>;

/** A priced line as stored, with its computed amounts (minor units). */
export const lineSchema = z.object({
  id: z.string(),
  productId: z.string().nullable(),
  description: z.string(),
  quantity: z.number(),
  unitPrice: z.number().int(),
  discountPercent: z.number(),
  taxPercent: z.number(),
  position: z.number(),
  gross: z.number().int(),
  /** quantity × unit price less the line discount: what the line shows. */
  amount: z.number().int(),
  /** After the document discount too: the base its tax is computed on. */
  net: z.number().int(),
  tax: z.number().int(),
  total: z.number().int(),
});
export type Line = z.infer<typeof lineSchema>;

export const totalsSchema = z.object({
  subtotal: z.number().int(),
  discountTotal: z.number().int(),
  taxTotal: z.number().int(),
  total: z.number().int(),
  taxes: z.array(z.object({ rate: z.number(), base: z.number().int(), tax: z.number().int() })),
});
export type Totals = z.infer<typeof totalsSchema>;

export const dealLinesSchema = z.object({
  dealId: z.string(),
  currency: z.string(),
  /** The price list chosen on the deal (null: the products' own prices); it prices lines added later. */
  priceListId: z.string().nullable(),
  items: z.array(lineSchema),
  totals: totalsSchema,
  /** The deal amount the lines set: their total after discounts, before tax (the subtotal). */
  amount: z.number().int(),
});
export type DealLines = z.infer<typeof dealLinesSchema>;

export const productsMethods = {
  'products.create': defineMethod({
    summary: 'Create a product: SKU, name, unit price in minor units of an ISO 4217 currency, tax %, series.',
    input: productCreateInput,
    output: productSchema,
  }),
  'products.get': defineMethod({ summary: 'One product by id.', input: idInput, output: productSchema }),
  'products.list': defineMethod({
    summary: 'Products by name; `query` matches name, SKU or series; inactive ones only with `includeInactive`.',
    input: z.strictObject({
      query: z.string().trim().max(200, { error: 'validation.too_long' }).optional(),
      category: z.string().trim().max(100).optional(),
      includeInactive: z.boolean().optional(),
      trash: z.boolean().optional(),
    }),
    output: z.object({ items: z.array(productSchema) }),
  }),
  'products.update': defineMethod({
    summary: 'Change some fields of a product. Existing quotes and invoices keep their prices.',
    input: productUpdateInput,
    output: productSchema,
  }),
  'products.delete': defineMethod({ summary: 'Move a product to the trash.', input: idInput, output: productSchema }),
  'products.restore': defineMethod({
    summary: 'Bring a product back from the trash.',
    input: idInput,
    output: productSchema,
  }),
  'priceLists.create': defineMethod({
    summary: 'Create a price list in one currency (for a market, a reseller tier, ...).',
    input: z.strictObject({
      name: productFields.name,
      currency: currencySchema,
      description: optionalText(2000),
    }),
    output: priceListSchema,
  }),
  'priceLists.list': defineMethod({
    summary: 'All live price lists.',
    input: z.strictObject({}),
    output: z.object({ items: z.array(priceListSchema) }),
  }),
  'priceLists.update': defineMethod({
    summary: 'Rename, describe or (de)activate a price list.',
    input: z.strictObject({
      id: idSchema,
      name: productFields.name.optional(),
      description: optionalText(2000),
      active: z.boolean().optional(),
    }),
    output: priceListSchema,
  }),
  'priceLists.delete': defineMethod({
    summary: 'Move a price list to the trash.',
    input: idInput,
    output: priceListSchema,
  }),
  'priceLists.items': defineMethod({
    summary: 'The products priced in a price list, with their price there.',
    input: idInput,
    output: z.object({ items: z.array(priceListItemSchema) }),
  }),
  'priceLists.setPrice': defineMethod({
    summary: "Set a product's price in a price list (minor units of the list's currency); null removes it.",
    input: z.strictObject({ priceListId: idSchema, productId: idSchema, unitPrice: minorAmount.nullable() }),
    output: z.object({ items: z.array(priceListItemSchema) }),
  }),
  'lineItems.list': defineMethod({
    summary: "A deal's line items with their amounts and totals.",
    input: z.strictObject({ dealId: idSchema }),
    output: dealLinesSchema,
  }),
  'lineItems.add': defineMethod({
    summary:
      "Add a line to a deal (a product's price by default, or the price list's: the one given, else the one chosen on the deal); the deal amount becomes the lines' net total.",
    input: lineInput.extend({ dealId: idSchema, priceListId: idSchema.optional() }),
    output: dealLinesSchema,
  }),
  'lineItems.update': defineMethod({
    summary: 'Change a line item; the deal amount follows.',
    input: z.strictObject({
      id: idSchema,
      description: z.string().trim().min(1, { error: 'validation.required' }).max(500).optional(),
      quantity: quantitySchema.optional(),
      unitPrice: minorAmount.optional(),
      discountPercent: discountPercent.optional(),
      taxPercent: taxPercent.optional(),
      position: z.number().optional(),
    }),
    output: dealLinesSchema,
  }),
  'lineItems.applyPriceList': defineMethod({
    summary:
      "Choose the price list a deal is priced from, kept on the deal: lines whose product the list prices take that price, lines added later are priced from it, the deal amount follows; null goes back to the products' own prices. A list in another currency than the deal's lines or amount is refused.",
    input: z.strictObject({ dealId: idSchema, priceListId: idSchema.nullable() }),
    output: dealLinesSchema.extend({ repriced: z.number().int() }),
  }),
  'lineItems.remove': defineMethod({
    summary: 'Remove a line item; the deal amount follows.',
    input: idInput,
    output: dealLinesSchema,
  }),
};
