import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportCommand as icsExportCommand } from './activities-ics';
import { collectBook, decodeBook, encodeBook, mergeBook } from '../services/export/book';
import { exportCsv, exportXlsx } from '../services/export/records';
import { exportVCards } from '../services/vcard';
import { viewQuery } from '../services/export/views';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';

export const exportCommand: Command = {
  name: 'export',
  summary: {
    en: 'Export contacts or companies (CSV, XLSX, vCard) or the whole workspace as JSON',
    es: 'Exporta contactos o empresas (CSV, XLSX, vCard) o todo el espacio de trabajo en JSON',
  },
  usage:
    'crm export contacts|companies --out FILE [--format csv|xlsx|vcf] [--bom] [--view ID] [--vcard-version 3.0|4.0] [--db PATH] [--json]\n  crm export workspace --out FILE.json [--db PATH] [--json]\n  crm export activities --format ics --out FILE [--ids ID,ID] [--db PATH] [--json]',
  async run(argv, io) {
    // Activities go out as iCalendar, through their own command.
    if (argv[0] === 'activities') return icsExportCommand.run(argv, io);
    const { values, positionals } = parseCommandArgs('export', argv, {
      out: { type: 'string' },
      format: { type: 'string' },
      bom: { type: 'boolean' },
      view: { type: 'string' },
      'vcard-version': { type: 'string' },
    });
    const [what] = positionals;
    if (what !== 'contacts' && what !== 'companies' && what !== 'workspace') {
      io.err(io.t('cli.export_entity'));
      return 2;
    }
    if (!values.out) {
      io.err(io.t('cli.export_needs_out'));
      return 2;
    }
    const out = resolve(values.out);
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      let count: number;
      if (what === 'workspace') {
        const book = collectBook(db, null);
        writeFileSync(out, JSON.stringify(book));
        count = Object.values(book.counts).reduce((a, b) => a + b, 0);
      } else {
        const format = values.format ?? (/\.xlsx$/i.test(out) ? 'xlsx' : /\.vcf$/i.test(out) ? 'vcf' : 'csv');
        const input = values.view ? viewQuery(db, values.view) : {};
        if (format === 'vcf') {
          const result = exportVCards(db, { version: values['vcard-version'] === '3.0' ? '3.0' : '4.0' });
          writeFileSync(out, result.text);
          count = result.count;
        } else if (format === 'xlsx') {
          const result = await exportXlsx(db, what, input);
          writeFileSync(out, result.data);
          count = result.count;
        } else {
          const result = exportCsv(db, what, input, { bom: values.bom ?? false });
          writeFileSync(out, result.text);
          count = result.count;
        }
      }
      if (io.json) printJson(io, { path: out, count });
      else io.out(io.t('cli.export_done', { count, path: out }));
      return 0;
    } finally {
      db.close();
    }
  },
};

export const bookCommand: Command = {
  name: 'book',
  summary: {
    en: 'Portable client books: export companies with everything about them, merge or open a book',
    es: 'Libros de clientes portátiles: exporta empresas con todo lo suyo, combina o abre un libro',
  },
  usage:
    'crm book export --out FILE.crmbook [--company ID]... [--passphrase P] [--db PATH]\n  crm book import FILE.crmbook [--passphrase P] [--db PATH]\n  crm book open FILE.crmbook --out NEW.sqlite [--passphrase P]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('book', argv, {
      out: { type: 'string' },
      company: { type: 'string', multiple: true } as { type: 'string' },
      passphrase: { type: 'string' },
    });
    const [verb, file] = positionals;
    const passphrase = values.passphrase ?? process.env.CRM_BOOK_PASSPHRASE;
    if (verb === 'export') {
      if (!values.out) {
        io.err(io.t('cli.export_needs_out'));
        return 2;
      }
      const companies = values.company as unknown as string[] | string | undefined;
      const ids = companies === undefined ? null : Array.isArray(companies) ? companies : [companies];
      // --passphrase is the book's here: the workspace's own comes from CRM_PASSPHRASE.
      const db = openCliDatabase({ path: dbPathOption(values.db), passphrase: workspacePassphrase() });
      try {
        const book = collectBook(db, ids);
        const out = resolve(values.out);
        writeFileSync(out, encodeBook(book, passphrase));
        const records = Object.values(book.counts).reduce((a, b) => a + b, 0);
        if (io.json) printJson(io, { path: out, counts: book.counts });
        else io.out(io.t('cli.book_exported', { path: out, records }));
        return 0;
      } finally {
        db.close();
      }
    }
    if ((verb === 'import' || verb === 'open') && file) {
      // Decoded (and the passphrase checked) before any book is opened: a wrong one touches nothing.
      const book = decodeBook(readFileSync(resolve(file)), passphrase);
      const target = verb === 'open' ? resolve(values.out ?? `${file}.sqlite`) : dbPathOption(values.db);
      const db = openCliDatabase({
        path: target,
        create: verb === 'open',
        passphrase: verb === 'open' ? undefined : workspacePassphrase(),
      });
      try {
        const result = mergeBook(db, book);
        if (verb === 'open')
          db.sqlite.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('read_only', 'book')").run();
        if (io.json) printJson(io, { path: target, nodeId: db.nodeId, ...result });
        else io.out(io.t('cli.book_merged', result));
        return 0;
      } finally {
        db.close();
      }
    }
    io.err(bookCommand.usage);
    return 2;
  },
};

function workspacePassphrase(): string | undefined {
  return process.env.CRM_PASSPHRASE || undefined;
}
