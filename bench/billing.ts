/**
 * Billing budget (issue 4): a quote PDF in under 500 ms. `quotes.pdf` through dispatch (reads
 * the quote, its lines and branding, lays out the page with the embedded font, base64 for the
 * transport) for a 3-line quote and a 40-line one, each run next to its reference: a bare pdfkit
 * document with the same embedded font printing the same strings (no data, layout or
 * translation), in alternation on the same moments of the machine.
 *
 * Run alone with `node bin/tsnode.js bench/billing.ts` (writes bench/results/billing.json);
 * `npm run bench` (bench/run.ts) calls `benchBilling()` too, last: it takes about 20 s.
 */
import PDFDocument from 'pdfkit';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatch } from '../src/main/api/dispatch';
import { openDatabase } from '../src/main/db/open';
import type { CrmDb } from '../src/main/db/open';
import { pdfFonts } from '../src/main/services/pdf/fonts';
import type { Quote } from '../src/shared/contract/quotes';
import { formatMoney } from '../src/shared/domain/billing';
import { bookPath, removeBenchDir, removeBook } from './lib/books';
import { figures, fmtMs, log, pushLatency } from './lib/figures';
import { summarise } from './lib/stats';

const RUNS = 40;
const WARMUP = 5;
const BUDGET_MS = 500;

async function ok<T>(db: CrmDb, method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input, { db, locale: 'es', actor: null, origin: 'bench' });
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** The reference: pdfkit alone, the same font and strings, one after the other. */
function barePdf(quote: Quote): Promise<Buffer> {
  const fonts = pdfFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    font: fonts.regular as unknown as string,
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.fontSize(9).text(`Presupuesto ${quote.number}`);
  for (const line of quote.lines)
    doc.text(`${line.description} ${line.quantity} ${formatMoney(line.net, 'EUR', 'es')}`);
  doc.text(formatMoney(quote.totals.total, 'EUR', 'es'));
  doc.end();
  return done;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function measure(db: CrmDb, quote: Quote, label: string, lineCount: number): Promise<void> {
  const ours = () => ok(db, 'quotes.pdf', { id: quote.id });
  const reference = () => barePdf(quote);
  for (let i = 0; i < WARMUP; i++) {
    await ours();
    await reference();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    if (i % 2 === 0) {
      a.push(await timeAsync(ours));
      b.push(await timeAsync(reference));
    } else {
      b.push(await timeAsync(reference));
      a.push(await timeAsync(ours));
    }
  }
  const size = Buffer.from((await ok<{ base64: string }>(db, 'quotes.pdf', { id: quote.id })).base64, 'base64').length;
  pushLatency(
    `quote-pdf-${label}`,
    `quotes.pdf through dispatch, ${lineCount} lines, Spanish, logo-less branding, embedded Noto Sans (${Math.round(size / 1024)} KiB), ${RUNS} runs`,
    summarise(a),
    summarise(b),
    BUDGET_MS,
  );
  log(`quote PDF (${lineCount} lines): p95 ${fmtMs(summarise(a).p95)} (bare pdfkit ${fmtMs(summarise(b).p95)})`);
}

export async function benchBilling(): Promise<void> {
  const path = bookPath('billing');
  const db = openDatabase({ path, create: true });
  try {
    await ok(db, 'billing.updateSettings', {
      companyName: 'Soluciones Núñez S.L.',
      companyAddress: 'Calle Príncipe 7\n28012 Madrid',
      companyTaxId: 'B12345678',
      defaultTerms: 'Pago a 30 días desde la fecha de factura.',
    });
    const line = (i: number) => ({
      description: `Instalación eléctrica, revisión nº ${i + 1}`,
      quantity: 1 + (i % 3),
      unitPrice: 1999 + i * 37,
      discountPercent: i % 4 === 0 ? 10 : 0,
      taxPercent: i % 5 === 0 ? 10 : 21,
    });
    const small = await ok<Quote>(db, 'quotes.create', { currency: 'EUR', lines: [0, 1, 2].map(line) });
    const large = await ok<Quote>(db, 'quotes.create', {
      currency: 'EUR',
      lines: Array.from({ length: 40 }, (_, i) => line(i)),
    });
    await measure(db, small, '3-lines', 3);
    await measure(db, large, '40-lines', 40);
  } finally {
    db.close();
    removeBook(path);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await benchBilling();
    const out = join(dirname(fileURLToPath(import.meta.url)), 'results', 'billing.json');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), figures }, null, 2)}\n`);
    console.log(
      JSON.stringify(
        figures.map((f) => ({
          id: f.id,
          ours: f.oursText,
          reference: f.referenceText,
          budget: f.budget,
          pass: f.pass,
        })),
        null,
        2,
      ),
    );
  } finally {
    removeBenchDir();
  }
}
