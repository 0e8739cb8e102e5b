import { getTableConfig } from 'drizzle-orm/sqlite-core';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contacts } from '../../../db/schema';
import { ALL_COLUMNS, mutate, readRow, write, writeAll, writeInSteps } from '../../../src/main/db/mutation';
import { openDatabase, type CrmDb } from '../../../src/main/db/open';
import { CrmError } from '../../../src/main/errors';
import type { ChangesPayload } from '../../../src/shared/contract/events';
import { decodeHlc } from '../../../src/shared/sync/hlc';
import { newId } from '../../../src/shared/ids';
import { countRows, manualClock, tempDb, tempDir, track } from './temp-db';

/** Every synced column of contacts: all but the row id and the local, derived sort key. */
const CONTACT_SYNCED_COLUMNS = getTableConfig(contacts)
  .columns.map((c) => c.name)
  .filter((name) => name !== 'id' && name !== 'name_sort')
  .sort();

const BOOKKEEPING = ['sync_cell_clock', 'sync_outbox', 'audit_history', 'search_doc', 'search_index'] as const;
const counts = (db: CrmDb) => Object.fromEntries(['contacts', ...BOOKKEEPING].map((t) => [t, countRows(db, t)]));

function clocksOf(db: CrmDb, id: string): Record<string, string> {
  const text = db.sqlite
    .prepare("SELECT clocks FROM sync_cell_clock WHERE table_name = 'contacts' AND row_id = ?")
    .pluck()
    .get(id) as string;
  return JSON.parse(text) as Record<string, string>;
}

function outbox(db: CrmDb, id: string): { changes: Record<string, unknown>; hlc: string }[] {
  const rows = db.sqlite.prepare('SELECT changes, hlc FROM sync_outbox WHERE row_id = ? ORDER BY seq').all(id) as {
    changes: string;
    hlc: string;
  }[];
  return rows.map((r) => ({ changes: JSON.parse(r.changes) as Record<string, unknown>, hlc: r.hlc }));
}

function audit(db: CrmDb, id: string) {
  const rows = db.sqlite
    .prepare('SELECT op, changes, origin, by FROM audit_history WHERE entity_id = ? ORDER BY seq')
    .all(id) as { op: string; changes: string; origin: string | null; by: string | null }[];
  return rows.map((r) => ({ ...r, changes: JSON.parse(r.changes) as Record<string, [unknown, unknown]> }));
}

function searchTitles(db: CrmDb, words: string): string[] {
  return db.sqlite
    .prepare('SELECT title FROM search_index WHERE search_index MATCH ? ORDER BY rank')
    .pluck()
    .all(words) as string[];
}

function collectChanges(db: CrmDb): ChangesPayload[] {
  const seen: ChangesPayload[] = [];
  db.events.on('changes', (p) => seen.push(structuredClone(p)));
  return seen;
}

/** The clock of one column: its own entry, or the row's "*" clock from its creation. */
function clockOf(clocks: Record<string, string>, column: string): string {
  return clocks[column] ?? clocks[ALL_COLUMNS]!;
}

describe('mutation layer: insert', () => {
  it('writes the row, one clock row with a clock per synced column, an outbox row, an audit row and a search doc', () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const id = newId();
    const [row] = mutate(
      db,
      {
        table: 'contacts',
        op: 'insert',
        id,
        values: { firstName: 'José', lastName: 'García', emails: [{ value: 'jose@example.com' }] },
      },
      { actor: 'member-1', origin: 'test' },
    );

    expect(row).toMatchObject({ id, firstName: 'José', lastName: 'García', deleted: false, createdBy: 'member-1' });
    expect(readRow(db, 'contacts', id)).toMatchObject({
      firstName: 'José',
      emails: [{ value: 'jose@example.com' }],
      nameSort: 'garcia jose',
      custom: {},
      deleted: false,
    });
    expect(counts(db)).toEqual({
      contacts: 1,
      sync_cell_clock: 1,
      sync_outbox: 1,
      audit_history: 1,
      search_doc: 1,
      search_index: 1,
    });

    // Every synced column of a new row carries the insert's clock, stored once as "*".
    const clocks = clocksOf(db, id);
    expect(Object.keys(clocks)).toEqual([ALL_COLUMNS]);
    const hlc = clocks[ALL_COLUMNS]!;
    for (const column of CONTACT_SYNCED_COLUMNS) expect(clockOf(clocks, column)).toBe(hlc);
    expect(decodeHlc(hlc).node).toBe(db.nodeId);

    // The outbox entry names every field of the row; the push reads their values and clocks.
    const [out] = outbox(db, id);
    expect(out!.hlc).toBe(hlc);
    expect(out!.changes).toEqual({ [ALL_COLUMNS]: true });

    // The audit records the creation; a field's first value shows as the "old" side of its first change.
    const [entry] = audit(db, id);
    expect(entry).toMatchObject({ op: 'insert', origin: 'test', by: 'member-1', changes: {} });

    expect(searchTitles(db, 'jose')).toEqual(['José García']);
    // The last HLC is kept in the book, so a reopened book never stamps below it.
    expect(db.sqlite.prepare("SELECT value FROM sync_state WHERE key = 'hlc'").pluck().get()).toBe(db.clock.current());
  });
});

describe('mutation layer: update', () => {
  it('stamps and records only the fields that changed', () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const id = newId();
    mutate(db, {
      table: 'contacts',
      op: 'insert',
      id,
      values: { firstName: 'Ana', lastName: 'López', jobTitle: 'CEO' },
    });
    const before = clocksOf(db, id);

    mutate(db, {
      table: 'contacts',
      op: 'update',
      id,
      values: { firstName: 'Anabel', lastName: 'López', jobTitle: 'CEO' },
    });

    const after = clocksOf(db, id);
    const restamped = CONTACT_SYNCED_COLUMNS.filter((c) => clockOf(after, c) !== clockOf(before, c));
    expect(restamped.sort()).toEqual(['first_name', 'updated_at', 'updated_by']);
    expect(clockOf(after, 'first_name') > clockOf(before, 'first_name')).toBe(true);

    const updates = outbox(db, id);
    expect(updates).toHaveLength(2);
    expect(Object.keys(updates[1]!.changes).sort()).toEqual(['first_name', 'updated_at', 'updated_by']);
    expect(updates[1]!.changes.first_name).toBe('Anabel');
    expect(updates[1]!.hlc).toBe(clockOf(after, 'first_name'));

    const history = audit(db, id);
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ op: 'update', changes: { firstName: ['Ana', 'Anabel'] } });
    expect(Object.keys(history[1]!.changes)).toEqual(['firstName']);

    // Derived local fields follow, the search index is rewritten (one doc, new title).
    expect(readRow(db, 'contacts', id)).toMatchObject({ firstName: 'Anabel', nameSort: 'lopez anabel' });
    expect(countRows(db, 'search_doc')).toBe(1);
    expect(searchTitles(db, 'anabel')).toEqual(['Anabel López']);
    expect(searchTitles(db, '"ana"')).toEqual([]);
  });

  it('stamps each custom value that changed or went on its own, so sync merges them per key', () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const id = newId();
    mutate(db, {
      table: 'contacts',
      op: 'insert',
      id,
      values: { firstName: 'Ana', custom: { a: 1, b: 'x', c: true } },
    });
    const before = clocksOf(db, id);

    mutate(db, { table: 'contacts', op: 'update', id, values: { custom: { a: 1, b: 'y', d: 4 } } });

    const after = clocksOf(db, id);
    const customStamps = Object.keys(after).filter((k) => k.startsWith('custom.'));
    expect(customStamps.sort()).toEqual(['custom.b', 'custom.c', 'custom.d']);
    for (const key of customStamps) expect(after[key]).toBe(after.custom);
    expect(after.custom! > clockOf(before, 'custom')).toBe(true);
  });

  it('writes nothing at all for an update that changes nothing', () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const id = newId();
    mutate(db, { table: 'contacts', op: 'insert', id, values: { firstName: 'Ana', emails: [{ value: 'a@b.co' }] } });
    const rowBefore = readRow(db, 'contacts', id);
    const clocksBefore = clocksOf(db, id);
    const countsBefore = counts(db);
    const seen = collectChanges(db);

    mutate(db, { table: 'contacts', op: 'update', id, values: { firstName: 'Ana', emails: [{ value: 'a@b.co' }] } });
    mutate(db, { table: 'contacts', op: 'update', id, values: {} });

    expect(counts(db)).toEqual(countsBefore);
    expect(clocksOf(db, id)).toEqual(clocksBefore);
    expect(readRow(db, 'contacts', id)).toEqual(rowBefore);
    expect(seen).toEqual([]);
  });

  it('refuses to update a record that does not exist', () => {
    const db = tempDb();
    expect(() => mutate(db, { table: 'contacts', op: 'update', id: newId(), values: { firstName: 'X' } })).toThrow(
      CrmError,
    );
  });
});

describe('mutation layer: delete and restore', () => {
  it('takes a deleted record out of search and puts it back on restore', () => {
    const db = tempDb();
    const id = newId();
    mutate(db, { table: 'contacts', op: 'insert', id, values: { firstName: 'Marta', lastName: 'Ruiz' } });
    expect(searchTitles(db, 'marta')).toEqual(['Marta Ruiz']);

    mutate(db, { table: 'contacts', op: 'delete', id });
    expect(readRow(db, 'contacts', id)).toMatchObject({ deleted: true, firstName: 'Marta' });
    expect(searchTitles(db, 'marta')).toEqual([]);
    expect(countRows(db, 'search_doc')).toBe(0);
    expect(audit(db, id).map((a) => a.op)).toEqual(['insert', 'delete']);
    expect(Object.keys(outbox(db, id)[1]!.changes).sort()).toEqual(['deleted', 'updated_at', 'updated_by']);

    mutate(db, { table: 'contacts', op: 'restore', id });
    expect(readRow(db, 'contacts', id)).toMatchObject({ deleted: false });
    expect(searchTitles(db, 'marta')).toEqual(['Marta Ruiz']);
    expect(audit(db, id).map((a) => a.op)).toEqual(['insert', 'delete', 'restore']);
  });
});

describe('mutation layer: events and transactions', () => {
  it('emits one changes event per entity and op, after the commit', () => {
    const db = tempDb();
    const seen = collectChanges(db);
    const a = newId();
    const b = newId();
    let seenInside = -1;
    write(db, () => {
      mutate(db, { table: 'contacts', op: 'insert', id: a, values: { firstName: 'A' } });
      mutate(db, { table: 'contacts', op: 'insert', id: b, values: { firstName: 'B' } });
      seenInside = seen.length;
    });
    expect(seenInside).toBe(0);
    expect(seen).toEqual([{ entity: 'contacts', op: 'insert', ids: [a, b] }]);

    mutate(db, { table: 'contacts', op: 'update', id: a, values: { firstName: 'A2' } });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({ entity: 'contacts', op: 'update', ids: [a] });
  });

  it('emits nothing and keeps nothing when the transaction rolls back', () => {
    const db = tempDb();
    const seen = collectChanges(db);
    const before = counts(db);
    expect(() =>
      write(db, () => {
        mutate(db, { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'Ghost' } });
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(seen).toEqual([]);
    expect(counts(db)).toEqual(before);

    // The next write announces only itself.
    const id = newId();
    mutate(db, { table: 'contacts', op: 'insert', id, values: { firstName: 'Real' } });
    expect(seen).toEqual([{ entity: 'contacts', op: 'insert', ids: [id] }]);
  });

  it('does not announce a nested write that rolled back while the outer one committed', () => {
    const db = tempDb();
    const seen = collectChanges(db);
    const kept = newId();
    const ghost = newId();
    write(db, () => {
      mutate(db, { table: 'contacts', op: 'insert', id: kept, values: { firstName: 'Kept' } });
      try {
        write(db, () => {
          mutate(db, { table: 'contacts', op: 'insert', id: ghost, values: { firstName: 'Ghost' } });
          throw new Error('skip this one');
        });
      } catch {
        // an import skipping a bad row, say
      }
    });
    expect(readRow(db, 'contacts', kept)).toBeDefined();
    expect(readRow(db, 'contacts', ghost)).toBeUndefined();
    expect(seen).toEqual([{ entity: 'contacts', op: 'insert', ids: [kept] }]);
  });

  it('writeAll commits its nested writes together and announces them once, after the commit', () => {
    const db = tempDb();
    const seen = collectChanges(db);
    const ids = [newId(), newId(), newId()];
    let seenInside = -1;
    writeAll(db, () => {
      for (const id of ids)
        write(db, () => mutate(db, { table: 'contacts', op: 'insert', id, values: { firstName: 'Bulk' } }));
      seenInside = seen.length;
    });
    expect(seenInside).toBe(0);
    expect(ids.map((id) => readRow(db, 'contacts', id)?.firstName)).toEqual(['Bulk', 'Bulk', 'Bulk']);
    expect(seen).toEqual([{ entity: 'contacts', op: 'insert', ids }]);
  });

  it('writeAll leaves the book as it was when a nested write fails, even if a caller caught it', () => {
    const db = tempDb();
    const existing = newId();
    mutate(db, { table: 'contacts', op: 'insert', id: existing, values: { firstName: 'Before' } });
    const before = counts(db);
    const seen = collectChanges(db);
    expect(() =>
      writeAll(db, () => {
        mutate(db, { table: 'contacts', op: 'update', id: existing, values: { firstName: 'Changed' } });
        try {
          write(db, () => {
            mutate(db, { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'Half' } });
            throw new Error('bad row');
          });
        } catch {
          // caught inside: without a savepoint its half-written rows cannot be kept apart
        }
        mutate(db, { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'After' } });
      }),
    ).toThrow('bad row');
    expect(counts(db)).toEqual(before);
    expect(readRow(db, 'contacts', existing)?.firstName).toBe('Before');
    expect(seen).toEqual([]);
    // The book takes writes again afterwards.
    mutate(db, { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'Next' } });
    expect(countRows(db, 'contacts')).toBe(before.contacts! + 1);
  });

  it('writeInSteps rolls the whole write back when a step caught the failure of one of its writes', async () => {
    const db = tempDb();
    const before = counts(db);
    const seen = collectChanges(db);
    const steps = [
      () => void mutate(db, { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'First' } }),
      () => {
        try {
          mutate(db, [
            { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'Half' } },
            { table: 'contacts', op: 'update', id: newId(), values: { firstName: 'Missing' } },
          ]);
        } catch {
          // a step skipping its bad batch would otherwise commit the half of it already written
        }
      },
    ];
    await expect(writeInSteps(db, steps, { cancelled: () => new Error('cancelled') })).rejects.toThrow();
    expect(counts(db)).toEqual(before);
    expect(seen).toEqual([]);
  });

  it('rolls back every row of a batch when one mutation fails', () => {
    const db = tempDb();
    const existing = newId();
    mutate(db, { table: 'contacts', op: 'insert', id: existing, values: { firstName: 'Before' } });
    const before = counts(db);
    const seen = collectChanges(db);

    expect(() =>
      mutate(db, [
        { table: 'contacts', op: 'insert', id: newId(), values: { firstName: 'One' } },
        { table: 'contacts', op: 'update', id: existing, values: { firstName: 'Changed' } },
        { table: 'contacts', op: 'update', id: newId(), values: { firstName: 'Nobody' } },
      ]),
    ).toThrow(CrmError);

    expect(counts(db)).toEqual(before);
    expect(readRow(db, 'contacts', existing)).toMatchObject({ firstName: 'Before' });
    expect(seen).toEqual([]);
    // The guard is back in force after the failed write.
    expect(() => db.sqlite.prepare('DELETE FROM contacts').run()).toThrow();
    expect(db.writePermit).toBe(0);
  });

  it('keeps stamping after the last stored HLC when a book is reopened with a clock set back', () => {
    const path = join(tempDir(), 'crm.sqlite');
    const first = openDatabase({ path, create: true, now: () => 5_000_000 });
    const id = newId();
    mutate(first, { table: 'contacts', op: 'insert', id, values: { firstName: 'Early' } });
    const stamped = first.clock.current();
    first.close();

    const reopened = track(openDatabase({ path, now: () => 1_000 }));
    mutate(reopened, { table: 'contacts', op: 'update', id, values: { firstName: 'Later' } });
    expect(clocksOf(reopened, id).first_name! > stamped).toBe(true);
  });
});
