import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { stageWinRates } from '../../../src/main/services/forecast';
import { mutate } from '../../../src/main/db/mutation';
import { ensureDefaultPipeline } from '../../../src/main/services/pipelines';
import { scoreCustomers, segmentSummary } from '../../../src/main/services/segments';
import { newId } from '../../../src/shared/ids';
import { scopeOf } from '../../../src/main/services/reports/scope';
import { closedBy, closedCube, stageConversion, wonByProduct } from '../../../src/main/services/reports/sales';
import { applyRemote } from '../../../src/main/sync/apply';
import { readOutbox, trimOutbox } from '../../../src/main/sync/outbox';
import { call } from '../accounts/api';
import { manualClock, tempDb } from '../db/temp-db';
import { keptRollups, recomputedRollups } from './rollup-recompute';

/*
 * `deal_stage_outcomes` is derived from deals and their stage history by triggers. Whatever the
 * write (create, move, win, lose, reopen, owner change, trash and restore, a stay removed, a
 * sync-applied page in any order), it must equal the count made from scratch.
 */

const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

// Each rollup as the triggers keep it and as recomputed from the tables (the migrations' backfill).
const direct = (db: CrmDb) => recomputedRollups(db).outcomes;
const rollup = (db: CrmDb) => keptRollups(db).outcomes;
const directPurchases = (db: CrmDb) => recomputedRollups(db).purchases;
const keptPurchases = (db: CrmDb) => keptRollups(db).purchases;
const directProducts = (db: CrmDb) => recomputedRollups(db).products;
const keptProducts = (db: CrmDb) => keptRollups(db).products;
const directReach = (db: CrmDb) => recomputedRollups(db).reach;
const keptReach = (db: CrmDb) => keptRollups(db).reach;
const directClosed = (db: CrmDb) => recomputedRollups(db).closed;
const keptClosed = (db: CrmDb) => keptRollups(db).closed;

function expectExact(db: CrmDb): void {
  expect(rollup(db)).toEqual(direct(db));
  expect(db.sqlite.prepare('SELECT COUNT(*) FROM deal_stage_outcomes WHERE deals < 0').pluck().get()).toBe(0);
}

/** The default pipeline's open stages, in order (the pipeline is made on first use). */
function stages(db: CrmDb) {
  ensureDefaultPipeline(db);
  const rows = db.sqlite.prepare('SELECT id, kind FROM stages WHERE deleted = 0 ORDER BY position').all() as {
    id: string;
    kind: string;
  }[];
  return rows.filter((s) => s.kind === 'open').map((s) => s.id);
}

describe('deal stage outcomes (the forecast win rates) kept by triggers', () => {
  it('equals the direct count after creates, moves, wins, losses, reopening, edits, trash and restore', async () => {
    const clock = manualClock(at('2026-01-10'), 1);
    const db = tempDb({ now: clock.now });
    const open = stages(db);
    const ana = await call(db, 'members.create', { name: 'Ana' });
    const luis = await call(db, 'members.create', { name: 'Luis' });
    const deals = [];
    for (let i = 0; i < 8; i++) {
      clock.set(at(`2026-0${1 + (i % 3)}-1${i}`));
      const d = await call(db, 'deals.create', { title: `D${i}`, amount: 1000 * (i + 1), ownerId: ana.id });
      deals.push(d);
      await call(db, 'deals.move', { id: d.id, stageId: open[1 + (i % (open.length - 1))]! });
      if (i % 3 === 0) await call(db, 'deals.win', { id: d.id });
      if (i % 3 === 1) await call(db, 'deals.lose', { id: d.id, reason: 'price' });
    }
    expect(rollup(db).length).toBeGreaterThan(3);
    expectExact(db);
    // Back and forth through a stage it already stayed in, then won.
    await call(db, 'deals.move', { id: deals[2]!.id, stageId: open[0]! });
    await call(db, 'deals.move', { id: deals[2]!.id, stageId: open[1]! });
    await call(db, 'deals.win', { id: deals[2]!.id });
    expectExact(db);
    // Reopened, the owner changed on a closed deal, and a lost one won after all.
    await call(db, 'deals.move', { id: deals[0]!.id, stageId: open[0]! });
    await call(db, 'deals.update', { id: deals[3]!.id, ownerId: luis.id });
    await call(db, 'deals.update', { id: deals[6]!.id, ownerId: null });
    clock.set(at('2026-04-02'));
    await call(db, 'deals.win', { id: deals[1]!.id });
    expectExact(db);
    // Trash and restore.
    await call(db, 'deals.delete', { id: deals[3]!.id });
    expectExact(db);
    await call(db, 'deals.delete', { id: deals[4]!.id });
    await call(db, 'deals.restore', { id: deals[3]!.id });
    expectExact(db);
    // A stay removed or marked deleted, and a deal removed for good (as a purge would).
    db.writePermit++;
    try {
      const stay = db.sqlite
        .prepare('SELECT id FROM deal_stage_history WHERE deal_id = ? ORDER BY entered_at LIMIT 1')
        .pluck()
        .get(deals[6]!.id) as string;
      db.sqlite.prepare('UPDATE deal_stage_history SET deleted = 1 WHERE id = ?').run(stay);
      expectExact(db);
      db.sqlite.prepare('DELETE FROM deal_stage_history WHERE deal_id = ?').run(deals[5]!.id);
      expectExact(db);
      db.sqlite.prepare('DELETE FROM deals WHERE id = ?').run(deals[0]!.id);
      expectExact(db);
    } finally {
      db.writePermit--;
    }
  });

  it('equals the direct count on a device that received the writes through sync, stays before their deals', async () => {
    const clock = manualClock(at('2026-03-01'), 1);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    const ship = (staysFirst: boolean) => {
      const batch = readOutbox(a);
      const changes = staysFirst
        ? [...batch.changes].sort(
            (x, y) => Number(y.table === 'deal_stage_history') - Number(x.table === 'deal_stage_history'),
          )
        : batch.changes;
      applyRemote(b, changes);
      trimOutbox(a, batch.lastSeq);
    };
    const open = stages(a);
    ship(false);
    const made = [];
    for (let i = 0; i < 5; i++) {
      const d = await call(a, 'deals.create', { title: `S${i}`, amount: 500 });
      await call(a, 'deals.move', { id: d.id, stageId: open[1]! });
      if (i % 2) await call(a, 'deals.win', { id: d.id });
      else await call(a, 'deals.lose', { id: d.id, reason: 'timing' });
      made.push(d);
    }
    ship(true);
    expect(rollup(b).length).toBeGreaterThan(1);
    expectExact(b);
    expect(rollup(b)).toEqual(rollup(a));
    await call(a, 'deals.move', { id: made[1]!.id, stageId: open[0]! });
    await call(a, 'deals.delete', { id: made[2]!.id });
    ship(false);
    expectExact(b);
    expect(rollup(b)).toEqual(rollup(a));
  });

  it('gives the forecast the same win rates as counting each closed deal’s stays', async () => {
    const clock = manualClock(at('2025-12-01'), 1);
    const db = tempDb({ now: clock.now });
    const open = stages(db);
    const ana = await call(db, 'members.create', { name: 'Ana' });
    for (let i = 0; i < 30; i++) {
      clock.set(at('2025-12-01') + i * 5 * 86_400_000);
      const d = await call(db, 'deals.create', { title: `F${i}`, amount: 100, ownerId: i % 2 ? ana.id : undefined });
      for (const s of open.slice(0, 1 + (i % open.length))) await call(db, 'deals.move', { id: d.id, stageId: s });
      if (i % 3) await call(db, 'deals.win', { id: d.id });
      else await call(db, 'deals.lose', { id: d.id, reason: 'price' });
    }
    const now = at('2026-04-20');
    const rates = stageWinRates(db, scopeOf({}), now);
    // Every deal closed from the first day of the month a year back to now, its stays counted once per stage.
    const rows = db.sqlite
      .prepare(
        `SELECT stage_id AS stage, SUM(won) AS won, COUNT(*) AS n FROM (
           SELECT DISTINCT d.id, h.stage_id, s.kind = 'won' AS won FROM deals d JOIN stages s ON s.id = d.stage_id
             JOIN deal_stage_history h ON h.deal_id = d.id AND h.deleted = 0
           WHERE d.deleted = 0 AND s.kind IN ('won', 'lost') AND d.closed_at >= ? AND d.closed_at <= ?)
         WHERE stage_id IN (SELECT id FROM stages WHERE kind = 'open') GROUP BY stage_id`,
      )
      .all(Date.UTC(2025, 3, 1), now) as { stage: string; won: number; n: number }[];
    expect(rows.length).toBeGreaterThan(1);
    expect(new Map([...rates.byStage].sort())).toEqual(
      new Map(rows.map((r) => [r.stage, r.won / r.n] as const).sort()),
    );
    expect(rates.byOwner.size).toBeGreaterThan(0);
  });
});

function expectPurchasesExact(db: CrmDb): void {
  expect(keptPurchases(db)).toEqual(directPurchases(db));
}

describe('company purchases (RFM) kept by triggers', () => {
  it('equals the direct aggregate after deal and invoice writes, and RFM reads the same as before `now`', async () => {
    const clock = manualClock(at('2026-01-05'), 1);
    const db = tempDb({ now: clock.now });
    await call(db, 'exchangeRates.set', { currency: 'EUR', rate: 1.1 });
    const acme = await call(db, 'companies.create', { name: 'Acme' });
    const bolt = await call(db, 'companies.create', { name: 'Bolt' });
    const cora = await call(db, 'companies.create', { name: 'Cora' });
    const deals = [];
    for (let i = 0; i < 9; i++) {
      clock.set(at(`2026-0${1 + (i % 4)}-1${i}`));
      const d = await call(db, 'deals.create', {
        title: `P${i}`,
        amount: 1000 * (i + 1),
        currency: i % 3 === 2 ? 'EUR' : 'USD',
        companyId: [acme, bolt, cora][i % 3]!.id,
      });
      deals.push(d);
      if (i % 4 !== 3) await call(db, 'deals.win', { id: d.id });
      else await call(db, 'deals.lose', { id: d.id, reason: 'price' });
    }
    expect(keptPurchases(db).length).toBeGreaterThan(3);
    expectPurchasesExact(db);
    // Edits that move a deal between groups, and trash and restore.
    await call(db, 'deals.update', { id: deals[0]!.id, amount: 777 });
    await call(db, 'deals.update', { id: deals[1]!.id, companyId: acme.id });
    await call(db, 'deals.update', { id: deals[2]!.id, currency: 'USD' });
    await call(db, 'deals.update', { id: deals[4]!.id, companyId: null });
    expectPurchasesExact(db);
    await call(db, 'deals.delete', { id: deals[5]!.id });
    await call(db, 'deals.delete', { id: deals[6]!.id });
    await call(db, 'deals.restore', { id: deals[6]!.id });
    expectPurchasesExact(db);
    // Invoices not tied to a deal: written, edited, voided and trashed through the mutation layer.
    const invoice = (companyId: string, day: string, total: number, currency = 'USD') => {
      const id = newId();
      mutate(db, {
        table: 'invoices',
        op: 'insert',
        id,
        values: { number: id.slice(-6), companyId, currency, issueDate: day, dueDate: day, subtotal: total, total },
      });
      return id;
    };
    const i1 = invoice(bolt.id, '2026-02-01', 5000);
    const i2 = invoice(bolt.id, '2026-03-01', 7000, 'EUR');
    const i3 = invoice(cora.id, '2026-03-15', 9000);
    invoice(cora.id, '2026-04-20', 1000);
    expectPurchasesExact(db);
    mutate(db, { table: 'invoices', op: 'update', id: i1, values: { total: 6000, issueDate: '2026-01-20' } });
    mutate(db, { table: 'invoices', op: 'update', id: i2, values: { voidedAt: clock.now() } });
    mutate(db, { table: 'invoices', op: 'delete', id: i3 });
    expectPurchasesExact(db);

    // RFM as of a day with purchases after it (those customers are read from the rows themselves)
    // and as of a day after all of them (read from the kept groups): the same as counting directly.
    // As of now, a deal won this instant and an invoice dated today count.
    clock.set(at('2026-06-01'));
    const today = await call(db, 'deals.create', { title: 'Now', amount: 50, companyId: cora.id });
    await call(db, 'deals.win', { id: today.id });
    const wonAt = db.sqlite.prepare('SELECT closed_at FROM deals WHERE id = ?').pluck().get(today.id) as number;
    clock.set(wonAt);
    invoice(acme.id, new Date(wonAt).toISOString().slice(0, 10), 300);
    clock.set(wonAt);
    for (const to of ['2026-03-10', '2026-05-31', null]) {
      const end = to ? Date.parse(`${to}T00:00:00Z`) + 86_400_000 : wonAt + 1;
      const day = new Date(end - 1).toISOString().slice(0, 10);
      const expected = db.sqlite
        .prepare(
          `SELECT co.name, COUNT(*) AS n, ROUND(SUM(x.value)) AS monetary, MAX(x.at) AS last FROM (
             SELECT d.company_id AS c, d.closed_at AS at, d.amount * (CASE d.currency WHEN 'EUR' THEN 1.1 ELSE 1 END) AS value
             FROM deals d JOIN stages s ON s.id = d.stage_id AND s.kind = 'won'
             WHERE d.deleted = 0 AND d.closed_at < ?
             UNION ALL
             SELECT company_id, CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER),
               total * (CASE currency WHEN 'EUR' THEN 1.1 ELSE 1 END)
             FROM invoices WHERE deleted = 0 AND voided_at IS NULL AND deal_id IS NULL AND issue_date <= ?) x
           JOIN companies co ON co.id = x.c GROUP BY co.name ORDER BY co.name`,
        )
        .all(end, day) as { name: string; n: number; monetary: number; last: number }[];
      const scope = scopeOf(to ? { to } : {});
      const scores = scoreCustomers(db, scope)
        .map((c) => ({ name: c.name, n: c.frequency, monetary: c.monetary, recency: c.recencyDays }))
        .sort((x, y) => x.name.localeCompare(y.name));
      expect(scores).toEqual(
        expected.map((e) => ({
          name: e.name,
          n: e.n,
          monetary: e.monetary,
          recency: Math.floor((Math.min(end, wonAt) - e.last) / 86_400_000),
        })),
      );
      const summary = segmentSummary(db, scope);
      expect(summary.reduce((n, s) => n + s.customers, 0)).toBe(expected.length);
    }
  });

  it('equals the direct aggregate on a device that received the deals through sync', async () => {
    const clock = manualClock(at('2026-03-01'), 1);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    const company = await call(a, 'companies.create', { name: 'Dana' });
    for (let i = 0; i < 4; i++) {
      const d = await call(a, 'deals.create', { title: `Q${i}`, amount: 100 * (i + 1), companyId: company.id });
      if (i % 2) await call(a, 'deals.win', { id: d.id });
      else await call(a, 'deals.lose', { id: d.id, reason: 'price' });
      if (i === 3) await call(a, 'deals.update', { id: d.id, amount: 5 });
    }
    const batch = readOutbox(a);
    applyRemote(b, batch.changes);
    trimOutbox(a, batch.lastSeq);
    expect(keptPurchases(b).length).toBe(2);
    expectPurchasesExact(b);
    expect(keptPurchases(b)).toEqual(keptPurchases(a));
  });
});

function expectProductsExact(db: CrmDb): void {
  expect(keptProducts(db)).toEqual(directProducts(db));
  // A group no deal is in any more is left at zero, never below.
  expect(
    db.sqlite
      .prepare('SELECT COUNT(*) FROM deal_product_revenue WHERE deals < 0 OR (deals = 0 AND ABS(value) > 1e-6)')
      .pluck()
      .get(),
  ).toBe(0);
}

/** Won revenue by product of the won deals closed in [from, to], counted from the lines. */
function wonByProductDirect(db: CrmDb, from: string, to: string, ownerId?: string) {
  return (
    db.sqlite
      .prepare(
        `SELECT li.product_id AS key, COUNT(DISTINCT d.id) AS deals,
           ROUND(SUM(li.quantity * li.unit_price * (10000 - li.discount_rate) / 10000.0 * (CASE d.currency WHEN 'EUR' THEN 1.1 ELSE 1 END))) AS value
         FROM deals d JOIN stages s ON s.id = d.stage_id AND s.kind = 'won'
           JOIN deal_line_items li ON li.deal_id = d.id AND li.deleted = 0
         WHERE d.deleted = 0 AND d.closed_at >= ? AND d.closed_at < ? AND (? IS NULL OR d.owner_id = ?)
         GROUP BY 1`,
      )
      .all(
        Date.parse(`${from}T00:00:00Z`),
        Date.parse(`${to}T00:00:00Z`) + 86_400_000,
        ownerId ?? null,
        ownerId ?? null,
      ) as {
      key: string | null;
      deals: number;
      value: number;
    }[]
  ).sort((a, b) => b.value - a.value);
}

describe('won revenue by product (deal_product_revenue) kept by triggers', () => {
  it('equals the direct aggregate after deal and line writes, and the report reads the same over whole months', async () => {
    const clock = manualClock(at('2026-01-05'), 1);
    const db = tempDb({ now: clock.now });
    await call(db, 'exchangeRates.set', { currency: 'EUR', rate: 1.1 });
    const ana = await call(db, 'members.create', { name: 'Ana' });
    const product = (name: string, unitPrice: number) =>
      call(db, 'products.create', { name, unitPrice, currency: 'USD' });
    const [p1, p2, p3] = [await product('Alpha', 1000), await product('Beta', 2500), await product('Gamma', 99)];
    const deals = [];
    for (let i = 0; i < 9; i++) {
      clock.set(at(`2026-0${1 + (i % 4)}-1${i}`));
      const d = await call(db, 'deals.create', {
        title: `L${i}`,
        amount: 0,
        currency: i % 3 === 2 ? 'EUR' : 'USD',
        ownerId: i % 2 ? ana.id : undefined,
      });
      deals.push(d);
      await call(db, 'lineItems.add', {
        dealId: d.id,
        productId: [p1, p2, p3][i % 3]!.id,
        quantity: 1 + (i % 2),
        unitPrice: 900 + 100 * i,
      });
      await call(db, 'lineItems.add', {
        dealId: d.id,
        productId: p1.id,
        quantity: 1.5,
        unitPrice: 1000,
        discountPercent: 10,
      });
      await call(db, 'lineItems.add', { dealId: d.id, description: 'Travel', quantity: 1, unitPrice: 300 + i });
      if (i % 4 !== 3) await call(db, 'deals.win', { id: d.id });
      else await call(db, 'deals.lose', { id: d.id, reason: 'price' });
    }
    expect(keptProducts(db).length).toBeGreaterThan(6);
    expectProductsExact(db);
    const lines = (dealId: string) =>
      db.sqlite
        .prepare('SELECT id FROM deal_line_items WHERE deal_id = ? ORDER BY position, id')
        .pluck()
        .all(dealId) as string[];
    // Line edits on closed deals: quantity, price and discount changed, a line removed, one added.
    const [a0, b0] = lines(deals[0]!.id);
    await call(db, 'lineItems.update', { id: a0!, quantity: 3, discountPercent: 25 });
    await call(db, 'lineItems.update', { id: b0!, unitPrice: 1234 });
    await call(db, 'lineItems.remove', { id: lines(deals[1]!.id)[0]! });
    await call(db, 'lineItems.remove', { id: lines(deals[2]!.id)[1]! });
    await call(db, 'lineItems.add', { dealId: deals[4]!.id, productId: p1.id, quantity: 2, unitPrice: 1000 });
    expectProductsExact(db);
    // Deal edits: reopened, owner and currency changed, won later in another month, trash and restore.
    await call(db, 'deals.move', {
      id: deals[0]!.id,
      stageId: (await call(db, 'pipelines.list', {})).items[0]!.stages[0]!.id,
    });
    await call(db, 'deals.update', { id: deals[4]!.id, ownerId: ana.id });
    await call(db, 'deals.update', { id: deals[5]!.id, currency: 'EUR' });
    clock.set(at('2026-05-20'));
    await call(db, 'deals.win', { id: deals[3]!.id });
    await call(db, 'deals.delete', { id: deals[6]!.id });
    await call(db, 'deals.delete', { id: deals[7]!.id });
    await call(db, 'deals.restore', { id: deals[7]!.id });
    expectProductsExact(db);
    // Writes below the mutation layer (as a purge or a merge would make): a line moved to another
    // deal, its product changed, a line and a deal removed for good.
    db.writePermit++;
    try {
      const [x, y] = lines(deals[8]!.id);
      db.sqlite.prepare('UPDATE deal_line_items SET deal_id = ? WHERE id = ?').run(deals[2]!.id, x);
      db.sqlite.prepare('UPDATE deal_line_items SET product_id = ? WHERE id = ?').run(p3.id, y);
      expectProductsExact(db);
      db.sqlite.prepare('DELETE FROM deal_line_items WHERE id = ?').run(lines(deals[2]!.id)[0]);
      db.sqlite.prepare('DELETE FROM deals WHERE id = ?').run(deals[1]!.id);
      expectProductsExact(db);
    } finally {
      db.writePermit--;
    }
    // The report over whole months reads the rollup; over other days, the lines: both equal the direct count.
    const report = (from: string, to: string, ownerId?: string) =>
      wonByProduct(db, scopeOf({ from, to, ownerId })).map((r) => ({ key: r.key, deals: r.deals, value: r.value }));
    for (const [from, to, owner] of [
      ['2026-01-01', '2026-12-31', undefined],
      ['2026-02-01', '2026-03-31', undefined],
      ['2026-01-01', '2026-06-30', ana.id],
      ['2026-01-12', '2026-05-25', undefined],
    ] as const) {
      const expected = wonByProductDirect(db, from, to, owner);
      expect(expected.length).toBeGreaterThan(0);
      expect(report(from, to, owner)).toEqual(expected);
    }
    expect(wonByProduct(db, scopeOf({})).map((r) => r.value)).toEqual(
      wonByProductDirect(db, '1970-01-01', '2100-01-01').map((r) => r.value),
    );
  });

  it('equals the direct aggregate on a device that received the deals and lines through sync, in any order', async () => {
    const clock = manualClock(at('2026-03-01'), 1);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    const c = tempDb({ now: clock.now });
    const p = await call(a, 'products.create', { name: 'Delta', unitPrice: 700, currency: 'USD' });
    const made = [];
    for (let i = 0; i < 4; i++) {
      const d = await call(a, 'deals.create', { title: `R${i}`, amount: 0 });
      await call(a, 'lineItems.add', { dealId: d.id, productId: p.id, quantity: i + 1 });
      await call(a, 'lineItems.add', { dealId: d.id, productId: p.id, quantity: 1, discountPercent: 50 });
      if (i % 2) await call(a, 'deals.win', { id: d.id });
      else await call(a, 'deals.lose', { id: d.id, reason: 'price' });
      made.push(d);
    }
    const batch = readOutbox(a);
    applyRemote(b, batch.changes);
    // Lines before their deals.
    applyRemote(
      c,
      [...batch.changes].sort((x, y) => Number(y.table === 'deal_line_items') - Number(x.table === 'deal_line_items')),
    );
    trimOutbox(a, batch.lastSeq);
    expect(keptProducts(a).length).toBeGreaterThan(1);
    for (const db of [b, c]) {
      expectProductsExact(db);
      expect(keptProducts(db)).toEqual(keptProducts(a));
    }
    await call(a, 'deals.delete', { id: made[1]!.id });
    const more = readOutbox(a);
    applyRemote(b, more.changes);
    expectProductsExact(b);
    expect(keptProducts(b)).toEqual(keptProducts(a));
  });
});

function expectReachExact(db: CrmDb): void {
  expect(keptReach(db)).toEqual(directReach(db));
  expect(db.sqlite.prepare('SELECT COUNT(*) FROM deal_stage_reach WHERE deals < 0').pluck().get()).toBe(0);
}

/**
 * Conversion counted deal by deal: each live deal of the pipeline first engaged (else created) in
 * [from, to] reached every step up to its furthest stay, or all of them when it is won now.
 */
function conversionDirect(db: CrmDb, pipelineId: string, from: string, to: string, ownerId?: string) {
  const stages = db.sqlite.prepare('SELECT id, kind, position FROM stages').all() as {
    id: string;
    kind: string;
    position: number;
  }[];
  const rank = new Map(
    stages.filter((s) => s.kind !== 'lost').map((s) => [s.id, s.kind === 'won' ? 1e15 : s.position]),
  );
  const deals = db.sqlite
    .prepare(
      `SELECT d.id, d.stage_id AS stage FROM deals d WHERE d.deleted = 0 AND d.pipeline_id = ?
         AND COALESCE(d.engaged_at, d.created_at) >= ? AND COALESCE(d.engaged_at, d.created_at) < ?
         AND (? IS NULL OR d.owner_id = ?)`,
    )
    .all(
      pipelineId,
      Date.parse(`${from}T00:00:00Z`),
      Date.parse(`${to}T00:00:00Z`) + 86_400_000,
      ownerId ?? null,
      ownerId ?? null,
    ) as {
    id: string;
    stage: string | null;
  }[];
  const stays = db.sqlite.prepare('SELECT stage_id FROM deal_stage_history WHERE deal_id = ? AND deleted = 0').pluck();
  const furthest = deals.map((d) =>
    rank.get(d.stage ?? '') === 1e15
      ? 1e15
      : Math.max(-1, ...(stays.all(d.id) as string[]).map((s) => rank.get(s) ?? -1)),
  );
  const steps = stages
    .filter(
      (s) =>
        s.kind !== 'lost' &&
        db.sqlite
          .prepare('SELECT 1 FROM stages WHERE id = ? AND pipeline_id = ? AND deleted = 0')
          .get(s.id, pipelineId),
    )
    .sort(
      (a, b) =>
        Number(a.kind === 'won') - Number(b.kind === 'won') || a.position - b.position || a.id.localeCompare(b.id),
    );
  return steps.map((s) => ({
    stageId: s.id,
    reached: furthest.filter((f) => f >= (rank.get(s.id) ?? Infinity)).length,
  }));
}

describe('stage reach (stage-to-stage conversion) kept by triggers', () => {
  it('equals the direct count after creates, moves, wins, reopening, edits, trash and stays removed', async () => {
    const clock = manualClock(at('2026-01-10'), 1);
    const db = tempDb({ now: clock.now });
    const open = stages(db);
    const pipelineId = db.sqlite.prepare('SELECT pipeline_id FROM stages WHERE id = ?').pluck().get(open[0]) as string;
    const ana = await call(db, 'members.create', { name: 'Ana' });
    const deals = [];
    for (let i = 0; i < 10; i++) {
      clock.set(at(`2026-0${1 + (i % 4)}-1${i % 10}`));
      const d = await call(db, 'deals.create', { title: `C${i}`, amount: 100, ownerId: i % 3 ? ana.id : undefined });
      deals.push(d);
      for (const s of open.slice(1, 1 + (i % 3))) await call(db, 'deals.move', { id: d.id, stageId: s });
      if (i % 4 === 0) await call(db, 'deals.win', { id: d.id });
      if (i % 4 === 1) await call(db, 'deals.lose', { id: d.id, reason: 'price' });
    }
    expect(keptReach(db).length).toBeGreaterThan(4);
    expectReachExact(db);
    // Back to a stage it stayed in, a lost deal won after all, a won one reopened, owner changed.
    await call(db, 'deals.move', { id: deals[3]!.id, stageId: open[0]! });
    await call(db, 'deals.win', { id: deals[1]!.id });
    await call(db, 'deals.move', { id: deals[0]!.id, stageId: open[1]! });
    await call(db, 'deals.update', { id: deals[6]!.id, ownerId: ana.id });
    expectReachExact(db);
    await call(db, 'deals.delete', { id: deals[5]!.id });
    await call(db, 'deals.delete', { id: deals[7]!.id });
    await call(db, 'deals.restore', { id: deals[7]!.id });
    expectReachExact(db);
    // Below the mutation layer: a stay trashed, one moved to another deal, its stage changed, a
    // deal's engagement date set, stays and a deal removed for good.
    db.writePermit++;
    try {
      const stay = (dealId: string) =>
        db.sqlite
          .prepare('SELECT id FROM deal_stage_history WHERE deal_id = ? ORDER BY entered_at DESC LIMIT 1')
          .pluck()
          .get(dealId) as string;
      db.sqlite.prepare('UPDATE deal_stage_history SET deleted = 1 WHERE id = ?').run(stay(deals[2]!.id));
      expectReachExact(db);
      db.sqlite.prepare('UPDATE deal_stage_history SET deal_id = ? WHERE id = ?').run(deals[4]!.id, stay(deals[6]!.id));
      db.sqlite
        .prepare('UPDATE deal_stage_history SET stage_id = ? WHERE id = ?')
        .run(open[open.length - 1], stay(deals[8]!.id));
      db.sqlite.prepare('UPDATE deals SET engaged_at = ? WHERE id = ?').run(at('2026-06-03'), deals[9]!.id);
      expectReachExact(db);
      db.sqlite.prepare('DELETE FROM deal_stage_history WHERE deal_id = ?').run(deals[3]!.id);
      db.sqlite.prepare('DELETE FROM deals WHERE id = ?').run(deals[0]!.id);
      expectReachExact(db);
    } finally {
      db.writePermit--;
    }
    // Whole months read the rollup, other days the stays: both equal counting deal by deal.
    for (const [from, to, owner] of [
      ['2026-01-01', '2026-12-31', undefined],
      ['2026-02-01', '2026-03-31', undefined],
      ['2026-01-01', '2026-06-30', ana.id],
      ['2026-01-12', '2026-05-25', undefined],
    ] as const) {
      const expected = conversionDirect(db, pipelineId, from, to, owner);
      expect(expected.some((s) => s.reached > 0)).toBe(true);
      const got = stageConversion(db, scopeOf({ from, to, ownerId: owner }), pipelineId);
      expect(got.map((s) => ({ stageId: s.stageId, reached: s.reached }))).toEqual(expected);
    }
  });

  it('equals the direct count on a device that received the writes through sync, stays before their deals', async () => {
    const clock = manualClock(at('2026-03-01'), 1);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    const open = stages(a);
    const made = [];
    for (let i = 0; i < 5; i++) {
      const d = await call(a, 'deals.create', { title: `T${i}`, amount: 500 });
      for (const s of open.slice(1, 2 + (i % 3))) await call(a, 'deals.move', { id: d.id, stageId: s });
      if (i % 2) await call(a, 'deals.win', { id: d.id });
      made.push(d);
    }
    const batch = readOutbox(a);
    applyRemote(
      b,
      [...batch.changes].sort(
        (x, y) => Number(y.table === 'deal_stage_history') - Number(x.table === 'deal_stage_history'),
      ),
    );
    trimOutbox(a, batch.lastSeq);
    expect(keptReach(b).length).toBeGreaterThan(1);
    expectReachExact(b);
    expect(keptReach(b)).toEqual(keptReach(a));
    await call(a, 'deals.move', { id: made[1]!.id, stageId: open[0]! });
    await call(a, 'deals.delete', { id: made[2]!.id });
    applyRemote(b, readOutbox(a).changes);
    expectReachExact(b);
    expect(keptReach(b)).toEqual(keptReach(a));
  });
});

function expectClosedExact(db: CrmDb): void {
  expect(keptClosed(db)).toEqual(directClosed(db));
  expect(
    db.sqlite
      .prepare(
        'SELECT COUNT(*) FROM deal_closed_months WHERE deals < 0 OR (deals = 0 AND (amount <> 0 OR cycle_ms <> 0))',
      )
      .pluck()
      .get(),
  ).toBe(0);
}

describe('closed deals by month (deal_closed_months) kept by triggers', () => {
  it('equals the direct aggregate after writes, and whole months read the same figures as the deals', async () => {
    const clock = manualClock(at('2026-01-05'), 1);
    const db = tempDb({ now: clock.now });
    await call(db, 'exchangeRates.set', { currency: 'EUR', rate: 1.1 });
    const ana = await call(db, 'members.create', { name: 'Ana' });
    const luis = await call(db, 'members.create', { name: 'Luis' });
    const deals = [];
    // Closed between the 10th and the 19th, so [1st, last day] and [2nd, day before last] hold the same deals.
    for (let i = 0; i < 12; i++) {
      clock.set(at(`2026-0${1 + (i % 5)}-1${i % 10}`));
      const d = await call(db, 'deals.create', {
        title: `M${i}`,
        amount: i % 6 === 5 ? 0 : 1000 * (i + 1),
        currency: i % 3 === 2 ? 'EUR' : 'USD',
        ownerId: [ana.id, luis.id, undefined][i % 3],
        source: [' web', 'referral', undefined, 'web'][i % 4],
      });
      deals.push(d);
      clock.set(clock.now() + (i + 1) * 3_600_000);
      if (i % 4 !== 3) await call(db, 'deals.win', { id: d.id });
      else await call(db, 'deals.lose', { id: d.id, reason: 'price' });
    }
    expect(keptClosed(db).length).toBeGreaterThan(6);
    expectClosedExact(db);
    await call(db, 'deals.update', { id: deals[0]!.id, amount: 777, ownerId: luis.id });
    await call(db, 'deals.update', { id: deals[1]!.id, currency: 'EUR', source: 'fair' });
    await call(db, 'deals.move', { id: deals[2]!.id, stageId: stages(db)[0]! });
    clock.set(at('2026-05-14'));
    await call(db, 'deals.win', { id: deals[3]!.id });
    await call(db, 'deals.delete', { id: deals[4]!.id });
    await call(db, 'deals.delete', { id: deals[5]!.id });
    await call(db, 'deals.restore', { id: deals[5]!.id });
    expectClosedExact(db);
    db.writePermit++;
    try {
      db.sqlite.prepare('UPDATE deals SET engaged_at = ? WHERE id = ?').run(at('2026-01-02'), deals[6]!.id);
      db.sqlite.prepare('DELETE FROM deals WHERE id = ?').run(deals[7]!.id);
      expectClosedExact(db);
    } finally {
      db.writePermit--;
    }
    // The same deals through both paths: whole months (the rollup) and a day less at each end (the deals).
    const figures = (from: string, to: string, ownerId?: string) => {
      const cube = closedCube(db, scopeOf({ from, to, ownerId }));
      const sorted = (m: Map<string | null, unknown>) => [...m].sort(([a], [b]) => String(a).localeCompare(String(b)));
      return { total: cube.total, owner: sorted(cube.owner), source: sorted(cube.source), month: sorted(cube.month) };
    };
    for (const owner of [undefined, ana.id]) {
      const kept = figures('2026-01-01', '2026-05-31', owner);
      expect(kept.total.won + kept.total.lost).toBeGreaterThan(2);
      expect(kept).toEqual(figures('2026-01-02', '2026-05-30', owner));
      expect(closedBy(db, scopeOf({ from: '2026-02-01', to: '2026-04-30', ownerId: owner }), 'source')).toEqual(
        closedBy(db, scopeOf({ from: '2026-02-02', to: '2026-04-29', ownerId: owner }), 'source'),
      );
    }
  });

  it('equals the direct aggregate on a device that received the deals through sync', async () => {
    const clock = manualClock(at('2026-03-01'), 1);
    const a = tempDb({ now: clock.now });
    const b = tempDb({ now: clock.now });
    for (let i = 0; i < 4; i++) {
      const d = await call(a, 'deals.create', {
        title: `N${i}`,
        amount: 100 * (i + 1),
        source: i % 2 ? 'web' : undefined,
      });
      if (i % 2) await call(a, 'deals.win', { id: d.id });
      else await call(a, 'deals.lose', { id: d.id, reason: 'price' });
      if (i === 3) await call(a, 'deals.update', { id: d.id, amount: 5 });
    }
    applyRemote(b, readOutbox(a).changes);
    expect(keptClosed(b).length).toBe(2);
    expectClosedExact(b);
    expect(keptClosed(b)).toEqual(keptClosed(a));
  });
});
