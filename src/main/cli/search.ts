import { dispatch } from '../api/dispatch';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, intOption, parseCommandArgs, openCliDatabase } from './options';
import { failWith } from './result';

export const searchCommand: Command = {
  name: 'search',
  summary: { en: 'Search every record, best matches first', es: 'Busca en todos los registros, los mejores primero' },
  usage: 'crm search "TEXT" [--limit N] [--db PATH] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('search', argv, { limit: { type: 'string' } });
    const query = positionals.join(' ');
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const result = await dispatch(
        'search.query',
        { query, limit: intOption('limit', values.limit, 20) },
        { db, locale: io.locale, actor: null, origin: 'cli' },
      );
      if (!result.ok) return failWith(io, result.error);
      const { hits } = result.value as {
        hits: { type: string; id: string; title: string; subtitle: string; score: number }[];
      };
      if (io.json) printJson(io, { hits });
      else if (hits.length === 0) io.out(io.t('cli.search_none', { query }));
      else
        for (const h of hits) io.out(`${h.type.padEnd(9)} ${h.title}${h.subtitle ? `  (${h.subtitle})` : ''}  ${h.id}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
