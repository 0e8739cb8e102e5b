// Sync end to end: two workspaces (two `crm serve` on their own databases) and one sync server
// (`crm sync-server`, PGlite). The same contact is edited on both while the server is down
// (different fields, and the same field); after reconnecting both different-field edits survive,
// the same-field pair is listed as a conflict, and the value chosen there reaches the other side.
import { expect, test, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CrmServer, launchServer, root, stopServer } from './fixtures/server';

const crm = join(root, 'bin', 'crm.js');

/** A workspace: its own `crm serve` on a fresh book (the shared fixture's launcher). */
type Workspace = CrmServer;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function startSyncServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [crm, 'sync-server', '--data', dataDir, '--port', String(port), '--log-level', 'warn'],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, JWT_SECRET: 'e2e-secret-e2e-secret-e2e-secret-0123456' },
    },
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error('the sync server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function syncNow(page: Page): Promise<void> {
  // The button's call returns when the round has finished (or failed).
  await Promise.all([
    page.waitForResponse((r) => r.url().includes('/api/sync.runNow')),
    page.getByTestId('sync-run-now').click(),
  ]);
}

test.describe('sync between two workspaces through one server', () => {
  test.describe.configure({ timeout: 180_000 });
  let dir: string;
  let syncPort: number;
  let syncServer: ChildProcess | undefined;
  let a: Workspace;
  let b: Workspace;
  const stops: (() => Promise<void>)[] = [];

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-e2e-sync-'));
    syncPort = await freePort();
    syncServer = await startSyncServer(join(dir, 'server'), syncPort);
    for (const side of ['a', 'b'] as const) {
      const { server, stop } = await launchServer();
      stops.push(stop);
      if (side === 'a') a = server;
      else b = server;
    }
  });

  test.afterAll(async () => {
    await Promise.all([...stops.map((stop) => stop()), syncServer && stopServer(syncServer)]);
    rmSync(dir, { recursive: true, force: true });
  });

  test('offline edits of different fields both survive; the same field becomes a conflict whose choice syncs', async ({
    browser,
  }) => {
    const server = `http://127.0.0.1:${syncPort}`;
    const pageA = await (await browser.newContext()).newPage();
    const pageB = await (await browser.newContext()).newPage();
    for (const page of [pageA, pageB]) {
      page.on('pageerror', (error) => console.log(`page error: ${error.message}`));
      page.on('console', (m) => {
        if (m.type() === 'error') console.log(`console: ${m.text()}`);
      });
    }

    await test.step('A creates a workspace on the sync server from Settings → Sync', async () => {
      await pageA.goto(a.url);
      await expect(pageA.getByRole('navigation')).toBeVisible();
      // Sync is off: no indicator, the app works as usual.
      await expect(pageA.getByTestId('sync-indicator')).toHaveCount(0);
      await pageA.goto(new URL('/settings/sync', a.url).toString());
      await pageA.getByText('New workspace').click();
      await pageA.getByTestId('sync-server').fill(server);
      await pageA.getByTestId('sync-workspace-name').fill('Field sales');
      await pageA.getByTestId('sync-email').fill('owner@example.com');
      await pageA.getByTestId('sync-password').fill('correct horse battery');
      await pageA.getByTestId('sync-submit').click();
      await expect(pageA.getByTestId('sync-connected')).toBeVisible();
      await a.call('contacts.create', { firstName: 'Ana', lastName: 'Original', jobTitle: 'Seller' });
      await syncNow(pageA);
      await expect(pageA.getByTestId('sync-indicator')).toContainText('Synced');
      await expect(pageA.getByTestId('sync-pending')).toHaveCount(0);
    });

    let contactId = '';
    await test.step('B signs in and receives the contact by its first sync', async () => {
      await pageB.goto(b.url);
      await pageB.goto(new URL('/settings/sync', b.url).toString());
      await pageB.getByTestId('sync-server').fill(server);
      await pageB.getByTestId('sync-email').fill('owner@example.com');
      await pageB.getByTestId('sync-password').fill('correct horse battery');
      await pageB.getByTestId('sync-submit').click();
      await expect(pageB.getByTestId('sync-connected')).toBeVisible();
      await expect
        .poll(async () => (await b.call('contacts.list', { limit: 10 })).items.map((c) => c.lastName), {
          timeout: 20_000,
        })
        .toEqual(['Original']);
      contactId = (await b.call('contacts.list', { limit: 10 })).items[0]!.id;
    });

    await test.step('the server goes down; both edit the contact offline', async () => {
      await stopServer(syncServer!);
      await a.call('contacts.update', { id: contactId, department: 'Sales', jobTitle: 'Manager (A)' });
      await b.call('contacts.update', { id: contactId, lastName: 'Renamed', jobTitle: 'Director (B)' });
      await syncNow(pageA);
      await expect(pageA.getByTestId('sync-indicator')).toContainText('Offline');
      await expect(pageA.getByTestId('sync-pending')).toBeVisible();
    });

    await test.step('reconnected: both different-field edits survive on both sides', async () => {
      syncServer = await startSyncServer(join(dir, 'server'), syncPort);
      await syncNow(pageA);
      await syncNow(pageB);
      await syncNow(pageA);
      for (const side of [a, b]) {
        const contact = await side.call('contacts.get', { id: contactId });
        expect(contact).toMatchObject({ department: 'Sales', lastName: 'Renamed' });
      }
      const [ja, jb] = await Promise.all(
        [a, b].map(async (s) => (await s.call('contacts.get', { id: contactId })).jobTitle),
      );
      expect(ja).toBe(jb);
    });

    await test.step('the same-field pair is listed as a conflict; choosing the other value reaches the other side', async () => {
      await pageA.goto(new URL('/sync/conflicts', a.url).toString());
      const card = pageA.getByTestId('sync-conflict');
      await expect(card).toHaveCount(1);
      await expect(card).toContainText('Ana Renamed');
      // The field by its label, as the record page names it (not the column `job_title`).
      await expect(card).toContainText('“Job title” changed on two devices');
      await expect(card.getByTestId('sync-choose-kept-value')).toBeVisible();
      const other = (await card.getByTestId('sync-choose-other-value').textContent())!.trim();
      expect(['Manager (A)', 'Director (B)']).toContain(other);
      await card.getByTestId('sync-choose-other').click();
      await expect(pageA.getByTestId('sync-no-conflicts')).toBeVisible();

      await pageA.goto(new URL('/settings/sync', a.url).toString());
      await syncNow(pageA);
      await syncNow(pageB);
      expect((await b.call('contacts.get', { id: contactId })).jobTitle).toBe(other);
      // Settled on B as well: the field was edited after both values.
      await pageB.goto(new URL('/sync/conflicts', b.url).toString());
      await expect(pageB.getByTestId('sync-no-conflicts')).toBeVisible();
    });

    await test.step('A lists both devices and revokes B; the server refuses B from then on', async () => {
      await pageA.goto(new URL('/settings/sync', a.url).toString());
      const devices = pageA.getByTestId('sync-devices');
      await expect(devices.getByTestId('sync-device')).toHaveCount(2);
      await expect(devices).toContainText('This device');
      // One press asks, the second revokes (this device has no button: "Sign out" does that).
      await expect(devices.getByTestId('sync-device-revoke')).toHaveCount(1);
      await devices.getByTestId('sync-device-revoke').click();
      await expect(devices.getByTestId('sync-device-revoke')).toHaveText('Revoke it now');
      await devices.getByTestId('sync-device-revoke').click();
      await expect(devices.getByTestId('sync-device-revoked')).toHaveCount(1);
      await expect(devices.getByTestId('sync-device-revoke')).toHaveCount(0);

      await pageB.goto(new URL('/settings/sync', b.url).toString());
      await syncNow(pageB);
      await expect(pageB.getByTestId('sync-state')).toContainText('signed out on the server');
    });
  });
});
