import { hostname } from 'node:os';
import { CrmError } from '../errors';
import { saveSession, storedAccount, syncRound } from '../sync/engine';
import { SyncHttp, SyncRemoteError, normaliseServerUrl } from '../sync/http';
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
      const email = values.email?.trim().toLowerCase();
      const signIn = async (server: string) => {
        const http = new SyncHttp(server);
        try {
          const session = await http.signin({
            email: email!,
            password: password!,
            deviceName: `crm sync on ${hostname()}`,
          });
          saveSession(db, http.base, email!, session);
        } catch (error) {
          throw toCrmError(error);
        }
      };
      const stored = storedAccount(db);
      // The device this book is already enrolled as, when it is the same account on the same
      // server: a script that passes its password on every run must not enrol a new device each time.
      const reuse =
        stored !== undefined &&
        (email === undefined || stored.email === email) &&
        (values.server === undefined || sameServer(values.server, stored.server));
      if (email && password && !reuse) {
        const server = values.server ?? stored?.server;
        if (!server) throw new CrmError('invalid_input', 'cli.sync_need_account');
        await signIn(server);
      } else if (!stored) throw new CrmError('invalid_input', 'cli.sync_need_account');
      let result;
      try {
        result = await syncRound(db);
      } catch (error) {
        // The stored device was revoked or signed out elsewhere: with a password at hand, enrol
        // again (once) rather than fail a script that gave everything needed.
        if (!(reuse && email && password && error instanceof SyncRemoteError && error.code === 'unauthorized'))
          throw toCrmError(error);
        await signIn(stored.server);
        try {
          result = await syncRound(db);
        } catch (again) {
          throw toCrmError(again);
        }
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

function sameServer(given: string, stored: string): boolean {
  try {
    return normaliseServerUrl(given) === stored;
  } catch {
    return false;
  }
}
