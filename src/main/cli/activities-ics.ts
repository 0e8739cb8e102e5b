import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { dispatch } from '../api/dispatch';
import type { Command } from './commands';
import { printJson, type CliIo } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';
import { failWith } from './result';

/** `crm import activities FILE.ics`: the events and to-dos of a calendar file, through calendar.importIcs. */
export async function importActivitiesIcs(io: CliIo, dbPath: string, file: string | undefined): Promise<number> {
  if (!file) {
    io.err('crm import activities FILE.ics [--db PATH] [--json]');
    return 2;
  }
  const text = readFileSync(resolve(file), 'utf8');
  const db = openCliDatabase({ path: dbPath });
  try {
    const result = await dispatch(
      'calendar.importIcs',
      { text },
      { db, locale: io.locale, actor: null, origin: 'cli' },
    );
    if (!result.ok) return failWith(io, result.error);
    const { imported, updated, issues } = result.value as {
      imported: number;
      updated: number;
      issues: { line: number | null; message: string }[];
    };
    if (io.json) printJson(io, result.value);
    else {
      io.out(io.t('cli.ics_imported', { imported, updated, issues: issues.length }));
      for (const i of issues) io.err(`  ${i.line != null ? `${file}:${i.line}: ` : ''}${i.message}`);
    }
    return 0;
  } finally {
    db.close();
  }
}

/** `crm export activities --format ics --out FILE`: the whole calendar (or `--ids a,b`) as RFC 5545. */
export const exportCommand: Command = {
  name: 'export',
  summary: {
    en: 'Export activities to an iCalendar (.ics) file',
    es: 'Exporta actividades a un archivo iCalendar (.ics)',
  },
  usage: 'crm export activities --format ics --out FILE [--ids ID,ID] [--db PATH] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('export', argv, {
      format: { type: 'string' },
      out: { type: 'string' },
      ids: { type: 'string' },
    });
    if (positionals[0] !== 'activities' || !values.out) {
      io.err(exportCommand.usage);
      return 2;
    }
    if ((values.format ?? 'ics') !== 'ics') {
      io.err(io.t('cli.ics_format'));
      return 2;
    }
    const ids = values.ids
      ? values.ids
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const result = await dispatch('calendar.exportIcs', ids ? { ids } : {}, {
        db,
        locale: io.locale,
        actor: null,
        origin: 'cli',
      });
      if (!result.ok) return failWith(io, result.error);
      const { ics, count } = result.value as { ics: string; count: number };
      const path = resolve(values.out);
      writeFileSync(path, ics, 'utf8');
      if (io.json) printJson(io, { path, count });
      else io.out(io.t('cli.ics_exported', { count, path }));
      return 0;
    } finally {
      db.close();
    }
  },
};
