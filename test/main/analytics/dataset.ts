import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mutate, write, type Mutation } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { newId } from '../../../src/shared/ids';

/**
 * Loads the "CRM + Sales + Opportunities" sample (../shared/datasets/crm-sales-opportunities)
 * through the mutation layer: agents as members in their manager's team, accounts as companies,
 * products, one pipeline with the dataset's four stages, and every opportunity as a deal with its
 * stage history and one line item. A small loader of our own, so the analytics tests do not
 * depend on the importer's mapping.
 */
export const DATASET_DIR = join(__dirname, '../../../../shared/datasets/crm-sales-opportunities');

export type CsvRow = Record<string, string>;

export function readCsv(name: string): CsvRow[] {
  const [head, ...lines] = readFileSync(join(DATASET_DIR, name), 'utf8').trim().split(/\r?\n/);
  const keys = head!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

/** M/D/YYYY → epoch ms at UTC midnight, or null when empty. */
export function usDate(text: string): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2])) : null;
}

const productKey = (name: string) => name.replace(/\s+/g, '').toLowerCase();

export interface LoadedDataset {
  pipelineId: string;
  stageIds: Record<'Prospecting' | 'Engaging' | 'Won' | 'Lost', string>;
  members: Map<string, string>;
  companies: Map<string, string>;
  products: Map<string, string>;
}

export function loadDataset(db: CrmDb, limit = Infinity): LoadedDataset {
  const teams = new Map<string, string>();
  const members = new Map<string, string>();
  const companies = new Map<string, string>();
  const products = new Map<string, string>();
  const prices = new Map<string, number>();
  const pipelineId = newId();
  const stageIds = { Prospecting: newId(), Engaging: newId(), Won: newId(), Lost: newId() };
  const setup: Mutation[] = [
    { table: 'pipelines', op: 'insert', id: pipelineId, values: { name: 'Sales', position: -1, archived: false } },
    ...(
      [
        ['Prospecting', 10, 'open'],
        ['Engaging', 40, 'open'],
        ['Won', 100, 'won'],
        ['Lost', 0, 'lost'],
      ] as const
    ).map(([name, probability, kind], position): Mutation => ({
      table: 'stages',
      op: 'insert',
      id: stageIds[name],
      values: { pipelineId, name, position, probability, kind, archived: false },
    })),
  ];
  for (const r of readCsv('sales_teams.csv')) {
    let teamId = teams.get(r.manager!);
    if (!teamId) {
      teamId = newId();
      teams.set(r.manager!, teamId);
      setup.push({ table: 'teams', op: 'insert', id: teamId, values: { name: r.manager, region: r.regional_office } });
    }
    const id = newId();
    members.set(r.sales_agent!, id);
    setup.push({
      table: 'members',
      op: 'insert',
      id,
      values: { name: r.sales_agent, teamId, role: 'member', active: true },
    });
  }
  for (const r of readCsv('accounts.csv')) {
    const id = newId();
    companies.set(r.account!, id);
    setup.push({
      table: 'companies',
      op: 'insert',
      id,
      values: { name: r.account, industry: r.sector, employees: Number(r.employees) || null },
    });
  }
  for (const r of readCsv('products.csv')) {
    const id = newId();
    products.set(productKey(r.product!), id);
    prices.set(productKey(r.product!), Math.round(Number(r.sales_price) * 100));
    setup.push({
      table: 'products',
      op: 'insert',
      id,
      values: {
        name: r.product,
        category: r.series,
        unitPrice: Math.round(Number(r.sales_price) * 100),
        currency: 'USD',
      },
    });
  }
  write(db, () => mutate(db, setup));

  const rows = readCsv('sales_pipeline.csv').slice(0, limit);
  for (let i = 0; i < rows.length; i += 500) {
    const batch: Mutation[] = [];
    for (const r of rows.slice(i, i + 500)) {
      const stage = r.deal_stage as keyof typeof stageIds;
      const engagedAt = usDate(r.engage_date!);
      const closedAt = stage === 'Won' || stage === 'Lost' ? usDate(r.close_date!) : null;
      const key = productKey(r.product!);
      const amount = closedAt !== null ? Math.round(Number(r.close_value || 0) * 100) : (prices.get(key) ?? 0);
      const id = newId();
      const entered = closedAt ?? engagedAt ?? db.now();
      batch.push({
        table: 'deals',
        op: 'insert',
        id,
        values: {
          title: `${r.opportunity_id} ${r.product}`,
          pipelineId,
          stageId: stageIds[stage],
          amount,
          currency: 'USD',
          companyId: companies.get(r.account!) ?? null,
          ownerId: members.get(r.sales_agent!) ?? null,
          engagedAt,
          closedAt,
          stageEnteredAt: entered,
          lostReason: null,
        },
      });
      // The history the dataset implies: engaging from the engage date, then won or lost at close.
      if (engagedAt !== null && stage !== 'Prospecting')
        batch.push({
          table: 'deal_stage_history',
          op: 'insert',
          id: newId(),
          values: { dealId: id, pipelineId, stageId: stageIds.Engaging, enteredAt: engagedAt, leftAt: closedAt },
        });
      if (stage !== 'Engaging' || engagedAt === null)
        batch.push({
          table: 'deal_stage_history',
          op: 'insert',
          id: newId(),
          values: { dealId: id, pipelineId, stageId: stageIds[stage], enteredAt: entered, leftAt: null },
        });
      batch.push({
        table: 'deal_line_items',
        op: 'insert',
        id: newId(),
        values: {
          dealId: id,
          productId: products.get(key) ?? null,
          description: r.product,
          quantity: 1,
          unitPrice: amount,
          discountRate: 0,
          taxRate: 0,
          position: 0,
        },
      });
    }
    write(db, () => mutate(db, batch));
  }
  return { pipelineId, stageIds, members, companies, products };
}
