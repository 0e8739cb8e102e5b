import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { LevelWithSilent } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { createApp } from './app';
import { loadJwtSecret } from './auth/secrets';
import type { Failpoint, ServerContext, SigninPolicy } from './context';
import type { SqlDatabase } from './db/database';
import { lockDataDir } from './db/lock';
import { migrate } from './db/migrate';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';
import { createLogger, type Logger } from './logger';
import { LiveHub } from './sync/live';

export interface SyncServerOptions {
  /** Data folder: the PGlite database (unless `databaseUrl`) and the persisted JWT secret. */
  dataDir?: string;
  /** PostgreSQL connection string; PGlite in `dataDir` when absent. */
  databaseUrl?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** 127.0.0.1 by default; 0.0.0.0 to serve other machines. */
  host?: string;
  jwtSecret?: string;
  /** Clients below this synced-schema version get `schema_too_old`. */
  minSchemaVersion?: number;
  /** Give every workspace a new epoch at start (after restoring a backup): clients re-snapshot. */
  newEpoch?: boolean;
  logLevel?: LevelWithSilent;
  logger?: Logger;
  /** Injectable clock for tests (token expiry, clock guard, sign-in throttling). */
  now?: () => number;
  signin?: Partial<SigninPolicy>;
  livePollMs?: number;
  trustProxy?: boolean;
  /** Crash tests: stall forever the `hit`-th time (default 1st) a push reaches `point` (CRM_SYNC_FAILPOINT=point[:hit]). */
  failpoint?: { point: Failpoint; hit?: number };
}

export interface SyncServer {
  url: string;
  port: number;
  storage: 'pglite' | 'postgres';
  /** Stops accepting, ends live streams, waits for requests in flight, closes the database. */
  close(): Promise<void>;
  /** For tests and tools: the server's database. */
  db: SqlDatabase;
}

export const DEFAULT_SIGNIN_POLICY: SigninPolicy = {
  freeAttempts: 5,
  freeAttemptsPerEmail: 20,
  baseDelayMs: 1000,
  maxDelayMs: 15 * 60 * 1000,
};

export function defaultServerDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.DATA_DIR ?? join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'crm-sync-server'));
}

/** Opens the storage, migrates it and listens. */
export async function startSyncServer(options: SyncServerOptions = {}): Promise<SyncServer> {
  const dataDir = resolve(options.dataDir ?? defaultServerDataDir());
  mkdirSync(dataDir, { recursive: true });
  const log = options.logger ?? createLogger(options.logLevel ?? 'info');
  const unlock = options.databaseUrl ? () => undefined : lockDataDir(dataDir);
  let db: SqlDatabase;
  try {
    db = options.databaseUrl ? await openPostgres(options.databaseUrl) : await openPglite(join(dataDir, 'pgdata'));
  } catch (error) {
    unlock();
    throw error;
  }
  try {
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ event: 'migrated', applied }, 'database migrated');
    if (options.newEpoch) await rotateEpochs(db, log);
  } catch (error) {
    await db.close();
    unlock();
    throw error;
  }

  if (db.kind === 'postgres' && !options.jwtSecret) {
    // Each instance would sign with the key in its own data folder: behind a load balancer, a token
    // from one is refused by the next and devices are signed out at random.
    log.warn(
      { event: 'jwt_secret_per_instance', dataDir },
      'JWT_SECRET is not set: this instance signs tokens with a key of its own data folder. If several instances serve this PostgreSQL database, set the same JWT_SECRET on all of them.',
    );
  }
  const live = new LiveHub();
  const ctx: ServerContext = {
    db,
    secret: loadJwtSecret(dataDir, options.jwtSecret),
    now: options.now ?? Date.now,
    log,
    minSchemaVersion: options.minSchemaVersion ?? 0,
    live,
    signin: { ...DEFAULT_SIGNIN_POLICY, ...options.signin },
    failpoint: options.failpoint ? stallAt(options.failpoint.point, options.failpoint.hit ?? 1, log) : undefined,
  };
  const app = createApp(ctx, { livePollMs: options.livePollMs, trustProxy: options.trustProxy });
  const host = options.host ?? '127.0.0.1';
  let server: ServerType;
  try {
    server = await new Promise((resolveServer, reject) => {
      const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolveServer(s));
      s.once('error', reject);
    });
  } catch (error) {
    live.close();
    await db.close();
    unlock();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info({ event: 'listening', url, storage: db.kind, dataDir }, 'sync server listening');

  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    storage: db.kind,
    db,
    close() {
      closing ??= (async () => {
        live.close();
        await new Promise<void>((done) => {
          server.close(() => done());
          // Idle keep-alive sockets would hold close() open; requests in flight still finish.
          if ('closeIdleConnections' in server) server.closeIdleConnections();
        });
        await db.close();
        unlock();
        log.info({ event: 'stopped' }, 'sync server stopped');
      })();
      return closing;
    },
  };
}

function stallAt(point: Failpoint, hit: number, log: Logger): (name: Failpoint) => Promise<void> {
  let hits = 0;
  return async (name) => {
    if (name !== point || ++hits !== hit) return;
    log.warn({ event: 'failpoint', name }, 'stalled at failpoint');
    await new Promise(() => undefined);
  };
}

async function rotateEpochs(db: SqlDatabase, log: Logger): Promise<void> {
  const workspaces = await db.query<{ id: string }>('SELECT id FROM workspaces');
  for (const { id } of workspaces) {
    await db.query('UPDATE workspaces SET epoch = $2 WHERE id = $1', [id, uuidv7()]);
  }
  log.warn(
    { event: 'new_epoch', workspaces: workspaces.length },
    'every workspace got a new epoch: clients re-snapshot',
  );
}

export type { SqlDatabase };
