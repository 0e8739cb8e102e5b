import { toMajor } from '../../../shared/domain/currencies';
import type { CrmDb } from '../../db/open';
import { listCustomFields } from '../custom-fields';
import { listDeals, type DealListQuery } from '../deals';
import { customCell, day, iso, tagsOf, type Cell } from './cells';

/**
 * Deal columns, named as the deals import's targets (title, owner, product, company, pipeline,
 * stage, engagedAt, closeDate, amount, currency, source), so an exported file maps by itself.
 */
export const DEAL_COLUMNS = [
  'id',
  'title',
  'pipeline',
  'stage',
  'status',
  'owner',
  'company',
  'product',
  'amount',
  'currency',
  'probability',
  'engagedAt',
  'closeDate',
  'source',
  'nextStep',
  'lostReason',
  'tags',
  'createdAt',
  'updatedAt',
] as const;

const PAGE = 500;

/** Every deal the list input selects (all pages, in the list's order), header row first. */
export function* dealRows(db: CrmDb, input: DealListQuery, actor: string | null): Generator<Cell[]> {
  const pairs = (sql: string) => new Map(db.sqlite.prepare(sql).raw().all() as [string, string][]);
  const members = pairs('SELECT id, name FROM members');
  const companies = pairs('SELECT id, name FROM companies');
  const pipelines = pairs('SELECT id, name FROM pipelines');
  const tags = tagsOf(db, 'deals');
  const custom = listCustomFields(db, 'deals');
  // A deal's products are its line items (the import makes one from the file's product column).
  const productsOf = db.sqlite.prepare(
    `SELECT li.deal_id, coalesce(p.name, li.description) FROM deal_line_items li
     LEFT JOIN products p ON p.id = li.product_id
     WHERE li.deleted = 0 AND li.deal_id IN (SELECT value FROM json_each(?)) ORDER BY li.deal_id, li.position`,
  );
  yield [...DEAL_COLUMNS, ...custom.map((f) => f.label)];
  let cursor: string | undefined;
  do {
    const page = listDeals(db, { ...input, limit: PAGE, ...(cursor ? { cursor } : {}) }, actor);
    const products = new Map<string, string[]>();
    for (const [dealId, name] of productsOf.raw().all(JSON.stringify(page.items.map((d) => d.id))) as [
      string,
      string | null,
    ][]) {
      if (!name) continue;
      const list = products.get(dealId);
      if (list) list.push(name);
      else products.set(dealId, [name]);
    }
    for (const d of page.items) {
      const values: Record<(typeof DEAL_COLUMNS)[number], Cell> = {
        id: d.id,
        title: d.title,
        pipeline: d.pipelineId ? (pipelines.get(d.pipelineId) ?? '') : '',
        stage: d.stageName ?? '',
        status: d.status,
        owner: d.ownerId ? (members.get(d.ownerId) ?? '') : '',
        company: d.companyId ? (companies.get(d.companyId) ?? '') : '',
        product: (products.get(d.id) ?? []).join('; '),
        amount: d.amount === null ? '' : toMajor(d.amount, d.currency ?? 'EUR'),
        currency: d.currency ?? '',
        probability: d.effectiveProbability,
        engagedAt: day(d.engagedAt),
        // Won or lost: the day it closed; open: the expected close.
        closeDate: d.status === 'open' ? (d.expectedClose ?? '') : day(d.closedAt),
        source: d.source ?? '',
        nextStep: d.nextStep ?? '',
        lostReason: d.lostReason ?? '',
        tags: (tags.get(d.id) ?? []).join('; '),
        createdAt: iso(d.createdAt),
        updatedAt: iso(d.updatedAt),
      };
      const own = (d.custom ?? {}) as Record<string, unknown>;
      yield [...DEAL_COLUMNS.map((c) => values[c]), ...custom.map((f) => customCell(f, own[f.key]))];
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
