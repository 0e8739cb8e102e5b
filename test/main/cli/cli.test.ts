import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../src/main/cli';
import { tempDir } from '../db/temp-db';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const crm = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
  });

describe('crm CLI', () => {
  it('init creates a book, api writes through the contract, doctor reports it healthy (--json)', () => {
    const db = join(tempDir(), 'book.sqlite');
    expect(crm(['init', '--db', db]).status).toBe(0);
    const created = crm(['api', 'contacts.create', '{"firstName":"José","lastName":"García"}', '--db', db]);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout).displayName).toBe('José García');
    const doctor = crm(['doctor', '--db', db, '--json']);
    expect(doctor.status).toBe(0);
    const report = JSON.parse(doctor.stdout);
    expect(report.ok).toBe(true);
    expect(report.counts.contacts).toBe(1);
    const search = crm(['search', 'jose gar', '--db', db, '--json']);
    expect(JSON.parse(search.stdout).hits[0].title).toBe('José García');
  });

  it('reports bad input on stderr, translated, with a non-zero exit and nothing written', () => {
    const db = join(tempDir(), 'book.sqlite');
    crm(['init', '--db', db]);
    const bad = crm([
      'api',
      'contacts.create',
      '{"firstName":"A","emails":[{"value":"nope"}]}',
      '--db',
      db,
      '--lang',
      'es',
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/correo válido/);
    expect(bad.stdout).toBe('');
    const doctor = JSON.parse(crm(['doctor', '--db', db, '--json']).stdout);
    expect(doctor.counts.contacts).toBe(0);
  });

  it('refuses a missing book, an unknown command and an unknown option with usage help', () => {
    const missing = crm(['doctor', '--db', join(tempDir(), 'none.sqlite')]);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/crm init/);
    expect(crm(['frobnicate']).status).toBe(2);
    const option = crm(['init', '--frob']);
    expect(option.status).toBe(2);
    expect(option.stderr).toMatch(/--frob/);
  });

  it('help lists every command with its summary in the chosen language, each loaded under its own name', async () => {
    // Commands load lazily by name, so a registry entry pointing at the wrong module would run the wrong command.
    for (const entry of COMMANDS) expect((await entry.load()).name).toBe(entry.name);
    const help = crm(['help', '--lang', 'es']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('crm sync [--db PATH]');
    expect(help.stdout).toMatch(/copia de seguridad/);
    for (const entry of COMMANDS) expect(help.stdout).toMatch(new RegExp(`^ {2}crm ${entry.name}\\b`, 'm'));
  });

  it('uses CRM_DATA_DIR when no --db is given', () => {
    const dir = tempDir();
    const init = crm(['init', '--json'], { CRM_DATA_DIR: dir });
    expect(JSON.parse(init.stdout).path).toBe(join(dir, 'crm.sqlite'));
  });

  it('serve --help explains its options in the chosen language, the clock offset file among them', () => {
    const help = crm(['serve', '--help', '--lang', 'es']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^crm serve \[--db PATH\]/);
    expect(help.stdout).toMatch(/--clock-offset-file RUTA +para pruebas y demostraciones/);
  });

  it('serve prints the URL with its token as the first line on stdout', async () => {
    const db = join(tempDir(), 'book.sqlite');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'crm.js'), 'serve', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const first = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          if (out.includes('\n')) resolve(out.split('\n')[0]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      });
      expect(first).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/);
      const port = /:(\d+)\//.exec(first)![1];
      const res = await fetch(`http://127.0.0.1:${port}/api/app.info`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
