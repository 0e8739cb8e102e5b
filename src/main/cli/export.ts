import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportCommand as icsExportCommand } from './activities-ics';
import { collectBook, decodeBook, encodeBook, mergeBook } from '../services/export/book';
import { writeExport } from '../services/export/files';
import type { ExportQuery } from '../services/export/records';
import { exportVCards } from '../services/vcard';
import { viewQuery } from '../services/export/views';
import { markReadOnlyBook } from '../db/read-only';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';

export const exportCommand: Command = {
  name: 'export',
  summary: {
    en: 'Export contacts, companies, deals or activities (CSV, XLSX, vCard, iCalendar) or the whole workspace as JSON',
    es: 'Exporta contactos, empresas, negocios o actividades (CSV, XLSX, vCard, iCalendar) o todo el espacio de trabajo en JSON',
  },
  usage:
    'crm export contacts|companies|deals|activities --out FILE [--format csv|xlsx|vcf] [--bom] [--view ID] [--query WORDS] [--vcard-version 3.0|4.0] [--db PATH] [--json]\n  crm export workspace --out FILE.json [--db PATH] [--json]\n  crm export activities --format ics --out FILE [--ids ID,ID] [--db PATH] [--json]',
  async run(argv, io) {
    // Activities go out as iCalendar through their own command, unless a spreadsheet is asked for.
    if (argv[0] === 'activities' && !asksForSheet(argv)) return icsExportCommand.run(argv, io);
    const { values, positionals } = parseCommandArgs('export', argv, {
      out: { type: 'string' },
      format: { type: 'string' },
      bom: { type: 'boolean' },
      view: { type: 'string' },
      query: { type: 'string' },
      'vcard-version': { type: 'string' },
    });
    const [what] = positionals;
    if (
      what !== 'contacts' &&
      what !== 'companies' &&
      what !== 'deals' &&
      what !== 'activities' &&
      what !== 'workspace'
    ) {
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
        const input: ExportQuery = {
          ...(values.view ? viewQuery(db, values.view) : {}),
          ...(values.query ? { query: values.query } : {}),
        };
        if (format === 'vcf' && what === 'contacts') {
          const result = exportVCards(db, { version: values['vcard-version'] === '3.0' ? '3.0' : '4.0' });
          writeFileSync(out, result.text);
          count = result.count;
        } else if (format === 'xlsx' || format === 'csv') {
          // Straight to the file a page at a time: any number of rows.
          count = await writeExport(db, what, format, input, out, { bom: values.bom ?? false });
        } else {
          io.err(io.t('cli.export_format'));
          return 2;
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
      // Opening makes a new read-only copy: it never turns an existing workspace read-only.
      if (verb === 'open' && existsSync(target)) {
        io.err(io.t('cli.book_open_exists', { path: target }));
        return 2;
      }
      const db = openCliDatabase({
        path: target,
        create: verb === 'open',
        passphrase: verb === 'open' ? undefined : workspacePassphrase(),
      });
      try {
        const result = mergeBook(db, book);
        if (verb === 'open') markReadOnlyBook(db);
        if (io.json) printJson(io, { path: target, nodeId: db.nodeId, ...result });
        else io.out(io.t('cli.book_merged', { rows: result.rows }));
        return 0;
      } finally {
        db.close();
      }
    }
    io.err(bookCommand.usage);
    return 2;
  },
};

/** `--format csv|xlsx` or an `--out` ending in .csv or .xlsx. */
function asksForSheet(argv: string[]): boolean {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    const inline = argv.find((a) => a.startsWith(`${flag}=`));
    return inline ? inline.slice(flag.length + 1) : i >= 0 ? argv[i + 1] : undefined;
  };
  const format = value('--format');
  if (format) return format === 'csv' || format === 'xlsx';
  return /\.(csv|xlsx)$/i.test(value('--out') ?? '');
}

function workspacePassphrase(): string | undefined {
  return process.env.CRM_PASSPHRASE || undefined;
}
