import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { call, refuse } from '../accounts/api';
import { tempDb, tempDir } from '../db/temp-db';
import { company, deal, salesPipeline } from './fixtures';
import type { CrmDb } from '../../../src/main/db/open';

const ROOT = join(import.meta.dirname, '..', '..', '..');

/**
 * Ten won deals: A and B go together in 4 of the 5 deals holding A; C is everywhere (so it tells
 * nothing: lift 1); D sells alone. One open deal holds A and D (open deals are not mined).
 */
async function market(db: CrmDb) {
  const s = salesPipeline(db);
  const p = async (name: string, unitPrice: number, category?: string) =>
    (await call(db, 'products.create', { name, unitPrice, currency: 'EUR', ...(category ? { category } : {}) })).id;
  const A = await p('GTX Basic', 10000, 'GTX');
  const B = await p('MG Special', 5000, 'MG');
  const C = await p('Support', 1000);
  const D = await p('GTK 500', 90000);
  const Apro = await p('GTX Pro', 20000, 'GTX');
  const baskets = [[A, B, C], [A, B, C], [A, B, C], [A, B, C], [A, C], [C, D], [C, D], [C], [C, B], [C]];
  for (const [i, basket] of baskets.entries()) {
    const d = deal(db, { pipelineId: s.pipelineId, stageId: s.won }, { companyId: company(db, `Buyer ${i}`) });
    for (const productId of basket) await call(db, 'lineItems.add', { dealId: d, productId, quantity: 1 });
  }
  const open = deal(db, { pipelineId: s.pipelineId, stageId: s.open });
  for (const productId of [A, D]) await call(db, 'lineItems.add', { dealId: open, productId, quantity: 1 });
  // The customer we suggest for: bought A (won), nothing else.
  const target = company(db, 'Nueva Óptica');
  const won = deal(db, { pipelineId: s.pipelineId, stageId: s.won }, { companyId: target });
  await call(db, 'lineItems.add', { dealId: won, productId: A, quantity: 1 });
  return { A, B, C, D, Apro, target, s };
}

describe('cross-sell and up-sell suggestions', () => {
  it('mines association rules over won deals and explains each suggestion', async () => {
    const db = tempDb();
    const m = await market(db);
    const result = await call(db, 'crossSell.suggest', { companyId: m.target });
    expect(result.transactions).toBe(11);
    const cross = result.items.find((i) => i.kind === 'cross');
    // A in 6 won deals (incl. the target's), A∧B in 4: confidence 4/6; B in 5 of 11: lift (4/6)/(5/11) ≈ 1.47.
    expect(cross).toMatchObject({
      productId: m.B,
      fromProductId: m.A,
      support: 0.3636,
      confidence: 0.6667,
      lift: 1.467,
    });
    expect(cross?.reason).toBe('Customers who bought GTX Basic also bought MG Special: confidence 67%, lift 1.5');
    // C is in every basket: lift 1, no signal. D was never bought with A in a won deal.
    expect(result.items.map((i) => i.productId)).not.toContain(m.C);
    expect(result.items.map((i) => i.productId)).not.toContain(m.D);
    const up = result.items.find((i) => i.kind === 'up');
    expect(up).toMatchObject({ productId: m.Apro, fromProductName: 'GTX Basic' });
    expect(up?.reason).toBe('Next step up in the GTX series after GTX Basic');

    const es = await call(db, 'crossSell.suggest', { companyId: m.target }, 'es');
    expect(es.items[0]?.reason).toMatch(
      /^Los clientes que compraron GTX Basic también compraron MG Special: confianza 67\s%, lift 1,5$/,
    );
    expect((await refuse(db, 'crossSell.suggest', {})).issues?.[0]?.key).toBe('validation.required');
  });

  it('counts what one customer bought over several won deals as one basket (one product per deal)', async () => {
    const db = tempDb();
    const s = salesPipeline(db);
    const p = async (name: string) => (await call(db, 'products.create', { name, unitPrice: 100, currency: 'USD' })).id;
    const [gtx, mg, gtk] = [await p('GTX Basic'), await p('MG Special'), await p('GTK 500')];
    // Like the sales-opportunities dataset: every deal sells one product.
    const buys = async (companyId: string, productId: string) => {
      const d = deal(db, { pipelineId: s.pipelineId, stageId: s.won }, { companyId, currency: 'USD' });
      await call(db, 'lineItems.add', { dealId: d, productId, quantity: 1 });
    };
    for (let i = 0; i < 3; i++) {
      const c = company(db, `Cliente ${i}`);
      await buys(c, gtx);
      await buys(c, mg);
    }
    await buys(company(db, 'Solo GTK'), gtk);
    const target = company(db, 'Nuevo');
    await buys(target, gtx);
    const result = await call(db, 'crossSell.suggest', { companyId: target });
    expect(result.transactions).toBe(5);
    expect(result.items[0]).toMatchObject({ productId: mg, kind: 'cross', confidence: 0.75 });
  });

  it('suggests for a contact through the deals they are on', async () => {
    const db = tempDb();
    const m = await market(db);
    const contact = await call(db, 'contacts.create', { firstName: 'Lucía' });
    await call(db, 'contacts.linkCompany', { contactId: contact.id, companyId: m.target });
    const result = await call(db, 'crossSell.suggest', { contactId: contact.id });
    expect(result.items.map((i) => i.productId)).toContain(m.B);
  });

  it('answers the same through `crm report cross-sell --json`', async () => {
    const path = join(tempDir(), 'book.sqlite');
    const db = openDatabase({ path, create: true });
    let target: string;
    try {
      target = (await market(db)).target;
    } finally {
      db.close();
    }
    const run = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'crm.js'), 'report', 'cross-sell', '--company', target, '--db', path, '--json'],
      { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.items[0].reason).toMatch(/^Customers who bought GTX Basic also bought MG Special/);
    const human = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'crm.js'), 'report', 'cross-sell', '--company', target, '--db', path, '--lang', 'es'],
      { encoding: 'utf8' },
    );
    expect(human.stdout).toMatch(/Sugerencias para Nueva Óptica:/);
  });
});
