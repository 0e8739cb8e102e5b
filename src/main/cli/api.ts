import { readFileSync } from 'node:fs';
import { dispatch } from '../api/dispatch';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';
import { failWith } from './result';

/** Any contract method from scripts: `crm api contacts.create '{"firstName":"Ana"}'` (input "-" reads stdin). */
export const apiCommand: Command = {
  name: 'api',
  summary: {
    en: 'Call any API method with a JSON input (see docs/api.md)',
    es: 'Llama a cualquier método de la API con una entrada JSON (ver docs/api.md)',
  },
  usage: "crm api METHOD ['{JSON input}' | -] [--db PATH]",
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('api', argv, {});
    const [method = '', raw = '{}'] = positionals;
    let input: unknown;
    try {
      input = JSON.parse(raw === '-' ? readFileSync(0, 'utf8') : raw);
    } catch {
      return failWith(io, { code: 'invalid_input', key: 'errors.bad_json', message: io.t('errors.bad_json') });
    }
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const result = await dispatch(method, input, { db, locale: io.locale, actor: null, origin: 'cli' });
      if (!result.ok) return failWith(io, result.error);
      printJson(io, result.value);
      return 0;
    } finally {
      db.close();
    }
  },
};
