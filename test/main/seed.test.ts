import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../src/main/db/open';
import { CrmError } from '../../src/main/errors';
import { searchQuery } from '../../src/main/services/search';
import { seedWorkspace, type SeedOptions } from '../../src/main/services/seed';
import { getSetting } from '../../src/main/services/settings';
import { emailInput } from '../../src/shared/contract/parts';
import { normalisePhone } from '../../src/shared/domain/phone';
import { foldText } from '../../src/shared/domain/text';
import { countRows, tempDb } from './db/temp-db';

const SMALL: SeedOptions = { contacts: 200, companies: 20, deals: 30, activities: 100, locale: 'es', seed: 3 };

/** Every table the seeder writes. */
const SEEDED_TABLES = [
  'members',
  'companies',
  'contacts',
  'contact_companies',
  'pipelines',
  'stages',
  'deals',
  'deal_contacts',
  'activities',
  'activity_links',
] as const;

interface ContactRow {
  id: string;
  first_name: string;
  last_name: string | null;
  emails: string;
  phones: string;
}

function contacts(db: CrmDb): ContactRow[] {
  return db.sqlite
    .prepare('SELECT id, first_name, last_name, emails, phones FROM contacts ORDER BY rowid')
    .all() as ContactRow[];
}

function live(db: CrmDb, table: string): number {
  return db.sqlite.prepare(`SELECT count(*) FROM "${table}" WHERE deleted = 0`).pluck().get() as number;
}

describe('seedWorkspace', () => {
  it('makes the requested numbers of contacts, companies, deals and activities', () => {
    const db = tempDb();
    const progress: [number, number][] = [];
    const result = seedWorkspace(db, SMALL, (done, total) => progress.push([done, total]));

    expect(result).toMatchObject({ contacts: 200, companies: 20, deals: 30, activities: 100 });
    expect(result.seconds).toBeGreaterThan(0);
    expect(live(db, 'contacts')).toBe(200);
    expect(live(db, 'companies')).toBe(20);
    expect(live(db, 'deals')).toBe(30);
    expect(live(db, 'activities')).toBe(100);
    expect(progress.at(-1)).toEqual([350, 350]);
  });

  it('gives every contact valid phones in E.164 for Spain and lower-case, well-formed emails', () => {
    const db = tempDb();
    seedWorkspace(db, SMALL);
    expect(getSetting(db, 'defaultCountry')).toBe('ES');

    for (const c of contacts(db)) {
      const phones = JSON.parse(c.phones) as { value: string }[];
      const emails = JSON.parse(c.emails) as { value: string }[];
      expect(phones.length).toBeGreaterThan(0);
      expect(emails.length).toBeGreaterThan(0);
      for (const { value } of phones) {
        expect(value).toMatch(/^\+34\d{9}$/);
        // What the contacts service would store for it, and a real Spanish number.
        expect(normalisePhone(value, 'ES')).toBe(value);
        expect(parsePhoneNumberFromString(value)?.isValid()).toBe(true);
      }
      for (const { value } of emails) {
        expect(value).toBe(value.toLowerCase());
        expect(emailInput.safeParse({ value }).success).toBe(true);
      }
    }
  });

  it('writes American data with US numbers when the locale is English', () => {
    const db = tempDb();
    seedWorkspace(db, { ...SMALL, contacts: 60, locale: 'en' });
    expect(getSetting(db, 'defaultCountry')).toBe('US');
    const stageNames = db.sqlite.prepare('SELECT name FROM stages ORDER BY position').pluck().all();
    expect(stageNames).toContain('Won');
    for (const c of contacts(db)) {
      for (const { value } of JSON.parse(c.phones) as { value: string }[]) {
        expect(normalisePhone(value, 'US')).toBe(value);
        expect(parsePhoneNumberFromString(value)?.country).toBe('US');
      }
    }
  });

  it('goes through the mutation layer: every seeded row has its clocks, outbox entry and audit record', () => {
    const db = tempDb();
    seedWorkspace(db, SMALL);
    for (const table of SEEDED_TABLES) {
      expect(countRows(db, table), table).toBeGreaterThan(0);
      const missing = (sql: string) =>
        db.sqlite.prepare(`SELECT count(*) FROM "${table}" t WHERE NOT EXISTS (${sql})`).pluck().get(table);
      expect(missing('SELECT 1 FROM sync_cell_clock k WHERE k.table_name = ? AND k.row_id = t.id'), table).toBe(0);
      expect(missing('SELECT 1 FROM sync_outbox o WHERE o.table_name = ? AND o.row_id = t.id'), table).toBe(0);
      expect(
        missing(
          "SELECT 1 FROM audit_history a WHERE a.entity = ? AND a.entity_id = t.id AND a.op = 'insert' AND a.origin = 'seed'",
        ),
        table,
      ).toBe(0);
    }
  });

  it('links contacts to companies (one primary each), deals to stages, and activities to records that exist', () => {
    const db = tempDb();
    seedWorkspace(db, SMALL);
    const q = (sql: string) => db.sqlite.prepare(sql).pluck().get() as number;

    expect(q('SELECT count(DISTINCT contact_id) FROM contact_companies')).toBeGreaterThan(60);
    expect(
      q(
        'SELECT count(*) FROM (SELECT contact_id FROM contact_companies GROUP BY contact_id HAVING sum(is_primary) <> 1)',
      ),
    ).toBe(0);
    expect(q('SELECT count(*) FROM contact_companies WHERE role IS NULL')).toBe(0);

    const kinds = db.sqlite.prepare('SELECT DISTINCT kind FROM stages').pluck().all();
    expect(kinds.sort()).toEqual(['lost', 'open', 'won']);
    expect(db.sqlite.prepare('SELECT count(*) FROM stages WHERE name = ?').pluck().get('Ganado')).toBe(1);
    expect(q('SELECT count(*) FROM deals d WHERE NOT EXISTS (SELECT 1 FROM stages s WHERE s.id = d.stage_id)')).toBe(0);

    expect(
      q(`SELECT count(*) FROM activity_links l WHERE NOT EXISTS (
           SELECT 1 FROM contacts WHERE id = l.entity_id UNION ALL SELECT 1 FROM companies WHERE id = l.entity_id
           UNION ALL SELECT 1 FROM deals WHERE id = l.entity_id)`),
    ).toBe(0);
    const types = db.sqlite.prepare('SELECT DISTINCT type FROM activities').pluck().all() as string[];
    expect(types.sort()).toEqual(['call', 'email', 'meeting', 'note', 'task']);
  });

  it('makes seeded people findable by search, accents or not', () => {
    const db = tempDb();
    seedWorkspace(db, SMALL);
    const all = contacts(db);
    const accented = all.find((c) => /[áéíóúñ]/i.test(`${c.first_name} ${c.last_name}`));
    expect(accented, 'a Spanish name with an accent').toBeDefined();

    for (const c of [all[0]!, accented!]) {
      const query = foldText(`${c.first_name} ${c.last_name ?? ''}`);
      const hits = searchQuery(db, { query, limit: 50 });
      expect(
        hits.map((h) => h.id),
        query,
      ).toContain(c.id);
    }
  });

  it('makes the same data from the same seed, and other data from another', () => {
    const names = (seed: number) => {
      const db = tempDb();
      seedWorkspace(db, { ...SMALL, contacts: 40, seed });
      return contacts(db).map((c) => `${c.first_name} ${c.last_name} ${c.emails} ${c.phones}`);
    };
    const first = names(11);
    expect(names(11)).toEqual(first);
    expect(names(12)).not.toEqual(first);
  });

  it('refuses bad numbers with a translated error and writes nothing', () => {
    const db = tempDb();
    let error: unknown;
    try {
      seedWorkspace(db, { ...SMALL, contacts: -1, deals: 1.5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).code).toBe('invalid_input');
    expect((error as CrmError).issues.map((i) => i.path[0]).sort()).toEqual(['contacts', 'deals']);
    for (const table of [...SEEDED_TABLES, 'settings']) expect(countRows(db, table), table).toBe(0);
  });
});
