import { useMemo } from 'react';
import { minorDigits } from '../../../shared/domain/currencies';
import { useFormat } from '../../lib/format';

/**
 * Deal amounts are stored in minor units of their own currency; this formats them in the UI
 * language with Intl: "1.250 €" / "€1,250", decimals only when the amount has some.
 */
export function useDealMoney() {
  const { locale } = useFormat();
  return useMemo(() => {
    const cache = new Map<string, { whole: Intl.NumberFormat; exact: Intl.NumberFormat; compact: Intl.NumberFormat }>();
    const formats = (currency: string) => {
      let f = cache.get(currency);
      if (!f) {
        const digits = minorDigits(currency);
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
        cache.set(currency, f);
      }
      return f;
    };
    const major = (minor: number, currency: string) => minor / 10 ** minorDigits(currency);
    return {
      locale,
      format(minor: number | null, currency: string | null, fallbackCurrency = 'USD'): string {
        if (minor === null) return '';
        const code = currency ?? fallbackCurrency;
        const value = major(minor, code);
        const f = formats(code);
        return (Number.isInteger(value) ? f.whole : f.exact).format(value);
      },
      compact(minor: number, currency: string): string {
        return formats(currency).compact.format(major(minor, currency));
      },
    };
  }, [locale]);
}

/** The same formatting outside React (list cells): minor units of `currency` in `locale`. */
export function formatMinor(locale: string, minor: number, currency: string): string {
  const value = minor / 10 ** minorDigits(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: Number.isInteger(value) ? 0 : minorDigits(currency),
    }).format(value);
  } catch {
    return String(value);
  }
}
