import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import type { CrmDb } from '../../../src/main/db/open';
import { readExportPiece, startExportFile, writeExport } from '../../../src/main/services/export/files';
import { importCsv } from '../../../src/main/services/import/csv-import';
import { ctxFor, tempDb, tempDir } from '../db/temp-db';

const DATASET = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'datasets', 'crm-sales-opportunities');

async function load(db: CrmDb, entity: 'companies' | 'products' | 'members' | 'deals', file: string) {
  const result = await importCsv(db, {
    path: join(DATASET, file),
    fileName: file,
    entity,
    settings: { createMissing: entity === 'deals' },
  });
  expect(result.ok).toBe(true);
}

/** The accounts, products and agents of the dataset: what deals refer to by name. */
async function withReferences(): Promise<CrmDb> {
  const db = tempDb();
  await load(db, 'companies', 'accounts.csv');
  await load(db, 'products', 'products.csv');
  await load(db, 'members', 'sales_teams.csv');
  return db;
}

function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

const call = async <T>(db: CrmDb, method: string, input: unknown): Promise<T> => {
  const result = await dispatch(method, input, ctxFor(db));
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
};

describe('deals export', () => {
  // One workspace with the dataset's 8,800 deals for every check (a book lives for one test).
  it(
    'writes every deal with its names resolved; a filter narrows it; XLSX too; it re-imports as the same deals',
    { timeout: 180_000 },
    async () => {
      const db = await withReferences();
      await load(db, 'deals', 'sales_pipeline.csv');
      const path = join(tempDir(), 'deals.csv');
      expect(await writeExport(db, 'deals', 'csv', {}, path)).toBe(8800);
      const rows = readCsv(path);
      expect(rows).toHaveLength(8800);
      const first = rows.find((r) => r.title === '1C1I7A6R')!;
      expect(first).toMatchObject({
        pipeline: expect.any(String),
        stage: 'Won',
        status: 'won',
        owner: 'Moses Frase',
        company: 'Cancity',
        product: 'GTX Plus Basic',
        amount: '1054',
        engagedAt: '2016-10-20',
        closeDate: '2017-03-01',
      });
      // Deals kept without an account export without one.
      expect(rows.filter((r) => r.company === '')).toHaveLength(1425);

      const won = join(tempDir(), 'won.csv');
      expect(await writeExport(db, 'deals', 'csv', { status: 'won' }, won)).toBe(4238);
      expect(new Set(readCsv(won).map((r) => r.stage))).toEqual(new Set(['Won']));

      // XLSX is streamed to the file: a bold frozen header and one row per deal.
      const xlsx = join(tempDir(), 'deals.xlsx');
      expect(await writeExport(db, 'deals', 'xlsx', { status: 'lost' }, xlsx)).toBe(2473);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(xlsx);
      const sheet = book.worksheets[0]!;
      expect(sheet.rowCount).toBe(2474);
      expect(sheet.getRow(1).getCell(2).value).toBe('title');
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

      // Another workspace with the same accounts, products and agents imports the file as the same
      // deals: every header maps by itself.
      const copy = await withReferences();
      const back = await importCsv(copy, {
        path,
        fileName: 'deals.csv',
        entity: 'deals',
        settings: { createMissing: true },
      });
      expect(back.ok).toBe(true);
      expect(back.counts).toMatchObject({ created: 8800, errors: 0 });
      const summary = (d: CrmDb) =>
        d.sqlite
          .prepare(
            `SELECT s.name AS stage, count(*) AS n, sum(d.amount) AS amount, count(d.company_id) AS withCompany,
             count(d.engaged_at) AS engaged
           FROM deals d JOIN stages s ON s.id = d.stage_id GROUP BY s.name ORDER BY s.name`,
          )
          .all();
      expect(summary(copy)).toEqual(summary(db));
    },
  );
});

describe('activities export', () => {
  it('lists each activity with its owner and the records it is about, filtered by type, owner and period', async () => {
    const db = tempDb();
    const ana = await call<{ id: string }>(db, 'members.create', { name: 'Ana Ruiz', email: 'ana@example.com' });
    const contact = await call<{ id: string }>(db, 'contacts.create', { firstName: 'Lucía', lastName: 'Gómez' });
    const company = await call<{ id: string }>(db, 'companies.create', { name: 'Acme' });
    const march = Date.UTC(2026, 2, 10, 9);
    const april = Date.UTC(2026, 3, 10, 9);
    await call(db, 'activities.create', {
      type: 'call',
      subject: 'First call',
      startAt: march,
      ownerId: ana.id,
      links: [
        { entityType: 'contacts', entityId: contact.id },
        { entityType: 'companies', entityId: company.id },
      ],
    });
    await call(db, 'activities.create', { type: 'meeting', subject: 'Demo', startAt: april, endAt: april + 3600_000 });
    await call(db, 'activities.create', { type: 'task', subject: 'Send quote', dueAt: april, ownerId: ana.id });

    const all = join(tempDir(), 'all.csv');
    expect(await writeExport(db, 'activities', 'csv', {}, all)).toBe(3);
    const rows = readCsv(all);
    expect(rows.map((r) => r.subject)).toEqual(['First call', 'Demo', 'Send quote']);
    expect(rows[0]).toMatchObject({
      type: 'call',
      owner: 'Ana Ruiz',
      contacts: 'Lucía Gómez',
      companies: 'Acme',
      startAt: new Date(march).toISOString(),
    });

    const narrowed = async (input: object) => {
      const path = join(tempDir(), 'some.csv');
      await writeExport(db, 'activities', 'csv', input, path);
      return readCsv(path).map((r) => r.subject);
    };
    expect(await narrowed({ types: ['meeting', 'task'] })).toEqual(['Demo', 'Send quote']);
    expect(await narrowed({ ownerId: ana.id })).toEqual(['First call', 'Send quote']);
    expect(await narrowed({ from: Date.UTC(2026, 3, 1), to: Date.UTC(2026, 4, 1) })).toEqual(['Demo', 'Send quote']);
    expect(await narrowed({ entityId: company.id })).toEqual(['First call']);
  });
});

describe('exports through the API, read back in pieces', () => {
  it('a saved view exports all its matching rows, and the pieces put together are the whole file', async () => {
    const db = tempDb();
    for (let i = 0; i < 1200; i++)
      await call(db, 'contacts.create', { firstName: `Row${i}`, lastName: i % 3 === 0 ? 'Vista' : 'Otra' });
    const view = await call<{ id: string }>(db, 'views.create', {
      entity: 'contacts',
      name: 'Vista',
      shared: false,
      config: { query: 'vista', columns: [] },
    });
    const file = await call<{ exportId: string; size: number; count: number; fileName: string }>(db, 'export.file', {
      entity: 'contacts',
      format: 'csv',
      bom: true,
      viewId: view.id,
    });
    expect(file.count).toBe(400);
    expect(file.fileName).toMatch(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/);
    const pieces: Buffer[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const piece = readExportPiece(file.exportId, offset, 4096);
      pieces.push(Buffer.from(piece.data, 'base64'));
      offset = piece.nextOffset;
    }
    expect(pieces.length).toBeGreaterThan(2);
    const text = Buffer.concat(pieces).toString('utf8');
    expect(text.length).toBeGreaterThan(0);
    expect(Buffer.concat(pieces).length).toBe(file.size);
    expect(text.startsWith('\uFEFFid,prefix,firstName')).toBe(true);
    const names = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(names).toHaveLength(400);
    expect(names.every((r) => r[4] === 'Vista')).toBe(true);
    // Read to the end, the file is gone.
    const again = await dispatch('export.read', { exportId: file.exportId, offset: 0 }, ctxFor(db, 'es'));
    expect(again).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('exporta de nuevo') },
    });
  }, 60_000);

  it('exports deals through the contract and refuses vCard for a spreadsheet-only export', async () => {
    const db = tempDb();
    await call(db, 'deals.create', { title: 'Solo' });
    const file = await call<{ count: number; mime: string }>(db, 'export.file', { entity: 'deals', format: 'xlsx' });
    expect(file).toMatchObject({ count: 1, mime: expect.stringContaining('spreadsheetml') });
    const vcf = await dispatch('export.file', { entity: 'contacts', format: 'vcf' }, ctxFor(db));
    expect(vcf).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const started = await startExportFile(db, 'deals', 'csv', {}, { fileName: 'x.csv' });
    expect(started.count).toBe(1);
  });
});
