import Papa from 'papaparse';
import type { ListRecord, RecordColumn } from '../types';

/** The rows as CSV with the visible columns, in list order; a BOM lets spreadsheets read UTF-8. */
export function toCsv<T extends ListRecord>(rows: T[], columns: RecordColumn<T>[]): string {
  const csv = Papa.unparse(
    {
      fields: columns.map((c) => c.label),
      data: rows.map((row) => columns.map((c) => c.exportValue(row) ?? '')),
    },
    // Formula-looking cells (=, +, -, @) are escaped so a spreadsheet shows them as text.
    { escapeFormulae: true, newline: '\r\n' },
  );
  return `\ufeff${csv}`;
}

/** Hands a file to the browser's (or Electron's) download flow. */
export function downloadFile(name: string, content: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
