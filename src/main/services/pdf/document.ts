import type PDFDocumentClass from 'pdfkit';
import type { Invoice } from '../../../shared/contract/invoices';
import type { Quote } from '../../../shared/contract/quotes';
import { formatMoney } from '../../../shared/domain/billing';
import type { Locale } from '../../../shared/i18n/locales';
import { translate, type MessageParams } from '../../../shared/i18n/messages';
import { formatRate } from '../money';
import { pdfFonts } from './fonts';

export interface Branding {
  companyName: string;
  companyAddress: string;
  companyTaxId: string;
  companyLogo: string;
}

export interface BillTo {
  name: string | null;
  contact: string | null;
  address: string | null;
}

type Doc = InstanceType<typeof PDFDocumentClass>;

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const BOTTOM = PAGE.height - PAGE.margin - 20;
const GREY = '#555555';
/** Table columns: description, quantity, unit price, discount, tax, amount (x and width in points). */
const COLS = [
  { x: 50, w: 200, align: 'left' },
  { x: 250, w: 45, align: 'right' },
  { x: 295, w: 80, align: 'right' },
  { x: 375, w: 45, align: 'right' },
  { x: 420, w: 45, align: 'right' },
  { x: 465, w: 80, align: 'right' },
] as const;

function formatDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

function logoImage(dataUrl: string): Buffer | undefined {
  const match = /^data:image\/(png|jpeg);base64,(.+)$/.exec(dataUrl);
  return match ? Buffer.from(match[2]!, 'base64') : undefined;
}

/**
 * Lays out a quote or an invoice on A4: branding, parties, dates, the lines table (repeating its
 * header on each page), totals with the tax breakdown, terms, and "Page n of m" footers.
 */
export async function renderDocument(
  kind: 'quote' | 'invoice',
  docData: Quote | Invoice,
  branding: Branding,
  billTo: BillTo,
  locale: Locale,
): Promise<Buffer> {
  // Loaded on first use: pdfkit and fontkit would add a quarter of a second to every CLI start.
  const { default: PDFDocument } = await import('pdfkit');
  const t = (key: string, params?: MessageParams) => translate(locale, key, params);
  const money = (minor: number) => formatMoney(minor, docData.currency, locale);
  const qty = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const fonts = pdfFonts();
  // The embedded font is the default one, so pdfkit never loads its built-in Helvetica (AFM files).
  const doc: Doc = new PDFDocument({
    size: 'A4',
    margin: PAGE.margin,
    bufferPages: true,
    font: fonts.regular as unknown as string,
    lang: locale,
    // pdfkit hashes every info value into the file id: no undefined entries.
    info: {
      Title: `${t(`pdf.${kind}`)} ${docData.number}`,
      ...(branding.companyName ? { Author: branding.companyName } : {}),
    },
  } as PDFKit.PDFDocumentOptions);
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Branding: the logo on the left, who issues the document on the right.
  const top = PAGE.margin;
  const logo = logoImage(branding.companyLogo);
  if (logo) {
    try {
      doc.image(logo, PAGE.margin, top, { fit: [140, 60] });
    } catch {
      // An unreadable logo must not stop the document.
    }
  }
  doc.font('bold').fontSize(12).fillColor('black');
  doc.text(branding.companyName || ' ', 300, top, { width: 245, align: 'right' });
  doc.font('body').fontSize(9).fillColor(GREY);
  if (branding.companyAddress) doc.text(branding.companyAddress, { width: 245, align: 'right' });
  if (branding.companyTaxId) doc.text(`${t('pdf.tax_id')}: ${branding.companyTaxId}`, { width: 245, align: 'right' });

  // Title, number and dates.
  let y = Math.max(doc.y, top + 70) + 15;
  doc
    .font('bold')
    .fontSize(20)
    .fillColor('black')
    .text(`${t(`pdf.${kind}`)} ${docData.number}`, PAGE.margin, y);
  y = doc.y + 6;
  const meta: [string, string][] = [[t('pdf.issue_date'), formatDate(docData.issueDate, locale)]];
  if ('expiryDate' in docData && docData.expiryDate)
    meta.push([t('pdf.expiry_date'), formatDate(docData.expiryDate, locale)]);
  if ('dueDate' in docData) meta.push([t('pdf.due_date'), formatDate(docData.dueDate, locale)]);
  doc.fontSize(10);
  for (const [label, value] of meta) {
    doc.font('bold').text(`${label}: `, PAGE.margin, y, { continued: true }).font('body').text(value);
    y = doc.y;
  }

  // Bill to.
  const party = [billTo.name, billTo.contact, billTo.address].filter(Boolean) as string[];
  if (party.length) {
    y += 10;
    doc.font('bold').fontSize(10).text(t('pdf.bill_to'), PAGE.margin, y);
    doc.font('body').text(party.join('\n'));
    y = doc.y;
  }

  // Lines table.
  const header = () => {
    doc.font('bold').fontSize(9).fillColor('black');
    const labels = ['pdf.description', 'pdf.quantity', 'pdf.unit_price', 'pdf.discount', 'pdf.tax', 'pdf.amount'];
    labels.forEach((key, i) => {
      const c = COLS[i]!;
      doc.text(t(key), c.x, y, { width: c.w, align: c.align });
    });
    y += 14;
    doc
      .moveTo(PAGE.margin, y)
      .lineTo(PAGE.width - PAGE.margin, y)
      .lineWidth(0.5)
      .strokeColor('#999999')
      .stroke();
    y += 4;
  };
  y += 18;
  header();
  doc.font('body').fontSize(9);
  for (const line of docData.lines) {
    const height = doc.heightOfString(line.description, { width: COLS[0].w });
    if (y + height > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
      header();
      doc.font('body').fontSize(9);
    }
    const cells = [
      line.description,
      qty.format(line.quantity),
      money(line.unitPrice),
      line.discountPercent ? formatRate(line.discountPercent * 100, locale) : '',
      formatRate(line.taxPercent * 100, locale),
      money(line.amount),
    ];
    cells.forEach((text, i) => {
      const c = COLS[i]!;
      doc.text(text, c.x, y, { width: c.w, align: c.align });
    });
    y += Math.max(height, 12) + 4;
  }
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.width - PAGE.margin, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  y += 8;

  // Totals, right-aligned, with the tax of each rate on its base.
  const totals = docData.totals;
  const rows: [string, string, boolean][] = [[t('pdf.subtotal'), money(totals.subtotal), false]];
  if (totals.discountTotal) {
    rows.push([
      t('pdf.discount_document', { rate: formatRate(docData.discountPercent * 100, locale) }),
      `−${money(totals.discountTotal)}`,
      false,
    ]);
  }
  for (const tax of totals.taxes) {
    rows.push([
      t('pdf.tax_line', { rate: formatRate(tax.rate, locale), base: money(tax.base) }),
      money(tax.tax),
      false,
    ]);
  }
  rows.push([t('pdf.total'), money(totals.total), true]);
  if ('balance' in docData && docData.paid > 0) {
    rows.push([t('pdf.paid'), money(docData.paid), false]);
    rows.push([t('pdf.balance'), money(docData.balance), true]);
  }
  if (y + rows.length * 16 > BOTTOM) {
    doc.addPage();
    y = PAGE.margin;
  }
  for (const [label, value, strong] of rows) {
    doc
      .font(strong ? 'bold' : 'body')
      .fontSize(strong ? 11 : 9)
      .fillColor('black');
    doc.text(label, 250, y, { width: 210, align: 'right' });
    doc.text(value, 465, y, { width: 80, align: 'right' });
    y += strong ? 18 : 14;
  }

  // Terms and notes.
  const terms = [docData.terms, docData.notes].filter(Boolean).join('\n\n');
  if (terms) {
    y += 12;
    if (y + 40 > BOTTOM) {
      doc.addPage();
      y = PAGE.margin;
    }
    doc.font('bold').fontSize(10).text(t('pdf.terms'), PAGE.margin, y);
    doc
      .font('body')
      .fontSize(9)
      .fillColor(GREY)
      .text(terms, { width: PAGE.width - 2 * PAGE.margin });
  }

  // Footers once every page exists.
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    // Writing inside the bottom margin would make pdfkit start a new page.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor(GREY);
    doc.text(t('pdf.page', { page: i + 1, pages: range.count }), PAGE.margin, PAGE.height - PAGE.margin, {
      width: PAGE.width - 2 * PAGE.margin,
      align: 'center',
      lineBreak: false,
    });
  }
  doc.end();
  return done;
}
