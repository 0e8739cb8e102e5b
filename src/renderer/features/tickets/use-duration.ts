import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';

/** Minutes as "45 min" or "3,5 h" in the UI language; null stays null. */
export function useDuration() {
  const { t } = useTranslation();
  const { locale } = useFormat();
  return useCallback(
    (minutes: number | null): string | null => {
      if (minutes == null) return null;
      const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
      return minutes < 90
        ? t('tickets.minutes', { value: n.format(minutes) })
        : t('tickets.hours', { value: n.format(minutes / 60) });
    },
    [locale, t],
  );
}
