import type { LineInput } from '../../shared/contract/products';
import type { Quote, QuoteSummary } from '../../shared/contract/quotes';
import {
  addDays,
  documentTotals,
  effectiveQuoteStatus,
  localDate,
  percentToRate,
  rateToPercent,
  type QuoteStatus,
} from '../../shared/domain/billing';
import { newId } from '../../shared/ids';
import { mutate, readRow, write, type Mutation, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { CrmError, notFound } from '../errors';
import { winDeal } from './deals';
import { livePriceList, productPrice, readDeal, readLines, type LineTable } from './line-items';
import { pricedLines, resolveLine, type StoredLine } from './money';
import { nextNumber } from './numbering';
import { getSetting } from './settings';

/** The columns quotes and invoices share, as stored. */
export interface DocumentRow {
  id: string;
  deleted: boolean;
  mergedInto: string | null;
  createdAt: number;
  updatedAt: number;
  createdBy: string | null;
  updatedBy: string | null;
  custom: Record<string, unknown>;
  number: string;
  dealId: string | null;
  companyId: string | null;
  contactId: string | null;
  currency: string;
  issueDate: string;
  discountRate: number;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  terms: string | null;
  notes: string | null;
}

interface QuoteRow extends DocumentRow {
  expiryDate: string | null;
  priceListId: string | null;
  status: string;
  sentAt: number | null;
  decidedAt: number | null;
}

export function today(db: CrmDb): string {
  return localDate(db.now());
}

/** Names of the deal, company and contact a document is for (null when gone or not set). */
export function partyNames(db: CrmDb, row: Pick<DocumentRow, 'dealId' | 'companyId' | 'contactId'>) {
  const name = (sql: string, id: string | null) =>
    id ? ((db.sqlite.prepare(sql).pluck().get(id) as string | undefined) ?? null) : null;
  return {
    dealTitle: name('SELECT title FROM deals WHERE id = ?', row.dealId),
    companyName: name('SELECT name FROM companies WHERE id = ?', row.companyId),
    contactName: name(
      "SELECT trim(first_name || ' ' || coalesce(last_name, '')) FROM contacts WHERE id = ?",
      row.contactId,
    ),
  };
}

function readQuote(db: CrmDb, id: string): QuoteRow {
  const row = readRow(db, 'quotes', id) as QuoteRow | undefined;
  if (!row) throw notFound('entity.quote');
  return row;
}

function invoiceOf(db: CrmDb, quoteId: string): { id: string; number: string } | undefined {
  return db.sqlite
    .prepare('SELECT id, number FROM invoices WHERE quote_id = ? AND deleted = 0 AND voided_at IS NULL LIMIT 1')
    .get(quoteId) as { id: string; number: string } | undefined;
}

function summaryOf(db: CrmDb, row: QuoteRow): QuoteSummary {
  const { discountRate, subtotal, discountTotal, taxTotal, total, ...rest } = row;
  return {
    ...rest,
    ...partyNames(db, row),
    discountPercent: rateToPercent(discountRate),
    status: effectiveQuoteStatus(row.status, row.expiryDate, today(db)),
    totals: { subtotal, discountTotal, taxTotal, total, taxes: [] },
    invoiceId: invoiceOf(db, row.id)?.id ?? null,
  };
}

export function getQuote(db: CrmDb, id: string): Quote {
  const row = readQuote(db, id);
  const { lines, totals } = pricedLines(readLines(db, 'quote_lines', id), row.discountRate);
  return { ...summaryOf(db, row), lines, totals };
}

export function listQuotes(
  db: CrmDb,
  input: { dealId?: string; companyId?: string; status?: QuoteStatus; limit?: number },
): QuoteSummary[] {
  const where = ['deleted = 0'];
  const params: unknown[] = [];
  if (input.dealId) {
    where.push('deal_id = ?');
    params.push(input.dealId);
  }
  if (input.companyId) {
    where.push('company_id = ?');
    params.push(input.companyId);
  }
  const ids = db.sqlite
    .prepare(`SELECT id FROM quotes WHERE ${where.join(' AND ')} ORDER BY issue_date DESC, number DESC LIMIT ?`)
    .pluck()
    .all(...params, input.status ? 10_000 : (input.limit ?? 200)) as string[];
  const items = ids.map((id) => summaryOf(db, readQuote(db, id)));
  return (input.status ? items.filter((q) => q.status === input.status) : items).slice(0, input.limit ?? 200);
}

/**
 * Replaces a document's lines and returns the mutations plus the totals to store on it. Lines are
 * numbered by position; each is priced against its product unless the input gives a price.
 */
export function lineMutations(
  db: CrmDb,
  table: LineTable,
  parent: { column: 'quoteId' | 'invoiceId'; id: string },
  lines: Omit<StoredLine, 'id' | 'position'>[],
  discountRate: number,
): { mutations: Mutation[]; totals: Pick<DocumentRow, 'subtotal' | 'discountTotal' | 'taxTotal' | 'total'> } {
  const mutations: Mutation[] = readLines(db, table, parent.id).map((old) => ({ table, op: 'delete', id: old.id }));
  lines.forEach((line, i) =>
    mutations.push({
      table,
      op: 'insert',
      id: newId(),
      values: { ...line, position: i + 1, [parent.column]: parent.id },
    }),
  );
  const { subtotal, discountTotal, taxTotal, total } = documentTotals(lines, discountRate);
  return { mutations, totals: { subtotal, discountTotal, taxTotal, total } };
}

export function resolveLines(
  db: CrmDb,
  lines: LineInput[],
  currency: string,
  priceListId: string | undefined,
): Omit<StoredLine, 'id' | 'position'>[] {
  return lines.map((line, i) => {
    const quantity = Number(line.quantity);
    const product = productPrice(db, line.productId, priceListId, ['lines', i]);
    return resolveLine({ ...line, quantity }, product, currency, ['lines', i]);
  });
}

/**
 * The price list a quote is priced from: the one asked for (checked: live, in the quote's
 * currency), else the inherited one when it is still there and in that currency, else none.
 */
function quotePriceList(
  db: CrmDb,
  asked: string | null | undefined,
  inherited: string | null,
  currency: string,
): string | null {
  if (asked === null) return null;
  if (asked === undefined) {
    const list = livePriceList(db, inherited);
    return list && list.currency === currency ? list.id : null;
  }
  const list = livePriceList(db, asked);
  if (!list)
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
      { path: ['priceListId'], key: 'errors.not_found', params: { entity: 'entity.price_list' } },
    ]);
  if (list.currency !== currency)
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
      {
        path: ['priceListId'],
        key: 'billing.price_list_currency_quote',
        params: { list: list.name, other: list.currency, currency },
      },
    ]);
  return list.id;
}

const noLines = () =>
  new CrmError('invalid_input', 'errors.invalid_input', {}, [{ path: ['lines'], key: 'billing.no_lines' }]);

interface QuoteInput {
  dealId?: string;
  currency?: string;
  priceListId?: string | null;
  companyId?: string | null;
  contactId?: string | null;
  issueDate?: string;
  expiryDate?: string | null;
  discountPercent?: number;
  terms?: string | null;
  notes?: string | null;
  lines?: LineInput[];
}

export function createQuote(db: CrmDb, input: QuoteInput, options: WriteOptions = {}): Quote {
  const id = newId();
  write(db, () => {
    const deal = input.dealId ? readDeal(db, input.dealId) : undefined;
    const currency = input.currency ?? deal?.currency ?? getSetting(db, 'baseCurrency');
    // A quote made from a deal is priced from the deal's list unless the call says otherwise.
    const priceListId = quotePriceList(db, input.priceListId, deal?.priceListId ?? null, currency);
    const lines = input.lines
      ? resolveLines(db, input.lines, currency, priceListId ?? undefined)
      : deal
        ? readLines(db, 'deal_line_items', deal.id).map(({ id: _id, position: _p, ...line }) => line)
        : [];
    if (!lines.length) throw noLines();
    const discountRate = percentToRate(input.discountPercent ?? 0);
    const issueDate = input.issueDate ?? today(db);
    const validity = getSetting(db, 'quoteValidityDays');
    const expiryDate =
      input.expiryDate !== undefined ? input.expiryDate : validity > 0 ? addDays(issueDate, validity) : null;
    const { mutations, totals } = lineMutations(db, 'quote_lines', { column: 'quoteId', id }, lines, discountRate);
    const values = {
      number: nextNumber(db, 'quote'),
      dealId: deal?.id ?? null,
      companyId: input.companyId !== undefined ? input.companyId : (deal?.companyId ?? null),
      contactId: input.contactId ?? null,
      currency,
      issueDate,
      expiryDate,
      priceListId,
      discountRate,
      terms: input.terms !== undefined ? input.terms : getSetting(db, 'defaultTerms') || null,
      notes: input.notes ?? null,
      status: 'draft',
      ...totals,
    };
    mutate(db, [{ table: 'quotes', op: 'insert', id, values }, ...mutations], options);
  });
  return getQuote(db, id);
}

function requireDraft(db: CrmDb, row: QuoteRow): void {
  if (row.status !== 'draft') {
    throw new CrmError('conflict', 'billing.not_draft', { status: `billing.status.${row.status}` });
  }
}

export function updateQuote(db: CrmDb, input: QuoteInput & { id: string }, options: WriteOptions = {}): Quote {
  write(db, () => {
    const row = readQuote(db, input.id);
    requireDraft(db, row);
    const currency = input.currency ?? row.currency;
    const discountRate = input.discountPercent !== undefined ? percentToRate(input.discountPercent) : row.discountRate;
    // A kept list in another currency than the quote's new one no longer applies.
    const priceListId = quotePriceList(db, input.priceListId, row.priceListId, currency);
    const lines = input.lines
      ? resolveLines(db, input.lines, currency, priceListId ?? undefined)
      : readLines(db, 'quote_lines', row.id).map(({ id: _id, position: _p, ...line }) => line);
    if (!lines.length) throw noLines();
    const { mutations, totals } = lineMutations(
      db,
      'quote_lines',
      { column: 'quoteId', id: row.id },
      lines,
      discountRate,
    );
    const values: Record<string, unknown> = { currency, discountRate, priceListId, ...totals };
    for (const key of ['companyId', 'contactId', 'issueDate', 'expiryDate', 'terms', 'notes'] as const) {
      if (input[key] !== undefined) values[key] = input[key];
    }
    mutate(db, [{ table: 'quotes', op: 'update', id: row.id, values }, ...(input.lines ? mutations : [])], options);
  });
  return getQuote(db, input.id);
}

const TRANSITIONS: Record<string, string[]> = {
  draft: ['sent', 'accepted', 'declined'],
  sent: ['draft', 'accepted', 'declined'],
  declined: ['draft'],
  accepted: [],
};

/** Moves a quote along draft → sent → accepted / declined; accepting may win its deal. */
export function setQuoteStatus(
  db: CrmDb,
  input: { id: string; status: 'draft' | 'sent' | 'accepted' | 'declined'; markDealWon?: boolean },
  options: WriteOptions = {},
): { quote: Quote; dealWon: boolean } {
  let dealWon = false;
  write(db, () => {
    const row = readQuote(db, input.id);
    if (row.status === input.status) return;
    if (!TRANSITIONS[row.status]?.includes(input.status)) {
      throw new CrmError('conflict', 'billing.bad_transition', {
        from: `billing.status.${row.status}`,
        to: `billing.status.${input.status}`,
      });
    }
    if (input.status === 'accepted' && effectiveQuoteStatus(row.status, row.expiryDate, today(db)) === 'expired') {
      throw new CrmError('conflict', 'billing.quote_expired', { date: row.expiryDate ?? '' });
    }
    const now = db.now();
    const values: Record<string, unknown> = { status: input.status };
    if (input.status === 'sent') values.sentAt = now;
    if (input.status === 'accepted' || input.status === 'declined') values.decidedAt = now;
    if (input.status === 'draft') values.decidedAt = null;
    mutate(db, { table: 'quotes', op: 'update', id: row.id, values }, options);
    if (input.status === 'accepted' && input.markDealWon && row.dealId) {
      const deal = readDeal(db, row.dealId);
      const stageKind = deal.stageId
        ? (db.sqlite.prepare('SELECT kind FROM stages WHERE id = ?').pluck().get(deal.stageId) as string | undefined)
        : undefined;
      if (stageKind !== 'won') {
        if (!deal.pipelineId) throw new CrmError('conflict', 'billing.no_won_stage');
        // The deals service moves it to the pipeline's won stage and keeps the stage history.
        winDeal(db, deal.id, options);
      }
      dealWon = true;
    }
  });
  return { quote: getQuote(db, input.id), dealWon };
}

export function deleteQuote(db: CrmDb, id: string, options: WriteOptions = {}): Quote {
  readQuote(db, id);
  mutate(db, { table: 'quotes', op: 'delete', id }, options);
  return getQuote(db, id);
}

export { readQuote, invoiceOf };
export type { QuoteRow };
