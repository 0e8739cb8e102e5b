import type { MethodInput } from '../../../shared/contract';
import { bookFileName, collectBook, encodeBook } from '../../services/export/book';
import { readExportPiece, startExportFile } from '../../services/export/files';
import { exportCsv, exportXlsx, type ExportQuery } from '../../services/export/records';
import { viewQuery } from '../../services/export/views';
import { exportVCards } from '../../services/vcard';
import { invalid } from '../../errors';
import type { CrmDb } from '../../db/open';
import type { HandlerMap } from '../context';

const stamp = () => new Date().toISOString().slice(0, 10);

/** The rows an export selects: the saved view's, narrowed or re-sorted by what the list adds. */
function exportQuery(db: CrmDb, input: MethodInput<'export.records'>): ExportQuery {
  const { entity: _e, format: _f, bom: _b, vcardVersion: _v, viewId, ...rest } = input;
  const base: ExportQuery = viewId ? viewQuery(db, viewId) : {};
  const own = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as ExportQuery;
  return { ...base, ...own };
}

export const exportHandlers: HandlerMap<
  'export.records' | 'export.file' | 'export.read' | 'export.workspace' | 'export.book'
> = {
  'export.file': async (input, ctx) => {
    if (input.format === 'vcf') throw invalid([{ path: ['format'], key: 'validation.invalid_value' }]);
    return startExportFile(ctx.db, input.entity, input.format, exportQuery(ctx.db, input), {
      bom: input.bom ?? false,
      actor: ctx.actor,
      fileName: `${input.entity}-${stamp()}.${input.format}`,
    });
  },
  'export.read': (input) => readExportPiece(input.exportId, input.offset),
  'export.records': async (input, ctx) => {
    const list = exportQuery(ctx.db, input);
    const name = `${input.entity}-${stamp()}`;
    if (input.format === 'vcf') {
      const { text, count } = exportVCards(ctx.db, {
        ...(input.ids ? { ids: input.ids } : {}),
        version: input.vcardVersion ?? '4.0',
      });
      return { fileName: `${name}.vcf`, mime: 'text/vcard', data: Buffer.from(text).toString('base64'), count };
    }
    if (input.format === 'xlsx') {
      const { data, count } = await exportXlsx(ctx.db, input.entity, list, { actor: ctx.actor });
      return {
        fileName: `${name}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        data: data.toString('base64'),
        count,
      };
    }
    const { text, count } = exportCsv(ctx.db, input.entity, list, { bom: input.bom ?? false, actor: ctx.actor });
    return { fileName: `${name}.csv`, mime: 'text/csv', data: Buffer.from(text).toString('base64'), count };
  },
  'export.workspace': (_input, ctx) => {
    const book = collectBook(ctx.db, null);
    const count = Object.values(book.counts).reduce((a, b) => a + b, 0);
    return {
      fileName: `workspace-${stamp()}.json`,
      mime: 'application/json',
      data: Buffer.from(JSON.stringify(book)).toString('base64'),
      count,
    };
  },
  'export.book': (input, ctx) => {
    const book = collectBook(ctx.db, input.companyIds ?? null);
    const count = Object.values(book.counts).reduce((a, b) => a + b, 0);
    return {
      fileName: bookFileName(ctx.db, input.companyIds ?? null, stamp()),
      mime: 'application/octet-stream',
      data: encodeBook(book, input.passphrase).toString('base64'),
      count,
    };
  },
};
