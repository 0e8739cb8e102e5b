/** Start, stop and restart of the server on PGlite: the data-folder lock, a new epoch, a graceful close. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSyncServer } from '../../src/server/index';
import { SYNC_PATHS } from '../../src/shared/sync/protocol';
import { Device, errorCode, signup } from './harness';

const dir = mkdtempSync(join(tmpdir(), 'crm-sync-life-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sync server lifecycle', () => {
  it('refuses a second server on the same data folder, keeps accounts across restarts, and re-epochs on demand', async () => {
    const first = await startSyncServer({ dataDir: dir, logLevel: 'silent' });
    await expect(startSyncServer({ dataDir: dir, logLevel: 'silent' })).rejects.toThrow(
      /in use by another sync server/,
    );
    const device = await signup(first.url);
    const epoch = (await device.hello()).body.epoch;
    await device.push([device.change('contacts', 'r', 'name', 'kept')]);
    await first.close();

    // Same port not needed: the session (JWT secret in the data folder) and data survive the restart.
    const second = await startSyncServer({ dataDir: dir, logLevel: 'silent', newEpoch: true });
    try {
      const again = new Device(second.url, device.session, device.node);
      const hello = await again.hello();
      expect(hello.status).toBe(200);
      expect(hello.body.epoch).not.toBe(epoch);
      expect(hello.body.ackedSeq).toBe(1);
      expect(errorCode(await again.pull(epoch, 0))).toBe('epoch_changed');
      const snap = await again.call<{ changes: { value: unknown }[] }>('GET', SYNC_PATHS.snapshot);
      expect(snap.body.changes.map((c) => c.value)).toEqual(['kept']);
    } finally {
      await second.close();
    }
  }, 180_000);
});
