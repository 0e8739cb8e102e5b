import {
  getInvoice,
  invoiceFromDeal,
  invoiceFromQuote,
  listInvoices,
  updateInvoice,
  voidInvoice,
} from '../../services/invoices';
import { deletePayment, recordPayment } from '../../services/payments';
import { invoicePdf } from '../../services/pdf';
import { writeOptions, type HandlerMap } from '../context';

type InvoiceMethods =
  | 'invoices.createFromQuote'
  | 'invoices.createFromDeal'
  | 'invoices.get'
  | 'invoices.list'
  | 'invoices.update'
  | 'invoices.void'
  | 'invoices.pdf'
  | 'payments.record'
  | 'payments.delete';

export const invoicesHandlers: HandlerMap<InvoiceMethods> = {
  'invoices.createFromQuote': (input, ctx) => invoiceFromQuote(ctx.db, input, writeOptions(ctx)),
  'invoices.createFromDeal': (input, ctx) => invoiceFromDeal(ctx.db, input, writeOptions(ctx)),
  'invoices.get': (input, ctx) => getInvoice(ctx.db, input.id),
  'invoices.list': (input, ctx) => ({ items: listInvoices(ctx.db, input) }),
  'invoices.update': (input, ctx) => updateInvoice(ctx.db, input, writeOptions(ctx)),
  'invoices.void': (input, ctx) => voidInvoice(ctx.db, input.id, writeOptions(ctx)),
  'invoices.pdf': (input, ctx) => invoicePdf(ctx.db, input.id, ctx.locale),
  'payments.record': (input, ctx) => recordPayment(ctx.db, input, writeOptions(ctx), ctx.locale),
  'payments.delete': (input, ctx) => deletePayment(ctx.db, input.id, writeOptions(ctx)),
};
