// The Electron main process: app lifecycle only. The back end (db, services, dispatch) is the
// same code the CLI and web mode run; this file wires it to a window. Bundled to
// dist/electron/main.js by build/build-electron.js.
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pickLocale, type Locale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { openBookGate, type BookGate } from '../services/encryption';
import { CrmError } from '../errors';
import { APP_DIR_NAME, DB_FILE_NAME, rendererDistDir } from '../paths';
import { registerIpc } from '../transport/ipc';
import { APP_VERSION } from '../version';
import { startActivitiesInApp } from './activity-runners';
import { setAppMenu } from './menu';
import { shellText } from './messages';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { guardAllWebContents, hardenSession } from './security';
import { createAppWindow, isAppWindowContents } from './window';

const PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
/** Set once the protocol, the book and IPC are ready: before that a window would load nothing. */
let started = false;

/**
 * The folder of the book and of Chromium's profile. CRM_DATA_DIR wins (tests, several books);
 * otherwise <appData>/CRM, the same folder the CLI uses by default (src/main/paths.ts), whatever
 * name package.json gives the app. Must be set before 'ready' to move Chromium's profile too.
 */
function setUpDataDir(): string {
  const dir = process.env.CRM_DATA_DIR ? resolve(process.env.CRM_DATA_DIR) : join(app.getPath('appData'), APP_DIR_NAME);
  app.setPath('userData', dir);
  return dir;
}

function appWindows(): BrowserWindow[] {
  return BrowserWindow.getAllWindows().filter((w) => isAppWindowContents(w.webContents));
}

function showWindow(): void {
  const [existing] = appWindows();
  if (!existing) {
    createAppWindow({ preload: PRELOAD });
    return;
  }
  if (existing.isMinimized()) existing.restore();
  existing.show();
  existing.focus();
}

/** Thrown after a startup failure was already shown to the user, to stop start() where it is. */
class StartupFailure extends Error {}

/** A startup failure the user can act on: say it in their language and exit. */
function fail(locale: Locale, message: string): never {
  dialog.showErrorBox(shellText(locale, 'startup.failed_title'), message);
  app.exit(1);
  throw new StartupFailure(message);
}

/** An encrypted book starts locked: the window shows the unlock screen (workspace.unlock). */
function openBook(locale: Locale, dataDir: string): BookGate {
  const path = join(dataDir, DB_FILE_NAME);
  try {
    return openBookGate({ path, create: true, watch: true });
  } catch (error) {
    const reason =
      error instanceof CrmError
        ? translate(locale, error.key, error.params)
        : error instanceof Error
          ? error.message
          : String(error);
    return fail(locale, shellText(locale, 'startup.db_failed', { path, reason }));
  }
}

async function start(dataDir: string): Promise<void> {
  await app.whenReady();
  const locale = pickLocale(app.getLocale());
  hardenSession(session.defaultSession);
  setAppMenu(locale);
  app.setAboutPanelOptions({ applicationName: 'CRM', applicationVersion: APP_VERSION });

  const rendererRoot = rendererDistDir();
  const index = join(rendererRoot, 'index.html');
  if (!existsSync(index)) fail(locale, shellText(locale, 'startup.no_renderer', { path: index }));
  handleAppProtocol(rendererRoot);

  const gate = openBook(locale, dataDir);
  const unregisterIpc = registerIpc(gate, { isAppContents: isAppWindowContents, onLocale: setAppMenu });
  const stopActivities = gate.onOpen((db) => startActivitiesInApp(db, locale));
  app.once('will-quit', () => {
    stopActivities();
    unregisterIpc();
    gate.close();
  });

  app.on('activate', () => {
    if (started && appWindows().length === 0) showWindow();
  });
  started = true;
  showWindow();
}

// Everything below runs before 'ready', in this order: the scheme and sandbox must be declared
// before Chromium starts, and the single-instance lock is keyed by the userData folder.
registerAppScheme();
app.enableSandbox();
app.setName('CRM');
const dataDir = setUpDataDir();
guardAllWebContents();

if (!app.requestSingleInstanceLock()) {
  // Another instance owns this data folder: it gets focused (below, in that process) and we leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (started) showWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start(dataDir).catch((error: unknown) => {
    if (error instanceof StartupFailure) return;
    console.error('CRM failed to start', error);
    app.exit(1);
  });
}
