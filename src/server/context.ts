import type { Role } from '../shared/sync/protocol';
import type { SqlDatabase } from './db/database';
import type { Logger } from './logger';
import type { LiveHub } from './sync/live';

/** What every request handler gets. Nothing in it outlives a request except the pool and the hub. */
export interface ServerContext {
  db: SqlDatabase;
  secret: Uint8Array;
  now: () => number;
  log: Logger;
  minSchemaVersion: number;
  live: LiveHub;
  signin: SigninPolicy;
  /** Crash tests only: a hook that can stall at a named point so the test kills the process there. */
  failpoint?: (name: Failpoint) => Promise<void>;
}

export type Failpoint = 'push_before_commit' | 'push_after_commit';

/** Failed sign-ins allowed per key before each further attempt waits, doubling from `baseDelayMs`. */
export interface SigninPolicy {
  freeAttempts: number;
  freeAttemptsPerEmail: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Who a sync request is from: always read from the token and the devices table, never the body. */
export interface AuthContext {
  userId: string;
  workspaceId: string;
  workspaceName: string;
  deviceId: string;
  role: Role;
  schemaVersion: number | null;
}
