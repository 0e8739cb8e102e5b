import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';

export const initCommand: Command = {
  name: 'init',
  summary: { en: 'Create (or migrate) a workspace database', es: 'Crea (o migra) una base de datos de trabajo' },
  usage: 'crm init [--db PATH] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs('init', argv, {});
    const path = dbPathOption(values.db);
    const db = openCliDatabase({ path, create: true });
    const result = { path, schemaVersion: db.schemaVersion, nodeId: db.nodeId };
    db.close();
    if (io.json) printJson(io, result);
    else io.out(io.t('cli.init_done', { path, version: result.schemaVersion }));
    return 0;
  },
};
