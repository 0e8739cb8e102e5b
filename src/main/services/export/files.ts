import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { CrmDb } from '../../db/open';
import { CrmError } from '../../errors';
import { exportRows, type ExportEntity, type ExportFormat, type ExportQuery } from './records';

/**
 * Exports of any size: rows go from the database to a file a page at a time (CSV in batches,
 * XLSX through the workbook library's streaming writer), and the window then reads the file
 * back in pieces. Neither side ever holds the whole export, so 100k rows are as safe as ten.
 */
const EXPORT_DIR = join(tmpdir(), 'crm-exports');
const EXPORT_TTL_MS = 3600_000;
/** 3 MB of file per read: its base64 stays under the 4 MB a call may carry. */
export const EXPORT_PIECE = 3 * 1024 * 1024;
const BATCH = 2000;

export const EXPORT_MIME: Record<ExportFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface ExportFile {
  path: string;
  fileName: string;
  mime: string;
  size: number;
}
const files = new Map<string, ExportFile>();

/** Lets other work (the window's calls, progress) run between batches of a long export. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
/**
 * The workbook writer compresses and writes behind the rows it is given; a timer turn (not just
 * an immediate) lets its zlib and file callbacks run, so its buffers stay small. Measured on 20k
 * contacts: 7.6 s with a pause every 2,000 rows, 4.6 s with this one every 200.
 */
const XLSX_BATCH = 200;
const drain = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Writes the rows of an export to `path` as CSV (UTF-8, CRLF, a BOM for Excel when asked) or XLSX; returns the record count. */
export async function writeExport(
  db: CrmDb,
  entity: ExportEntity,
  format: ExportFormat,
  input: ExportQuery,
  path: string,
  options: { bom?: boolean; actor?: string | null } = {},
): Promise<number> {
  const rows = exportRows(db, entity, input, options.actor ?? null);
  let count = -1;
  if (format === 'xlsx') {
    // Loaded on demand: the workbook library is large and only this export needs it.
    const { default: ExcelJS } = await import('exceljs');
    // Fast compression: an export is written once and opened soon; level 1 is a fraction of the time.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useStyles: true,
      zip: { zlib: { level: 1 } },
    });
    const sheet = workbook.addWorksheet(entity, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of rows) {
      const added = sheet.addRow(row);
      if (count === -1) added.font = { bold: true };
      added.commit();
      if (++count % XLSX_BATCH === 0) await drain();
    }
    sheet.commit();
    await workbook.commit();
    return count;
  }
  const fd = openSync(path, 'w');
  try {
    if (options.bom) writeSync(fd, '\uFEFF');
    let batch: unknown[][] = [];
    const flush = () => {
      if (batch.length) writeSync(fd, Papa.unparse(batch, { newline: '\r\n' }) + '\r\n');
      batch = [];
    };
    for (const row of rows) {
      batch.push(row);
      count++;
      if (batch.length === BATCH) {
        flush();
        await breathe();
      }
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return count;
}

function sweep(): void {
  for (const f of readdirSync(EXPORT_DIR)) {
    const path = join(EXPORT_DIR, f);
    if (Date.now() - statSync(path).mtimeMs > EXPORT_TTL_MS) rmSync(path, { force: true });
  }
}

/** Makes an export file aside for the window to read; returns its id, name, type, size and record count. */
export async function startExportFile(
  db: CrmDb,
  entity: ExportEntity,
  format: ExportFormat,
  input: ExportQuery,
  options: { bom?: boolean; actor?: string | null; fileName: string },
): Promise<{ exportId: string; fileName: string; mime: string; size: number; count: number }> {
  mkdirSync(EXPORT_DIR, { recursive: true });
  sweep();
  const exportId = randomBytes(16).toString('hex');
  const path = join(EXPORT_DIR, exportId);
  try {
    const count = await writeExport(db, entity, format, input, path, options);
    const file = { path, fileName: options.fileName, mime: EXPORT_MIME[format], size: statSync(path).size };
    files.set(exportId, file);
    return { exportId, fileName: file.fileName, mime: file.mime, size: file.size, count };
  } catch (error) {
    rmSync(path, { force: true });
    throw error;
  }
}

/** One piece of an export file, base64; the file is removed once its last piece is read. */
export function readExportPiece(
  exportId: string,
  offset: number,
  piece = EXPORT_PIECE,
): { data: string; nextOffset: number | null } {
  const file = files.get(exportId);
  if (!file || !existsSync(file.path)) throw new CrmError('not_found', 'export.file_missing');
  const length = Math.max(0, Math.min(piece, file.size - offset));
  const buffer = Buffer.alloc(length);
  const fd = openSync(file.path, 'r');
  try {
    readSync(fd, buffer, 0, length, offset);
  } finally {
    closeSync(fd);
  }
  const next = offset + length;
  if (next >= file.size) {
    files.delete(exportId);
    rmSync(file.path, { force: true });
  }
  return { data: buffer.toString('base64'), nextOffset: next >= file.size ? null : next };
}
