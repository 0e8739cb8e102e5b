import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

const intlLocale = (lng: string) => (lng.startsWith('es') ? 'es-ES' : 'en-US');

/** Dates and numbers in the UI language, through Intl (never hand-formatted). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const number = new Intl.NumberFormat(locale);
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
    return {
      locale,
      date: (ms: number) => date.format(ms),
      dateTime: (ms: number) => dateTime.format(ms),
      number: (n: number) => number.format(n),
      /** A whole percentage (40 → "40%" in English, "40 %" in Spanish). */
      percent: (whole: number) => percent.format(whole / 100),
      /** "3 minutes ago", "hace 3 minutos"; older than a week falls back to the date. */
      ago: (ms: number, now = Date.now()) => {
        const seconds = Math.round((ms - now) / 1000);
        const abs = Math.abs(seconds);
        if (abs < 60) return relative.format(seconds, 'second');
        if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
        if (abs < 86_400) return relative.format(Math.round(seconds / 3600), 'hour');
        if (abs < 7 * 86_400) return relative.format(Math.round(seconds / 86_400), 'day');
        return date.format(ms);
      },
    };
  }, [locale]);
}
