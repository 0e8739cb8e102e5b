import { describe, expect, it } from 'vitest';
import { parseBootstrapRows } from '../../src/shared/sync/protocol';

// A bootstrap page from a broken or hostile server must be refused whole, never half applied.
describe('parseBootstrapRows', () => {
  const good = '000001767225600:0000:node-a';
  it('accepts well-formed rows whose cells share or differ in stamps', () => {
    const rows = [
      ['contacts', 'c1', { firstName: ['Ana', good], lastName: ['Ruiz', good] }],
      ['contacts', 'c2', { firstName: ['Luis', '000001767225601:0001:node-b'], lastName: ['Gil', good] }],
    ];
    expect(parseBootstrapRows(rows)).toBe(rows);
  });

  it('accepts rows stamped once (protocol 2) beside rows stamped per cell', () => {
    const rows = [
      ['contacts', 'c1', { firstName: 'Ana', emails: '[]', custom: { tier: 'gold' }, owner: null }, good],
      ['contacts', 'c2', { firstName: ['Luis', '000001767225601:0001:node-b'], lastName: ['Gil', good] }],
    ];
    expect(parseBootstrapRows(rows)).toBe(rows);
  });

  it('refuses a row stamped once whose stamp is malformed or missing', () => {
    expect(parseBootstrapRows([['contacts', 'c1', { firstName: 'Ana' }, '17672256:x']])).toBeNull();
    expect(parseBootstrapRows([['contacts', 'c1', { firstName: 'Ana' }, 5]])).toBeNull();
    expect(parseBootstrapRows([['contacts', 'c1', ['Ana'], good]])).toBeNull();
    expect(parseBootstrapRows([['contacts', 'c1', { firstName: 'Ana' }, good, 'extra']])).toBeNull();
  });

  it('refuses a page where a later cell has a malformed stamp, even after the same-looking good one', () => {
    const rows = [
      ['contacts', 'c1', { firstName: ['Ana', good], lastName: ['Ruiz', good], email: ['a@b.c', '17672256:x'] }],
    ];
    expect(parseBootstrapRows(rows)).toBeNull();
    expect(
      parseBootstrapRows([
        ['contacts', 'c1', { firstName: ['Ana', good] }],
        ['contacts', 'c2', { x: ['1', 5] }],
      ]),
    ).toBeNull();
    expect(parseBootstrapRows([['contacts', '', { firstName: ['Ana', good] }]])).toBeNull();
    expect(parseBootstrapRows([['contacts', 'c1', { firstName: ['Ana'] }]])).toBeNull();
  });
});
