import { describe, expect, it } from 'vitest';
import {
  documentTotals,
  effectiveQuoteStatus,
  formatMoney,
  invoiceStatus,
  lineAmounts,
  minorToDecimal,
  parseAmount,
} from '../../../src/shared/domain/billing';

describe('billing arithmetic in minor units', () => {
  it('prices a line exactly: 3 × 19.99 with 10 % off and 21 % tax', () => {
    expect(lineAmounts({ quantity: 3, unitPrice: 1999, discountRate: 1000, taxRate: 2100 })).toEqual({
      gross: 5997,
      lineDiscount: 600, // 599.7 rounds half up
      amount: 5397,
      documentDiscount: 0,
      net: 5397,
      tax: 1133, // 1133.37
      total: 6530,
    });
  });

  it('adds a document of mixed rates with a document discount to the exact cent', () => {
    const totals = documentTotals(
      [
        { quantity: 3, unitPrice: 1999, discountRate: 1000, taxRate: 2100 },
        { quantity: 1.5, unitPrice: 3333, discountRate: 0, taxRate: 1000 },
        { quantity: 7, unitPrice: 10, discountRate: 1250, taxRate: 0 },
      ],
      500,
    );
    // line 1: 5997 − 600 = 5397, −5 % = 270 → 5127, tax 21 % = 1076.67 → 1077
    // line 2: 4999.5 → 5000, −5 % = 250 → 4750, tax 10 % = 475
    // line 3: 70 − 8.75 → 9 = 61, −5 % = 3.05 → 3 → 58, no tax
    expect(totals.lines.map((l) => [l.net, l.tax])).toEqual([
      [5127, 1077],
      [4750, 475],
      [58, 0],
    ]);
    // The subtotal adds the lines as printed (after their own discounts); the document discount comes off it.
    expect(totals.lines.map((l) => l.amount)).toEqual([5397, 5000, 61]);
    expect(totals.subtotal).toBe(5397 + 5000 + 61);
    expect(totals.discountTotal).toBe(270 + 250 + 3);
    expect(totals.taxTotal).toBe(1552);
    expect(totals.total).toBe(5127 + 4750 + 58 + 1552);
    expect(totals.subtotal - totals.discountTotal + totals.taxTotal).toBe(totals.total);
    expect(totals.taxes).toEqual([
      { rate: 1000, base: 4750, tax: 475 },
      { rate: 2100, base: 5127, tax: 1077 },
    ]);
  });

  it('never drifts where floats would: 0.1 + 0.2 style sums stay whole cents', () => {
    const lines = Array.from({ length: 1000 }, () => ({ quantity: 1, unitPrice: 10, discountRate: 0, taxRate: 2000 }));
    const totals = documentTotals(lines);
    expect(totals.subtotal).toBe(10_000);
    expect(totals.taxTotal).toBe(2000);
    expect(totals.total).toBe(12_000);
  });

  it('reads and writes amounts as decimal text without floats', () => {
    expect(parseAmount('1234.5', 2)).toBe(123450);
    expect(parseAmount('0,125', 2)).toBe(13);
    expect(parseAmount('19.99', 2)).toBe(1999);
    expect(parseAmount('500', 0)).toBe(500);
    expect(parseAmount('abc', 2)).toBeNull();
    expect(minorToDecimal(123450, 2)).toBe('1234.50');
    expect(minorToDecimal(5, 2)).toBe('0.05');
    expect(minorToDecimal(-5, 3)).toBe('-0.005');
  });

  it('formats by locale and currency', () => {
    expect(formatMoney(123456, 'EUR', 'es').replace(/\s/g, ' ')).toBe('1234,56 €');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(formatMoney(1234, 'JPY', 'en')).toBe('¥1,234');
  });

  it('derives quote and invoice statuses from dates and payments', () => {
    expect(effectiveQuoteStatus('sent', '2026-01-01', '2026-01-02')).toBe('expired');
    expect(effectiveQuoteStatus('accepted', '2026-01-01', '2026-01-02')).toBe('accepted');
    expect(invoiceStatus(100, 0, '2026-02-01', '2026-01-01')).toBe('unpaid');
    expect(invoiceStatus(100, 40, '2026-02-01', '2026-01-01')).toBe('partially_paid');
    expect(invoiceStatus(100, 40, '2025-12-01', '2026-01-01')).toBe('overdue');
    expect(invoiceStatus(100, 100, '2025-12-01', '2026-01-01')).toBe('paid');
  });
});
