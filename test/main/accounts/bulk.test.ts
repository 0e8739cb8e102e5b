import { describe, expect, it } from 'vitest';
import { newId } from '../../../src/shared/ids';
import { countRows, tempDb } from '../db/temp-db';
import { call, refuse } from './api';

describe('bulk actions', () => {
  it('set owner and lifecycle stage of many contacts in one transaction', async () => {
    const db = tempDb();
    const owner = await call(db, 'members.create', { name: 'Olga' });
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await call(db, 'contacts.create', { firstName: `P${i}` })).id);
    const res = await call(db, 'contacts.bulkUpdate', {
      ids,
      patch: { ownerId: owner.id, lifecycleStage: 'customer' },
    });
    expect(res.changed).toBe(5);
    const mine = await call(db, 'contacts.count', {
      ownerId: owner.id,
      filter: { op: 'and', conditions: [{ field: 'lifecycleStage', operator: 'in', value: ['customer'] }] },
    });
    expect(mine.count).toBe(5);
  });

  it('refuse the whole action when one id is unknown, changing nothing', async () => {
    const db = tempDb();
    const a = await call(db, 'contacts.create', { firstName: 'Ana' });
    const outboxBefore = countRows(db, 'sync_outbox');
    const error = await refuse(db, 'contacts.bulkDelete', { ids: [a.id, newId()] });
    expect(error.code).toBe('not_found');
    expect(countRows(db, 'sync_outbox')).toBe(outboxBefore);
    expect((await call(db, 'contacts.count', {})).count).toBe(1);
  });

  it('delete to the trash and restore, leaving merged-away records with their survivor', async () => {
    const db = tempDb();
    const a = await call(db, 'contacts.create', { firstName: 'Ana', emails: [{ value: 'ana@x.com' }] });
    const b = await call(db, 'contacts.create', { firstName: 'Ana', emails: [{ value: 'ana@x.com' }] });
    const c = await call(db, 'contacts.create', { firstName: 'Carla' });
    await call(db, 'duplicates.merge', { entity: 'contacts', survivorId: a.id, mergedIds: [b.id] });
    expect((await call(db, 'contacts.bulkDelete', { ids: [a.id, c.id] })).changed).toBe(2);
    expect((await call(db, 'contacts.count', {})).count).toBe(0);
    expect((await call(db, 'contacts.bulkRestore', { ids: [a.id, b.id, c.id] })).changed).toBe(2);
    expect((await call(db, 'contacts.count', {})).count).toBe(2);
    expect((await call(db, 'contacts.get', { id: b.id })).id).toBe(a.id);
  });

  it('need something to change', async () => {
    const db = tempDb();
    const a = await call(db, 'companies.create', { name: 'Acme' });
    const error = await refuse(db, 'companies.bulkUpdate', { ids: [a.id], patch: {} });
    expect(error.code).toBe('invalid_input');
  });
});
