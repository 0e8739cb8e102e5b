import { integer, real, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from './columns';

/*
 * Billing: products, price lists, deal line items, quotes, invoices and payments.
 * Money is integer minor units (cents) of the row's currency; percentages are basis points
 * (hundredths of a percent: 21 % = 2100), so totals are integer arithmetic with no float drift.
 * Quantities are decimals with at most three places (the math scales them to thousandths).
 */

export const products = sqliteTable(
  'products',
  {
    ...syncedColumns(),
    sku: text('sku'),
    name: text('name').notNull(),
    description: text('description'),
    unitPrice: integer('unit_price').notNull().default(0),
    currency: text('currency').notNull(),
    taxRate: integer('tax_rate').notNull().default(0),
    /** Category or series ("GTX", "MG"): up-sell suggests the next product of the same series. */
    category: text('category'),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [index('products_name').on(t.deleted, t.name), index('products_sku').on(t.sku)],
);

export const priceLists = sqliteTable('price_lists', {
  ...syncedColumns(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  description: text('description'),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
});

export const priceListItems = sqliteTable(
  'price_list_items',
  {
    ...syncedColumns(),
    priceListId: text('price_list_id').notNull(),
    productId: text('product_id').notNull(),
    unitPrice: integer('unit_price').notNull(),
  },
  (t) => [index('price_list_items_list').on(t.priceListId, t.productId)],
);

/** The columns a priced line shares on deals, quotes and invoices. */
function lineColumns() {
  return {
    productId: text('product_id'),
    description: text('description').notNull(),
    quantity: real('quantity').notNull().default(1),
    unitPrice: integer('unit_price').notNull().default(0),
    discountRate: integer('discount_rate').notNull().default(0),
    taxRate: integer('tax_rate').notNull().default(0),
    position: real('position').notNull().default(0),
  };
}

export const dealLineItems = sqliteTable(
  'deal_line_items',
  { ...syncedColumns(), dealId: text('deal_id').notNull(), ...lineColumns() },
  (t) => [
    index('deal_line_items_deal').on(t.dealId, t.position),
    index('deal_line_items_product').on(t.productId),
    // A won deal's revenue by product read from the index alone (revenue-by-product report).
    index('deal_line_items_won').on(t.dealId, t.deleted, t.productId, t.quantity, t.unitPrice, t.discountRate),
  ],
);

/** Totals a quote or invoice keeps, recomputed from its lines on every write. */
function documentColumns() {
  return {
    number: text('number').notNull(),
    dealId: text('deal_id'),
    companyId: text('company_id'),
    contactId: text('contact_id'),
    currency: text('currency').notNull(),
    issueDate: text('issue_date').notNull(),
    /** Discount on the whole document, after line discounts, before tax. */
    discountRate: integer('discount_rate').notNull().default(0),
    subtotal: integer('subtotal').notNull().default(0),
    discountTotal: integer('discount_total').notNull().default(0),
    taxTotal: integer('tax_total').notNull().default(0),
    total: integer('total').notNull().default(0),
    terms: text('terms'),
    notes: text('notes'),
  };
}

export const quotes = sqliteTable(
  'quotes',
  {
    ...syncedColumns(),
    ...documentColumns(),
    expiryDate: text('expiry_date'),
    /** The price list its lines are priced from: the deal's when made from one (null: products' own prices). */
    priceListId: text('price_list_id'),
    /** draft | sent | accepted | declined ("expired" is read from the expiry date). */
    status: text('status').notNull().default('draft'),
    sentAt: integer('sent_at'),
    decidedAt: integer('decided_at'),
  },
  (t) => [
    index('quotes_deal').on(t.dealId),
    index('quotes_number').on(t.number),
    index('quotes_issue').on(t.deleted, t.issueDate),
  ],
);

export const quoteLines = sqliteTable(
  'quote_lines',
  { ...syncedColumns(), quoteId: text('quote_id').notNull(), ...lineColumns() },
  (t) => [index('quote_lines_quote').on(t.quoteId, t.position)],
);

export const invoices = sqliteTable(
  'invoices',
  {
    ...syncedColumns(),
    ...documentColumns(),
    quoteId: text('quote_id'),
    dueDate: text('due_date').notNull(),
    /** Set when the invoice is cancelled; the status (unpaid, partially paid, paid, overdue) is read from payments. */
    voidedAt: integer('voided_at'),
  },
  (t) => [
    index('invoices_due').on(t.deleted, t.dueDate),
    index('invoices_number').on(t.number),
    index('invoices_deal').on(t.dealId),
    index('invoices_quote').on(t.quoteId),
    // RFM's purchases by customer (company_purchases is recomputed per company and currency).
    index('invoices_company').on(t.companyId, t.currency, t.deleted),
  ],
);

export const invoiceLines = sqliteTable(
  'invoice_lines',
  { ...syncedColumns(), invoiceId: text('invoice_id').notNull(), ...lineColumns() },
  (t) => [index('invoice_lines_invoice').on(t.invoiceId, t.position)],
);

export const payments = sqliteTable(
  'payments',
  {
    ...syncedColumns(),
    invoiceId: text('invoice_id').notNull(),
    amount: integer('amount').notNull(),
    date: text('date').notNull(),
    method: text('method'),
    reference: text('reference'),
  },
  (t) => [index('payments_invoice').on(t.invoiceId)],
);

/**
 * Local, not synced: the last number this device handed out per sequence (quote, invoice). Read
 * and bumped inside the write transaction that creates the document, so one device never hands
 * out a number twice.
 */
export const billingCounters = sqliteTable('billing_counters', {
  sequence: text('sequence').primaryKey(),
  last: integer('last').notNull().default(0),
});

/**
 * Local, not synced: this device's billing preferences. `device_code` (e.g. "A") goes into every
 * number this device hands out ("INV-A-0007"), so two devices numbering offline never clash.
 */
export const billingDevice = sqliteTable('billing_device', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
