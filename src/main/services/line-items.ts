import type { DealLines, LineInput, PriceList } from '../../shared/contract/products';
import { percentToRate } from '../../shared/domain/billing';
import { newId } from '../../shared/ids';
import { mutate, readRow, write, type WriteOptions } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { CrmError, notFound } from '../errors';
import { pricedLines, resolveLine, type ProductPrice, type StoredLine } from './money';
import { getPriceList, listPrice } from './price-lists';
import { readProduct } from './products';
import { getSetting } from './settings';

export type LineTable = 'deal_line_items' | 'quote_lines' | 'invoice_lines';
const PARENT: Record<LineTable, string> = {
  deal_line_items: 'deal_id',
  quote_lines: 'quote_id',
  invoice_lines: 'invoice_id',
};

/** The live lines of a deal, quote or invoice, in order. */
export function readLines(db: CrmDb, table: LineTable, parentId: string): StoredLine[] {
  return db.sqlite
    .prepare(
      `SELECT id, product_id AS productId, description, quantity, unit_price AS unitPrice,
              discount_rate AS discountRate, tax_rate AS taxRate, position
       FROM "${table}" WHERE ${PARENT[table]} = ? AND deleted = 0 ORDER BY position, id`,
    )
    .all(parentId) as StoredLine[];
}

export interface DealRow {
  id: string;
  title: string;
  currency: string | null;
  amount: number | null;
  companyId: string | null;
  pipelineId: string | null;
  stageId: string | null;
  priceListId: string | null;
  deleted: boolean;
}

export function readDeal(db: CrmDb, id: string): DealRow {
  const deal = readRow(db, 'deals', id) as DealRow | undefined;
  if (!deal || deal.deleted) throw notFound('entity.deal');
  return deal;
}

/** The product's name, price and tax, with the price list's price when one is given. */
export function productPrice(
  db: CrmDb,
  productId: string | null | undefined,
  priceListId: string | undefined,
  path: (string | number)[],
): ProductPrice | undefined {
  if (!productId) return undefined;
  const product = readProduct(db, productId);
  if (!product || product.deleted)
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
      { path: [...path, 'productId'], key: 'errors.not_found', params: { entity: 'entity.product' } },
    ]);
  const listed = priceListId ? listPrice(db, priceListId, productId) : undefined;
  return {
    name: product.name,
    unitPrice: listed?.unitPrice ?? product.unitPrice,
    currency: listed?.currency ?? product.currency,
    taxRate: product.taxRate,
  };
}

export function dealLines(db: CrmDb, dealId: string): DealLines {
  const deal = readDeal(db, dealId);
  const { lines, totals } = pricedLines(readLines(db, 'deal_line_items', dealId));
  return {
    dealId,
    currency: deal.currency ?? getSetting(db, 'baseCurrency'),
    priceListId: livePriceList(db, deal.priceListId)?.id ?? null,
    items: lines,
    totals,
    amount: totals.subtotal - totals.discountTotal,
  };
}

/** A saved price list that is still there (a list deleted since prices nothing). */
export function livePriceList(db: CrmDb, id: string | null | undefined): PriceList | undefined {
  if (!id) return undefined;
  const row = readRow(db, 'price_lists', id) as PriceList | undefined;
  return row && !row.deleted ? row : undefined;
}

/** The deal's amount is what its lines add up to after discounts, before tax. */
function syncDealAmount(db: CrmDb, dealId: string, currency: string, options: WriteOptions): void {
  const { totals } = pricedLines(readLines(db, 'deal_line_items', dealId));
  mutate(
    db,
    { table: 'deals', op: 'update', id: dealId, values: { amount: totals.subtotal - totals.discountTotal, currency } },
    options,
  );
}

export function addLineItem(
  db: CrmDb,
  input: LineInput & { dealId: string; priceListId?: string },
  options: WriteOptions = {},
): DealLines {
  const { dealId, priceListId, ...line } = input;
  return write(db, () => {
    const deal = readDeal(db, dealId);
    // Without a list named in the call, the one chosen on the deal prices the line.
    const listId = priceListId ?? livePriceList(db, deal.priceListId)?.id;
    const product = productPrice(db, line.productId, listId, []);
    // A deal without a currency takes its first product's (or the workspace's base currency).
    const currency = deal.currency ?? product?.currency ?? getSetting(db, 'baseCurrency');
    const resolved = resolveLine(line, product, currency);
    const last = db.sqlite
      .prepare('SELECT max(position) FROM deal_line_items WHERE deal_id = ? AND deleted = 0')
      .pluck()
      .get(dealId) as number | null;
    mutate(
      db,
      {
        table: 'deal_line_items',
        op: 'insert',
        id: newId(),
        values: { ...resolved, dealId, position: (last ?? 0) + 1 },
      },
      options,
    );
    syncDealAmount(db, dealId, currency, options);
    return dealLines(db, dealId);
  });
}

function readLineItem(db: CrmDb, id: string): StoredLine & { dealId: string } {
  const row = readRow(db, 'deal_line_items', id) as (StoredLine & { dealId: string; deleted: boolean }) | undefined;
  if (!row || row.deleted) throw notFound('entity.line_item');
  return row;
}

export function updateLineItem(
  db: CrmDb,
  input: {
    id: string;
    description?: string;
    quantity?: number;
    unitPrice?: number;
    discountPercent?: number;
    taxPercent?: number;
    position?: number;
  },
  options: WriteOptions = {},
): DealLines {
  return write(db, () => {
    const row = readLineItem(db, input.id);
    const deal = readDeal(db, row.dealId);
    const { id, discountPercent, taxPercent, ...rest } = input;
    const values: Record<string, unknown> = { ...rest };
    if (discountPercent !== undefined) values.discountRate = percentToRate(discountPercent);
    if (taxPercent !== undefined) values.taxRate = percentToRate(taxPercent);
    mutate(db, { table: 'deal_line_items', op: 'update', id, values }, options);
    syncDealAmount(db, row.dealId, deal.currency ?? getSetting(db, 'baseCurrency'), options);
    return dealLines(db, row.dealId);
  });
}

export function removeLineItem(db: CrmDb, id: string, options: WriteOptions = {}): DealLines {
  return write(db, () => {
    const row = readLineItem(db, id);
    const deal = readDeal(db, row.dealId);
    mutate(db, { table: 'deal_line_items', op: 'delete', id }, options);
    syncDealAmount(db, row.dealId, deal.currency ?? getSetting(db, 'baseCurrency'), options);
    return dealLines(db, row.dealId);
  });
}

/**
 * Chooses the price list a deal is priced from and keeps the choice on the deal: every line whose
 * product the list prices takes the list's price (other lines keep theirs), and lines added later
 * are priced from it; null goes back to the products' own prices for new lines. A list in another
 * currency than the deal's lines (or the amount typed on it) would mix currencies, so it is
 * refused; a deal with neither takes the list's currency.
 */
export function applyPriceList(
  db: CrmDb,
  input: { dealId: string; priceListId: string | null },
  options: WriteOptions = {},
): DealLines & { repriced: number } {
  return write(db, () => {
    const deal = readDeal(db, input.dealId);
    if (input.priceListId === null) {
      if (deal.priceListId !== null)
        mutate(db, { table: 'deals', op: 'update', id: deal.id, values: { priceListId: null } }, options);
      return { ...dealLines(db, deal.id), repriced: 0 };
    }
    const list = getPriceList(db, input.priceListId);
    if (list.deleted) throw notFound('entity.price_list');
    const lines = readLines(db, 'deal_line_items', deal.id);
    const currency = deal.currency ?? getSetting(db, 'baseCurrency');
    if (currency !== list.currency && (lines.length || deal.amount)) {
      throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
        {
          path: ['priceListId'],
          key: 'billing.price_list_currency',
          params: { list: list.name, other: list.currency, currency },
        },
      ]);
    }
    const values: Record<string, unknown> = {};
    if (deal.priceListId !== list.id) values.priceListId = list.id;
    if (currency !== list.currency || !deal.currency) values.currency = list.currency;
    if (Object.keys(values).length) mutate(db, { table: 'deals', op: 'update', id: deal.id, values }, options);
    let repriced = 0;
    for (const line of lines) {
      const listed = line.productId ? listPrice(db, list.id, line.productId) : undefined;
      if (!listed || listed.unitPrice === line.unitPrice) continue;
      mutate(
        db,
        { table: 'deal_line_items', op: 'update', id: line.id, values: { unitPrice: listed.unitPrice } },
        options,
      );
      repriced++;
    }
    if (repriced) syncDealAmount(db, deal.id, list.currency, options);
    return { ...dealLines(db, deal.id), repriced };
  });
}
