import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebServer, type WebServer } from '../../../src/main/transport/http';
import { countRows, tempDb, tempDir } from '../db/temp-db';

const servers: WebServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function start() {
  const db = tempDb();
  const staticDir = tempDir();
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CRM</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  const server = await startWebServer({ db, staticDir });
  servers.push(server);
  const base = `http://127.0.0.1:${server.port}`;
  const call = (method: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body,
    });
  const auth = { Authorization: `Bearer ${server.token}` };
  return { db, server, base, call, auth };
}

/** A raw request, so tests control the Host header and un-normalised paths. */
function raw(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web mode', () => {
  it('prints a loopback URL carrying a fresh token in its fragment', async () => {
    const a = await start();
    const b = await start();
    expect(a.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{40,}$/);
    expect(a.server.token).not.toBe(b.server.token);
  });

  it('refuses API calls without the token, or with a wrong one, with 401 and nothing else', async () => {
    const { call, db } = await start();
    const missing = await call('contacts.create', JSON.stringify({ firstName: 'Eve' }));
    const wrong = await call('contacts.create', JSON.stringify({ firstName: 'Eve' }), { Authorization: 'Bearer nope' });
    for (const res of [missing, wrong]) {
      expect(res.status).toBe(401);
      expect(await res.text()).toBe('');
    }
    expect(countRows(db, 'contacts')).toBe(0);
  });

  it('answers a valid call with the envelope and writes through the contract', async () => {
    const { call, auth } = await start();
    const res = await call(
      'contacts.create',
      JSON.stringify({ firstName: 'Ada', emails: [{ value: 'ADA@x.org' }] }),
      auth,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; value: { emails: { value: string }[] } };
    expect(body.ok).toBe(true);
    expect(body.value.emails[0]!.value).toBe('ada@x.org');
  });

  it('answers a malformed body with 400 and the validation issues, translated by X-Crm-Locale', async () => {
    const { call, auth, db } = await start();
    const bad = await call('contacts.create', '{not json', auth);
    expect(bad.status).toBe(400);
    const invalid = await call('contacts.create', JSON.stringify({ firstName: 'X', emails: [{ value: 'nope' }] }), {
      ...auth,
      'X-Crm-Locale': 'es',
    });
    expect(invalid.status).toBe(400);
    const body = (await invalid.json()) as { error: { issues: { path: unknown[]; message: string }[] } };
    expect(body.error.issues[0]!.path).toEqual(['emails', 0, 'value']);
    expect(body.error.issues[0]!.message).toMatch(/correo válido/);
    expect(countRows(db, 'contacts')).toBe(0);
  });

  it('maps error codes to HTTP statuses', async () => {
    const { call, auth } = await start();
    expect((await call('nope.nothing', '{}', auth)).status).toBe(404);
    expect(
      (await call('contacts.get', JSON.stringify({ id: '01a20950-85d6-71e8-8e1b-4941441d2e4d' }), auth)).status,
    ).toBe(404);
  });

  it('streams changes as server-sent events to an authorised listener', async () => {
    const { base, call, auth } = await start();
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/events`, { headers: auth, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    await call('contacts.create', JSON.stringify({ firstName: 'Live' }), auth);
    let text = '';
    while (!text.includes('event: changes')) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    expect(text).toMatch(/"entity":"contacts","op":"insert"/);
    const unauthorised = await fetch(`${base}/api/events`);
    expect(unauthorised.status).toBe(401);
  });

  it('serves the renderer with a CSP, falls back to index.html for app routes, and never leaves its folder', async () => {
    const { server } = await start();
    const page = await raw(server.port, '/contacts/123', { Host: `127.0.0.1:${server.port}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>CRM</title>');
    const asset = await raw(server.port, '/assets/app.js', { Host: `127.0.0.1:${server.port}` });
    expect(asset.body).toBe('console.log(1)');
    for (const path of ['/../../../etc/passwd', '/..%2f..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const res = await raw(server.port, path, { Host: `127.0.0.1:${server.port}` });
      expect(res.body).not.toContain('root:');
    }
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    const { server } = await start();
    const res = await raw(server.port, '/', { Host: 'evil.example:80' });
    expect(res.status).toBe(421);
  });
});
