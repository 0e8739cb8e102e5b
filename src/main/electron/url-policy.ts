// Pure URL and path rules of the Electron shell. No electron import here, so these run (and are
// tested) under plain Node; window.ts, security.ts, protocol.ts and ipc.ts apply them.
import * as nodePath from 'node:path';

/** The app is served from app://crm/ : a privileged, standard, secure custom scheme. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'crm';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

/** Schemes a link may leave the app with, opened by the OS (browser, mail client, dialer). */
export const EXTERNAL_PROTOCOLS: readonly string[] = ['https:', 'mailto:', 'tel:'];

/**
 * The CSP sent with every app:// response. Mantine writes inline styles (style attributes and
 * its CSS-variables <style>), hence 'unsafe-inline' for styles only; scripts come only from the
 * app's own bundle, and nothing may be framed, posted or fetched from elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for URLs of the app itself (app://crm/...). */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * The URL to hand to the OS when a link may leave the app, or null. https needs a host and no
 * user:password part (a classic way to disguise where a link goes); mailto/tel need a target.
 */
export function externalUrl(url: string): string | null {
  const parsed = parse(url);
  if (!parsed || !EXTERNAL_PROTOCOLS.includes(parsed.protocol)) return null;
  if (parsed.protocol === 'https:') {
    if (!parsed.hostname || parsed.username || parsed.password) return null;
  } else if (!parsed.pathname) {
    return null;
  }
  return parsed.href;
}

export type NavigationDecision = { action: 'stay' } | { action: 'external'; url: string } | { action: 'deny' };

/**
 * What to do when the page tries to navigate or open a window: the app's own pages stay in the
 * window (a reload-style navigation), allow-listed links open outside, anything else is refused.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'stay' };
  const external = externalUrl(url);
  return external ? { action: 'external', url: external } : { action: 'deny' };
}

/** Path functions of one platform; injectable so Windows rules are tested on Linux too. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps the path of an app:// URL to a file inside `root`, or null when it must not be served:
 * undecodable escapes, NUL, backslashes, drive letters or stream names (':'), and anything that
 * resolves outside `root` ("../", "%2e%2e%2f", encoded separators). "/" maps to index.html.
 */
export function resolveAppFile(root: string, urlPathname: string, path: PathApi = nodePath): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const base = path.resolve(root);
  const relativeUrlPath = decoded.replace(/^\/+/, '');
  const target = path.resolve(base, relativeUrlPath === '' ? 'index.html' : relativeUrlPath);
  const inside = path.relative(base, target);
  if (inside === '' || inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return null;
  return target;
}

/**
 * Whether a path that names no file should get index.html (a BrowserRouter deep link such as
 * /contacts/ID) rather than 404: only when its last segment has no file extension, so a missing
 * /assets/x.js is a clear 404 and not HTML parsed as a script.
 */
export function isSpaRoute(urlPathname: string): boolean {
  const last = urlPathname.split('/').pop() ?? '';
  return !/\.[A-Za-z0-9]+$/.test(last);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  const match = /\.[A-Za-z0-9]+$/.exec(file);
  return (match && CONTENT_TYPES[match[0].toLowerCase()]) || 'application/octet-stream';
}
