// The security guards of ARCHITECTURE.md ("Security rules") applied to Electron objects. The
// decisions themselves are the pure functions of url-policy.ts.
import { app, shell, type Session, type WebContents } from 'electron';
import { decideNavigation } from './url-policy';

function openOutside(url: string): void {
  shell.openExternal(url).catch((error: unknown) => console.error(`cannot open ${url}`, error));
}

/**
 * Navigation and window.open: the page never leaves app://crm/ and never opens a window of its
 * own. Allow-listed links (https:, mailto:, tel:) go to the OS; everything else is dropped.
 */
const guarded = new WeakSet<WebContents>();

export function guardWebContents(contents: WebContents): void {
  // Idempotent: the window factory and 'web-contents-created' both call it, and a link must not open twice.
  if (guarded.has(contents)) return;
  guarded.add(contents);
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'stay') return;
    event.preventDefault();
    if (decision.action === 'external') openOutside(decision.url);
  });
  // Redirects of an allowed navigation must stay in the app too.
  contents.on('will-redirect', (event) => {
    if (decideNavigation(event.url).action !== 'stay') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url);
    if (decision.action === 'external') openOutside(decision.url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications, geolocation, HID, ...) is refused without asking. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Guards every web contents the app ever creates (windows, devtools, anything a bug might open). */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
