import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import {
  REPORT_EXPORT_FORMATS,
  type ReportCell,
  type ReportColumn,
  type ReportTable,
} from '../../../shared/contract/reports';
import { minorDigits } from '../../../shared/domain/currencies';
import { formatReportCell } from '../../../shared/domain/report-format';
import type { Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/messages';
import { pdfFonts } from '../pdf/fonts';

/*
 * A report table as a file: CSV (values as numbers, money in major units, so a spreadsheet can
 * sum them), XLSX (typed cells with number formats) and PDF (the table as people read it, by
 * locale). PNG is made by the renderer from the chart it shows.
 */
export const EXPORT_FORMATS = REPORT_EXPORT_FORMATS;
export type ExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export interface ExportedFile {
  filename: string;
  mime: string;
  bytes: Buffer;
}

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** The value a spreadsheet gets: money in major units, everything else as computed. */
function rawValue(value: ReportCell | undefined, column: ReportColumn, currency: string): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'money' && typeof value === 'number') return value / 10 ** minorDigits(currency);
  return value;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function labelOf(column: ReportColumn, currency: string): string {
  return column.kind === 'money' ? `${column.label} (${currency})` : column.label;
}

export function reportCsv(table: ReportTable): string {
  const lines = [table.columns.map((c) => csvCell(labelOf(c, table.currency))).join(',')];
  for (const row of table.rows)
    lines.push(table.columns.map((c) => csvCell(rawValue(row[c.key], c, table.currency))).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export async function reportXlsx(table: ReportTable): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.title.slice(0, 31).replace(/[*?:\\/[\]]/g, ' '), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const digits = minorDigits(table.currency);
  sheet.columns = table.columns.map((c) => ({
    header: labelOf(c, table.currency),
    key: c.key,
    width: Math.max(12, c.label.length + 4),
    style:
      c.kind === 'money'
        ? { numFmt: digits ? `#,##0.${'0'.repeat(digits)}` : '#,##0' }
        : c.kind === 'percent'
          ? { numFmt: '0.0%' }
          : c.kind === 'days'
            ? { numFmt: '0.0' }
            : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows)
    sheet.addRow(Object.fromEntries(table.columns.map((c) => [c.key, rawValue(row[c.key], c, table.currency)])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function reportPdf(table: ReportTable, locale: Locale): Promise<Buffer> {
  const fonts = pdfFonts();
  const landscape = table.columns.length > 5;
  const doc = new PDFDocument({
    size: 'A4',
    layout: landscape ? 'landscape' : 'portrait',
    margin: 40,
    bufferPages: true,
    font: fonts.regular as unknown as string,
    lang: locale,
    info: { Title: table.title },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 80;
  const bottom = doc.page.height - 60;
  const first = Math.min(220, width * 0.3);
  const rest = table.columns.length > 1 ? (width - first) / (table.columns.length - 1) : 0;
  const xs = table.columns.map((_, i) => (i === 0 ? 40 : 40 + first + (i - 1) * rest));
  const ws = table.columns.map((_, i) => (i === 0 ? first : rest) - 6);
  const fmt = (row: Record<string, ReportCell>) =>
    table.columns.map((c) => formatReportCell(row[c.key] ?? null, c.kind, table.currency, locale));

  doc.font('bold').fontSize(16).text(table.title, 40, 40);
  const period = translate(locale, 'analytics.cli.period', {
    from: table.from ?? translate(locale, 'analytics.cli.all_time'),
    to: table.to ?? '…',
  });
  doc.font('body').fontSize(9).fillColor('#555555').text(period).moveDown(0.8).fillColor('black');

  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(9);
    const h = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: ws[i] }))) + 4;
    if (doc.y + h > bottom) {
      doc.addPage();
      doc.y = 40;
    }
    const y = doc.y;
    cells.forEach((cell, i) => doc.text(cell, xs[i], y, { width: ws[i], align: i === 0 ? 'left' : 'right' }));
    doc.y = y + h;
    doc.x = 40;
  };
  const header = table.columns.map((c) => c.label);
  drawRow(header, true);
  doc
    .moveTo(40, doc.y)
    .lineTo(40 + width, doc.y)
    .strokeColor('#999999')
    .stroke();
  doc.y += 3;
  for (const row of table.rows) drawRow(fmt(row), false);
  if (Object.keys(table.summary).length) {
    doc
      .moveTo(40, doc.y)
      .lineTo(40 + width, doc.y)
      .strokeColor('#999999')
      .stroke();
    doc.y += 3;
    const total = fmt(table.summary).map((cell, i) =>
      i === 0 ? translate(locale, 'analytics.cli.total') : table.columns[i]!.key in table.summary ? cell : '',
    );
    drawRow(total, true);
  }
  if (table.missingRates.length)
    doc
      .moveDown()
      .font('body')
      .fontSize(8)
      .text(translate(locale, 'analytics.cli.missing_rates', { currencies: table.missingRates.join(', ') }), 40);
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc
      .font('body')
      .fontSize(8)
      .fillColor('#555555')
      .text(`${i + 1} / ${range.count}`, 40, doc.page.height - 40, { width, align: 'right', lineBreak: false });
  }
  doc.end();
  return done;
}

function fileStem(table: ReportTable): string {
  return `${table.name}${table.from ? `-${table.from}` : ''}${table.to ? `-${table.to}` : ''}`;
}

export async function exportReport(table: ReportTable, format: ExportFormat, locale: Locale): Promise<ExportedFile> {
  const bytes =
    format === 'csv'
      ? Buffer.from(reportCsv(table), 'utf8')
      : format === 'xlsx'
        ? await reportXlsx(table)
        : await reportPdf(table, locale);
  return { filename: `${fileStem(table)}.${format}`, mime: MIME[format], bytes };
}
