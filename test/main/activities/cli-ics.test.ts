import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../db/temp-db';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const SAMPLES = join(ROOT, '..', 'shared', 'datasets', 'interop', 'ics');
const crm = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin', 'crm.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'en_US.UTF-8' },
  });

// Each test starts the CLI three times: on two busy cores one start can take several seconds.
describe('crm import/export activities (.ics)', { timeout: 120_000 }, () => {
  it('imports the shared samples and exports the calendar with its rule', () => {
    const dir = tempDir();
    const db = join(dir, 'book.sqlite');
    expect(crm(['init', '--db', db]).status).toBe(0);
    const imported = crm(['import', 'activities', join(SAMPLES, 'daily_recur.ics'), '--db', db, '--json']);
    expect(imported.status).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 1, updated: 0, issues: [] });
    const out = join(dir, 'calendar.ics');
    const exported = crm(['export', 'activities', '--format', 'ics', '--out', out, '--db', db]);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toContain('Exported 1 activities');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('RRULE:FREQ=DAILY');
    expect(text).toContain('UID:tgh9qho17b07pk2n2ji3gluans@google.com');
  });

  it('reports the bad events of a broken file on stderr with their lines, keeping the good ones', () => {
    const dir = tempDir();
    const db = join(dir, 'book.sqlite');
    crm(['init', '--db', db]);
    const file = join(dir, 'broken.ics');
    writeFileSync(
      file,
      'BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\nDTSTART:20260302T090000Z\nSUMMARY:Good\nEND:VEVENT\nBEGIN:VEVENT\nUID:b\nnonsense\nEND:VEVENT\nEND:VCALENDAR\n',
    );
    const result = crm(['import', 'activities', file, '--db', db, '--lang', 'es']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Se importaron 1 eventos');
    expect(result.stderr).toContain('broken.ics:9: Evento omitido');
    // Activities export as ics, csv or xlsx: any other format is a usage error that names the flag.
    const wrongFormat = crm(['export', 'activities', '--format', 'vcf', '--out', join(dir, 'x'), '--db', db]);
    expect(wrongFormat.status).toBe(2);
    expect(wrongFormat.stderr).toContain('--format');
  });
});
