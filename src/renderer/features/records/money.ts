import { useMemo } from 'react';
import { useFormat } from '../../lib/format';
import { useWorkspace } from '../members/workspace-store';

/** The currency sign as the language writes it ("$", "US$", "€"). */
export function currencySymbol(locale: string, currency: string): string {
  try {
    const part = new Intl.NumberFormat(locale, { style: 'currency', currency })
      .formatToParts(0)
      .find((p) => p.type === 'currency');
    return part?.value ?? currency;
  } catch {
    return currency;
  }
}

/** Amounts in the workspace's currency (USD until Settings says otherwise), formatted by Intl. */
export function useMoney() {
  const { locale } = useFormat();
  const currency = useWorkspace().settings?.baseCurrency ?? 'USD';
  return useMemo(() => {
    let formatter: Intl.NumberFormat;
    try {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      formatter = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' });
    }
    // Whole amounts without ",00": revenue reads "€14,840,000", a price "€19.99".
    const whole = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: formatter.resolvedOptions().currency,
      maximumFractionDigits: 0,
    });
    const compact = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: formatter.resolvedOptions().currency,
      notation: 'compact',
    });
    return {
      locale,
      currency,
      format: (n: number) => (Number.isInteger(n) ? whole : formatter).format(n),
      compact: (n: number) => compact.format(n),
    };
  }, [locale, currency]);
}
