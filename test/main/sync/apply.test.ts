import { describe, expect, it } from 'vitest';
import { mutate, readRow } from '../../../src/main/db/mutation';
import type { CrmDb } from '../../../src/main/db/open';
import type {
  BootstrapCell,
  BootstrapCellsRow,
  BootstrapRow,
  BootstrapStampedRow,
} from '../../../src/shared/sync/protocol';
import { applyRemote, applyRows, replayParked } from '../../../src/main/sync/apply';
import { cellsOfRow, readOutbox, trimOutbox } from '../../../src/main/sync/outbox';
import { countRows, manualClock, tempDb } from '../db/temp-db';

/** Sends everything `from` has not sent yet straight to `to` (no server: the merge and apply alone). */
function ship(from: CrmDb, to: CrmDb) {
  const batch = readOutbox(from);
  const result = applyRemote(to, batch.changes);
  trimOutbox(from, batch.lastSeq);
  return result;
}

function search(db: CrmDb, term: string): string[] {
  return db.sqlite
    .prepare(
      'SELECT d.entity_id FROM search_index JOIN search_doc d ON d.doc_id = search_index.rowid WHERE search_index MATCH ?',
    )
    .pluck()
    .all(term) as string[];
}

function pair() {
  const clockA = manualClock(1_750_000_000_000);
  const clockB = manualClock(1_750_000_000_000);
  return { a: tempDb({ now: clockA.now }), b: tempDb({ now: clockB.now }) };
}

describe('remote apply', () => {
  it('copies a record with its clocks and index, without adding to the outbox', () => {
    const { a, b } = pair();
    mutate(a, {
      table: 'contacts',
      op: 'insert',
      id: 'c1',
      values: { firstName: 'José', lastName: 'García', custom: { tier: 'gold' } },
    });
    const result = ship(a, b);
    expect(result.rows).toBe(1);
    expect(readRow(b, 'contacts', 'c1')).toEqual(readRow(a, 'contacts', 'c1'));
    expect(countRows(b, 'sync_outbox')).toBe(0);
    expect(search(b, 'jose')).toEqual(['c1']);
    expect(b.sqlite.prepare("SELECT origin FROM audit_history WHERE entity_id = 'c1'").pluck().get()).toBe('sync');
  });

  it('keeps both edits of different fields and the later edit of one field, whatever the order', () => {
    const { a, b } = pair();
    mutate(a, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana', custom: { size: 'S' } } });
    ship(a, b);
    mutate(a, {
      table: 'contacts',
      op: 'update',
      id: 'c1',
      values: { jobTitle: 'CEO', lastName: 'A-side', custom: { size: 'M' } },
    });
    mutate(b, {
      table: 'contacts',
      op: 'update',
      id: 'c1',
      values: { department: 'Sales', lastName: 'B-side', custom: { size: 'S', tier: 'gold' } },
    });
    // B's edit of lastName is the later one (both clocks advanced the same; b ticks after a here).
    const fromA = readOutbox(a);
    const fromB = readOutbox(b);
    applyRemote(b, fromA.changes);
    applyRemote(a, fromB.changes);
    applyRemote(a, fromB.changes); // delivered twice
    const ra = readRow(a, 'contacts', 'c1')!;
    const rb = readRow(b, 'contacts', 'c1')!;
    expect(ra).toEqual(rb);
    expect(ra).toMatchObject({ jobTitle: 'CEO', department: 'Sales' });
    expect(ra.custom).toEqual({ size: 'M', tier: 'gold' });
  });

  it('does not overwrite a newer local value with an older remote one', () => {
    const { a, b } = pair();
    mutate(a, { table: 'companies', op: 'insert', id: 'k1', values: { name: 'Old' } });
    const old = readOutbox(a);
    ship(a, b);
    mutate(b, { table: 'companies', op: 'update', id: 'k1', values: { name: 'New' } });
    applyRemote(b, old.changes);
    expect(readRow(b, 'companies', 'k1')!.name).toBe('New');
  });

  it('parks writes for unknown columns and tables, and replays them once known', () => {
    const { a, b } = pair();
    mutate(a, { table: 'companies', op: 'insert', id: 'k1', values: { name: 'Acme' } });
    ship(a, b);
    const hlc = b.clock.tick().replace(/:[^:]*$/, ':zz');
    const result = applyRemote(b, [
      { table: 'companies', rowId: 'k1', field: 'future_column', value: 1, hlc, node: 'zz' },
      { table: 'future_table', rowId: 'x', field: 'name', value: 'n', hlc, node: 'zz' },
    ]);
    expect(result.parked).toBe(2);
    expect(countRows(b, 'sync_parked')).toBe(2);
    expect(replayParked(b)).toBe(0); // still unknown in this version
    b.sqlite.prepare("UPDATE sync_parked SET field = 'description' WHERE field = 'future_column'").run();
    b.sqlite.prepare("UPDATE sync_parked SET value = '\"upgraded\"' WHERE field = 'description'").run();
    expect(replayParked(b)).toBe(1);
    expect(readRow(b, 'companies', 'k1')!.description).toBe('upgraded');
    expect(countRows(b, 'sync_parked')).toBe(1);
  });

  it('erases a purged record and lists an edit made after a delete', () => {
    const { a, b } = pair();
    mutate(a, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana' } });
    mutate(a, { table: 'contacts', op: 'insert', id: 'c2', values: { firstName: 'Bea' } });
    ship(a, b);
    mutate(a, { table: 'contacts', op: 'delete', id: 'c1' });
    ship(a, b);
    mutate(b, { table: 'contacts', op: 'update', id: 'c1', values: { jobTitle: 'Kept' } });
    ship(b, a);
    expect(readRow(a, 'contacts', 'c1')).toMatchObject({ deleted: true, jobTitle: 'Kept' });
    expect(countRows(a, 'sync_conflicts')).toBe(1);
    mutate(a, { table: 'contacts', op: 'delete', id: 'c2' });
    mutate(a, { table: 'contacts', op: 'purge', id: 'c2' });
    ship(a, b);
    expect(readRow(b, 'contacts', 'c2')).toBeUndefined();
    expect(search(b, 'bea')).toEqual([]);
  });
});

describe('bootstrap rows', () => {
  /** The cells `from` holds, grouped by row as GET /v1/bootstrap sends them. */
  function rowsOf(from: CrmDb): BootstrapCellsRow[] {
    const keys = from.sqlite
      .prepare('SELECT table_name AS t, row_id AS r FROM sync_cell_clock ORDER BY 1, 2')
      .all() as { t: string; r: string }[];
    return keys.map(({ t, r }) => [
      t,
      r,
      Object.fromEntries(cellsOfRow(from, t, r).map((c) => [c.field, [c.value, c.hlc] as BootstrapCell])),
    ]);
  }
  /** The same rows as a server of protocol 2 sends them with `stamps=row`: stamped once where every cell shares a stamp. */
  function stampedOnce(rows: BootstrapCellsRow[]): BootstrapRow[] {
    return rows.map((row): BootstrapRow => {
      const [table, rowId, cells] = row;
      const stamps = new Set(Object.values(cells).map(([, hlc]) => hlc));
      if (stamps.size !== 1) return row;
      const values = Object.fromEntries(Object.entries(cells).map(([field, [value]]) => [field, value]));
      return [table, rowId, values, [...stamps][0]!] satisfies BootstrapStampedRow;
    });
  }
  const state = (db: CrmDb) => ({
    contacts: db.sqlite.prepare('SELECT * FROM contacts ORDER BY id').all(),
    companies: db.sqlite.prepare('SELECT * FROM companies ORDER BY id').all(),
    clocks: db.sqlite.prepare('SELECT * FROM sync_cell_clock ORDER BY table_name, row_id').all(),
    audit: db.sqlite
      .prepare('SELECT entity, entity_id, op, changes, by, hlc, origin FROM audit_history ORDER BY rowid')
      .all(),
    conflicts: db.sqlite.prepare('SELECT kind, table_name, row_id, field FROM sync_conflicts ORDER BY id').all(),
    parked: countRows(db, 'sync_parked'),
    outbox: countRows(db, 'sync_outbox'),
  });

  it('gives a new device the same rows, clocks, index, audit and review list as field-by-field apply', () => {
    const { a, b } = pair();
    const c = tempDb({ now: manualClock(1_750_000_000_000).now });
    mutate(a, [
      { table: 'companies', op: 'insert', id: 'k1', values: { name: 'Acme Ibérica', industry: 'Retail' } },
      {
        table: 'contacts',
        op: 'insert',
        id: 'c1',
        values: { firstName: 'José', lastName: 'García', custom: { tier: 'gold' } },
      },
      { table: 'contacts', op: 'insert', id: 'c2', values: { firstName: 'Ana', jobTitle: 'CEO' } },
      { table: 'contacts', op: 'insert', id: 'c3', values: { firstName: 'Luis' } },
      { table: 'contacts', op: 'insert', id: 'c4', values: { firstName: 'Eva' } },
    ]);
    // Stamps that differ per field, a custom key added later, a deleted row edited after its delete, a purge.
    mutate(a, { table: 'contacts', op: 'update', id: 'c2', values: { lastName: 'López', custom: { size: 'M' } } });
    mutate(a, { table: 'contacts', op: 'delete', id: 'c3' });
    mutate(a, { table: 'contacts', op: 'update', id: 'c3', values: { jobTitle: 'Back' } });
    mutate(a, { table: 'contacts', op: 'delete', id: 'c4' });
    mutate(a, { table: 'contacts', op: 'purge', id: 'c4' });
    const rows = rowsOf(a);
    // A field this version does not know is parked, as a pull would.
    rows.find(([, id]) => id === 'c1')![2].shoe_size = [44, rows[0]![2].name![1]];
    const writes = rows.flatMap(([table, rowId, cells]) =>
      Object.entries(cells).map(([field, [value, hlc]]) => ({
        table,
        rowId,
        field,
        value,
        hlc,
        node: hlc.split(':').slice(2).join(':'),
      })),
    );
    const byField = applyRemote(b, writes);
    const byRow = applyRows(c, rows);
    expect(byRow).toEqual(byField);
    expect(state(c)).toEqual(state(b));
    expect(byRow).toMatchObject({ rows: 4, parked: 1 });
    expect(search(c, 'jose')).toEqual(['c1']);
    expect(search(c, 'iberica')).toEqual(['k1']);
    expect(search(c, 'luis')).toEqual([]);
    expect(readRow(c, 'contacts', 'c2')).toEqual(readRow(a, 'contacts', 'c2'));
    expect(readRow(c, 'contacts', 'c4')).toBeUndefined();
    expect(state(c).conflicts).toEqual([
      { kind: 'edited_after_delete', table_name: 'contacts', row_id: 'c3', field: 'job_title' },
    ]);

    // The same page with rows stamped once where they can be: the same book.
    const stamped = stampedOnce(rows);
    expect(stamped.filter((row) => row.length === 4).map(([, id]) => id)).toEqual(['k1', 'c4']);
    const d = tempDb({ now: manualClock(1_750_000_000_000).now });
    expect(applyRows(d, stamped)).toEqual(byRow);
    expect(state(d)).toEqual(state(c));
    expect(search(d, 'iberica')).toEqual(['k1']);
  });

  it('merges a row this device already holds field by field', () => {
    const { a, b } = pair();
    mutate(a, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana', jobTitle: 'Old' } });
    ship(a, b);
    mutate(b, { table: 'contacts', op: 'update', id: 'c1', values: { jobTitle: 'Mine, later' } });
    mutate(a, { table: 'contacts', op: 'update', id: 'c1', values: { lastName: 'Ruiz' } });
    applyRows(b, rowsOf(a));
    expect(readRow(b, 'contacts', 'c1')).toMatchObject({ firstName: 'Ana', lastName: 'Ruiz', jobTitle: 'Mine, later' });
    expect(search(b, 'ruiz')).toEqual(['c1']);
  });

  it('merges a row stamped once with what this device holds, field by field', () => {
    const { a, b } = pair();
    mutate(a, { table: 'contacts', op: 'insert', id: 'c1', values: { firstName: 'Ana', jobTitle: 'Old' } });
    ship(a, b);
    mutate(b, { table: 'contacts', op: 'update', id: 'c1', values: { jobTitle: 'Mine, later' } });
    const rows = stampedOnce(rowsOf(a));
    expect(rows[0]).toHaveLength(4);
    applyRows(b, rows);
    // A's insert stamp is older than B's edit: the title stays B's, and nothing else changed.
    expect(readRow(b, 'contacts', 'c1')).toMatchObject({ firstName: 'Ana', jobTitle: 'Mine, later' });
  });
});
