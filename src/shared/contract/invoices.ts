import { z } from 'zod';
import { INVOICE_STATUSES } from '../domain/billing';
import { idInput, idSchema, isoDate, optionalText, recordMeta } from './common';
import { defineMethod } from './define';
import { lineInput, minorAmount } from './products';
import { documentFields, pdfOutput } from './quotes';

export const paymentSchema = z.object({
  ...recordMeta,
  invoiceId: z.string(),
  amount: z.number().int(),
  date: z.string(),
  method: z.string().nullable(),
  reference: z.string().nullable(),
});
export type Payment = z.infer<typeof paymentSchema>;

export const invoiceSchema = z.object({
  ...recordMeta,
  ...documentFields,
  quoteId: z.string().nullable(),
  dueDate: z.string(),
  voidedAt: z.number().nullable(),
  /** Read from payments and the due date: unpaid, partially_paid, paid, overdue (or void). */
  status: z.enum(INVOICE_STATUSES),
  paid: z.number().int(),
  balance: z.number().int(),
  payments: z.array(paymentSchema),
});
export type Invoice = z.infer<typeof invoiceSchema>;
export const invoiceSummarySchema = invoiceSchema.omit({ lines: true, payments: true });
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

const dates = { issueDate: isoDate.optional(), dueDate: isoDate.optional() };

export const invoicesMethods = {
  'invoices.createFromQuote': defineMethod({
    summary: 'Invoice an accepted quote: its lines, discount and totals, the next invoice number, a due date.',
    input: z.strictObject({ quoteId: idSchema, ...dates }),
    output: invoiceSchema,
  }),
  'invoices.createFromDeal': defineMethod({
    summary: "Invoice a won deal's line items.",
    input: z.strictObject({ dealId: idSchema, ...dates }),
    output: invoiceSchema,
  }),
  'invoices.get': defineMethod({
    summary: 'One invoice with its lines, payments and status.',
    input: idInput,
    output: invoiceSchema,
  }),
  'invoices.list': defineMethod({
    summary: 'Invoices, newest first; `overdue` keeps those past due and not fully paid.',
    input: z.strictObject({
      status: z.enum(INVOICE_STATUSES).optional(),
      overdue: z.boolean().optional(),
      companyId: idSchema.optional(),
      dealId: idSchema.optional(),
      limit: z.number().int().min(1).max(1000).optional(),
    }),
    output: z.object({ items: z.array(invoiceSummarySchema) }),
  }),
  'invoices.update': defineMethod({
    summary:
      'Change the due date (not before the issue date), terms or notes of an invoice; `lines` replaces its lines, only while no payment is recorded and it is not void.',
    input: z.strictObject({
      id: idSchema,
      dueDate: isoDate.optional(),
      lines: z
        .array(lineInput)
        .min(1, { error: 'billing.no_lines' })
        .max(500, { error: 'validation.too_big' })
        .optional(),
      terms: optionalText(10_000),
      notes: optionalText(10_000),
    }),
    output: invoiceSchema,
  }),
  'invoices.void': defineMethod({
    summary: 'Cancel an invoice: it keeps its number and reads as void.',
    input: idInput,
    output: invoiceSchema,
  }),
  'invoices.pdf': defineMethod({
    summary: "The invoice as a PDF in the caller's language, with payments and balance due.",
    input: idInput,
    output: pdfOutput,
  }),
  'payments.record': defineMethod({
    summary:
      'Record a payment (partial or full, minor units of the invoice currency); more than the balance is refused.',
    input: z.strictObject({
      invoiceId: idSchema,
      amount: minorAmount.refine((a) => a > 0, { error: 'validation.amount_positive' }),
      date: isoDate.optional(),
      method: optionalText(50),
      reference: optionalText(200),
    }),
    output: invoiceSchema,
  }),
  'payments.delete': defineMethod({
    summary: 'Remove a payment recorded by mistake; the invoice status follows.',
    input: idInput,
    output: invoiceSchema,
  }),
};
