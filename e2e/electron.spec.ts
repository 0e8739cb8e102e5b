// Smoke test of the desktop app: the real Electron shell on a temporary data folder. It runs
// wherever an Electron binary is installed; on machines where `npm install` ran with
// ELECTRON_SKIP_BINARY_DOWNLOAD=1 it says so and skips.
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { METHOD_NAMES, type ChangesPayload, type Contact, type CrmApi, type Result } from '../src/shared/contract';

const SKIP_REASON = 'skipped: no Electron binary';
const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The installed Electron executable, or null. Read the same way electron/index.js does but
 * without requiring it: that module starts a download when the binary is missing.
 */
function electronBinary(): string | null {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    if (!override && !relative) return null;
    const binary = override ? join(override, relative || 'electron') : join(pkgDir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

type CrmWindow = { crm: CrmApi; require?: unknown; process?: unknown; ipcRenderer?: unknown };

test.describe('desktop app (Electron)', () => {
  let app: ElectronApplication | undefined;
  let dataDir: string | undefined;

  test.afterEach(async () => {
    await app?.close().catch(() => undefined);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('launches, creates a contact that shows in the list, and quits with it saved', async () => {
    const binary = electronBinary();
    if (!binary) {
      console.log(SKIP_REASON);
      test.skip(true, SKIP_REASON);
      return;
    }
    test.setTimeout(120_000);
    if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
      throw new Error('dist/renderer is missing: run `npm run build:renderer` (vite build) before the e2e tests');
    }
    // Always rebuild the shell: esbuild takes well under a second, and a stale bundle would test old code.
    execFileSync(process.execPath, [join(root, 'build', 'build-electron.js')], { cwd: root, stdio: 'inherit' });

    const dir = mkdtempSync(join(tmpdir(), 'crm-electron-'));
    dataDir = dir;
    // No executablePath: Playwright then finds electron itself (the binary now known to exist)
    // and adds its loader, which holds app 'ready' until it is attached.
    app = await electron.launch({
      args: [root],
      cwd: root,
      env: { ...process.env, CRM_DATA_DIR: dir },
    });
    const page = await app.firstWindow();
    await page.waitForFunction(() => 'crm' in globalThis);
    expect(page.url()).toMatch(/^app:\/\/crm\//);

    // The preload exposes window.crm and nothing of Node or Electron.
    const exposed = await page.evaluate(() => {
      const w = globalThis as unknown as CrmWindow;
      return {
        keys: Object.keys(w.crm).sort(),
        require: typeof w.require,
        process: typeof w.process,
        ipcRenderer: typeof w.ipcRenderer,
      };
    });
    const domains = [...new Set(METHOD_NAMES.map((name) => name.split('.')[0] ?? name))];
    expect(exposed).toEqual({
      keys: [...domains, 'on'].sort(),
      require: 'undefined',
      process: 'undefined',
      ipcRenderer: 'undefined',
    });

    const info = await page.evaluate(() => (globalThis as unknown as CrmWindow).crm.app.info({}));
    expect(info.ok && info.value.dbPath).toBe(join(dir, 'crm.sqlite'));

    // Create through the real IPC door and wait for the `changes` event that refreshes every window.
    const outcome = await page.evaluate(async () => {
      const { crm } = globalThis as unknown as CrmWindow;
      const changed = new Promise<ChangesPayload>((resolve) => {
        const off = crm.on('changes', (payload) => {
          off();
          resolve(payload);
        });
      });
      const created: Result<Contact> = await crm.contacts.create({
        firstName: 'Ada',
        lastName: 'Lovelace',
        emails: [{ value: 'ADA@Example.com' }],
      });
      return { created, changed: await changed };
    });
    expect(outcome.created.ok).toBe(true);
    if (!outcome.created.ok) return;
    const contact = outcome.created.value;
    expect(contact.emails).toEqual([{ value: 'ada@example.com' }]);
    expect(outcome.changed).toMatchObject({ entity: 'contacts', ids: [contact.id] });

    // Bad input is refused with a translated error and writes nothing.
    const refused = await page.evaluate(() =>
      (globalThis as unknown as CrmWindow).crm.contacts.create({
        firstName: 'Bad',
        emails: [{ value: 'not-an-email' }],
      }),
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.code).toBe('invalid_input');

    // The user sees it in the contacts list (the sidebar link reads "Contacts" or "Contactos").
    await page
      .getByRole('link', { name: /^(Contacts|Contactos)$/ })
      .first()
      .click();
    await expect(page.getByText('Ada Lovelace').first()).toBeVisible();

    await app.close();
    app = undefined;

    // Quitting closed the book cleanly, with the contact in the data folder given by CRM_DATA_DIR.
    const db = new Database(join(dir, 'crm.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT first_name AS firstName FROM contacts WHERE deleted = 0').all();
      expect(rows).toEqual([{ firstName: 'Ada' }]);
    } finally {
      db.close();
    }
  });
});
