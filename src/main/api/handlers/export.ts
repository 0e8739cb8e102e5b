import { collectBook, encodeBook } from '../../services/export/book';
import { exportCsv, exportXlsx } from '../../services/export/records';
import { viewQuery } from '../../services/export/views';
import { exportVCards } from '../../services/vcard';
import type { ListQuery } from '../../services/record-list';
import type { HandlerMap } from '../context';

const stamp = () => new Date().toISOString().slice(0, 10);

export const exportHandlers: HandlerMap<'export.records' | 'export.workspace' | 'export.book'> = {
  'export.records': async (input, ctx) => {
    const base: ListQuery = input.viewId ? viewQuery(ctx.db, input.viewId) : {};
    const list: ListQuery = {
      ...base,
      ...(input.query ? { query: input.query } : {}),
      ...(input.filter ? { filter: input.filter } : {}),
      ...(input.sort ? { sort: input.sort } : {}),
    };
    const name = `${input.entity}-${stamp()}`;
    if (input.format === 'vcf') {
      const { text, count } = exportVCards(ctx.db, {
        ...(input.ids ? { ids: input.ids } : {}),
        version: input.vcardVersion ?? '4.0',
      });
      return { fileName: `${name}.vcf`, mime: 'text/vcard', data: Buffer.from(text).toString('base64'), count };
    }
    if (input.ids) {
      // A selection: pages of at most 1000 ids through the same list code, in the list's order.
      list.ids = input.ids;
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
      fileName: `book-${stamp()}.crmbook`,
      mime: 'application/octet-stream',
      data: encodeBook(book, input.passphrase).toString('base64'),
      count,
    };
  },
};
