import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrmDb } from '../../../src/main/db/open';
import { saveSession } from '../../../src/main/sync/engine';
import { SyncHttp, type FetchLike } from '../../../src/main/sync/http';
import { startSyncServer, type SyncServer } from '../../../src/server/index';

export interface TestServer {
  server: SyncServer;
  dir: string;
  stop(): Promise<void>;
}

/** An in-process sync server on PGlite in a temp folder (or on PostgreSQL when DATABASE_URL is given). */
export async function startTestServer(options: { databaseUrl?: string; now?: () => number } = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'crm-sync-server-'));
  const server = await startSyncServer({
    dataDir: dir,
    databaseUrl: options.databaseUrl,
    logLevel: 'silent',
    jwtSecret: 'test-secret-test-secret-test-secret-0123',
    now: options.now,
    signin: { freeAttempts: 1000, freeAttemptsPerEmail: 1000, baseDelayMs: 0, maxDelayMs: 0 },
  });
  return {
    server,
    dir,
    stop: async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs up the owner of a new workspace from `db` (its device is enrolled). */
export async function signUp(db: CrmDb, url: string, email = 'owner@example.com', fetchFn?: FetchLike) {
  const http = new SyncHttp(url, fetchFn);
  const session = await http.signup({
    email,
    password: 'correct horse battery',
    workspaceName: 'Test workspace',
    deviceName: `device ${db.nodeId}`,
  });
  saveSession(db, http.base, email, session);
  return session;
}

/** Invites `email` as the owner of `owner` and enrols `db` by accepting it. */
export async function joinByInvite(db: CrmDb, url: string, ownerToken: string, email: string, fetchFn?: FetchLike) {
  const http = new SyncHttp(url, fetchFn);
  const invite = await http.invite(ownerToken, { email, role: 'member' });
  const session = await http.accept({
    token: invite.token,
    email,
    password: 'correct horse battery',
    deviceName: `device ${db.nodeId}`,
  });
  saveSession(db, http.base, email, session);
  return session;
}

/** A second device of an existing user. */
export async function signIn(db: CrmDb, url: string, email: string, fetchFn?: FetchLike) {
  const http = new SyncHttp(url, fetchFn);
  const session = await http.signin({ email, password: 'correct horse battery', deviceName: `device ${db.nodeId}` });
  saveSession(db, http.base, email, session);
  return session;
}
