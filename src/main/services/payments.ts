import type { Invoice } from '../../shared/contract/invoices';
import { formatMoney } from '../../shared/domain/billing';
import type { Locale } from '../../shared/i18n/locales';
import { newId } from '../../shared/ids';
import { mutate, readRow, write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { CrmError, notFound } from '../errors';
import { getInvoice, paidOn, readInvoice } from './invoices';
import { today } from './quotes';

/**
 * Records a payment against an invoice. The balance is checked inside the write transaction, so
 * two payments recorded at once on this device cannot together pay more than is due.
 */
export function recordPayment(
  db: CrmDb,
  input: { invoiceId: string; amount: number; date?: string; method?: string | null; reference?: string | null },
  options: WriteOptions = {},
  locale: Locale = 'en',
): Invoice {
  write(db, () => {
    const invoice = readInvoice(db, input.invoiceId);
    if (invoice.deleted) throw notFound('entity.invoice');
    if (invoice.voidedAt !== null) throw new CrmError('conflict', 'billing.invoice_void');
    const due = invoice.total - paidOn(db, invoice.id);
    if (input.amount > due) {
      throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
        {
          path: ['amount'],
          key: 'billing.overpayment',
          params: { due: formatMoney(Math.max(0, due), invoice.currency, locale) },
        },
      ]);
    }
    mutate(
      db,
      {
        table: 'payments',
        op: 'insert',
        id: newId(),
        values: {
          invoiceId: invoice.id,
          amount: input.amount,
          date: input.date ?? today(db),
          method: input.method ?? null,
          reference: input.reference ?? null,
        },
      },
      options,
    );
  });
  return getInvoice(db, input.invoiceId);
}

export function deletePayment(db: CrmDb, id: string, options: WriteOptions = {}): Invoice {
  const row = readRow(db, 'payments', id) as { invoiceId: string; deleted: boolean } | undefined;
  if (!row || row.deleted) throw notFound('entity.payment');
  mutate(db, { table: 'payments', op: 'delete', id }, options);
  return getInvoice(db, row.invoiceId);
}
