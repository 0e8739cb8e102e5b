import { useMemo } from 'react';
import { minorDigits } from '../../../shared/domain/currencies';
import { useFormat } from '../../lib/format';

interface Formats {
  whole: Intl.NumberFormat;
  exact: Intl.NumberFormat;
  compact: Intl.NumberFormat;
}

/** Intl formatters are costly to build (ICU data): one set per language and currency for the whole app. */
const formats = new Map<string, Formats>();

function formatsOf(locale: string, currency: string): Formats {
  const key = `${locale}|${currency}`;
  let f = formats.get(key);
  if (!f) {
    const digits = minorDigits(currency);
    try {
      f = {
        whole: new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }),
        exact: new Intl.NumberFormat(locale, {
          style: 'currency',
          currency,
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
        }),
        compact: new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact' }),
      };
    } catch {
      const plain = new Intl.NumberFormat(locale);
      f = { whole: plain, exact: plain, compact: plain };
    }
    formats.set(key, f);
  }
  return f;
}

/**
 * Deal amounts are stored in minor units of their own currency: "1.250 €" / "€1,250" in the UI
 * language with Intl, decimals only when the amount has some.
 */
export function formatMinor(locale: string, minor: number, currency: string): string {
  const value = minor / 10 ** minorDigits(currency);
  const f = formatsOf(locale, currency);
  return (Number.isInteger(value) ? f.whole : f.exact).format(value);
}

export function useDealMoney() {
  const { locale } = useFormat();
  return useMemo(
    () => ({
      locale,
      format(minor: number | null, currency: string | null, fallbackCurrency = 'USD'): string {
        if (minor === null) return '';
        return formatMinor(locale, minor, currency ?? fallbackCurrency);
      },
      compact(minor: number, currency: string): string {
        return formatsOf(locale, currency).compact.format(minor / 10 ** minorDigits(currency));
      },
    }),
    [locale],
  );
}
