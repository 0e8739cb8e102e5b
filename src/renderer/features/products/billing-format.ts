import { useCallback } from 'react';
import { formatMoney } from '../../../shared/domain/billing';
import { useFormat } from '../../lib/format';

/** Minor units (cents) of a currency, formatted in the UI language: 123456 EUR → "1234,56 €". */
export function useMinorMoney() {
  const { locale } = useFormat();
  return useCallback((minor: number, currency: string) => formatMoney(minor, currency, locale), [locale]);
}

/** "2026-03-10" in the UI language. */
export function useIsoDate() {
  const { locale } = useFormat();
  return useCallback(
    (date: string | null) =>
      date
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
            new Date(`${date}T00:00:00Z`),
          )
        : '—',
    [locale],
  );
}

/** Saves a PDF that came through the API (base64) as a file download. */
export function downloadPdf(file: { fileName: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
