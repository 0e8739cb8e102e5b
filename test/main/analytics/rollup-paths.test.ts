import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { collectBook, decodeBook, encodeBook, mergeBook } from '../../../src/main/services/export/book';
import { importCsv } from '../../../src/main/services/import/csv-import';
import { undoImport } from '../../../src/main/services/import/history';
import { ensureDefaultPipeline } from '../../../src/main/services/pipelines';
import { applyRows } from '../../../src/main/sync/apply';
import { cellsOfRow } from '../../../src/main/sync/outbox';
import type { BootstrapCell, BootstrapRow } from '../../../src/shared/sync/protocol';
import { call } from '../accounts/api';
import { manualClock, tempDb, tempDir } from '../db/temp-db';
import { keptRollups, negativeRollups, recomputedRollups } from './rollup-recompute';

/*
 * The rollups the dashboard reads are kept by triggers, so they hold whichever way deals, their
 * lines and stays are written. These are the writes that do not come one call at a time from the
 * services: a new device's first sync (whole rows, in the server's (table, id) order, so lines
 * and stays arrive before their deals and a deal and its lines fall on different pages), a book
 * merged by the sync rule (into an empty workspace and over older copies of the same deals), and
 * an import of deals with products and its undo. After each, every rollup equals its recomputation
 * from the rows, and a device that received the rows holds the same rollups as the one that wrote
 * them.
 */

const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const DATASET = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'crm-sales-opportunities');

function expectExact(db: CrmDb): void {
  expect(keptRollups(db)).toEqual(recomputedRollups(db));
  expect(negativeRollups(db)).toBe(0);
}

/** Every rollup table holds a group (so equality is not two empty lists). */
function expectFilled(db: CrmDb): void {
  for (const [table, rows] of Object.entries(keptRollups(db))) expect(rows.length, table).toBeGreaterThan(0);
}

/** A workspace with won, lost and open deals over four months: lines, moves, a line edited and one removed. */
async function office() {
  const clock = manualClock(at('2026-01-05'), 1);
  const db = tempDb({ now: clock.now });
  ensureDefaultPipeline(db);
  const open = db.sqlite
    .prepare("SELECT id FROM stages WHERE kind = 'open' AND deleted = 0 ORDER BY position")
    .pluck()
    .all() as string[];
  const ana = await call(db, 'members.create', { name: 'Ana' });
  const acme = await call(db, 'companies.create', { name: 'Acme' });
  const bolt = await call(db, 'companies.create', { name: 'Bolt' });
  const products = [
    await call(db, 'products.create', { name: 'Alpha', unitPrice: 1000, currency: 'USD' }),
    await call(db, 'products.create', { name: 'Beta', unitPrice: 2500, currency: 'USD' }),
  ];
  const deals = [];
  for (let i = 0; i < 8; i++) {
    clock.set(at(`2026-0${1 + (i % 4)}-1${i}`));
    const d = await call(db, 'deals.create', {
      title: `D${i}`,
      currency: 'USD',
      companyId: i % 2 ? acme.id : bolt.id,
      ownerId: i % 3 ? ana.id : undefined,
      source: i % 2 ? 'web' : undefined,
    });
    deals.push(d);
    const first = await call(db, 'lineItems.add', { dealId: d.id, productId: products[i % 2]!.id, quantity: 1 + i });
    await call(db, 'lineItems.add', { dealId: d.id, productId: products[0]!.id, quantity: 1, discountPercent: 10 });
    await call(db, 'deals.move', { id: d.id, stageId: open[1 + (i % (open.length - 1))]! });
    if (i === 2) await call(db, 'lineItems.update', { id: first.items[0]!.id, quantity: 7 });
    if (i === 5) await call(db, 'lineItems.remove', { id: first.items[0]!.id });
    clock.set(clock.now() + 5 * 86_400_000);
    if (i % 3 === 0) await call(db, 'deals.win', { id: d.id });
    if (i % 3 === 1) await call(db, 'deals.lose', { id: d.id, reason: 'price' });
  }
  await call(db, 'deals.delete', { id: deals[7]!.id });
  return { db, clock, open, deals, products, acme };
}

/** What the server's bootstrap sends: every row whole, ordered by (table, id). */
function bootstrapRows(from: CrmDb): BootstrapRow[] {
  const keys = from.sqlite.prepare('SELECT table_name AS t, row_id AS r FROM sync_cell_clock ORDER BY 1, 2').all() as {
    t: string;
    r: string;
  }[];
  return keys.map(({ t, r }) => [
    t,
    r,
    Object.fromEntries(cellsOfRow(from, t, r).map((c) => [c.field, [c.value, c.hlc] as BootstrapCell])),
  ]);
}

describe('rollups after writes that do not go call by call through the services', () => {
  it('a new device’s first sync: equal after every bootstrap page, lines and stays before their deals', async () => {
    const { db: a } = await office();
    expectExact(a);
    expectFilled(a);
    const rows = bootstrapRows(a);
    const order = rows.map(([table]) => table);
    expect(order.indexOf('deal_line_items')).toBeLessThan(order.indexOf('deals'));
    expect(order.indexOf('deal_stage_history')).toBeLessThan(order.indexOf('deals'));
    const b = tempDb();
    for (let i = 0; i < rows.length; i += 7) {
      applyRows(b, rows.slice(i, i + 7));
      expectExact(b);
    }
    expect(keptRollups(b)).toEqual(keptRollups(a));
  });

  it('a merged book: into an empty workspace, then a newer book over the older copies', async () => {
    const { db: a, clock, open, deals, products } = await office();
    const laptop = tempDb();
    mergeBook(laptop, decodeBook(encodeBook(collectBook(a))));
    expectExact(laptop);
    expect(keptRollups(laptop)).toEqual(keptRollups(a));

    // At the office afterwards: a won deal reopened, an open one won, lines added, changed and removed, one trashed.
    clock.set(at('2026-05-20'));
    await call(a, 'deals.move', { id: deals[0]!.id, stageId: open[0]! });
    await call(a, 'deals.win', { id: deals[2]!.id });
    const lines = await call(a, 'lineItems.add', { dealId: deals[3]!.id, productId: products[1]!.id, quantity: 3 });
    await call(a, 'lineItems.update', { id: lines.items[0]!.id, quantity: 4 });
    await call(a, 'lineItems.remove', { id: lines.items.at(-1)!.id });
    await call(a, 'deals.update', { id: deals[4]!.id, ownerId: null, source: 'fair' });
    await call(a, 'deals.delete', { id: deals[6]!.id });
    await call(a, 'deals.restore', { id: deals[7]!.id });
    const result = mergeBook(laptop, decodeBook(encodeBook(collectBook(a))));
    expect(result.rows).toBeGreaterThan(0);
    expectExact(laptop);
    expect(keptRollups(laptop)).toEqual(keptRollups(a));
  });

  it('a merged company book: the deals of one company over a workspace that already has others', async () => {
    const { db: a, acme } = await office();
    const { db: other } = await office();
    mergeBook(other, decodeBook(encodeBook(collectBook(a, [acme.id]))));
    expectExact(other);
    expectFilled(other);
  });

  it('an import of deals with products and its undo, with edits made in between', { timeout: 60_000 }, async () => {
    const db = tempDb();
    for (const [entity, file] of [
      ['companies', 'accounts.csv'],
      ['products', 'products.csv'],
      ['members', 'sales_teams.csv'],
    ] as const) {
      await importCsv(db, { path: join(DATASET, file), fileName: file, entity, settings: {} });
    }
    const path = join(tempDir(), 'first-200.csv');
    writeFileSync(path, readFileSync(join(DATASET, 'sales_pipeline.csv'), 'utf8').split('\n').slice(0, 201).join('\n'));
    const imported = await importCsv(db, {
      path,
      fileName: 'first-200.csv',
      entity: 'deals',
      settings: { createMissing: true },
    });
    expect(imported.counts.created).toBe(200);
    expectExact(db);
    expectFilled(db);

    // Worked on after the import: an open deal won, a won one reopened, a line changed.
    const pick = (kind: string) =>
      db.sqlite
        .prepare('SELECT d.id FROM deals d JOIN stages s ON s.id = d.stage_id WHERE s.kind = ? ORDER BY d.id LIMIT 1')
        .pluck()
        .get(kind) as string;
    const openStage = db.sqlite.prepare("SELECT id FROM stages WHERE kind = 'open' LIMIT 1").pluck().get() as string;
    const won = pick('won');
    await call(db, 'deals.win', { id: pick('open') });
    await call(db, 'deals.move', { id: won, stageId: openStage });
    const line = db.sqlite.prepare('SELECT id FROM deal_line_items WHERE deal_id = ?').pluck().get(pick('won'));
    await call(db, 'lineItems.update', { id: line as string, quantity: 3 });
    expectExact(db);

    undoImport(db, imported.batch!.id);
    expect(db.sqlite.prepare('SELECT COUNT(*) FROM deals WHERE deleted = 0').pluck().get()).toBe(0);
    expectExact(db);
    for (const [table, rows] of Object.entries(keptRollups(db))) {
      if (table !== 'purchases') expect(rows, table).toEqual([]);
    }
  });
});
