// Answers app://crm/ requests from the built renderer (dist/renderer). Plain Node + the Fetch API
// Request/Response, no electron import: protocol.ts plugs it into protocol.handle, and tests call
// it directly against a real folder.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  APP_HOST,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  isSpaRoute,
  resolveAppFile,
} from './url-policy';

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export async function serveAppRequest(root: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return plain(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');

  const file = resolveAppFile(root, url.pathname);
  if (!file) return plain(404, 'Not found');
  let served = file;
  if (!(await isFile(file))) {
    if (!isSpaRoute(url.pathname)) return plain(404, 'Not found');
    served = join(root, 'index.html');
  }
  let body: Buffer;
  try {
    body = await readFile(served);
  } catch {
    return plain(404, 'Not found');
  }
  const headers = {
    ...SECURITY_HEADERS,
    'Content-Type': contentTypeFor(served),
    'Content-Length': String(body.byteLength),
    // index.html names the hashed bundles, so it must be re-read after an update; the bundles never change.
    'Cache-Control': served.endsWith('.html') ? 'no-cache' : 'max-age=31536000, immutable',
  };
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}
