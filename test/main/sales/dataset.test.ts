import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { write, mutate, type Mutation } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import { createDealMutations } from '../../../src/main/services/deals';
import { createPipeline } from '../../../src/main/services/pipelines';
import { createMember, createTeam } from '../../../src/main/services/members';
import { createCompany } from '../../../src/main/services/companies';
import { setSetting } from '../../../src/main/services/settings';
import { dealBoard } from '../../../src/main/services/deal-board';
import { countDeals } from '../../../src/main/services/deals';
import { call } from '../accounts/api';
import { tempDb } from '../db/temp-db';

/** The public sample "CRM sales opportunities" (Maven Analytics), as shipped beside the project. */
const DIR = join(__dirname, '../../../../shared/datasets/crm-sales-opportunities');

function csv(name: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(DIR, name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** "10/20/2016" (US month/day/year) → epoch ms at noon UTC. */
function usDate(value: string): number | null {
  if (!value) return null;
  const [m, d, y] = value.split('/').map(Number);
  return Date.UTC(y!, m! - 1, d!, 12);
}

/**
 * Loads the dataset through the services, the way an importer would: the sales team (agents and
 * their managers as members, one team per manager with its regional office), the accounts as
 * companies, a pipeline with the dataset's four stages, and every opportunity as a deal in USD.
 */
function loadDataset(db: CrmDb) {
  setSetting(db, 'baseCurrency', 'USD');
  const teamsCsv = csv('sales_teams.csv');
  const memberIds = new Map<string, string>();
  const teamIds = new Map<string, string>();
  for (const manager of new Set(teamsCsv.map((r) => r.manager!))) {
    const region = teamsCsv.find((r) => r.manager === manager)!.regional_office!;
    const managerId = createMember(db, { name: manager, role: 'admin' }).id;
    memberIds.set(manager, managerId);
    teamIds.set(manager, createTeam(db, { name: `${region} – ${manager}`, managerId, region }).id);
  }
  for (const r of teamsCsv)
    memberIds.set(r.sales_agent!, createMember(db, { name: r.sales_agent!, teamId: teamIds.get(r.manager!)! }).id);

  const companyIds = new Map<string, string>();
  for (const a of csv('accounts.csv')) {
    companyIds.set(
      a.account!,
      createCompany(db, { name: a.account!, industry: a.sector || null, employees: Number(a.employees) || null }).id,
    );
  }

  const pipeline = createPipeline(db, {
    name: 'Sales opportunities',
    stages: [
      { name: 'Prospecting', probability: 10 },
      { name: 'Engaging', probability: 40 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const stageIds = new Map(pipeline.stages.map((s) => [s.name, s.id]));
  const deals = csv('sales_pipeline.csv');
  write(db, () => {
    let batch: Mutation[] = [];
    for (const d of deals) {
      const engagedAt = usDate(d.engage_date!);
      const closedAt = usDate(d.close_date!);
      const made = createDealMutations(
        db,
        {
          title: `${d.opportunity_id} · ${d.product}${d.account ? ` · ${d.account}` : ''}`,
          pipelineId: pipeline.id,
          stageId: stageIds.get(d.deal_stage!)!,
          amount: d.close_value ? Math.round(Number(d.close_value) * 100) : null,
          currency: 'USD',
          companyId: d.account ? companyIds.get(d.account)! : null,
          ownerId: memberIds.get(d.sales_agent!)!,
          source: d.product!,
        },
        { origin: 'import' },
        { asRecorded: { engagedAt, closedAt, stageEnteredAt: closedAt ?? engagedAt } },
      );
      batch.push(...made.mutations);
      if (batch.length > 3000) {
        mutate(db, batch, { origin: 'import' });
        batch = [];
      }
    }
    mutate(db, batch, { origin: 'import' });
  });
  return { pipeline, deals, memberIds, teamIds };
}

describe('the crm-sales-opportunities dataset fits the model', () => {
  it('loads 8,800 opportunities, 35 agents in 6 teams, and the board totals match the file', async () => {
    const db = tempDb();
    const { pipeline, deals, teamIds } = loadDataset(db);
    expect(deals).toHaveLength(8800);

    const members = await call(db, 'members.list', {});
    expect(members.items).toHaveLength(35 + 6);
    const teams = (await call(db, 'teams.list', {})).items;
    expect(teams).toHaveLength(6);
    expect(new Set(teams.map((t) => t.region))).toEqual(new Set(['Central', 'East', 'West']));
    expect(teams.every((t) => t.managerId)).toBe(true);
    const agentsPerTeam = [...teamIds.values()].map((id) => members.items.filter((m) => m.teamId === id).length);
    expect(agentsPerTeam.reduce((a, b) => a + b)).toBe(35);

    expect(countDeals(db, { pipelineId: pipeline.id })).toBe(8800);
    const board = dealBoard(db, { pipelineId: pipeline.id });
    const byName = Object.fromEntries(
      board.columns.map((c) => [pipeline.stages.find((s) => s.id === c.stageId)!.name, c.totals]),
    );
    expect(byName.Prospecting!.count).toBe(500);
    expect(byName.Engaging!.count).toBe(1589);
    expect(byName.Won!.count).toBe(4238);
    expect(byName.Lost!.count).toBe(2473);
    const wonInFile = deals.filter((d) => d.deal_stage === 'Won').reduce((s, d) => s + Number(d.close_value), 0);
    expect(byName.Won!.sum).toBe(wonInFile * 100);
    expect(byName.Won!.sum).toBe(10_005_534_00);
    expect(byName.Lost!.sum).toBe(0);
    // Lost deals of the file carry no reason: kept as recorded, closed on their close date.
    const lost = await call(db, 'deals.list', { status: 'lost', limit: 1 });
    expect(lost.items[0]).toMatchObject({ status: 'lost', lostReason: null });
    expect(lost.items[0]!.closedAt).not.toBeNull();
    // Open ones without an account have no company.
    const noCompany = db.sqlite.prepare('SELECT count(*) FROM deals WHERE company_id IS NULL').pluck().get();
    expect(noCompany).toBe(1425);
    expect((await call(db, 'deals.count', { status: 'open' })).count).toBe(500 + 1589);
  }, 60_000);
});
