import type { Locale } from '../../../shared/i18n/locales';
import type { CrmDb } from '../../db/open';
import { getInvoice } from '../invoices';
import { getQuote } from '../quotes';
import { getSetting } from '../settings';
import { renderDocument, type BillTo, type Branding } from './document';

export interface PdfFile {
  fileName: string;
  contentType: 'application/pdf';
  base64: string;
}

function branding(db: CrmDb): Branding {
  return {
    companyName: getSetting(db, 'companyName'),
    companyAddress: getSetting(db, 'companyAddress'),
    companyTaxId: getSetting(db, 'companyTaxId'),
    companyLogo: getSetting(db, 'companyLogo'),
  };
}

interface AddressLike {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

/** The customer block: company name, contact, and the company's first (billing) address. */
function billTo(
  db: CrmDb,
  doc: { companyId: string | null; companyName: string | null; contactName: string | null },
): BillTo {
  let address: string | null = null;
  if (doc.companyId) {
    const raw = db.sqlite.prepare('SELECT addresses FROM companies WHERE id = ?').pluck().get(doc.companyId) as
      string | undefined;
    const list = raw ? (JSON.parse(raw) as AddressLike[]) : [];
    const a = list[0];
    if (a) {
      address = [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country]
        .filter(Boolean)
        .join('\n');
    }
  }
  return { name: doc.companyName, contact: doc.contactName, address: address || null };
}

function fileOf(prefix: string, number: string, bytes: Buffer): PdfFile {
  const safe = number.replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return { fileName: `${prefix}-${safe}.pdf`, contentType: 'application/pdf', base64: bytes.toString('base64') };
}

export async function quotePdfBytes(db: CrmDb, id: string, locale: Locale): Promise<Buffer> {
  const quote = getQuote(db, id);
  return renderDocument('quote', quote, branding(db), billTo(db, quote), locale);
}

export async function invoicePdfBytes(db: CrmDb, id: string, locale: Locale): Promise<Buffer> {
  const invoice = getInvoice(db, id);
  return renderDocument('invoice', invoice, branding(db), billTo(db, invoice), locale);
}

export async function quotePdf(db: CrmDb, id: string, locale: Locale): Promise<PdfFile> {
  const quote = getQuote(db, id);
  return fileOf(locale === 'es' ? 'presupuesto' : 'quote', quote.number, await quotePdfBytes(db, id, locale));
}

export async function invoicePdf(db: CrmDb, id: string, locale: Locale): Promise<PdfFile> {
  const invoice = getInvoice(db, id);
  return fileOf(locale === 'es' ? 'factura' : 'invoice', invoice.number, await invoicePdfBytes(db, id, locale));
}
