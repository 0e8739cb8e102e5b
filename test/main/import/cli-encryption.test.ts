import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../db/temp-db';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const crm = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', CRM_PASSPHRASE: '', ...env },
  });
const header = (path: string) => readFileSync(path).subarray(0, 16).toString('latin1');

describe('crm with an encrypted workspace', () => {
  it('takes --passphrase or CRM_PASSPHRASE on every --db command; without it says so, translated', () => {
    const db = join(tempDir(), 'secret.sqlite');
    expect(crm(['init', '--db', db, '--passphrase', 'a long passphrase']).status).toBe(0);
    expect(header(db)).not.toBe('SQLite format 3\0');

    const created = crm(['api', 'contacts.create', '{"firstName":"Inés"}', '--db', db], {
      CRM_PASSPHRASE: 'a long passphrase',
    });
    expect(created.status).toBe(0);

    const locked = crm(['doctor', '--db', db, '--lang', 'es']);
    expect(locked.status).not.toBe(0);
    expect(locked.stderr).toMatch(/está cifrado/);
    const wrong = crm(['doctor', '--db', db, '--passphrase', 'not this one']);
    expect(wrong.status).not.toBe(0);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);

    const out = join(tempDir(), 'copy.sqlite');
    const backup = crm(['backup', '--db', db, '--out', out, '--json'], { CRM_PASSPHRASE: 'a long passphrase' });
    expect(backup.status).toBe(0);
    expect(header(out)).not.toBe('SQLite format 3\0');

    expect(crm(['restore', out, '--db', db]).status).not.toBe(0);
    const restored = crm(['restore', out, '--db', db, '--passphrase', 'a long passphrase', '--json']);
    expect(restored.status).toBe(0);
    const doctor = crm(['doctor', '--db', db, '--json', '--passphrase', 'a long passphrase']);
    expect(JSON.parse(doctor.stdout).counts.contacts).toBe(1);
    // Every step is a process of its own (about 3 s each on a busy machine).
  }, 180_000);
});
