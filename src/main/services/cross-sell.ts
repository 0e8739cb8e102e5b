import type { CrossSellSuggestion } from '../../shared/contract/quotes';
import type { Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import type { CrmDb } from '../db/open';
import { invalid, notFound } from '../errors';
import { formatPercent } from './money';

/**
 * Cross-sell and up-sell from association rules (X → Y) over won deals' line items. A basket is
 * what one customer bought in all its won deals (a company; a deal without one is its own
 * basket): many small businesses sell one product per deal (as in the sales-opportunities
 * dataset), and "customers who bought X also bought Y" is about customers, not single orders.
 *   support(X→Y)    = baskets with X and Y / all baskets
 *   confidence(X→Y) = baskets with X and Y / baskets with X
 *   lift(X→Y)       = confidence / (baskets with Y / all baskets)
 * A customer is offered the Y of rules whose X they bought and Y they did not, when the pair was
 * seen at least MIN_PAIR times and lift is above 1 (more often together than by chance). Up-sell
 * adds the next dearer product of a series (category) the customer bought from.
 */
const MIN_PAIR = 2;
const MIN_CONFIDENCE = 0.1;

interface Basket {
  products: Set<string>;
}

interface ProductInfo {
  id: string;
  name: string;
  category: string | null;
  unitPrice: number;
  currency: string;
  active: number;
}

function wonBaskets(db: CrmDb): Basket[] {
  const rows = db.sqlite
    .prepare(
      `SELECT coalesce(d.company_id, d.id) AS dealId, li.product_id AS productId
       FROM deal_line_items li
       JOIN deals d ON d.id = li.deal_id AND d.deleted = 0
       JOIN stages s ON s.id = d.stage_id AND s.kind = 'won'
       WHERE li.deleted = 0 AND li.product_id IS NOT NULL`,
    )
    .all() as { dealId: string; productId: string }[];
  const byDeal = new Map<string, Set<string>>();
  for (const r of rows) {
    let set = byDeal.get(r.dealId);
    if (!set) byDeal.set(r.dealId, (set = new Set()));
    set.add(r.productId);
  }
  return [...byDeal.values()].map((products) => ({ products }));
}

/** The products a company or contact already has: on its won deals and on its invoices. */
function boughtBy(db: CrmDb, target: { companyId?: string; contactId?: string }): Set<string> {
  let dealFilter: string;
  let invoiceFilter: string;
  let params: string[];
  if (target.companyId) {
    if (!db.sqlite.prepare('SELECT 1 FROM companies WHERE id = ? AND deleted = 0').get(target.companyId))
      throw notFound('entity.company');
    dealFilter = 'd.company_id = ?';
    invoiceFilter = 'i.company_id = ?';
    params = [target.companyId];
  } else {
    if (!db.sqlite.prepare('SELECT 1 FROM contacts WHERE id = ? AND deleted = 0').get(target.contactId))
      throw notFound('entity.contact');
    const companies = `(SELECT company_id FROM contact_companies WHERE contact_id = ? AND deleted = 0)`;
    dealFilter = `(d.id IN (SELECT deal_id FROM deal_contacts WHERE contact_id = ? AND deleted = 0) OR d.company_id IN ${companies})`;
    invoiceFilter = `(i.contact_id = ? OR i.company_id IN ${companies})`;
    params = [target.contactId!, target.contactId!];
  }
  const rows = db.sqlite
    .prepare(
      `SELECT li.product_id FROM deal_line_items li
         JOIN deals d ON d.id = li.deal_id AND d.deleted = 0
         JOIN stages s ON s.id = d.stage_id AND s.kind = 'won'
       WHERE li.deleted = 0 AND li.product_id IS NOT NULL AND ${dealFilter}
       UNION
       SELECT il.product_id FROM invoice_lines il
         JOIN invoices i ON i.id = il.invoice_id AND i.deleted = 0 AND i.voided_at IS NULL
       WHERE il.deleted = 0 AND il.product_id IS NOT NULL AND ${invoiceFilter}`,
    )
    .pluck()
    .all(...params, ...params) as string[];
  return new Set(rows);
}

function productsById(db: CrmDb): Map<string, ProductInfo> {
  const rows = db.sqlite
    .prepare('SELECT id, name, category, unit_price AS unitPrice, currency, active FROM products WHERE deleted = 0')
    .all() as ProductInfo[];
  return new Map(rows.map((p) => [p.id, p]));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function crossSellSuggestions(
  db: CrmDb,
  target: { companyId?: string; contactId?: string; limit?: number },
  locale: Locale = 'en',
): { items: CrossSellSuggestion[]; transactions: number } {
  if (!target.companyId && !target.contactId) throw invalid([{ path: ['companyId'], key: 'validation.required' }]);
  const bought = boughtBy(db, target);
  const baskets = wonBaskets(db);
  const products = productsById(db);
  const n = baskets.length;
  const single = new Map<string, number>();
  const pair = new Map<string, number>();
  for (const { products: set } of baskets) {
    const items = [...set];
    for (const a of items) {
      single.set(a, (single.get(a) ?? 0) + 1);
      if (!bought.has(a)) continue;
      // Only rules whose antecedent this customer bought are ever needed.
      for (const b of items) if (a !== b) pair.set(`${a}|${b}`, (pair.get(`${a}|${b}`) ?? 0) + 1);
    }
  }

  const best = new Map<string, CrossSellSuggestion>();
  const stats = (x: string, y: string) => {
    const both = pair.get(`${x}|${y}`) ?? 0;
    const cx = single.get(x) ?? 0;
    const cy = single.get(y) ?? 0;
    const confidence = cx ? both / cx : 0;
    return { both, support: n ? both / n : 0, confidence, lift: cy && n ? confidence / (cy / n) : 0 };
  };
  const offer = (s: CrossSellSuggestion) => {
    const current = best.get(s.productId);
    if (!current || s.confidence > current.confidence || (s.confidence === current.confidence && s.lift > current.lift))
      best.set(s.productId, s);
  };
  const reasonOf = (key: string, params: Record<string, string | number>) => ({
    reason: translate(locale, key, params),
    reasonKey: key,
    reasonParams: params,
  });

  for (const key of pair.keys()) {
    const [x, y] = key.split('|') as [string, string];
    const to = products.get(y);
    const from = products.get(x);
    if (!to || !from || !to.active || bought.has(y)) continue;
    const s = stats(x, y);
    if (s.both < MIN_PAIR || s.confidence < MIN_CONFIDENCE || s.lift <= 1) continue;
    const params = {
      from: from.name,
      to: to.name,
      confidence: formatPercent(s.confidence, locale),
      lift: new Intl.NumberFormat(locale, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(s.lift),
    };
    offer({
      productId: y,
      productName: to.name,
      kind: 'cross',
      fromProductId: x,
      fromProductName: from.name,
      support: round(s.support, 4),
      confidence: round(s.confidence, 4),
      lift: round(s.lift, 3),
      ...reasonOf('crosssell.reason.together', params),
    });
  }

  // Up-sell: the next dearer active product of a series the customer bought from.
  for (const x of bought) {
    const from = products.get(x);
    if (!from?.category) continue;
    const next = [...products.values()]
      .filter(
        (p) =>
          p.active &&
          p.category === from.category &&
          p.currency === from.currency &&
          p.unitPrice > from.unitPrice &&
          !bought.has(p.id),
      )
      .sort((a, b) => a.unitPrice - b.unitPrice)[0];
    if (!next || best.has(next.id)) continue;
    const s = stats(x, next.id);
    best.set(next.id, {
      productId: next.id,
      productName: next.name,
      kind: 'up',
      fromProductId: x,
      fromProductName: from.name,
      support: round(s.support, 4),
      confidence: round(s.confidence, 4),
      lift: round(s.lift, 3),
      ...reasonOf('crosssell.reason.upsell', { series: from.category, from: from.name }),
    });
  }

  const items = [...best.values()]
    .sort((a, b) => (a.kind === b.kind ? b.confidence - a.confidence || b.lift - a.lift : a.kind === 'cross' ? -1 : 1))
    .slice(0, target.limit ?? 10);
  return { items, transactions: n };
}
