import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  decideNavigation,
  externalUrl,
  isAppUrl,
  isSpaRoute,
  resolveAppFile,
} from '../../../src/main/electron/url-policy';

describe('isAppUrl', () => {
  it('accepts the app itself and its deep links', () => {
    expect(isAppUrl(APP_START_URL)).toBe(true);
    expect(isAppUrl('app://crm/contacts/0196f1c2-0000-7000-8000-000000000000')).toBe(true);
    expect(isAppUrl('app://crm/index.html?x=1#top')).toBe(true);
  });

  it('rejects other hosts, schemes and look-alikes', () => {
    for (const url of [
      'app://evil/',
      'app://crm.evil.com/',
      'app://user@evil/',
      'https://crm/',
      'file:///etc/passwd',
      'http://127.0.0.1:5173/',
      'devtools://devtools/bundled/inspector.html',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('externalUrl (links that may open outside the app)', () => {
  it('allows https, mailto and tel', () => {
    expect(externalUrl('https://example.com/path?q=1')).toBe('https://example.com/path?q=1');
    expect(externalUrl('mailto:ana@example.com')).toBe('mailto:ana@example.com');
    expect(externalUrl('tel:+34600111222')).toBe('tel:+34600111222');
  });

  it('refuses every other scheme, including ones that run code or open local files', () => {
    for (const url of [
      'http://example.com/',
      'file:///C:/Windows/System32/calc.exe',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'smb://server/share',
      'ms-msdt:/id PCWDiagnostic',
      'vbscript:msgbox(1)',
      'app://crm/',
      'mailto:',
      'garbage',
    ]) {
      expect(externalUrl(url), url).toBeNull();
    }
  });

  it('refuses https links that hide their destination behind user:password@', () => {
    expect(externalUrl('https://bank.example.com@evil.example/')).toBeNull();
    expect(externalUrl('https://user:pass@example.com/')).toBeNull();
  });
});

describe('decideNavigation', () => {
  it('keeps app pages in the window, sends allow-listed links outside, denies the rest', () => {
    expect(decideNavigation('app://crm/contacts')).toEqual({ action: 'stay' });
    expect(decideNavigation('https://example.com')).toEqual({ action: 'external', url: 'https://example.com/' });
    expect(decideNavigation('http://example.com')).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///etc/passwd')).toEqual({ action: 'deny' });
  });
});

describe('resolveAppFile (path-traversal check of the app:// protocol)', () => {
  const root = '/opt/crm/dist/renderer';

  it('maps app paths to files inside the renderer folder', () => {
    expect(resolveAppFile(root, '/')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, '/index.html')).toBe(`${root}/index.html`);
    expect(resolveAppFile(root, '/assets/index-abc123.js')).toBe(`${root}/assets/index-abc123.js`);
    expect(resolveAppFile(root, '/assets/Logo%20big.png')).toBe(`${root}/assets/Logo big.png`);
    expect(resolveAppFile(root, '/contacts/0196f1c2')).toBe(`${root}/contacts/0196f1c2`);
  });

  it('rejects every way of climbing out of the folder', () => {
    for (const attempt of [
      '/../package.json',
      '/../../../../etc/passwd',
      '/assets/../../secret.txt',
      '/%2e%2e/package.json',
      '/%2E%2E%2Fpackage.json',
      '/..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/..',
      '/.',
      '/assets/..',
    ]) {
      expect(resolveAppFile(root, attempt), attempt).toBeNull();
    }
  });

  it('rejects NUL bytes, backslashes, drive letters and malformed escapes', () => {
    for (const attempt of [
      '/index.html%00.png',
      '/..%5c..%5cwindows%5cwin.ini',
      '/assets\\..\\..\\secret',
      '/C:/Windows/win.ini',
      '/index.html::$DATA',
      '/%E0%A4%A',
      '/%',
    ]) {
      expect(resolveAppFile(root, attempt), attempt).toBeNull();
    }
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\CRM\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile(winRoot, '/assets/app.js', path.win32)).toBe(`${winRoot}\\assets\\app.js`);
    expect(resolveAppFile(winRoot, '/', path.win32)).toBe(`${winRoot}\\index.html`);
    for (const attempt of ['/../x', '/%2e%2e/x', '/..%2fx', '/..%5cx', '/D:/x', '/%5c%5cserver%5cshare']) {
      expect(resolveAppFile(winRoot, attempt, path.win32), attempt).toBeNull();
    }
    // A UNC-looking path is just a folder name inside the root once its leading slashes are dropped.
    expect(resolveAppFile(winRoot, '//server/share/x', path.win32)).toBe(`${winRoot}\\server\\share\\x`);
  });
});

describe('isSpaRoute (index.html fallback for deep links)', () => {
  it('treats extension-less paths as routes of the single-page app', () => {
    expect(isSpaRoute('/contacts')).toBe(true);
    expect(isSpaRoute('/contacts/0196f1c2-0000-7000-8000-000000000000')).toBe(true);
    expect(isSpaRoute('/settings/')).toBe(true);
  });

  it('does not answer a missing file with HTML', () => {
    expect(isSpaRoute('/assets/missing.js')).toBe(false);
    expect(isSpaRoute('/favicon.ico')).toBe(false);
  });
});

describe('contentTypeFor', () => {
  it('names the types the renderer build contains', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/app.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/app.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/font.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/blob')).toBe('application/octet-stream');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows scripts only from the app and nothing to be framed or embedded', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives['script-src']).toBe("'self'");
    expect(directives['default-src']).toBe("'self'");
    expect(directives['object-src']).toBe("'none'");
    expect(directives['frame-ancestors']).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });
});
