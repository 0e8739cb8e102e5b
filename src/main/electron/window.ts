// The one window factory: every app window is made here, with the security defaults of
// ARCHITECTURE.md, so no window can be created with weaker settings by accident.
import { BrowserWindow, type WebContents } from 'electron';
import { guardWebContents } from './security';
import { APP_START_URL } from './url-policy';

/** The web contents of windows made by this factory: the only senders IPC answers. */
const appContents = new WeakSet<WebContents>();

export function isAppWindowContents(contents: WebContents): boolean {
  return appContents.has(contents) && !contents.isDestroyed();
}

export interface WindowOptions {
  /** Absolute path of the bundled preload (dist/electron/preload.cjs). */
  preload: string;
  /** Path inside the app to open, e.g. "/contacts" (default "/"). */
  route?: string;
}

export function createAppWindow({ preload, route = '/' }: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'CRM',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  });
  appContents.add(window.webContents);
  // app.on('web-contents-created') guards it as well; doing it here keeps the factory safe on its own.
  guardWebContents(window.webContents);
  window.once('ready-to-show', () => window.show());
  const url = new URL(route.replace(/^\/*/, ''), APP_START_URL).href;
  window.loadURL(url).catch((error: unknown) => console.error(`cannot load ${url}`, error));
  return window;
}
