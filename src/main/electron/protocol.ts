import { protocol } from 'electron';
import { serveAppRequest } from './app-files';
import { APP_SCHEME } from './url-policy';

/**
 * Must run before app 'ready'. standard: origin app://crm, relative URLs and web storage behave
 * like https; secure: a secure context; supportFetchAPI: module scripts load through fetch;
 * codeCache: V8 caches the bundle between starts. corsEnabled stays off: it would let other
 * origins read app:// responses.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves dist/renderer on app://crm/ (after 'ready'). */
export function handleAppProtocol(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rendererRoot, request));
}
