import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { stageWinRates } from '../../../src/main/services/forecast';
import { mutate } from '../../../src/main/db/mutation';
import { ensureDefaultPipeline } from '../../../src/main/services/pipelines';
import { scoreCustomers, segmentSummary } from '../../../src/main/services/segments';
import { newId } from '../../../src/shared/ids';
import { scopeOf } from '../../../src/main/services/reports/scope';
import { applyRemote } from '../../../src/main/sync/apply';
import { readOutbox, trimOutbox } from '../../../src/main/sync/outbox';
import { call } from '../accounts/api';
import { manualClock, tempDb } from '../db/temp-db';

/*
 * `deal_stage_outcomes` is derived from deals and their stage history by triggers. Whatever the
 * write (create, move, win, lose, reopen, owner change, trash and restore, a stay removed, a
 * sync-applied page in any order), it must equal the count made from scratch.
 */

const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

/** The rollup computed directly from the tables (the migration's backfill). */
function direct(db: CrmDb): unknown[] {
  return db.sqlite
    .prepare(
      `SELECT strftime('%Y-%m', d.closed_at / 1000.0, 'unixepoch') AS month, h.stage_id AS stageId,
         d.stage_id AS outcome, COALESCE(d.owner_id, '') AS owner, COALESCE(d.pipeline_id, '') AS pipeline,
         COUNT(DISTINCT d.id) AS deals
       FROM deals d JOIN deal_stage_history h ON h.deal_id = d.id AND h.deleted = 0 AND h.stage_id IS NOT NULL
       WHERE d.deleted = 0 AND d.closed_at IS NOT NULL AND d.stage_id IS NOT NULL
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all();
}

function rollup(db: CrmDb): unknown[] {
  return db.sqlite
    .prepare(
      `SELECT month, stage_id AS stageId, outcome_stage_id AS outcome, owner_id AS owner, pipeline_id AS pipeline, deals
       FROM deal_stage_outcomes WHERE deals <> 0 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all();
}

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

/** company_purchases computed directly from the tables (the migration's backfill). */
function directPurchases(db: CrmDb): unknown[] {
  const issued = 'CAST((julianday(issue_date) - 2440587.5) * 86400000 AS INTEGER)';
  return db.sqlite
    .prepare(
      `SELECT * FROM (
         SELECT company_id AS c, 'deal' AS kind, stage_id AS s, COALESCE(currency, '') AS cur, COUNT(*) AS n,
           COALESCE(SUM(amount), 0) AS amount, MIN(closed_at) AS first, MAX(closed_at) AS last
         FROM deals WHERE company_id IS NOT NULL AND deleted = 0 AND stage_id IS NOT NULL AND closed_at IS NOT NULL
         GROUP BY 1, 3, 4
         UNION ALL
         SELECT company_id, 'invoice', '', COALESCE(currency, ''), COUNT(*), COALESCE(SUM(total), 0), MIN(${issued}),
           MAX(${issued})
         FROM invoices WHERE company_id IS NOT NULL AND deleted = 0 AND voided_at IS NULL AND deal_id IS NULL
         GROUP BY 1, 4)
       ORDER BY 1, 2, 3, 4`,
    )
    .all();
}

function keptPurchases(db: CrmDb): unknown[] {
  return db.sqlite
    .prepare(
      `SELECT company_id AS c, kind, stage_id AS s, currency AS cur, purchases AS n, amount, first, last
       FROM company_purchases ORDER BY 1, 2, 3, 4`,
    )
    .all();
}

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
