import type { ReportCell, ReportColumnKind } from '../contract/reports';
import { formatMoney } from './billing';

/** One report cell as people read it, by locale: money, percentages, days and months through Intl. */
export function formatReportCell(value: ReportCell, kind: ReportColumnKind, currency: string, locale: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') {
    if (kind === 'month' && /^\d{4}-\d{2}$/.test(value)) {
      return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
        new Date(`${value}-01T00:00:00Z`),
      );
    }
    return value;
  }
  switch (kind) {
    case 'money':
      return formatMoney(Math.round(value), currency, locale);
    case 'percent':
      return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value);
    case 'days':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    case 'count':
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
    default:
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
  }
}
