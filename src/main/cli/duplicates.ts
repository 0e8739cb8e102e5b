import { dispatch } from '../api/dispatch';
import type { DuplicateGroup } from '../../shared/contract/duplicates';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, intOption, parseCommandArgs, openCliDatabase } from './options';
import { failWith } from './result';

export const duplicatesCommand: Command = {
  name: 'duplicates',
  summary: {
    en: 'List groups of likely duplicate contacts (or companies with --companies)',
    es: 'Lista grupos de contactos probablemente duplicados (o empresas con --companies)',
  },
  usage: 'crm duplicates [--companies] [--limit N] [--db PATH] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs('duplicates', argv, {
      companies: { type: 'boolean' },
      limit: { type: 'string' },
    });
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const result = await dispatch(
        'duplicates.groups',
        { entity: values.companies ? 'companies' : 'contacts', limit: intOption('limit', values.limit, 500) },
        { db, locale: io.locale, actor: null, origin: 'cli' },
      );
      if (!result.ok) return failWith(io, result.error);
      const value = result.value as { groups: DuplicateGroup[]; total: number };
      if (io.json) printJson(io, value);
      else {
        io.out(io.t('cli.duplicates_found', { count: value.total }));
        for (const group of value.groups) {
          io.out(`- ${group.reasons.map((r) => io.t(`duplicates.reason.${r}` as never)).join(', ')}`);
          for (const r of group.records) io.out(`    ${r.title}${r.subtitle ? `  (${r.subtitle})` : ''}  ${r.id}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
