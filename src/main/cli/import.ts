import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import {
  IMPORT_ENTITIES,
  importSettingsSchema,
  type ImportEntity,
  type ImportSettings,
} from '../../shared/contract/import';
import { toErrorBody } from '../api/error-body';
import { CrmError } from '../errors';
import { backupNow } from '../services/backup';
import { errorReportCsv, importCsv, translateProblems } from '../services/import/csv-import';
import { listBatches, undoImport } from '../services/import/history';
import { importVcardFile } from '../services/vcard';
import { importActivitiesIcs } from './activities-ics';
import type { Command } from './commands';
import { printJson, type CliIo } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';
import { failWith } from './result';

/** A mapping file is either import settings (`{"columns": {...}, "dateFormat": ...}`) or just the columns. */
function readMapping(path: string): ImportSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new CrmError('invalid_input', 'errors.bad_json');
  }
  const candidate =
    raw && typeof raw === 'object' && !('columns' in raw) && !Array.isArray(raw) ? { columns: raw } : raw;
  const parsed = importSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    throw new CrmError(
      'invalid_input',
      'errors.invalid_input',
      {},
      parsed.error.issues.map((i) => ({ path: i.path as (string | number)[], key: i.message })),
    );
  }
  return parsed.data;
}

function isEntity(value: string | undefined): value is ImportEntity {
  return (IMPORT_ENTITIES as readonly string[]).includes(value ?? '');
}

export const importCommand: Command = {
  name: 'import',
  summary: {
    en: 'Import contacts or companies from CSV or vCard (all or nothing); list and undo imports',
    es: 'Importa contactos o empresas desde CSV o vCard (todo o nada); lista y deshace importaciones',
  },
  usage:
    'crm import contacts|companies FILE [--map FILE.json] [--dedupe skip|update|create] [--create-missing] [--dry-run] [--encoding E] [--delimiter D] [--date-format auto|mdy|dmy|iso] [--tag T] [--errors REPORT.csv] [--no-backup] [--db PATH] [--json]\n  crm import activities FILE.ics [--db PATH] [--json]\n  crm import history [--db PATH] [--json]\n  crm import undo ID [--db PATH] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('import', argv, {
      map: { type: 'string' },
      dedupe: { type: 'string' },
      'create-missing': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      encoding: { type: 'string' },
      delimiter: { type: 'string' },
      'date-format': { type: 'string' },
      tag: { type: 'string' },
      errors: { type: 'string' },
      'no-backup': { type: 'boolean' },
    });
    const [what, arg] = positionals;
    const path = dbPathOption(values.db);
    if (what === 'history') return history(io, path);
    if (what === 'undo') return undo(io, path, arg ?? '');
    if (what === 'activities') return importActivitiesIcs(io, path, arg);
    if (!isEntity(what) || !arg) {
      io.err(io.t('cli.import_entity'));
      io.err(importCommand.usage);
      return 2;
    }
    const file = resolve(arg);
    const base = values.map ? readMapping(resolve(values.map)) : {};
    const settings = importSettingsSchema.parse({
      ...base,
      ...(values.dedupe ? { dedupe: values.dedupe } : {}),
      ...(values['create-missing'] ? { createMissing: true } : {}),
      ...(values.encoding ? { encoding: values.encoding } : {}),
      ...(values.delimiter ? { delimiter: values.delimiter === '\\t' ? '\t' : values.delimiter } : {}),
      ...(values['date-format'] ? { dateFormat: values['date-format'] } : {}),
      ...(values.tag ? { tags: [...(base.tags ?? []), values.tag] } : {}),
    });

    const db = openCliDatabase({ path });
    try {
      const beforeWrite = values['no-backup'] ? undefined : () => backupNow(db, { reason: 'import' });
      if (/\.(vcf|vcard)$/i.test(file)) {
        const result = await importVcardFile(db, file, {
          dedupe: settings.dedupe ?? 'skip',
          dryRun: values['dry-run'] ?? false,
          beforeWrite,
          write: { actor: null, origin: 'cli' },
        });
        const bad = result.bad.map((b) => ({ ...b, message: io.t('import.vcard_bad_card', b) }));
        if (io.json) printJson(io, { ok: true, counts: result.counts, batchId: result.batch?.id ?? null, bad });
        else {
          const c = result.counts;
          const key = values['dry-run'] ? 'cli.import_checked' : 'cli.import_done';
          io.out(io.t(key, { ...c, id: result.batch?.id ?? '-' }));
          for (const b of bad) io.err(`  - ${b.message}`);
        }
        return 0;
      }
      const outcome = await importCsv(db, {
        path: file,
        fileName: basename(file),
        entity: what,
        settings,
        dryRun: values['dry-run'] ?? false,
        locale: io.locale,
        beforeWrite,
        write: { actor: null, origin: 'cli' },
        onProgress: io.json ? undefined : progressPrinter(),
      });
      if (!io.json) process.stderr.write('\r\x1b[K');
      if (values.errors && outcome.problems.length) {
        writeFileSync(resolve(values.errors), errorReportCsv(outcome.problems, io.locale));
        if (!io.json) io.err(io.t('cli.import_report_written', { path: resolve(values.errors) }));
      }
      const issues = translateProblems(outcome.problems, io.locale);
      if (io.json) {
        printJson(io, {
          ok: outcome.ok,
          counts: outcome.counts,
          batchId: outcome.batch?.id ?? null,
          settings: outcome.settings,
          matches: outcome.matches,
          issues: issues.slice(0, 1000),
        });
      } else if (!outcome.ok) {
        io.err(io.t('cli.import_failed', { errors: outcome.counts.errors }));
        for (const i of issues.slice(0, 50))
          io.err(`  - row ${i.row}${i.column ? ` [${i.column}]` : ''}: ${i.message}`);
      } else {
        const key = values['dry-run'] ? 'cli.import_checked' : 'cli.import_done';
        io.out(io.t(key, { ...outcome.counts, id: outcome.batch?.id ?? '-' }));
      }
      return outcome.ok ? 0 : 2;
    } finally {
      db.close();
    }
  },
};

function progressPrinter() {
  let last = 0;
  return (p: { phase: string; done: number; total: number }) => {
    const now = Date.now();
    if (now - last < 200) return;
    last = now;
    const pct = p.total ? Math.round((p.done / p.total) * 100) : 0;
    process.stderr.write(`\r${p.phase} ${pct}%`);
  };
}

async function history(io: CliIo, path: string): Promise<number> {
  const db = openCliDatabase({ path });
  try {
    const items = listBatches(db);
    if (io.json) printJson(io, { items });
    else
      for (const b of items) {
        const when = new Date(b.createdAt).toISOString();
        io.out(
          `${b.id}  ${when}  ${b.entity.padEnd(9)} ${b.status.padEnd(6)} ${b.fileName}  ${JSON.stringify(b.counts)}`,
        );
      }
    return 0;
  } finally {
    db.close();
  }
}

async function undo(io: CliIo, path: string, id: string): Promise<number> {
  const db = openCliDatabase({ path });
  try {
    const batch = undoImport(db, id, { actor: null, origin: 'cli' });
    if (io.json) printJson(io, batch);
    else io.out(io.t('cli.import_undone', { id }));
    return 0;
  } catch (error) {
    return failWith(io, toErrorBody(error, io.locale, 'crm import undo'));
  } finally {
    db.close();
  }
}
