import type { SyncStatus } from '../../shared/contract/sync';
import type { CrmDb } from '../db/open';
import { syncRound, storedAccount, type RoundOptions, type SyncProgress } from './engine';
import { SyncOfflineError, SyncRemoteError } from './http';
import { watchLive } from './live';
import { pendingCount } from './outbox';
import { KEYS, getCursor, getState } from './state';

export interface ControllerOptions {
  /** How often an idle, signed-in book syncs anyway (new changes from others). */
  intervalMs?: number;
  /** Quiet time after a local change before pushing it (edits come in bursts). */
  debounceMs?: number;
  round?: RoundOptions;
  /** Listen to the server's live stream for other devices' edits (on by default). */
  live?: boolean;
  /** Pause before the live stream is reopened (offline, server down). */
  liveRetryMs?: number;
}

const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 5 * 60 * 1000;

/**
 * Background sync of one book: a round after local changes (debounced), when the server's live
 * stream says others wrote (see live.ts; its reconnects are also how a device that comes back
 * online notices at once), on an interval, and after a failure with exponential back-off. Rounds never overlap; everything is asynchronous between pages, so the app stays
 * responsive, and it all does nothing while the book is not signed in to a server.
 */
export class SyncController {
  private state: SyncStatus['state'] = 'idle';
  private progress: SyncProgress | null = null;
  private error: SyncStatus['error'] = null;
  private nextAttemptAt: number | null = null;
  private failures = 0;
  private running: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private debounce: NodeJS.Timeout | undefined;
  private offChanges: (() => void) | undefined;
  private stopLive: (() => void) | undefined;
  private newsTimer: NodeJS.Timeout | undefined;
  private started = false;

  constructor(
    private readonly db: CrmDb,
    private readonly options: ControllerOptions = {},
  ) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    this.offChanges = this.db.events.on('changes', () => {
      if (!this.db.sqlite.open || !storedAccount(this.db) || pendingCount(this.db) === 0) return;
      clearTimeout(this.debounce);
      this.debounce = setTimeout(() => void this.runNow(), this.options.debounceMs ?? 1500);
      this.debounce.unref?.();
    });
    this.schedule(storedAccount(this.db) ? 0 : (this.options.intervalMs ?? 60_000));
    if (this.options.live !== false)
      this.stopLive = watchLive(this.db, {
        ...(this.options.liveRetryMs ? { retryMs: this.options.liveRetryMs } : {}),
        onNews: () => {
          // Several devices writing at once send a burst of heads: one round for the burst.
          clearTimeout(this.newsTimer);
          this.newsTimer = setTimeout(() => {
            // A reconnect after a failure retries now rather than at the end of the back-off.
            if (this.state === 'offline' || this.state === 'error') this.failures = 0;
            void this.runNow();
          }, 100);
          this.newsTimer.unref?.();
        },
      });
  }

  stop(): void {
    this.started = false;
    this.offChanges?.();
    this.stopLive?.();
    clearTimeout(this.newsTimer);
    clearTimeout(this.timer);
    clearTimeout(this.debounce);
  }

  /**
   * Runs a round now, or once more right after the one in progress (whose data may predate the
   * caller's change), and resolves when no round is left to run.
   */
  runNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.round();
      } while (this.again);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Drops the last error (after signing in again, or out). */
  reset(): void {
    this.error = null;
    this.failures = 0;
    this.state = 'idle';
    this.nextAttemptAt = null;
    this.emit();
  }

  status(): SyncStatus {
    const db = this.db;
    const account = storedAccount(db);
    const last = getState(db, KEYS.lastSyncedAt);
    const open = db.sqlite
      .prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL')
      .pluck()
      .get() as number;
    return {
      state: account ? this.state : 'off',
      server: account?.server ?? getState(db, KEYS.server) ?? null,
      email: account?.email ?? null,
      workspace: account?.workspace.name ?? null,
      lastSyncedAt: last ? Number(last) : null,
      pending: pendingCount(db),
      progress: this.state === 'syncing' ? this.progress : null,
      firstSync: account !== undefined && getCursor(db) === undefined,
      error: account ? this.error : null,
      nextAttemptAt: this.nextAttemptAt,
      openConflicts: open,
    };
  }

  private async round(): Promise<void> {
    if (!this.db.sqlite.open || !this.started) return;
    if (!storedAccount(this.db)) {
      this.state = 'idle';
      return;
    }
    this.state = 'syncing';
    this.progress = { phase: 'connect', done: 0, total: 0 };
    this.emit();
    try {
      await syncRound(this.db, {
        ...this.options.round,
        onProgress: (p) => {
          this.progress = p;
          this.emit();
        },
      });
      this.state = 'idle';
      this.error = null;
      this.failures = 0;
      this.nextAttemptAt = null;
      this.schedule(this.options.intervalMs ?? 60_000);
    } catch (error) {
      if (!this.db.sqlite.open) return;
      this.failures++;
      this.classify(error);
      const reason = this.error?.reason;
      if (reason !== 'schema_too_old' && reason !== 'unauthorized') {
        const delay =
          Math.min(MAX_BACKOFF_MS, MIN_BACKOFF_MS * 2 ** (this.failures - 1)) * (0.75 + Math.random() * 0.5);
        this.nextAttemptAt = Date.now() + Math.round(delay);
        this.schedule(delay);
      } else this.nextAttemptAt = null;
    } finally {
      this.progress = null;
      if (this.db.sqlite.open) this.emit();
    }
  }

  private classify(error: unknown): void {
    if (error instanceof SyncOfflineError) {
      this.state = 'offline';
      this.error = null;
      return;
    }
    if (error instanceof SyncRemoteError) {
      if (error.code === 'schema_too_old') {
        this.state = 'read_only';
        this.error = { reason: 'schema_too_old', message: error.message };
        return;
      }
      this.state = 'error';
      const known = ['unauthorized', 'forbidden', 'clock_skew', 'rate_limited', 'invalid'] as const;
      const reason = (known as readonly string[]).includes(error.code)
        ? (error.code as (typeof known)[number])
        : 'server';
      this.error = { reason, message: error.message };
      return;
    }
    this.state = 'error';
    this.error = { reason: 'unknown', message: error instanceof Error ? error.message : String(error) };
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (!this.started) return;
    this.timer = setTimeout(() => void this.runNow(), ms);
    this.timer.unref?.();
  }

  private emit(): void {
    if (this.db.sqlite.open) this.db.events.emit('sync.status', this.status());
  }
}

const controllers = new WeakMap<CrmDb, SyncController>();

/** The book's sync controller, started on first use (it idles until the book is signed in). */
export function syncController(db: CrmDb, options?: ControllerOptions): SyncController {
  let controller = controllers.get(db);
  if (!controller) {
    controllers.set(db, (controller = new SyncController(db, options)));
    controller.start();
  }
  return controller;
}

export function stopSync(db: CrmDb): void {
  controllers.get(db)?.stop();
  controllers.delete(db);
}
