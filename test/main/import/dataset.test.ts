import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import { importCsv } from '../../../src/main/services/import/csv-import';
import { undoImport } from '../../../src/main/services/import/history';
import { tempDb, tempDir } from '../db/temp-db';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DATASET = join(ROOT, '..', 'shared', 'datasets', 'crm-sales-opportunities');
const n = (db: CrmDb, sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

async function load(
  db: CrmDb,
  entity: 'companies' | 'products' | 'members' | 'deals',
  file: string,
  createMissing = false,
) {
  return importCsv(db, { path: join(DATASET, file), fileName: file, entity, settings: { createMissing } });
}

describe('the crm-sales-opportunities dataset', () => {
  it(
    'imports completely: companies with parents, products, agents in teams, 8,800 deals',
    { timeout: 120_000 },
    async () => {
      const db = tempDb();
      expect((await load(db, 'companies', 'accounts.csv')).counts.created).toBe(85);
      expect((await load(db, 'products', 'products.csv')).counts.created).toBe(7);
      const members = await load(db, 'members', 'sales_teams.csv');
      expect(members.counts.created).toBe(35);

      // Without a pipeline, deals are refused with a clear reason until missing records may be created.
      const refused = await load(db, 'deals', 'sales_pipeline.csv');
      expect(refused.ok).toBe(false);
      expect(refused.problems[0]!.key).toBe('import.no_pipeline');
      expect(n(db, 'SELECT count(*) FROM deals')).toBe(0);

      const deals = await load(db, 'deals', 'sales_pipeline.csv', true);
      expect(deals.ok).toBe(true);
      expect(deals.counts).toMatchObject({ rows: 8800, created: 8800, errors: 0 });
      // The variants found are listed for review before the import is confirmed.
      expect(deals.matches).toEqual([{ field: 'product', from: 'GTXPro', to: 'GTX Pro', rows: 1480 }]);

      expect(n(db, 'SELECT count(*) FROM companies WHERE parent_id IS NOT NULL')).toBe(15);
      expect(n(db, 'SELECT count(*) FROM products')).toBe(7);
      // 35 agents and their 6 managers; a team per manager with its regional office.
      expect(n(db, 'SELECT count(*) FROM members')).toBe(41);
      expect(n(db, 'SELECT count(*) FROM teams WHERE manager_id IS NOT NULL AND region IS NOT NULL')).toBe(6);
      expect(n(db, 'SELECT count(*) FROM members WHERE team_id IS NULL')).toBe(0);

      expect(n(db, 'SELECT count(*) FROM deals')).toBe(8800);
      // The pipeline the import made carries the default pipeline's name, in the user's language.
      expect(db.sqlite.prepare('SELECT name FROM pipelines').pluck().all()).toEqual(['New business']);
      expect(n(db, 'SELECT count(*) FROM deals WHERE owner_id IS NULL')).toBe(0);
      expect(n(db, 'SELECT count(*) FROM deals WHERE company_id IS NULL')).toBe(1425); // kept without an account
      expect(n(db, `SELECT count(*) FROM deals WHERE engaged_at IS NULL`)).toBe(500); // prospecting deals have no engage date
      const byStage = db.sqlite
        .prepare(
          'SELECT s.name, s.kind, count(*) AS n FROM deals d JOIN stages s ON s.id = d.stage_id GROUP BY 1, 2 ORDER BY 1',
        )
        .all();
      expect(byStage).toEqual([
        { name: 'Engaging', kind: 'open', n: 1589 },
        { name: 'Lost', kind: 'lost', n: 2473 },
        { name: 'Prospecting', kind: 'open', n: 500 },
        { name: 'Won', kind: 'won', n: 4238 },
      ]);
      // "GTXPro" in the pipeline is "GTX Pro" in the products.
      expect(
        n(db, `SELECT count(*) FROM deal_line_items l JOIN products p ON p.id = l.product_id WHERE p.name = 'GTX Pro'`),
      ).toBe(1480);
      expect(n(db, 'SELECT count(*) FROM deal_line_items WHERE product_id IS NULL')).toBe(0);
      // Won deals carry their close value and date (M/D/YYYY in the file).
      const first = db.sqlite
        .prepare(`SELECT amount, closed_at, engaged_at FROM deals WHERE title = '1C1I7A6R'`)
        .get() as Record<string, number>;
      expect(first.amount).toBe(105400);
      expect(new Date(first.closed_at!).toISOString().slice(0, 10)).toBe('2017-03-01');
      expect(new Date(first.engaged_at!).toISOString().slice(0, 10)).toBe('2016-10-20');

      // The same file again creates nothing.
      expect((await load(db, 'deals', 'sales_pipeline.csv', true)).counts).toMatchObject({ created: 0, skipped: 8800 });
    },
  );

  it('undoes a deals import: the deals, their stage stays and line items, and the pipeline it made', async () => {
    const db = tempDb();
    await load(db, 'companies', 'accounts.csv');
    await load(db, 'products', 'products.csv');
    await load(db, 'members', 'sales_teams.csv');
    // A product written in a way no close spelling finds is resolved through the variants table.
    const lines = readFileSync(join(DATASET, 'sales_pipeline.csv'), 'utf8')
      .split('\n')
      .slice(0, 301)
      .map((l) => l.replace(',MG Special,', ',Emm Gee Special,'));
    const path = join(tempDir(), 'first-300.csv');
    writeFileSync(path, lines.join('\n'));
    const unknown = await importCsv(db, {
      path,
      fileName: 'first-300.csv',
      entity: 'deals',
      settings: { createMissing: true },
    });
    expect(unknown.problems[0]).toMatchObject({ key: 'import.product_missing', value: 'Emm Gee Special' });
    const deals = await importCsv(db, {
      path,
      fileName: 'first-300.csv',
      entity: 'deals',
      settings: { createMissing: true, aliases: { 'emm gee special': 'MG Special' } },
    });
    expect(deals.counts.created).toBe(300);
    expect(deals.matches.find((m) => m.from === 'Emm Gee Special')).toMatchObject({ to: 'MG Special' });
    undoImport(db, deals.batch!.id);
    expect(n(db, 'SELECT count(*) FROM deals WHERE deleted = 0')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM deal_line_items WHERE deleted = 0')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM stages WHERE deleted = 0')).toBe(0);
    expect(n(db, 'SELECT count(*) FROM members WHERE deleted = 0')).toBe(41);
  });

  it('through the CLI, as the README says (mapping file, --json, exit codes)', { timeout: 120_000 }, () => {
    const dir = tempDir();
    const db = join(dir, 'book.sqlite');
    const crm = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), ...args, '--db', db, '--json', '--no-backup'], {
        encoding: 'utf8',
      });
    expect(spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), 'init', '--db', db]).status).toBe(0);
    for (const [entity, file] of [
      ['companies', 'accounts.csv'],
      ['products', 'products.csv'],
      ['members', 'sales_teams.csv'],
    ] as const) {
      const out = crm('import', entity, join(DATASET, file));
      expect(out.status, out.stderr).toBe(0);
    }
    const map = join(dir, 'pipeline-map.json');
    writeFileSync(
      map,
      JSON.stringify({
        columns: {
          opportunity_id: 'title',
          sales_agent: 'owner',
          product: 'product',
          account: 'company',
          deal_stage: 'stage',
          engage_date: 'engagedAt',
          close_date: 'closeDate',
          close_value: 'amount',
        },
        dateFormat: 'mdy',
      }),
    );
    const deals = crm('import', 'deals', join(DATASET, 'sales_pipeline.csv'), '--map', map, '--create-missing');
    expect(deals.status, deals.stderr).toBe(0);
    expect(JSON.parse(deals.stdout)).toMatchObject({ ok: true, counts: { created: 8800 } });
    const history = JSON.parse(crm('import', 'history').stdout) as { items: { entity: string }[] };
    expect(history.items.map((b) => b.entity)).toEqual(['deals', 'members', 'products', 'companies']);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'First name,Email\nAna,not-an-email\n');
    const report = join(dir, 'errors.csv');
    const refused = spawnSync(
      process.execPath,
      [join(ROOT, 'bin', 'crm.js'), 'import', 'contacts', bad, '--db', db, '--errors', report, '--lang', 'es'],
      { encoding: 'utf8' },
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('1 filas tienen problemas; no se importó nada.');
    expect(refused.stderr).toContain('row 2 [Email]');
  });
});
