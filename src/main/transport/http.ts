import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { HTTP_STATUS, type Result } from '../../shared/contract';
import { pickLocale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { dispatchThroughGate } from '../api/gate';
import { gateFor, type BookGate } from '../services/encryption';
import { CONTENT_SECURITY_POLICY } from '../electron/url-policy';
import type { CrmDb } from '../db/open';

export interface WebServerOptions {
  /** The open book; or `gate`, for a book that may start locked (encryption at rest) or be restored. */
  db?: CrmDb;
  gate?: BookGate;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** Fixed token for tests; by default a fresh random one at every start. */
  token?: string;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const MAX_BODY = 10 * 1024 * 1024;
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
};
// One content security policy for both doors: the Electron window and web mode.
const CSP = CONTENT_SECURITY_POLICY;

/**
 * Web mode: the same dispatcher as IPC, over HTTP on loopback. Every start gets a fresh random
 * token that the browser receives in the URL fragment (never sent to the server by the browser
 * itself, never logged); every API call must carry it as a Bearer token.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const gate = options.gate ?? (options.db ? gateFor(options.db) : undefined);
  if (!gate) throw new Error('startWebServer needs a db or a gate');
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(32).toString('base64url');
  const expected = Buffer.from(`Bearer ${token}`);
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const authorised = (req: IncomingMessage): boolean => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host header.
  const hostAllowed = (req: IncomingMessage): boolean => {
    const h = req.headers.host ?? '';
    return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(h);
  };

  const server: Server = createServer((req, res) => {
    if (!hostAllowed(req)) return end(res, 421);
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!authorised(req)) return end(res, 401);
      return openEventStream(gate, req, res, streams);
    }
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req)) return end(res, 401);
      if (req.method !== 'POST') return end(res, 405);
      void handleCall(gate, decodeURIComponent(url.pathname.slice(5)), req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405);
    serveStatic(options.staticDir, url.pathname, res);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const s of streams) s.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}

function end(res: ServerResponse, status: number): void {
  res.writeHead(status, { 'Content-Length': '0' }).end();
}

async function handleCall(gate: BookGate, method: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const locale = pickLocale(firstHeader(req.headers['x-crm-locale']) ?? firstHeader(req.headers['accept-language']));
  let result: Result<unknown>;
  const body = await readBody(req);
  if (body === null) {
    result = {
      ok: false,
      error: {
        code: 'invalid_input',
        key: 'validation.too_big',
        message: translate(locale, 'validation.too_big', { max: MAX_BODY }),
      },
    };
  } else {
    let input: unknown;
    try {
      input = body.length ? JSON.parse(body) : {};
    } catch {
      input = undefined;
    }
    result =
      input === undefined
        ? {
            ok: false,
            error: { code: 'invalid_input', key: 'errors.bad_json', message: translate(locale, 'errors.bad_json') },
          }
        : await dispatchThroughGate(
            gate,
            method,
            input,
            { locale, actor: null, origin: 'ui' },
            // The client book the tab shows read-only, if any (see api/gate.ts).
            firstHeader(req.headers['x-crm-book']) || undefined,
          );
  }
  const payload = JSON.stringify(result);
  res.writeHead(result.ok ? 200 : HTTP_STATUS[result.error.code], {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(payload),
    'Cache-Control': 'no-store',
  });
  res.end(payload);
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) tooBig = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooBig ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function openEventStream(
  gate: BookGate,
  req: IncomingMessage,
  res: ServerResponse,
  streams: Set<ServerResponse>,
): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  streams.add(res);
  // Follows the book across an unlock or a restore: the stream stays, the book under it changes.
  const off = gate.onOpen((db) =>
    db.events.on('changes', (payload) => {
      res.write(`event: changes\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
  const close = () => {
    clearInterval(ping);
    off();
    streams.delete(res);
  };
  req.on('close', close);
  res.on('close', close);
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const base = resolve(root);
  let relative: string;
  try {
    relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
  } catch {
    return end(res, 400);
  }
  const candidate = resolve(base, relative);
  // Anything that escapes the renderer folder is refused, whatever encoding it used.
  if (candidate !== base && !candidate.startsWith(base + sep)) return end(res, 403);
  const file = existsSync(candidate) && statSync(candidate).isFile() ? candidate : join(base, 'index.html');
  if (!existsSync(file)) {
    const text = 'The workspace is not built yet: run "npm run build:renderer" (or "npm run web").';
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  if (file.endsWith('.html')) {
    headers['Content-Security-Policy'] = CSP;
    headers['Cache-Control'] = 'no-store';
  } else if (file.includes(`${sep}assets${sep}`)) {
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}

function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
