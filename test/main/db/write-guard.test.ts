import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as schema from '../../../db/schema';
import { ENTITY_NAMES } from '../../../src/main/db/entities';
import { GUARD_MESSAGE } from '../../../src/main/db/guard';
import { mutate } from '../../../src/main/db/mutation';
import { newId } from '../../../src/shared/ids';
import { countRows, tempDb } from './temp-db';

const root = fileURLToPath(new URL('../../../', import.meta.url));

describe('write guard', () => {
  it('aborts raw INSERT, UPDATE and DELETE on a synced table, and lets the mutation layer write', () => {
    const db = tempDb();
    const id = newId();
    mutate(db, { table: 'contacts', op: 'insert', id, values: { firstName: 'Ana' } });
    expect(countRows(db, 'contacts')).toBe(1);

    const now = Date.now();
    expect(() =>
      db.sqlite
        .prepare('INSERT INTO contacts (id, first_name, created_at, updated_at) VALUES (?, ?, ?, ?)')
        .run(newId(), 'Eve', now, now),
    ).toThrow(GUARD_MESSAGE);
    expect(() => db.sqlite.prepare('UPDATE contacts SET first_name = ? WHERE id = ?').run('Eve', id)).toThrow(
      GUARD_MESSAGE,
    );
    expect(() => db.sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(id)).toThrow(GUARD_MESSAGE);
    expect(() =>
      db.orm.insert(schema.companies).values({ id: newId(), name: 'ACME', createdAt: now, updatedAt: now }).run(),
    ).toThrow(GUARD_MESSAGE);

    const row = db.sqlite.prepare('SELECT first_name AS firstName FROM contacts WHERE id = ?').get(id);
    expect(row).toEqual({ firstName: 'Ana' });
    expect(countRows(db, 'contacts')).toBe(1);
    expect(countRows(db, 'companies')).toBe(0);

    mutate(db, { table: 'contacts', op: 'update', id, values: { firstName: 'Anabel' } });
    expect(db.sqlite.prepare('SELECT first_name FROM contacts WHERE id = ?').pluck().get(id)).toBe('Anabel');
  });

  it('guards every synced table', () => {
    const db = tempDb();
    const triggers = db.sqlite
      .prepare("SELECT tbl_name AS t, count(*) AS n FROM sqlite_temp_master WHERE type = 'trigger' GROUP BY tbl_name")
      .all() as { t: string; n: number }[];
    expect(Object.fromEntries(triggers.map((r) => [r.t, r.n]))).toEqual(
      Object.fromEntries(ENTITY_NAMES.map((name) => [name, 3])),
    );
  });
});

// ---- Static proof that services write synced tables only through the mutation layer.

/** The only files that may write synced tables directly. */
// The mutation layer, and the other half of the write path: changes pulled by sync, applied by
// src/main/sync/apply.ts inside write() (the guard's permit) with the row statements of tables.ts.
const ALLOWED = new Set([
  'src/main/db/mutation.ts',
  'src/main/db/search-index.ts',
  'src/main/db/migrate.ts',
  'src/main/sync/tables.ts',
]);

/** The TypeScript names of the drizzle tables behind ENTITY_NAMES (`contactCompanies` for contact_companies). */
const SYNCED_TABLE_VARS = Object.entries(schema)
  .filter(([, value]) => value instanceof SQLiteTable)
  .filter(([, table]) => (ENTITY_NAMES as string[]).includes(getTableConfig(table as SQLiteTable).name))
  .map(([name]) => name);

const alt = (names: string[]) => names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
const q = '[`"\'\\[]?';
const table = `${q}(?:main\\.)?${q}(?:${alt(ENTITY_NAMES)})${q}\\b`;
const RULES: { what: string; re: RegExp }[] = [
  { what: 'raw INSERT', re: new RegExp(`\\b(?:INSERT|REPLACE)\\s+(?:OR\\s+\\w+\\s+)?INTO\\s+${table}`, 'gi') },
  { what: 'raw UPDATE', re: new RegExp(`\\bUPDATE\\s+(?:OR\\s+\\w+\\s+)?${table}\\s*${q}\\s+SET\\b`, 'gi') },
  { what: 'raw DELETE', re: new RegExp(`\\bDELETE\\s+FROM\\s+${table}`, 'gi') },
  {
    what: 'write SQL with a computed table name',
    re: /\b(?:(?:INSERT|REPLACE)\s+(?:OR\s+\w+\s+)?INTO|DELETE\s+FROM|UPDATE)\s+["'`[]?\$\{/gi,
  },
  {
    what: 'drizzle write',
    re: new RegExp(`\\.(?:insert|update|delete)\\(\\s*(?:schema\\.)?(?:${alt(SYNCED_TABLE_VARS)})\\s*[,)]`, 'g'),
  },
];

/** Comments may talk about writes; only code counts. Keeps line numbers by blanking, not removing. */
function stripComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/(^|[^:'"`\\])\/\/.*$/gm, (_m, lead: string) => lead);
}

function findRawWrites(source: string): { line: number; what: string; text: string }[] {
  const code = stripComments(source);
  const found: { line: number; what: string; text: string }[] = [];
  for (const { what, re } of RULES) {
    for (const m of code.matchAll(re)) {
      const line = code.slice(0, m.index).split('\n').length;
      found.push({ line, what, text: m[0] });
    }
  }
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the single write path (static scan of src/main)', () => {
  it('knows the drizzle names of the synced tables', () => {
    expect(SYNCED_TABLE_VARS).toContain('contacts');
    expect(SYNCED_TABLE_VARS).toContain('contactCompanies');
    expect(SYNCED_TABLE_VARS).toHaveLength(ENTITY_NAMES.length);
  });

  it('catches every form of direct write it looks for', () => {
    const bad = [
      "db.sqlite.prepare('INSERT INTO contacts (id) VALUES (?)')",
      'db.sqlite.exec(`insert or replace into "deals" values (1)`)',
      "sqlite.prepare('UPDATE companies SET name = ? WHERE id = ?')",
      "sqlite.prepare('DELETE FROM main.activity_links WHERE id = ?')",
      'sqlite.prepare(`UPDATE "${name}" SET x = 1`)',
      'db.orm.insert(contacts).values(row).run()',
      'tx.update(schema.contactCompanies).set({ role })',
      'db.orm.delete(deals).where(eq(deals.id, id))',
    ];
    for (const line of bad) expect(findRawWrites(line), line).not.toEqual([]);
    const fine = [
      "db.sqlite.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?)')",
      "db.sqlite.prepare('SELECT * FROM contacts WHERE id = ?')",
      'listeners.delete(listener)',
      '// UPDATE contacts SET name = 1 is what we must never do',
      "summary: 'Update contacts from a CSV file'",
      "mutate(db, { table: 'contacts', op: 'delete', id })",
    ];
    for (const line of fine) expect(findRawWrites(line), line).toEqual([]);
  });

  it('finds no write to a synced table outside the mutation layer', () => {
    const offences: string[] = [];
    for (const file of tsFiles(join(root, 'src', 'main'))) {
      const rel = relative(root, file).split('\\').join('/');
      if (ALLOWED.has(rel)) continue;
      for (const hit of findRawWrites(readFileSync(file, 'utf8'))) {
        offences.push(`${rel}:${hit.line} ${hit.what}: ${hit.text}`);
      }
    }
    expect(offences, 'write synced tables with mutate() from src/main/db/mutation.ts').toEqual([]);
  });
});
