import { useMemo } from 'react';
import { useFormat } from '../../lib/format';

const DAY_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** The workspace formats plus what lists need on top: money, plain calendar days, compact numbers. */
export function useListFormat(currency: string | undefined) {
  const base = useFormat();
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(base.locale, { dateStyle: 'medium', timeZone: 'UTC' });
    let money: Intl.NumberFormat;
    try {
      money = new Intl.NumberFormat(base.locale, {
        style: 'currency',
        currency: currency ?? 'USD',
        maximumFractionDigits: 0,
      });
    } catch {
      money = new Intl.NumberFormat(base.locale, { maximumFractionDigits: 0 });
    }
    return {
      ...base,
      money: (n: number) => money.format(n),
      /** A calendar day stored as YYYY-MM-DD: shown as written, whatever the time zone. */
      day: (iso: string) => (DAY_ONLY.test(iso) ? day.format(Date.parse(`${iso}T00:00:00Z`)) : iso),
    };
  }, [base, currency]);
}

export type ListFormat = ReturnType<typeof useListFormat>;
