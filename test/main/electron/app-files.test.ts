import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveAppRequest } from '../../../src/main/electron/app-files';
import { CONTENT_SECURITY_POLICY } from '../../../src/main/electron/url-policy';

// A real folder laid out like dist/renderer, with a secret next to it that must never be served.
let base: string;
let root: string;
const INDEX = '<!doctype html><title>CRM</title><script type="module" src="/assets/index-abc.js"></script>';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'crm-app-files-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log("app");');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'TOP SECRET');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(root, new Request(url, { method }));

describe('serveAppRequest (the app:// protocol)', () => {
  it('serves index.html at the root with the CSP and no-sniff headers', async () => {
    const response = await get('app://crm/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(INDEX);
  });

  it('serves the bundles with their types', async () => {
    const js = await get('app://crm/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log("app");');
    const css = await get('app://crm/assets/style.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers BrowserRouter deep links with index.html, so a reload on /contacts/ID works', async () => {
    for (const url of ['app://crm/contacts', 'app://crm/contacts/0196f1c2-0000-7000-8000-000000000000?tab=notes']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toBe(INDEX);
    }
  });

  it('gives 404, not HTML, for a missing asset', async () => {
    const response = await get('app://crm/assets/missing.js');
    expect(response.status).toBe(404);
  });

  it('never serves a file outside the renderer folder, however the path is written', async () => {
    for (const url of [
      'app://crm/../secret.txt',
      'app://crm/%2e%2e/secret.txt',
      'app://crm/..%2fsecret.txt',
      'app://crm/assets/..%2F..%2Fsecret.txt',
      'app://crm/..%5csecret.txt',
      'app://crm/secret.txt%00.js',
    ]) {
      const response = await get(url);
      const body = await response.text();
      expect(body, url).not.toContain('TOP SECRET');
      expect([200, 404], url).toContain(response.status);
      // The URL parser may already fold "/../" away; then the request is for a file inside the root.
      if (response.status === 200) expect(body, url).toBe(INDEX);
    }
  });

  it('answers only the app host and only reads', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://crm/index.html', 'POST')).status).toBe(405);
    const head = await get('app://crm/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
