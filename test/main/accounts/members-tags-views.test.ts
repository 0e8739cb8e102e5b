import { describe, expect, it } from 'vitest';
import { manualClock, tempDb } from '../db/temp-db';
import { call, expectNothingWritten, refuse } from './api';

describe('members and teams', () => {
  it('the first member owns the workspace; later ones are members unless told', async () => {
    const db = tempDb();
    expect(await call(db, 'members.current', {})).toEqual({ member: null });
    const first = await call(db, 'members.create', { name: 'Ana Owner', email: ' Ana@Example.com ' });
    const second = await call(db, 'members.create', { name: 'Bob Seller' });
    const admin = await call(db, 'members.create', { name: 'Cora Admin', role: 'admin' });
    expect(first).toMatchObject({ role: 'owner', email: 'ana@example.com', active: true });
    expect(second.role).toBe('member');
    expect(admin.role).toBe('admin');
    expect((await call(db, 'members.list', {})).items.map((m) => m.name)).toEqual([
      'Ana Owner',
      'Bob Seller',
      'Cora Admin',
    ]);

    await call(db, 'members.update', { id: second.id, active: false });
    expect((await call(db, 'members.list', {})).items.map((m) => m.name)).toEqual(['Ana Owner', 'Cora Admin']);
    expect((await call(db, 'members.list', { includeInactive: true })).items).toHaveLength(3);
  });

  it('the member chosen on this device is recorded on what they create and change', async () => {
    const db = tempDb();
    const ana = await call(db, 'members.create', { name: 'Ana' });
    const bob = await call(db, 'members.create', { name: 'Bob' });
    const before = await call(db, 'contacts.create', { firstName: 'Made before' });
    expect(before.createdBy).toBeNull();

    expect((await call(db, 'members.setCurrent', { id: ana.id })).member.id).toBe(ana.id);
    expect((await call(db, 'members.current', {})).member?.name).toBe('Ana');
    const c = await call(db, 'contacts.create', { firstName: 'Lola' });
    expect((await call(db, 'contacts.get', { id: c.id })).createdBy).toBe(ana.id);

    await call(db, 'members.setCurrent', { id: bob.id });
    await call(db, 'contacts.update', { id: c.id, jobTitle: 'CEO' });
    expect(await call(db, 'contacts.get', { id: c.id })).toMatchObject({ createdBy: ana.id, updatedBy: bob.id });
    const change = db.sqlite
      .prepare("SELECT by FROM audit_history WHERE entity_id = ? AND op = 'update'")
      .pluck()
      .get(c.id);
    expect(change).toBe(bob.id);
  });

  it('choosing an unknown member is refused', async () => {
    const db = tempDb();
    const error = await refuse(db, 'members.setCurrent', { id: '01900000-0000-7000-8000-000000000000' });
    expect(error.code).toBe('not_found');
    expect(await call(db, 'members.current', {})).toEqual({ member: null });
  });

  it('teams have a manager and a region; deleting a team leaves its members without a team', async () => {
    const db = tempDb();
    const boss = await call(db, 'members.create', { name: 'Boss' });
    const team = await call(db, 'teams.create', { name: 'Iberia', managerId: boss.id, region: 'Madrid office' });
    expect(team).toMatchObject({ name: 'Iberia', managerId: boss.id, region: 'Madrid office' });
    const x = await call(db, 'members.create', { name: 'Xavi', teamId: team.id });
    const y = await call(db, 'members.create', { name: 'Yolanda', teamId: team.id });
    await call(db, 'members.update', { id: boss.id, teamId: team.id });
    expect((await call(db, 'members.list', {})).items.every((m) => m.teamId === team.id)).toBe(true);

    const missingManager = await refuse(db, 'teams.create', {
      name: 'Ghosts',
      managerId: '01900000-0000-7000-8000-000000000000',
    });
    expect(missingManager.issues?.[0]?.path).toEqual(['managerId']);

    expect((await call(db, 'teams.delete', { id: team.id })).deleted).toBe(true);
    expect((await call(db, 'teams.list', {})).items).toEqual([]);
    const members = (await call(db, 'members.list', {})).items;
    expect(members.map((m) => [m.name, m.teamId])).toEqual([
      ['Boss', null],
      ['Xavi', null],
      ['Yolanda', null],
    ]);
    expect(members.map((m) => m.id).sort()).toEqual([boss.id, x.id, y.id].sort());
    const joinDeleted = await refuse(db, 'members.update', { id: x.id, teamId: team.id });
    expect(joinDeleted.issues?.[0]?.path).toEqual(['teamId']);
  });
});

describe('tags', () => {
  it('creating "vip" when "VIP" exists returns the same tag', async () => {
    const db = tempDb();
    const vip = await call(db, 'tags.create', { name: 'VIP', color: '#ff0000' });
    await expectNothingWritten(db, ['tags', 'sync_outbox'], async () => {
      expect((await call(db, 'tags.create', { name: 'vip' })).id).toBe(vip.id);
      expect((await call(db, 'tags.create', { name: ' Víp ' })).id).toBe(vip.id);
    });
    expect((await call(db, 'tags.list', {})).items.map((t) => t.name)).toEqual(['VIP']);
  });

  it('tags several contacts at once, removes one, and shows the tags of a record', async () => {
    const db = tempDb();
    const [a, b, c] = [
      await call(db, 'contacts.create', { firstName: 'A' }),
      await call(db, 'contacts.create', { firstName: 'B' }),
      await call(db, 'contacts.create', { firstName: 'C' }),
    ];
    const vip = await call(db, 'tags.create', { name: 'VIP' });
    const beta = await call(db, 'tags.create', { name: 'Beta tester' });
    expect(await call(db, 'tags.apply', { tagId: vip.id, entity: 'contacts', ids: [a.id, b.id, c.id] })).toEqual({
      changed: 3,
    });
    // Already tagged records are left alone.
    expect(await call(db, 'tags.apply', { tagId: vip.id, entity: 'contacts', ids: [a.id, b.id] })).toEqual({
      changed: 0,
    });
    await call(db, 'tags.apply', { tagId: beta.id, entity: 'contacts', ids: [a.id] });

    expect(await call(db, 'tags.remove', { tagId: vip.id, entity: 'contacts', ids: [b.id] })).toEqual({ changed: 1 });
    expect((await call(db, 'tags.of', { entity: 'contacts', id: a.id })).items.map((t) => t.name)).toEqual([
      'Beta tester',
      'VIP',
    ]);
    expect((await call(db, 'tags.of', { entity: 'contacts', id: b.id })).items).toEqual([]);
    expect((await call(db, 'tags.of', { entity: 'contacts', id: c.id })).items.map((t) => t.name)).toEqual(['VIP']);
    expect((await call(db, 'contacts.list', { tagId: vip.id })).items.map((x) => x.firstName)).toEqual(['A', 'C']);

    // Tagging again after removal brings the tag back.
    expect(await call(db, 'tags.apply', { tagId: vip.id, entity: 'contacts', ids: [b.id] })).toEqual({ changed: 1 });
    expect((await call(db, 'tags.of', { entity: 'contacts', id: b.id })).items.map((t) => t.name)).toEqual(['VIP']);

    // Renaming a tag changes it everywhere; deleting it hides it from records.
    await call(db, 'tags.update', { id: vip.id, name: 'Key account' });
    expect((await call(db, 'tags.of', { entity: 'contacts', id: c.id })).items.map((t) => t.name)).toEqual([
      'Key account',
    ]);
    await call(db, 'tags.delete', { id: vip.id });
    expect((await call(db, 'tags.of', { entity: 'contacts', id: c.id })).items).toEqual([]);
  });

  it('bulk tagging is all or nothing: one unknown id tags nobody', async () => {
    const db = tempDb();
    const a = await call(db, 'contacts.create', { firstName: 'A' });
    const vip = await call(db, 'tags.create', { name: 'VIP' });
    await expectNothingWritten(db, ['taggings', 'sync_outbox'], async () => {
      const error = await refuse(db, 'tags.apply', {
        tagId: vip.id,
        entity: 'contacts',
        ids: [a.id, '01900000-0000-7000-8000-000000000000'],
      });
      expect(error.code).toBe('not_found');
    });
  });
});

describe('saved views and recently viewed', () => {
  it("a personal view is only its owner's; a shared one is everyone's; others may not change a personal view", async () => {
    const db = tempDb();
    const ana = await call(db, 'members.create', { name: 'Ana' });
    const bob = await call(db, 'members.create', { name: 'Bob' });
    await call(db, 'members.setCurrent', { id: ana.id });
    const config = {
      filter: {
        op: 'and' as const,
        conditions: [{ field: 'lifecycleStage', operator: 'in' as const, value: ['lead'] }],
      },
      sort: [{ field: 'name', direction: 'asc' as const }],
      columns: [{ field: 'name', width: 240 }, { field: 'jobTitle' }],
    };
    const mine = await call(db, 'views.create', { entity: 'contacts', name: 'My leads', config });
    const shared = await call(db, 'views.create', { entity: 'contacts', name: 'All leads', shared: true, config });
    expect(mine).toMatchObject({ ownerId: ana.id, shared: false, config });
    expect((await call(db, 'views.list', { entity: 'contacts' })).items.map((v) => v.name)).toEqual([
      'My leads',
      'All leads',
    ]);
    expect((await call(db, 'views.list', { entity: 'companies' })).items).toEqual([]);

    await call(db, 'members.setCurrent', { id: bob.id });
    expect((await call(db, 'views.list', { entity: 'contacts' })).items.map((v) => v.id)).toEqual([shared.id]);
    await expectNothingWritten(db, ['sync_outbox', 'audit_history'], async () => {
      const update = await refuse(db, 'views.update', { id: mine.id, name: 'Hijacked' }, 'es');
      expect(update).toMatchObject({ code: 'forbidden', message: 'No tienes permiso para hacer esto.' });
      expect((await refuse(db, 'views.delete', { id: mine.id })).code).toBe('forbidden');
    });

    await call(db, 'members.setCurrent', { id: ana.id });
    const renamed = await call(db, 'views.update', { id: mine.id, name: 'My hot leads' });
    expect(renamed.name).toBe('My hot leads');
    await call(db, 'views.delete', { id: mine.id });
    expect((await call(db, 'views.list', { entity: 'contacts' })).items.map((v) => v.id)).toEqual([shared.id]);
  });

  it('a saved view refuses a config it could not replay', async () => {
    const db = tempDb();
    const error = await refuse(db, 'views.create', {
      entity: 'contacts',
      name: 'Broken',
      config: { columns: [{ field: 'name', width: 5 }] },
    });
    expect(error.issues?.[0]?.path).toEqual(['config', 'columns', 0, 'width']);
  });

  it('recently viewed lists the newest first; opening again moves a record to the top', async () => {
    const clock = manualClock(1_750_000_000_000, 1000);
    const db = tempDb({ now: clock.now });
    const ids = [];
    for (const firstName of ['A', 'B', 'C']) ids.push((await call(db, 'contacts.create', { firstName })).id);
    const [a, b, c] = ids as [string, string, string];
    for (const id of [a, b, c]) await call(db, 'recent.add', { entity: 'contacts', id });
    expect((await call(db, 'recent.list', { entity: 'contacts' })).ids).toEqual([c, b, a]);
    await call(db, 'recent.add', { entity: 'contacts', id: a });
    expect((await call(db, 'recent.list', { entity: 'contacts' })).ids).toEqual([a, c, b]);
    expect((await call(db, 'recent.list', { entity: 'contacts', limit: 2 })).ids).toEqual([a, c]);
    expect((await call(db, 'recent.list', { entity: 'companies' })).ids).toEqual([]);
    // The quick filter "recently viewed" is a list by those ids.
    const listed = await call(db, 'contacts.list', { ids: [a, c] });
    expect(listed.items.map((x) => x.firstName).sort()).toEqual(['A', 'C']);
  });
});
