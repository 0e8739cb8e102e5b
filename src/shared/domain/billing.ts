/**
 * Billing arithmetic shared by the back end (totals, PDFs) and the renderer (live totals while
 * editing). Amounts are integer minor units (cents); rates are basis points (21 % = 2100);
 * quantities have at most three decimals. Everything is computed in BigInt and rounded once per
 * line, half away from zero, so a document's totals never drift with floats.
 */

import { isCurrency, minorDigits } from './currencies';

export const QUANTITY_SCALE = 1000;
export const RATE_SCALE = 10_000;

// One list of ISO 4217 codes and their minor units for the whole app (shared with deals).
export { isCurrency, minorDigits };

/** "1234.5" in a two-digit currency → 123450, without going through a float. Null when not a number. */
export function parseAmount(text: string, digits: number): number | null {
  const match = /^\s*(-)?(\d*)(?:[.,](\d*))?\s*$/.exec(text);
  if (!match || (!match[2] && !match[3])) return null;
  const frac = (match[3] ?? '').padEnd(digits + 1, '0');
  let minor = BigInt(match[2] || '0') * 10n ** BigInt(digits) + BigInt(frac.slice(0, digits) || '0');
  if (Number(frac[digits] ?? '0') >= 5) minor += 1n; // half up on the first dropped digit
  return Number(match[1] ? -minor : minor);
}

/** The decimal text of a minor amount: 123450 EUR → "1234.50" (exact, for Intl and inputs). */
export function minorToDecimal(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor))
    .toString()
    .padStart(digits + 1, '0');
  const whole = digits ? abs.slice(0, -digits) : abs;
  const text = digits ? `${whole}.${abs.slice(-digits)}` : whole;
  return negative ? `-${text}` : text;
}

/** Money in the reader's language: formatMoney(123450, 'EUR', 'es') → "1234,50 €". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = minorDigits(currency);
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  // Intl formats a decimal string exactly (no float on the way).
  return format.format(minorToDecimal(minor, digits) as unknown as number);
}

export function percentToRate(percent: number): number {
  return Math.round(percent * 100);
}

export function rateToPercent(rate: number): number {
  return rate / 100;
}

export function quantityToMilli(quantity: number): number {
  return Math.round(quantity * QUANTITY_SCALE);
}

/** Divides and rounds half away from zero. */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (n * 2n + d) / (2n * d);
  return negative ? -q : q;
}

export interface PricedLine {
  quantity: number;
  unitPrice: number;
  /** Basis points. */
  discountRate: number;
  /** Basis points. */
  taxRate: number;
}

export interface LineAmounts {
  /** quantity × unit price */
  gross: number;
  lineDiscount: number;
  /** What the line shows: quantity × price less the line's own discount. */
  amount: number;
  /** This line's share of the document discount. */
  documentDiscount: number;
  /** After both discounts, before tax. */
  net: number;
  tax: number;
  total: number;
}

export interface DocumentTotals {
  lines: LineAmounts[];
  /** The sum of the lines' amounts (after their own discounts). */
  subtotal: number;
  /** The document discount, spread over the lines. */
  discountTotal: number;
  taxTotal: number;
  total: number;
  /** Tax per rate (basis points), for the PDF's breakdown. */
  taxes: { rate: number; base: number; tax: number }[];
}

/** One line: each step rounded to the minor unit once, so the printed figures add up. */
export function lineAmounts(line: PricedLine, documentDiscountRate = 0): LineAmounts {
  const gross = divRound(BigInt(quantityToMilli(line.quantity)) * BigInt(line.unitPrice), BigInt(QUANTITY_SCALE));
  const lineDiscount = divRound(gross * BigInt(line.discountRate), BigInt(RATE_SCALE));
  const afterLine = gross - lineDiscount;
  const documentDiscount = divRound(afterLine * BigInt(documentDiscountRate), BigInt(RATE_SCALE));
  const net = afterLine - documentDiscount;
  const tax = divRound(net * BigInt(line.taxRate), BigInt(RATE_SCALE));
  return {
    gross: Number(gross),
    lineDiscount: Number(lineDiscount),
    amount: Number(afterLine),
    documentDiscount: Number(documentDiscount),
    net: Number(net),
    tax: Number(tax),
    total: Number(net + tax),
  };
}

/**
 * A quote's or invoice's totals, as printed: the lines' amounts add up to the subtotal; the
 * document discount comes off it; tax is per rate on what is left. subtotal − discount + tax =
 * total, exactly.
 */
export function documentTotals(lines: PricedLine[], documentDiscountRate = 0): DocumentTotals {
  const amounts = lines.map((l) => lineAmounts(l, documentDiscountRate));
  let subtotal = 0;
  let discountTotal = 0;
  let taxTotal = 0;
  const byRate = new Map<number, { rate: number; base: number; tax: number }>();
  amounts.forEach((a, i) => {
    subtotal += a.amount;
    discountTotal += a.documentDiscount;
    taxTotal += a.tax;
    const rate = lines[i]!.taxRate;
    const entry = byRate.get(rate) ?? { rate, base: 0, tax: 0 };
    entry.base += a.net;
    entry.tax += a.tax;
    byRate.set(rate, entry);
  });
  return {
    lines: amounts,
    subtotal,
    discountTotal,
    taxTotal,
    total: subtotal - discountTotal + taxTotal,
    taxes: [...byRate.values()].filter((t) => t.rate > 0).sort((a, b) => a.rate - b.rate),
  };
}

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'declined', 'expired'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const INVOICE_STATUSES = ['unpaid', 'partially_paid', 'paid', 'overdue', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** A sent or draft quote past its expiry date reads as expired; a decided one keeps its decision. */
export function effectiveQuoteStatus(stored: string, expiryDate: string | null, today: string): QuoteStatus {
  if ((stored === 'draft' || stored === 'sent') && expiryDate && expiryDate < today) return 'expired';
  return stored as QuoteStatus;
}

/** Unpaid, partially paid, paid or overdue, from what was paid and the due date. */
export function invoiceStatus(
  total: number,
  paid: number,
  dueDate: string,
  today: string,
  voided = false,
): InvoiceStatus {
  if (voided) return 'void';
  if (paid >= total) return 'paid';
  if (dueDate < today) return 'overdue';
  return paid > 0 ? 'partially_paid' : 'unpaid';
}

/** Today's date (YYYY-MM-DD) in local time. */
export function localDate(at: number = Date.now()): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
