import { describe, expect, it } from 'vitest';
import { call, refuse, DAY } from '../accounts/api';
import { manualClock, tempDb } from '../db/temp-db';

describe('deal board', () => {
  it('totals count, sum and weighted sum per column in the base currency', async () => {
    const clock = manualClock(Date.parse('2026-03-01T00:00:00Z'), 0);
    const db = tempDb({ now: clock.now });
    await call(db, 'settings.update', { baseCurrency: 'EUR' });
    await call(db, 'exchangeRates.set', { currency: 'USD', rate: 0.5 });
    const p = await call(db, 'pipelines.create', {
      name: 'Sales',
      stages: [
        { name: 'Lead', probability: 10, rottingDays: 7 },
        { name: 'Proposal', probability: 50 },
        { name: 'Won', kind: 'won' },
        { name: 'Lost', kind: 'lost' },
      ],
    });
    const [lead, proposal, , lost] = p.stages;
    await call(db, 'deals.create', { title: 'EUR', pipelineId: p.id, amount: 100_00, currency: 'EUR' });
    await call(db, 'deals.create', { title: 'USD', pipelineId: p.id, amount: 200_00, currency: 'USD' });
    await call(db, 'deals.create', { title: 'Override', pipelineId: p.id, amount: 1000_00, probability: 90 });
    await call(db, 'deals.create', { title: 'No rate', pipelineId: p.id, amount: 5000_00, currency: 'GBP' });
    const moving = await call(db, 'deals.create', { title: 'Mover', pipelineId: p.id, amount: 40_00 });

    let board = await call(db, 'deals.board', { pipelineId: p.id });
    expect(board.baseCurrency).toBe('EUR');
    const leadCol = board.columns.find((c) => c.stageId === lead!.id)!;
    // 100 + 200 USD (= 100 EUR) + 1000 + 40; GBP has no rate: counted, listed, not summed.
    expect(leadCol.totals).toEqual({
      count: 5,
      sum: 1240_00,
      weighted: 10_00 + 10_00 + 900_00 + 4_00,
      missingRates: ['GBP'],
    });
    expect(leadCol.items[0]!.title).toBe('Mover');

    clock.set(Date.parse('2026-03-02T00:00:00Z'));
    await call(db, 'deals.move', { id: moving.id, stageId: proposal!.id });
    await call(db, 'deals.lose', {
      id: (await call(db, 'deals.list', { query: 'override' })).items[0]!.id,
      reason: 'Price',
    });
    board = await call(db, 'deals.board', { pipelineId: p.id });
    const totals = Object.fromEntries(board.columns.map((c) => [c.stageId, c.totals]));
    expect(totals[lead!.id]).toMatchObject({ count: 3, sum: 200_00 });
    expect(totals[proposal!.id]).toMatchObject({ count: 1, sum: 40_00, weighted: 20_00 });
    expect(totals[lost!.id]).toMatchObject({ count: 1, sum: 1000_00 });

    // Rotting: more than 7 days in Lead.
    clock.set(Date.parse('2026-03-10T00:00:00Z'));
    board = await call(db, 'deals.board', { pipelineId: p.id });
    expect(board.columns.find((c) => c.stageId === lead!.id)!.items.every((c) => c.rotting)).toBe(true);
    expect(board.columns.find((c) => c.stageId === proposal!.id)!.items[0]!.rotting).toBe(false);
  });

  it('filters by owner, team, close month and tags, and pages a long column', async () => {
    const db = tempDb();
    const p = await call(db, 'pipelines.create', { name: 'Sales' });
    const team = await call(db, 'teams.create', { name: 'East', region: 'East' });
    const ana = await call(db, 'members.create', { name: 'Ana', teamId: team.id });
    const bo = await call(db, 'members.create', { name: 'Bo' });
    const tag = await call(db, 'tags.create', { name: 'hot' });
    const first = p.stages[0]!;
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const d = await call(db, 'deals.create', {
        title: `Deal ${i}`,
        pipelineId: p.id,
        ownerId: i % 2 ? ana.id : bo.id,
        expectedClose: i < 5 ? '2026-05-10' : '2026-06-20',
        amount: 100,
      });
      ids.push(d.id);
    }
    await call(db, 'tags.apply', { tagId: tag.id, entity: 'deals', ids: ids.slice(0, 3) });
    const count = async (input: Record<string, unknown>) =>
      (await call(db, 'deals.board', { pipelineId: p.id, ...input })).columns.find((c) => c.stageId === first.id)!
        .totals.count;
    expect(await count({})).toBe(25);
    expect(await count({ ownerIds: [ana.id] })).toBe(12);
    expect(await count({ teamId: team.id })).toBe(12);
    expect(await count({ closeMonth: '2026-05' })).toBe(5);
    expect(await count({ tagIds: [tag.id] })).toBe(3);
    expect(await count({ query: 'Deal 7' })).toBeGreaterThanOrEqual(1);

    const board = await call(db, 'deals.board', { pipelineId: p.id, limit: 10 });
    const col = board.columns.find((c) => c.stageId === first.id)!;
    const seen = col.items.map((c) => c.id);
    let cursor = col.nextCursor;
    while (cursor) {
      const page = await call(db, 'deals.column', { pipelineId: p.id, stageId: first.id, cursor, limit: 10 });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(25);
    const bad = await refuse(db, 'deals.board', { pipelineId: p.id, closeMonth: '2026-13' });
    expect(bad.issues?.[0]?.path).toEqual(['closeMonth']);
    void DAY;
  });

  it('keeps exchange rates per base currency', async () => {
    const db = tempDb();
    await call(db, 'settings.update', { baseCurrency: 'EUR' });
    const rate = await call(db, 'exchangeRates.set', { currency: 'usd', rate: 0.9 });
    expect(rate).toMatchObject({ currency: 'USD', base: 'EUR', rate: 0.9 });
    expect((await call(db, 'exchangeRates.set', { currency: 'USD', rate: 0.92 })).id).toBe(rate.id);
    expect((await call(db, 'exchangeRates.list', {})).items).toHaveLength(1);
    const bad = await refuse(db, 'exchangeRates.set', { currency: 'ABC', rate: 1 });
    expect(bad.issues?.[0]?.key).toBe('validation.currency_unknown');
    await refuse(db, 'exchangeRates.set', { currency: 'GBP', rate: 0 });
    expect((await call(db, 'exchangeRates.delete', { id: rate.id })).removed).toBe(true);
    expect((await call(db, 'exchangeRates.list', {})).items).toHaveLength(0);
  });
});
