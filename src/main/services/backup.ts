import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CrmError } from '../errors';
import { applyKey, looksEncrypted, sqlQuote, type CrmDb } from '../db/open';

export type BackupReason = 'daily' | 'manual' | 'import' | 'migration' | 'restore';

export interface BackupInfo {
  path: string;
  reason: string;
  size: number;
  createdAt: number;
}

/** Pages copied per step of the online backup: small steps give the event loop (the UI) a turn between them. */
const PAGES_PER_STEP = 256;
/** How many backups of each kind are kept: 7 daily, 4 weekly (the newest daily of each older ISO week), 10 before imports. */
const KEEP = { daily: 7, weekly: 4, import: 10, manual: 20, restore: 5 } as const;

export function backupDir(db: CrmDb): string {
  return join(dirname(db.path), 'backups');
}

function stem(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

/**
 * Copies the open book with SQLite's online backup API, a few pages per step, so the app keeps
 * reading and writing while a large book is copied. The copy is a consistent snapshot.
 */
/**
 * The copy runs on a thread of its own with its own read-only connection (WAL lets it read while
 * the app writes): no step of it, nor the final flush of a gigabyte to disk, ever holds up the
 * main thread, where the window's calls are answered.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const source = new Database(workerData.source, { readonly: true, fileMustExist: true });
const done = () => { source.close(); parentPort.postMessage({ finished: true }); };
const failed = (error) => { source.close(); parentPort.postMessage({ error: String(error && error.message || error) }); };
if (workerData.key !== null) {
  // The online backup API refuses to copy an encrypted book into a plain file; VACUUM INTO writes
  // the copy with this connection's key, so the backup stays encrypted under the same passphrase.
  try {
    source.pragma("cipher = 'sqlcipher'");
    source.pragma('key = ' + workerData.key);
    source.prepare('VACUUM INTO ?').run(workerData.target);
    done();
  } catch (error) { failed(error); }
} else {
  source.backup(workerData.target, {
    progress: ({ totalPages, remainingPages }) => {
      parentPort.postMessage({ done: totalPages - remainingPages, total: totalPages });
      return workerData.pages;
    },
  }).then(done, failed);
}
`;

function backupInWorker(
  source: string,
  target: string,
  passphrase: string | undefined,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const key = passphrase === undefined ? null : sqlQuote(passphrase);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { source, target, driver, key, pages: PAGES_PER_STEP * 16 },
  });
  return new Promise<void>((resolve, reject) => {
    worker.on('message', (m: { done?: number; total?: number; finished?: boolean; error?: string }) => {
      if (m.error) reject(new Error(m.error));
      else if (m.finished) resolve();
      else if (m.total !== undefined) onProgress?.(m.done ?? 0, m.total);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`backup worker exited with ${code}`))));
  }).finally(() => void worker.terminate());
}

export async function backupNow(
  db: CrmDb,
  options: { reason?: BackupReason; out?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<BackupInfo> {
  if (db.path === ':memory:' && !options.out) throw new CrmError('invalid_input', 'backup.missing', { path: db.path });
  const reason = options.reason ?? 'manual';
  const stamp = new Date(db.now()).toISOString().replace(/[:.]/g, '-');
  const target = options.out ?? join(backupDir(db), `${stem(db.path)}-${reason}-${stamp}.sqlite`);
  mkdirSync(dirname(target), { recursive: true });
  if (db.path === ':memory:') await db.sqlite.backup(target);
  else await backupInWorker(db.path, target, db.passphrase, options.onProgress);
  if (!options.out) prune(db);
  return { path: target, reason, size: statSync(target).size, createdAt: db.now() };
}

export function listBackups(db: CrmDb): BackupInfo[] {
  const dir = backupDir(db);
  if (!existsSync(dir)) return [];
  const prefix = `${stem(db.path)}-`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .map((f) => {
      const path = join(dir, f);
      const st = statSync(path);
      const reason = /-(daily|manual|import|migration|restore|pre-migration)-/.exec(f)?.[1] ?? 'manual';
      return { path, reason, size: st.size, createdAt: st.mtimeMs };
    })
    .sort((a, b) => b.createdAt - a.createdAt);
}

function isoWeek(at: number): string {
  const d = new Date(at);
  const day = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - day + 3);
  const firstThursday = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((d.getTime() - firstThursday.getTime()) / 604_800_000);
  return `${d.getUTCFullYear()}-${week}`;
}

/**
 * Retention: the newest 7 daily backups, plus the newest daily backup of each of the 4 latest
 * weeks (ISO) that none of those 7 falls in: about a week day by day, then a month week by week.
 */
export function prune(db: CrmDb): string[] {
  const all = listBackups(db);
  const removed: string[] = [];
  const daily = all.filter((b) => b.reason === 'daily');
  const recent = daily.slice(0, KEEP.daily);
  const keep = new Set(recent.map((b) => b.path));
  const covered = new Set(recent.map((b) => isoWeek(b.createdAt)));
  let weekly = 0;
  for (const b of daily.slice(KEEP.daily)) {
    if (weekly >= KEEP.weekly) break;
    const week = isoWeek(b.createdAt);
    if (covered.has(week)) continue;
    covered.add(week);
    keep.add(b.path);
    weekly++;
  }
  for (const b of daily) if (!keep.has(b.path)) removed.push(b.path);
  for (const reason of ['import', 'manual', 'restore'] as const) {
    for (const b of all.filter((x) => x.reason === reason).slice(KEEP[reason])) removed.push(b.path);
  }
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/** Makes today's backup if there is none yet (called at start and once a day by the app). */
export async function dailyBackup(db: CrmDb): Promise<BackupInfo | null> {
  const today = new Date(db.now()).toISOString().slice(0, 10);
  const done = listBackups(db).some(
    (b) => b.reason === 'daily' && new Date(b.createdAt).toISOString().slice(0, 10) === today,
  );
  return done ? null : backupNow(db, { reason: 'daily' });
}

/**
 * Opens a backup read-only and checks it is a sound CRM book; throws a clear error if not. A
 * backup of an encrypted book needs the passphrase it was made under.
 */
export function checkBackup(
  path: string,
  options: { passphrase?: string | undefined } = {},
): { schemaVersion: number; contacts: number } {
  if (!existsSync(path)) throw new CrmError('not_found', 'backup.missing', { path });
  let sqlite: Database.Database | null = null;
  try {
    sqlite = openFile(path, options.passphrase, true);
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(String(integrity));
    const schemaVersion = sqlite.pragma('user_version', { simple: true }) as number;
    const contacts = sqlite.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
    if (schemaVersion < 1) throw new Error('no schema');
    return { schemaVersion, contacts };
  } catch (error) {
    if (error instanceof CrmError) throw error;
    throw new CrmError('invalid_input', 'backup.not_a_backup', { path, reason: (error as Error).message });
  } finally {
    sqlite?.close();
  }
}

/**
 * Replaces a CLOSED book with a backup: the backup is checked first, the current file (and its
 * WAL) moved aside, never deleted. Returns where the previous book was kept.
 */
export function restoreBackup(
  dbPath: string,
  backupPath: string,
  options: { passphrase?: string | undefined } = {},
): { kept: string | null } {
  checkBackup(backupPath, options);
  let kept: string | null = null;
  if (existsSync(dbPath)) {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const dir = join(dirname(dbPath), 'backups');
    mkdirSync(dir, { recursive: true });
    kept = join(dir, `${stem(dbPath)}-restore-${stamp}.sqlite`);
    // Fold the WAL into the file first so the copy kept aside is complete.
    const current = openFile(dbPath, options.passphrase, false);
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      current.close();
    }
    renameSync(dbPath, kept);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true });
  copyFileSync(backupPath, dbPath);
  return { kept };
}

/**
 * A raw connection to a book file (no migration, no guard). An encrypted file gets the key first;
 * without it, or with a wrong one, the clear errors of opening a workspace.
 */
function openFile(path: string, passphrase: string | undefined, readonly: boolean): Database.Database {
  const sqlite = new Database(path, { readonly, fileMustExist: true });
  const encrypted = looksEncrypted(path);
  if (encrypted && passphrase) applyKey(sqlite, passphrase);
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    sqlite.close();
    if (encrypted && (error as { code?: string }).code === 'SQLITE_NOTADB') {
      // Without a passphrase an encrypted file and junk look the same: the message names both.
      if (!passphrase) throw new CrmError('invalid_input', 'backup.locked_or_junk', { path });
      throw new CrmError('forbidden', 'errors.db_wrong_passphrase', { path });
    }
    throw error;
  }
  return sqlite;
}
