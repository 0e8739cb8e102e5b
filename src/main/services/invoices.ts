import type { Invoice, InvoiceSummary, Payment } from '../../shared/contract/invoices';
import type { LineInput } from '../../shared/contract/products';
import { addDays, invoiceStatus, rateToPercent, type InvoiceStatus } from '../../shared/domain/billing';
import { newId } from '../../shared/ids';
import { mutate, readRow, write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { CrmError, notFound } from '../errors';
import { readDeal, readLines } from './line-items';
import { pricedLines, type StoredLine } from './money';
import { nextNumber } from './numbering';
import { invoiceOf, lineMutations, partyNames, readQuote, resolveLines, today, type DocumentRow } from './quotes';
import { getSetting } from './settings';

export interface InvoiceRow extends DocumentRow {
  quoteId: string | null;
  dueDate: string;
  voidedAt: number | null;
}

export function readInvoice(db: CrmDb, id: string): InvoiceRow {
  const row = readRow(db, 'invoices', id) as InvoiceRow | undefined;
  if (!row) throw notFound('entity.invoice');
  return row;
}

export function paidOn(db: CrmDb, invoiceId: string): number {
  return db.sqlite
    .prepare('SELECT coalesce(sum(amount), 0) FROM payments WHERE invoice_id = ? AND deleted = 0')
    .pluck()
    .get(invoiceId) as number;
}

function paymentsOf(db: CrmDb, invoiceId: string): Payment[] {
  const ids = db.sqlite
    .prepare('SELECT id FROM payments WHERE invoice_id = ? AND deleted = 0 ORDER BY date, created_at')
    .pluck()
    .all(invoiceId) as string[];
  return ids.map((id) => readRow(db, 'payments', id) as Payment);
}

function summaryOf(db: CrmDb, row: InvoiceRow, paid = paidOn(db, row.id)): InvoiceSummary {
  const { discountRate, subtotal, discountTotal, taxTotal, total, ...rest } = row;
  return {
    ...rest,
    ...partyNames(db, row),
    discountPercent: rateToPercent(discountRate),
    totals: { subtotal, discountTotal, taxTotal, total, taxes: [] },
    status: invoiceStatus(total, paid, row.dueDate, today(db), row.voidedAt !== null),
    paid,
    balance: row.voidedAt !== null ? 0 : Math.max(0, total - paid),
  };
}

export function getInvoice(db: CrmDb, id: string): Invoice {
  const row = readInvoice(db, id);
  const { lines, totals } = pricedLines(readLines(db, 'invoice_lines', id), row.discountRate);
  return { ...summaryOf(db, row), lines, totals, payments: paymentsOf(db, id) };
}

/**
 * Invoices newest first. The overdue filter is done in SQL (due date before today, payments short
 * of the total), so a long history stays quick to filter.
 */
export function listInvoices(
  db: CrmDb,
  input: { status?: InvoiceStatus; overdue?: boolean; companyId?: string; dealId?: string; limit?: number },
): InvoiceSummary[] {
  const where = ['i.deleted = 0'];
  const params: unknown[] = [];
  if (input.companyId) {
    where.push('i.company_id = ?');
    params.push(input.companyId);
  }
  if (input.dealId) {
    where.push('i.deal_id = ?');
    params.push(input.dealId);
  }
  if (input.overdue || input.status === 'overdue') {
    where.push('i.voided_at IS NULL AND i.due_date < ? AND paid < i.total');
    params.push(today(db));
  }
  const rows = db.sqlite
    .prepare(
      `SELECT i.id, (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.invoice_id = i.id AND p.deleted = 0) AS paid
       FROM invoices i WHERE ${where.join(' AND ')} ORDER BY i.issue_date DESC, i.number DESC LIMIT ?`,
    )
    .all(...params, input.status ? 10_000 : (input.limit ?? 200)) as { id: string; paid: number }[];
  const items = rows.map((r) => summaryOf(db, readInvoice(db, r.id), r.paid));
  return (input.status ? items.filter((i) => i.status === input.status) : items).slice(0, input.limit ?? 200);
}

/** A due date before the issue date would make an invoice overdue the day it is issued: refused. */
function checkDueDate(issueDate: string, dueDate: string): void {
  // ISO dates (YYYY-MM-DD) compare as text.
  if (dueDate < issueDate) {
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
      { path: ['dueDate'], key: 'billing.due_before_issue', params: { due: dueDate, issue: issueDate } },
    ]);
  }
}

function dueDateOf(issueDate: string, dueDate: string | undefined, db: CrmDb): string {
  if (dueDate !== undefined) checkDueDate(issueDate, dueDate);
  return dueDate ?? addDays(issueDate, getSetting(db, 'invoiceDueDays'));
}

function insertInvoice(
  db: CrmDb,
  source: {
    quoteId: string | null;
    dealId: string | null;
    companyId: string | null;
    contactId: string | null;
    currency: string;
    discountRate: number;
    terms: string | null;
    notes: string | null;
    lines: Omit<StoredLine, 'id' | 'position'>[];
  },
  dates: { issueDate?: string; dueDate?: string },
  options: WriteOptions,
): string {
  const id = newId();
  const { lines, ...rest } = source;
  if (!lines.length)
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [{ path: ['lines'], key: 'billing.no_lines' }]);
  const { mutations, totals } = lineMutations(
    db,
    'invoice_lines',
    { column: 'invoiceId', id },
    lines,
    source.discountRate,
  );
  const issueDate = dates.issueDate ?? today(db);
  const values = {
    ...rest,
    number: nextNumber(db, 'invoice'),
    issueDate,
    dueDate: dueDateOf(issueDate, dates.dueDate, db),
    ...totals,
  };
  mutate(db, [{ table: 'invoices', op: 'insert', id, values }, ...mutations], options);
  return id;
}

const withoutIds = (lines: StoredLine[]) => lines.map(({ id: _id, position: _p, ...line }) => line);

export function invoiceFromQuote(
  db: CrmDb,
  input: { quoteId: string; issueDate?: string; dueDate?: string },
  options: WriteOptions = {},
): Invoice {
  const id = write(db, () => {
    const quote = readQuote(db, input.quoteId);
    if (quote.deleted) throw notFound('entity.quote');
    if (quote.status !== 'accepted') throw new CrmError('conflict', 'billing.quote_not_accepted');
    const existing = invoiceOf(db, quote.id);
    if (existing) throw new CrmError('conflict', 'billing.already_invoiced', { number: existing.number });
    return insertInvoice(
      db,
      {
        quoteId: quote.id,
        dealId: quote.dealId,
        companyId: quote.companyId,
        contactId: quote.contactId,
        currency: quote.currency,
        discountRate: quote.discountRate,
        terms: quote.terms,
        notes: quote.notes,
        lines: withoutIds(readLines(db, 'quote_lines', quote.id)),
      },
      input,
      options,
    );
  });
  return getInvoice(db, id);
}

export function isDealWon(db: CrmDb, stageId: string | null): boolean {
  if (!stageId) return false;
  return db.sqlite.prepare('SELECT kind FROM stages WHERE id = ?').pluck().get(stageId) === 'won';
}

export function invoiceFromDeal(
  db: CrmDb,
  input: { dealId: string; issueDate?: string; dueDate?: string },
  options: WriteOptions = {},
): Invoice {
  const id = write(db, () => {
    const deal = readDeal(db, input.dealId);
    if (!isDealWon(db, deal.stageId)) throw new CrmError('conflict', 'billing.deal_not_won');
    return insertInvoice(
      db,
      {
        quoteId: null,
        dealId: deal.id,
        companyId: deal.companyId,
        contactId: null,
        currency: deal.currency ?? getSetting(db, 'baseCurrency'),
        discountRate: 0,
        terms: getSetting(db, 'defaultTerms') || null,
        notes: null,
        lines: withoutIds(readLines(db, 'deal_line_items', deal.id)),
      },
      input,
      options,
    );
  });
  return getInvoice(db, id);
}

export function updateInvoice(
  db: CrmDb,
  input: { id: string; dueDate?: string; terms?: string | null; notes?: string | null; lines?: LineInput[] },
  options: WriteOptions = {},
): Invoice {
  const { id, lines, ...values } = input;
  write(db, () => {
    const row = readInvoice(db, id);
    if (values.dueDate !== undefined) checkDueDate(row.issueDate, values.dueDate);
    if (!lines) {
      mutate(db, { table: 'invoices', op: 'update', id, values }, options);
      return;
    }
    // Lines may be corrected until money is received against them; after that the document stands.
    if (row.voidedAt !== null) throw new CrmError('conflict', 'billing.invoice_void');
    if (paidOn(db, id) > 0) throw new CrmError('conflict', 'billing.invoice_lines_locked');
    const resolved = resolveLines(db, lines, row.currency, undefined);
    const { mutations, totals } = lineMutations(
      db,
      'invoice_lines',
      { column: 'invoiceId', id },
      resolved,
      row.discountRate,
    );
    mutate(db, [{ table: 'invoices', op: 'update', id, values: { ...values, ...totals } }, ...mutations], options);
  });
  return getInvoice(db, id);
}

export function voidInvoice(db: CrmDb, id: string, options: WriteOptions = {}): Invoice {
  const row = readInvoice(db, id);
  if (row.voidedAt === null)
    mutate(db, { table: 'invoices', op: 'update', id, values: { voidedAt: db.now() } }, options);
  return getInvoice(db, id);
}
