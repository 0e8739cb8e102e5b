import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR_NAME = 'CRM';
export const DB_FILE_NAME = 'crm.sqlite';

/** Where books live by default: CRM_DATA_DIR, else the same folder Electron's userData uses. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CRM_DATA_DIR) return resolve(env.CRM_DATA_DIR);
  const home = homedir();
  if (process.platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), APP_DIR_NAME);
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(defaultDataDir(env), DB_FILE_NAME);
}

/** The project root (where db/migrations and dist/ are), whether running from src/ or a bundle in dist/. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'db', 'migrations', 'meta', '_journal.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('cannot find db/migrations above ' + fileURLToPath(import.meta.url));
}

export function migrationsDir(): string {
  return join(projectRoot(), 'db', 'migrations');
}

export function rendererDistDir(): string {
  return join(projectRoot(), 'dist', 'renderer');
}
