import { hostname } from 'node:os';
import { CrmError } from '../errors';
import { saveSession, storedAccount, syncRound } from '../sync/engine';
import { SyncHttp } from '../sync/http';
import { toCrmError } from '../sync/service';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, parseCommandArgs, openCliDatabase } from './options';

export const syncCommand: Command = {
  name: 'sync',
  summary: {
    en: 'Run one sync round with the sync server (signs in first when given an email and password)',
    es: 'Hace una ronda de sincronización con el servidor (inicia sesión antes si se dan correo y contraseña)',
  },
  usage: 'crm sync [--db PATH] [--server URL --email E --password P] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs('sync', argv, {
      server: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
    });
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const password = values.password ?? process.env.CRM_SYNC_PASSWORD;
      if (values.email && password) {
        const server = values.server ?? storedAccount(db)?.server;
        if (!server) throw new CrmError('invalid_input', 'cli.sync_need_account');
        const http = new SyncHttp(server);
        try {
          const session = await http.signin({ email: values.email, password, deviceName: `crm sync on ${hostname()}` });
          saveSession(db, http.base, values.email.trim().toLowerCase(), session);
        } catch (error) {
          throw toCrmError(error);
        }
      } else if (!storedAccount(db)) throw new CrmError('invalid_input', 'cli.sync_need_account');
      let result;
      try {
        result = await syncRound(db);
      } catch (error) {
        throw toCrmError(error);
      }
      const server = storedAccount(db)!.server;
      if (io.json) printJson(io, { server, ...result });
      else
        io.out(
          io.t('cli.sync_done', {
            server,
            pushed: result.pushed,
            pulled: result.pulled,
            pending: result.pending,
            conflicts: result.conflicts,
          }),
        );
      return 0;
    } finally {
      db.close();
    }
  },
};
