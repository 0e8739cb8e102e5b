import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../../src/shared/sync/hlc';
import {
  canonical,
  editedAfterDelete,
  materialize,
  mergeAll,
  mergeStates,
  type CellState,
  type FieldWrite,
} from '../../../src/shared/sync/merge';

const nodes = ['a1', 'b2', 'c3'];
const fields = ['name', 'email', 'deleted', 'merged_into', 'custom.size', 'custom.tier', '__purge'];

/** Writes drawn from a small space so that cells collide often (the interesting case). */
const writeArb: fc.Arbitrary<FieldWrite> = fc
  .record({
    table: fc.constantFrom('contacts', 'companies'),
    rowId: fc.constantFrom('r1', 'r2'),
    field: fc.constantFrom(...fields),
    value: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y'), fc.boolean()),
    millis: fc.integer({ min: 1, max: 6 }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom(...nodes),
  })
  .map(({ millis, counter, node, ...w }) => ({ ...w, node, hlc: encodeHlc({ millis, counter, node }) }));

const writesArb = fc.array(writeArb, { maxLength: 40 });
const empty: CellState = new Map();

/** A state as comparable text: the materialised rows, the way a replica's tables would show them. */
function view(state: CellState): string {
  return canonical(Object.fromEntries([...materialize(state)].map(([k, r]) => [k, { ...r }])));
}

describe('merge (per-field last writer wins by (hlc, node))', () => {
  it('is commutative: merging replica A into B equals B into A', () => {
    fc.assert(
      fc.property(writesArb, writesArb, (a, b) => {
        const sa = mergeAll(empty, a);
        const sb = mergeAll(empty, b);
        expect(view(mergeStates(sa, sb))).toBe(view(mergeStates(sb, sa)));
      }),
      { numRuns: 500 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(writesArb, writesArb, writesArb, (a, b, c) => {
        const [sa, sb, sc] = [a, b, c].map((w) => mergeAll(empty, w));
        expect(view(mergeStates(mergeStates(sa!, sb!), sc!))).toBe(view(mergeStates(sa!, mergeStates(sb!, sc!))));
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: merging a state or a write again changes nothing', () => {
    fc.assert(
      fc.property(writesArb, (a) => {
        const s = mergeAll(empty, a);
        expect(view(mergeStates(s, s))).toBe(view(s));
        expect(view(mergeAll(s, a))).toBe(view(s));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on delivery order or duplicated deliveries', () => {
    fc.assert(
      fc.property(
        writesArb.chain((ws) =>
          fc.tuple(
            fc.constant(ws),
            // Any order, with some writes delivered two or three times.
            fc.shuffledSubarray(ws, { minLength: ws.length, maxLength: ws.length }),
            fc.array(fc.nat({ max: Math.max(0, ws.length - 1) }), { maxLength: 20 }),
          ),
        ),
        ([ws, shuffled, dupIdx]) => {
          const delivered = [...shuffled, ...dupIdx.filter((i) => i < ws.length).map((i) => ws[i]!)];
          // One write at a time, as pages of a pull arrive.
          let state: CellState = empty;
          for (const w of delivered) state = mergeAll(state, [w]);
          expect(view(state)).toBe(view(mergeAll(empty, ws)));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps different fields edited on two devices, and the later of two edits of one field', () => {
    const w = (field: string, value: unknown, millis: number, node: string): FieldWrite => ({
      table: 'contacts',
      rowId: 'r',
      field,
      value,
      node,
      hlc: encodeHlc({ millis, counter: 0, node }),
    });
    const a = mergeAll(empty, [w('name', 'Ana', 10, 'a'), w('phone', '1', 11, 'a'), w('custom.size', 'L', 12, 'a')]);
    const b = mergeAll(empty, [w('email', 'b@x', 10, 'b'), w('phone', '2', 12, 'b'), w('custom.tier', 'gold', 5, 'b')]);
    const row = [...materialize(mergeStates(a, b)).values()][0]!;
    expect(row.fields).toEqual({ name: 'Ana', email: 'b@x', phone: '2' });
    expect(row.custom).toEqual({ size: 'L', tier: 'gold' });
  });

  it('keeps an edit made after a delete and reports it; a purge erases the row whatever comes later', () => {
    const hlc = (millis: number, node: string) => encodeHlc({ millis, counter: 0, node });
    const base = { table: 'contacts', rowId: 'r' };
    const s = mergeAll(empty, [
      { ...base, field: 'deleted', value: 1, hlc: hlc(5, 'a'), node: 'a' },
      { ...base, field: 'name', value: 'After', hlc: hlc(9, 'b'), node: 'b' },
    ]);
    const row = [...materialize(s).values()][0]!;
    expect(row.fields.name).toBe('After');
    expect(editedAfterDelete(row)).toEqual(['name']);
    const purged = mergeAll(s, [
      { ...base, field: '__purge', value: 1, hlc: hlc(6, 'a'), node: 'a' },
      { ...base, field: 'email', value: 'late@x', hlc: hlc(20, 'b'), node: 'b' },
    ]);
    expect([...materialize(purged).values()][0]).toMatchObject({ purged: true, fields: {} });
  });
});
