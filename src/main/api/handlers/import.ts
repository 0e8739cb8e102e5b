import { readFileSync } from 'node:fs';
import { decodeBook, mergeBook } from '../../services/export/book';
import { closeBookView, openBookView } from '../../services/export/book-view';
import { batchesForRecord, listBatches, undoImport } from '../../services/import/history';
import {
  cancelImportJob,
  importJobReport,
  importJobStatus,
  isVcard,
  receiveUpload,
  startImportJob,
  uploadOf,
} from '../../services/import/jobs';
import { listMappings, saveMapping } from '../../services/import/mappings';
import { sniff } from '../../services/import/source';
import { suggestMapping, targetsOf } from '../../services/import/targets';
import { writeOptions, type HandlerMap } from '../context';

type ImportMethods =
  | 'import.book'
  | 'import.openBook'
  | 'import.closeBook'
  | 'import.upload'
  | 'import.inspect'
  | 'import.start'
  | 'import.status'
  | 'import.cancel'
  | 'import.errorReport'
  | 'import.history'
  | 'import.undo'
  | 'import.forRecord'
  | 'import.mappings'
  | 'import.saveMapping';

export const importHandlers: HandlerMap<ImportMethods> = {
  'import.upload': (input) => receiveUpload(input),
  'import.inspect': async (input, ctx) => {
    const upload = uploadOf(input.uploadId);
    const targets = targetsOf(ctx.db, input.entity);
    if (isVcard(upload.fileName)) {
      return {
        encoding: 'utf-8',
        delimiter: '',
        hasHeader: false,
        headers: [],
        sample: [],
        targets,
        columns: {},
        format: 'vcf' as const,
      };
    }
    const s = input.settings ?? {};
    const found = await sniff(upload.path, {
      ...(s.encoding ? { encoding: s.encoding } : {}),
      ...(s.delimiter ? { delimiter: s.delimiter } : {}),
      ...(s.hasHeader !== undefined ? { hasHeader: s.hasHeader } : {}),
    });
    const suggested = suggestMapping(ctx.db, input.entity, found.headers);
    const columns = s.columns ? { ...suggested, ...s.columns } : suggested;
    return {
      encoding: found.encoding,
      delimiter: found.delimiter,
      hasHeader: found.hasHeader,
      headers: found.headers,
      sample: found.sample.slice(0, 10),
      targets,
      columns,
      format: 'csv' as const,
    };
  },
  'import.start': (input, ctx) => startImportJob(ctx.db, input, ctx.locale, writeOptions(ctx)),
  'import.status': (input, ctx) => importJobStatus(input.jobId, ctx.locale),
  'import.cancel': (input, ctx) => cancelImportJob(input.jobId, ctx.locale),
  'import.errorReport': (input, ctx) => importJobReport(input.jobId, ctx.locale),
  'import.history': (input, ctx) => ({ items: listBatches(ctx.db, input.limit ?? 100) }),
  'import.undo': (input, ctx) => undoImport(ctx.db, input.id, writeOptions(ctx)),
  'import.forRecord': (input, ctx) => ({ items: batchesForRecord(ctx.db, input.id) }),
  'import.book': (input, ctx) =>
    mergeBook(ctx.db, decodeBook(readFileSync(uploadOf(input.uploadId).path), input.passphrase)),
  'import.openBook': (input) => {
    const upload = uploadOf(input.uploadId);
    return openBookView(readFileSync(upload.path), upload.fileName, input.passphrase);
  },
  'import.closeBook': (input) => ({ closed: closeBookView(input.bookId) }),
  'import.mappings': (input, ctx) => ({ items: listMappings(ctx.db, input.entity) }),
  'import.saveMapping': (input, ctx) => saveMapping(ctx.db, input.entity, input.name, input.settings),
};
