import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { createContact } from '../../../src/main/services/contacts';
import { tempDir } from '../db/temp-db';

const ROOT = join(import.meta.dirname, '..', '..', '..');

describe('import killed in the middle of its write', () => {
  it('leaves the book unchanged and intact (SIGKILL during the transaction)', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'book.sqlite');
    const db = openDatabase({ path: dbPath, create: true });
    createContact(db, { firstName: 'Before' });
    db.close();
    const lines = ['First name,Last name,Email'];
    for (let i = 0; i < 60_000; i++) lines.push(`Name${i},Last${i},p${i}@example.com`);
    const csv = join(dir, 'big.csv');
    writeFileSync(csv, lines.join('\n'));

    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'tsnode.js'), join(import.meta.dirname, 'crash-child.ts'), dbPath, csv],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('writing')) resolve();
      });
    });
    // The write of 60k contacts takes seconds; a short pause puts the kill well inside it.
    await new Promise((r) => setTimeout(r, 400));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('done');

    const after = new Database(dbPath);
    try {
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(after.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
      expect(after.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
      expect(after.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(1);
    } finally {
      after.close();
    }
    const doctor = spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), 'doctor', '--db', dbPath, '--json'], {
      encoding: 'utf8',
    });
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, counts: { contacts: 1 } });
  });
});
