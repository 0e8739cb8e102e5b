import {
  documentTotals,
  formatMoney,
  percentToRate,
  rateToPercent,
  type DocumentTotals,
  type PricedLine,
} from '../../shared/domain/billing';
import type { Line, LineInput, Totals } from '../../shared/contract/products';
import type { Locale } from '../../shared/i18n/locales';
import { CrmError } from '../errors';

/** A priced line as stored in deal_line_items, quote_lines and invoice_lines (rates in basis points). */
export interface StoredLine extends PricedLine {
  id: string;
  productId: string | null;
  description: string;
  position: number;
}

/** Stored lines with their computed amounts, as the API shows them, plus the document's totals. */
export function pricedLines(rows: StoredLine[], documentDiscountRate = 0): { lines: Line[]; totals: Totals } {
  const computed: DocumentTotals = documentTotals(rows, documentDiscountRate);
  const lines = rows.map((row, i) => {
    const a = computed.lines[i]!;
    return {
      id: row.id,
      productId: row.productId,
      description: row.description,
      quantity: row.quantity,
      unitPrice: row.unitPrice,
      discountPercent: rateToPercent(row.discountRate),
      taxPercent: rateToPercent(row.taxRate),
      position: row.position,
      gross: a.gross,
      amount: a.amount,
      net: a.net,
      tax: a.tax,
      total: a.total,
    };
  });
  const { subtotal, discountTotal, taxTotal, total, taxes } = computed;
  return { lines, totals: { subtotal, discountTotal, taxTotal, total, taxes } };
}

export interface ProductPrice {
  name: string;
  unitPrice: number;
  currency: string;
  taxRate: number;
}

/**
 * A line input resolved against its product: the product's name, price and tax unless the input
 * says otherwise. A product priced in another currency needs an explicit price.
 */
export function resolveLine(
  input: Omit<LineInput, 'quantity'> & { quantity: number },
  product: ProductPrice | undefined,
  currency: string,
  path: (string | number)[] = [],
): Omit<StoredLine, 'id' | 'position'> {
  let unitPrice = input.unitPrice;
  if (unitPrice === undefined) {
    if (product && product.currency !== currency) {
      throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
        {
          path: [...path, 'unitPrice'],
          key: 'billing.currency_mismatch',
          params: { currency, other: product.currency },
        },
      ]);
    }
    unitPrice = product?.unitPrice ?? 0;
  }
  const description = input.description?.trim() || product?.name || '';
  if (!description) {
    throw new CrmError('invalid_input', 'errors.invalid_input', {}, [
      { path: [...path, 'description'], key: 'validation.required' },
    ]);
  }
  return {
    productId: input.productId ?? null,
    description,
    quantity: input.quantity,
    unitPrice,
    discountRate: percentToRate(input.discountPercent ?? 0),
    taxRate: input.taxPercent !== undefined ? percentToRate(input.taxPercent) : (product?.taxRate ?? 0),
  };
}

/** A percentage in the reader's language: 0.62 → "62%" / "62 %". */
export function formatPercent(fraction: number, locale: Locale, digits = 0): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits }).format(fraction);
}

export function formatRate(rate: number, locale: Locale): string {
  return formatPercent(rate / 10_000, locale, 2);
}

export { formatMoney };
