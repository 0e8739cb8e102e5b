import type { Command } from './commands';
import { intOption, parseCommandArgs } from './options';

export const syncServerCommand: Command = {
  name: 'sync-server',
  summary: {
    en: 'Run the sync server (PGlite in --data, or PostgreSQL from DATABASE_URL)',
    es: 'Ejecuta el servidor de sincronización (PGlite en --data, o PostgreSQL desde DATABASE_URL)',
  },
  usage:
    'crm sync-server [--data DIR] [--port N] [--host ADDR] [--database-url URL] [--min-schema N] [--new-epoch] [--log-level LEVEL]',
  async run(argv, io) {
    const { values } = parseCommandArgs('sync-server', argv, {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      'database-url': { type: 'string' },
      'min-schema': { type: 'string' },
      'new-epoch': { type: 'boolean' },
      'log-level': { type: 'string' },
    });
    const env = process.env;
    // Loaded on demand: the rest of the CLI never pays for PGlite and pg.
    const { startSyncServer, defaultServerDataDir } = await import('../../server/index');
    const server = await startSyncServer({
      dataDir: values.data ?? defaultServerDataDir(env),
      databaseUrl: values['database-url'] ?? env.DATABASE_URL,
      port: intOption('port', values.port ?? env.PORT, 8787),
      host: values.host ?? env.HOST,
      jwtSecret: env.JWT_SECRET,
      minSchemaVersion: intOption('min-schema', values['min-schema'] ?? env.MIN_SCHEMA_VERSION, 0),
      newEpoch: values['new-epoch'] ?? false,
      logLevel: logLevel(values['log-level'] ?? env.LOG_LEVEL),
      failpoint: failpoint(env.CRM_SYNC_FAILPOINT),
    });
    // The URL is the first line on stderr for humans; the JSON logs (stdout) carry it for machines.
    if (!io.json) io.err(`sync server: ${server.url} (${server.storage})`);

    await new Promise<void>((resolvePromise) => {
      const stop = () => resolvePromise();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    return 0;
  },
};

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
function logLevel(value: string | undefined): (typeof LEVELS)[number] {
  return LEVELS.find((l) => l === value) ?? 'info';
}

/** Crash tests only: `point[:hit]` makes the hit-th push stall there so the test can SIGKILL the server. */
function failpoint(value: string | undefined) {
  const [point, hit] = (value ?? '').split(':');
  if (point !== 'push_before_commit' && point !== 'push_after_commit') return undefined;
  return { point, hit: hit ? Number(hit) : 1 } as const;
}
