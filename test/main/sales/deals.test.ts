import { describe, expect, it } from 'vitest';
import { call, expectNothingWritten, refuse, DAY } from '../accounts/api';
import { manualClock, tempDb } from '../db/temp-db';
import type { CrmDb } from '../../../src/main/db/open';

async function setup(db: CrmDb) {
  const p = await call(db, 'pipelines.create', {
    name: 'Sales',
    stages: [
      { name: 'Lead', probability: 10, rottingDays: 7 },
      { name: 'Proposal', probability: 50 },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ],
  });
  const [lead, proposal, won, lost] = p.stages;
  return { p, lead: lead!, proposal: proposal!, won: won!, lost: lost! };
}

const TABLES = ['deals', 'deal_stage_history', 'deal_contacts', 'sync_outbox', 'audit_history'];

describe('deals', () => {
  it('creates a deal in the first open stage with the base currency and its first stage stay', async () => {
    const db = tempDb();
    const { p, lead } = await setup(db);
    await call(db, 'settings.update', { baseCurrency: 'EUR' });
    const company = await call(db, 'companies.create', { name: 'Acme' });
    const contact = await call(db, 'contacts.create', { firstName: 'Ana', lastName: 'Ruiz' });
    const deal = await call(db, 'deals.create', {
      title: 'Acme – licenses',
      pipelineId: p.id,
      amount: 1_250_000,
      expectedClose: '2026-12-15',
      companyId: company.id,
      contacts: [{ contactId: contact.id, role: 'decision_maker' }],
    });
    expect(deal).toMatchObject({
      stageId: lead.id,
      currency: 'EUR',
      status: 'open',
      stageName: 'Lead',
      probability: null,
      effectiveProbability: 10,
      closedAt: null,
    });
    expect((await call(db, 'deals.contacts', { id: deal.id })).items).toEqual([
      expect.objectContaining({ contactId: contact.id, role: 'decision_maker', name: 'Ana Ruiz' }),
    ]);
    const history = (await call(db, 'deals.history', { id: deal.id })).items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ stageId: lead.id, stageName: 'Lead', leftAt: null });
  });

  it('moves across stages, keeping entered and left times, and closes on won', async () => {
    const clock = manualClock(1_750_000_000_000, 0);
    const db = tempDb({ now: clock.now });
    const { p, lead, proposal, won } = await setup(db);
    const deal = await call(db, 'deals.create', { title: 'Big one', pipelineId: p.id, amount: 100_00 });
    clock.set(1_750_000_000_000 + 3 * DAY);
    const moved = await call(db, 'deals.move', { id: deal.id, stageId: proposal.id });
    expect(moved).toMatchObject({
      stageId: proposal.id,
      effectiveProbability: 50,
      stageEnteredAt: 1_750_000_000_000 + 3 * DAY,
    });
    clock.set(1_750_000_000_000 + 5 * DAY);
    const closed = await call(db, 'deals.win', { id: deal.id });
    expect(closed).toMatchObject({ stageId: won.id, status: 'won', closedAt: 1_750_000_000_000 + 5 * DAY });
    const history = (await call(db, 'deals.history', { id: deal.id })).items;
    expect(history.map((h) => [h.stageId, h.durationMs])).toEqual([
      [lead.id, 3 * DAY],
      [proposal.id, 2 * DAY],
      [won.id, 0],
    ]);
    // Back to an open stage: open again, no close date.
    const reopened = await call(db, 'deals.move', { id: deal.id, stageId: lead.id });
    expect(reopened).toMatchObject({ status: 'open', closedAt: null });
  });

  it('loses a deal only with a reason', async () => {
    const db = tempDb();
    const { p, lost } = await setup(db);
    const deal = await call(db, 'deals.create', { title: 'Maybe', pipelineId: p.id });
    await expectNothingWritten(db, TABLES, async () => {
      const viaMove = await refuse(db, 'deals.move', { id: deal.id, stageId: lost.id });
      expect(viaMove.issues?.[0]).toMatchObject({ path: ['lostReason'], message: 'Say why the deal was lost.' });
      const viaLose = await refuse(db, 'deals.lose', { id: deal.id, reason: '  ' }, 'es');
      expect(viaLose.issues?.[0]?.message).toBe('Indica por qué se perdió la oportunidad.');
      await refuse(db, 'deals.update', { id: deal.id, stageId: lost.id });
      await refuse(db, 'deals.create', { title: 'Gone', pipelineId: p.id, stageId: lost.id });
    });
    expect((await call(db, 'deals.get', { id: deal.id })).status).toBe('open');
    const lostDeal = await call(db, 'deals.lose', { id: deal.id, reason: 'Price' });
    expect(lostDeal).toMatchObject({ status: 'lost', lostReason: 'Price', stageId: lost.id });
    expect(lostDeal.closedAt).not.toBeNull();
    // A lost deal cannot have its reason blanked.
    await refuse(db, 'deals.update', { id: deal.id, lostReason: null });
  });

  it('refuses a stage of another pipeline and an unknown currency, changing nothing', async () => {
    const db = tempDb();
    const { p, lead } = await setup(db);
    const other = await call(db, 'pipelines.create', { name: 'Partners' });
    const deal = await call(db, 'deals.create', { title: 'Deal', pipelineId: p.id, currency: 'usd', amount: 500 });
    expect(deal.currency).toBe('USD');
    await expectNothingWritten(db, TABLES, async () => {
      const cross = await refuse(db, 'deals.move', { id: deal.id, stageId: other.stages[0]!.id });
      expect(cross.code).toBe('invalid_input');
      expect(cross.issues?.[0]).toMatchObject({
        path: ['stageId'],
        message: 'This stage belongs to another pipeline. Pick a stage of "Sales".',
      });
      const crossEs = await refuse(db, 'deals.update', { id: deal.id, stageId: other.stages[0]!.id }, 'es');
      expect(crossEs.issues?.[0]?.message).toBe('Esta etapa es de otro embudo. Elige una etapa de «Sales».');
      await refuse(db, 'deals.create', { title: 'X', pipelineId: p.id, stageId: other.stages[0]!.id });
      const currency = await refuse(db, 'deals.create', { title: 'X', currency: 'XYZ' });
      expect(currency.issues?.[0]).toMatchObject({
        path: ['currency'],
        message: 'Unknown currency: use a three-letter ISO 4217 code such as EUR or USD.',
      });
      await refuse(db, 'deals.update', { id: deal.id, currency: 'EURO' });
      await refuse(db, 'deals.create', { title: 'X', amount: -5 });
    });
    const after = await call(db, 'deals.get', { id: deal.id });
    expect(after).toMatchObject({ stageId: lead.id, currency: 'USD', amount: 500 });
    // Changing the pipeline together with a stage of it is fine.
    const switched = await call(db, 'deals.update', {
      id: deal.id,
      pipelineId: other.id,
      stageId: other.stages[1]!.id,
    });
    expect(switched).toMatchObject({ pipelineId: other.id, stageId: other.stages[1]!.id });
  });

  it('lists deals with filters, sorts and pipeline/status quick filters', async () => {
    const db = tempDb();
    const { p, proposal } = await setup(db);
    for (const [title, amount] of [
      ['Alpha', 300],
      ['Beta', 100],
      ['Gamma', 200],
    ] as const)
      await call(db, 'deals.create', { title, amount, pipelineId: p.id });
    const beta = (await call(db, 'deals.list', { query: 'beta' })).items[0]!;
    await call(db, 'deals.move', { id: beta.id, stageId: proposal.id });
    const byAmount = await call(db, 'deals.list', { sort: { field: 'amount', direction: 'desc' } });
    expect(byAmount.items.map((d) => d.title)).toEqual(['Alpha', 'Gamma', 'Beta']);
    const big = await call(db, 'deals.list', {
      filter: { op: 'and', conditions: [{ field: 'amount', operator: 'gte', value: 200 }] },
    });
    expect(big.items.map((d) => d.title)).toEqual(['Alpha', 'Gamma']);
    expect((await call(db, 'deals.list', { stageId: proposal.id })).items.map((d) => d.title)).toEqual(['Beta']);
    expect((await call(db, 'deals.count', { status: 'open', pipelineId: p.id })).count).toBe(3);
    const fields = (await call(db, 'deals.fields', {})).items.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'amount', 'stageId', 'expectedClose', 'tags']));
    await call(db, 'deals.bulkDelete', { ids: [beta.id] });
    expect((await call(db, 'deals.count', {})).count).toBe(2);
    expect((await call(db, 'deals.list', { trash: true })).items.map((d) => d.title)).toEqual(['Beta']);
  });

  it('links and unlinks contacts with roles', async () => {
    const db = tempDb();
    const deal = await call(db, 'deals.create', { title: 'D' });
    const c = await call(db, 'contacts.create', { firstName: 'Li' });
    await call(db, 'deals.linkContact', { dealId: deal.id, contactId: c.id, role: 'influencer' });
    const changed = await call(db, 'deals.linkContact', { dealId: deal.id, contactId: c.id, role: 'champion' });
    expect(changed.role).toBe('champion');
    expect((await call(db, 'deals.contacts', { id: deal.id })).items).toHaveLength(1);
    expect((await call(db, 'deals.unlinkContact', { dealId: deal.id, contactId: c.id })).removed).toBe(true);
    expect((await call(db, 'deals.contacts', { id: deal.id })).items).toHaveLength(0);
  });

  it('stays findable by search once after moves, and is found by its new title after a rename', async () => {
    const db = tempDb();
    const { p, proposal, lead } = await setup(db);
    const deal = await call(db, 'deals.create', { title: 'Zephyr renewal', pipelineId: p.id });
    await call(db, 'deals.move', { id: deal.id, stageId: proposal.id });
    await call(db, 'deals.move', { id: deal.id, stageId: lead.id });
    const hits = async (query: string) =>
      (await call(db, 'search.query', { query })).hits.filter((h) => h.id === deal.id).length;
    expect(await hits('zephyr')).toBe(1);
    await call(db, 'deals.update', { id: deal.id, title: 'Aurora renewal' });
    expect(await hits('zephyr')).toBe(0);
    expect(await hits('aurora')).toBe(1);
  });
});
