import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createContact } from '../../../src/main/services/contacts';
import { writeExport } from '../../../src/main/services/export/files';
import { tempDb, tempDir } from '../db/temp-db';

async function read(path: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  return book.worksheets[0]!;
}

describe('XLSX export through the streaming workbook writer', () => {
  it('a contacts list: bold frozen header, one row per contact, text kept exactly', async () => {
    const db = tempDb();
    const tricky = ['Ñandú & <Hijos>', '  spaced  ', 'Zoë "Quote"', 'Emoji 😀 line\nbreak'];
    for (const [i, lastName] of tricky.entries()) createContact(db, { firstName: `P${i}`, lastName });
    const path = join(tempDir(), 'contacts.xlsx');
    const count = await writeExport(db, 'contacts', 'xlsx', {}, path);
    expect(count).toBe(tricky.length);

    const sheet = await read(path);
    expect(sheet.name).toBe('contacts');
    expect(sheet.rowCount).toBe(tricky.length + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['id', 'prefix', 'firstName']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const last = header.indexOf('lastName') + 1;
    const names: unknown[] = [];
    sheet.eachRow((row, i) => i > 1 && names.push(row.getCell(last).value));
    expect(names.sort()).toEqual([...tricky].sort());
  });
});
