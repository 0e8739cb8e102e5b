import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import type { Contact, ContactCreateInput, FilterGroup, RecordListInput } from '../../../src/shared/contract';
import { LIFECYCLE_STAGES } from '../../../src/shared/domain/contact';
import { manualClock, tempDb } from '../db/temp-db';
import { allPages, call, DAY, refuse } from './api';

const create = (db: CrmDb, input: ContactCreateInput) => call(db, 'contacts.create', input);
const and = (...conditions: FilterGroup['conditions']): FilterGroup => ({ op: 'and', conditions });
const or = (...conditions: FilterGroup['conditions']): FilterGroup => ({ op: 'or', conditions });

async function listAll(db: CrmDb, input: RecordListInput): Promise<Contact[]> {
  return (
    await allPages((cursor) => call(db, 'contacts.list', { ...input, limit: 500, ...(cursor ? { cursor } : {}) }))
  ).flat();
}
const firstNames = async (db: CrmDb, filter: FilterGroup) => (await listAll(db, { filter })).map((c) => c.firstName);

/** A small book where each contact differs in one or two ways. */
async function people(db: CrmDb) {
  await create(db, {
    firstName: 'Ana',
    lastName: 'Ruiz',
    jobTitle: 'Sales Engineer',
    lifecycleStage: 'lead',
    emailOptOut: true,
  });
  await create(db, { firstName: 'Bea', lastName: 'Soto', jobTitle: 'Head of Sales', lifecycleStage: 'customer' });
  await create(db, { firstName: 'Carl', lastName: 'Tena', jobTitle: 'engineer', lifecycleStage: 'customer' });
  await create(db, { firstName: 'Dan', lastName: 'Ugarte', lifecycleStage: 'churned', department: '' });
  await create(db, { firstName: 'Eva', lastName: 'Vidal', jobTitle: 'CFO_Office 100%' });
}

describe('filters: groups', () => {
  it('AND needs every condition, OR any of them, and a nested group combines both', async () => {
    const db = tempDb();
    await people(db);
    const sales = { field: 'jobTitle', operator: 'contains', value: 'sales' } as const;
    const customer = { field: 'lifecycleStage', operator: 'in', value: ['customer'] } as const;
    expect(await firstNames(db, and(sales, customer))).toEqual(['Bea']);
    expect(await firstNames(db, or(sales, customer))).toEqual(['Ana', 'Bea', 'Carl']);
    // customer AND (sales OR engineer) / (opted out) OR (customer AND engineer)
    const engineer = { field: 'jobTitle', operator: 'contains', value: 'engineer' } as const;
    expect(await firstNames(db, and(customer, or(sales, engineer)))).toEqual(['Bea', 'Carl']);
    expect(await firstNames(db, or({ field: 'emailOptOut', operator: 'is_true' }, and(customer, engineer)))).toEqual([
      'Ana',
      'Carl',
    ]);
    // An empty group filters nothing out.
    expect(await firstNames(db, and())).toHaveLength(5);
  });
});

describe('filters: operators per kind', () => {
  it('text: contains, not_contains, starts_with, eq, is_empty, is_not_empty (case-insensitive, wildcards literal)', async () => {
    const db = tempDb();
    await people(db);
    const t = (operator: string, value?: unknown) =>
      firstNames(db, and({ field: 'jobTitle', operator, ...(value !== undefined ? { value } : {}) } as never));
    expect(await t('contains', 'ENGINEER')).toEqual(['Ana', 'Carl']);
    expect(await t('not_contains', 'engineer')).toEqual(['Bea', 'Dan', 'Eva']);
    expect(await t('starts_with', 'head')).toEqual(['Bea']);
    expect(await t('eq', 'Engineer')).toEqual(['Carl']);
    expect(await t('is_empty')).toEqual(['Dan']);
    expect(await t('is_not_empty')).toEqual(['Ana', 'Bea', 'Carl', 'Eva']);
    // % and _ are letters here, not wildcards.
    expect(await t('contains', '100%')).toEqual(['Eva']);
    expect(await t('contains', 'a_e')).toEqual([]);
    expect(await t('contains', '_')).toEqual(['Eva']);
  });

  it('name: contains ignores accents', async () => {
    const db = tempDb();
    await create(db, { firstName: 'José', lastName: 'García' });
    await create(db, { firstName: 'Luis', lastName: 'Gómez' });
    expect(await firstNames(db, and({ field: 'name', operator: 'contains', value: 'GARCIA' }))).toEqual(['José']);
  });

  it('name: starts_with matches the name as shown (first name first)', async () => {
    const db = tempDb();
    await create(db, { firstName: 'José', lastName: 'García' });
    await create(db, { firstName: 'Luis', lastName: 'Gómez' });
    // The list shows "José García"; "Name starts with jos" should find him.
    expect(await firstNames(db, and({ field: 'name', operator: 'starts_with', value: 'jos' }))).toEqual(['José']);
  });

  it('email: eq, starts_with and contains look at the addresses, not at how they are stored', async () => {
    const db = tempDb();
    await create(db, { firstName: 'Ana', emails: [{ value: 'ana@example.com', label: 'work' }] });
    await create(db, { firstName: 'Bea', emails: [{ value: 'bea@other.org' }] });
    await create(db, { firstName: 'Carl' });
    const email = (operator: string, value?: string) =>
      firstNames(db, and({ field: 'email', operator, ...(value !== undefined ? { value } : {}) } as never));
    expect(await email('contains', 'example.com')).toEqual(['Ana']);
    expect(await email('is_empty')).toEqual(['Carl']);
    expect.soft(await email('eq', 'ana@example.com')).toEqual(['Ana']);
    expect.soft(await email('starts_with', 'bea@')).toEqual(['Bea']);
    // "value" and "label" are words of the storage format, not of anyone's address.
    expect.soft(await email('contains', 'value')).toEqual([]);
    // Phones are stored as +12125550100: the digits a person types, however spaced, find them.
    await create(db, { firstName: 'Dan', phones: [{ value: '+1 212 555 0100' }] });
    expect.soft(await firstNames(db, and({ field: 'phone', operator: 'contains', value: '212 555' }))).toEqual(['Dan']);
  });

  it('number: between, gt, lt, eq and is_empty (company employees)', async () => {
    const db = tempDb();
    for (const [name, employees] of [
      ['Tiny', 5],
      ['Small', 50],
      ['Mid', 200],
      ['Big', 5000],
      ['Unknown', null],
    ] as const) {
      await call(db, 'companies.create', { name, employees });
    }
    const names = async (filter: FilterGroup) =>
      (await call(db, 'companies.list', { filter })).items.map((c) => c.name).sort();
    expect(await names(and({ field: 'employees', operator: 'between', value: [50, 200] }))).toEqual(['Mid', 'Small']);
    expect(await names(and({ field: 'employees', operator: 'gt', value: 200 }))).toEqual(['Big']);
    expect(await names(and({ field: 'employees', operator: 'lt', value: 50 }))).toEqual(['Tiny']);
    expect(await names(and({ field: 'employees', operator: 'eq', value: 5 }))).toEqual(['Tiny']);
    expect(await names(and({ field: 'employees', operator: 'is_empty' }))).toEqual(['Unknown']);
    const bad = await refuse(db, 'companies.list', {
      filter: and({ field: 'employees', operator: 'between', value: ['a', 'b'] }),
    });
    expect(bad.issues).toEqual([
      expect.objectContaining({ path: ['filter', 'conditions', 0, 'value'], key: 'validation.invalid_type' }),
    ]);
  });

  it('relative dates: "in the last 30 days" follows the clock', async () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const now = 1_760_000_000_000;
    clock.set(now - 40 * DAY);
    await create(db, { firstName: 'Old' });
    clock.set(now - 10 * DAY);
    await create(db, { firstName: 'Recent' });
    clock.set(now - DAY / 2);
    await create(db, { firstName: 'Today' });
    clock.set(now);
    const last30 = and({ field: 'createdAt', operator: 'in_last_days', value: 30 });
    expect(await firstNames(db, last30)).toEqual(['Recent', 'Today']);
    expect(await firstNames(db, and({ field: 'createdAt', operator: 'older_than_days', value: 30 }))).toEqual(['Old']);
    expect(await firstNames(db, and({ field: 'createdAt', operator: 'in_last_days', value: 5 }))).toEqual(['Today']);
    // Twenty days later, "Recent" is 30 days old and still in; a day after that it is out.
    clock.set(now + 20 * DAY - 1000);
    expect(await firstNames(db, last30)).toEqual(['Recent', 'Today']);
    clock.set(now + 21 * DAY);
    expect(await firstNames(db, last30)).toEqual(['Today']);
    expect((await call(db, 'contacts.count', { filter: last30 })).count).toBe(1);
  });

  it('dates given as YYYY-MM-DD: birthday before/after/between', async () => {
    const db = tempDb();
    await create(db, { firstName: 'A', birthday: '1980-05-01' });
    await create(db, { firstName: 'B', birthday: '1990-12-31' });
    await create(db, { firstName: 'C' });
    expect(await firstNames(db, and({ field: 'birthday', operator: 'before', value: '1985-01-01' }))).toEqual(['A']);
    expect(
      await firstNames(db, and({ field: 'birthday', operator: 'between', value: ['1990-12-31', '1990-12-31'] })),
    ).toEqual(['B']);
    expect(await firstNames(db, and({ field: 'birthday', operator: 'is_empty' }))).toEqual(['C']);
  });

  it('enum: in, not_in; a value the field does not have is refused', async () => {
    const db = tempDb();
    await people(db);
    const stage = (operator: 'in' | 'not_in', value: unknown) => and({ field: 'lifecycleStage', operator, value });
    expect(await firstNames(db, stage('in', ['lead', 'churned']))).toEqual(['Ana', 'Dan']);
    // not_in keeps contacts with no stage at all.
    expect(await firstNames(db, stage('not_in', ['customer']))).toEqual(['Ana', 'Dan', 'Eva']);
    const error = await refuse(db, 'contacts.list', { filter: stage('in', ['lead', 'vip']) }, 'es');
    expect(error.issues).toEqual([
      {
        path: ['filter', 'conditions', 0, 'value'],
        key: 'validation.invalid_value',
        message: 'Este valor no está permitido.',
      },
    ]);
  });

  it('boolean: is_true and is_false', async () => {
    const db = tempDb();
    await people(db);
    expect(await firstNames(db, and({ field: 'emailOptOut', operator: 'is_true' }))).toEqual(['Ana']);
    expect(await firstNames(db, and({ field: 'emailOptOut', operator: 'is_false' }))).toHaveLength(4);
  });

  it('tags: has_tag and not_has_tag after tagging several contacts at once', async () => {
    const db = tempDb();
    await people(db);
    const all = await listAll(db, {});
    const vip = await call(db, 'tags.create', { name: 'VIP' });
    const ids = all.filter((c) => ['Bea', 'Dan', 'Eva'].includes(c.firstName)).map((c) => c.id);
    expect(await call(db, 'tags.apply', { tagId: vip.id, entity: 'contacts', ids })).toEqual({ changed: 3 });
    expect(await firstNames(db, and({ field: 'tags', operator: 'has_tag', value: vip.id }))).toEqual([
      'Bea',
      'Dan',
      'Eva',
    ]);
    expect(await firstNames(db, and({ field: 'tags', operator: 'not_has_tag', value: vip.id }))).toEqual([
      'Ana',
      'Carl',
    ]);
    expect((await listAll(db, { tagId: vip.id })).map((c) => c.firstName)).toEqual(['Bea', 'Dan', 'Eva']);
  });

  it('owner "me": the filter and the quick filter follow the member using this device', async () => {
    const db = tempDb();
    const ana = await call(db, 'members.create', { name: 'Ana Admin' });
    const bob = await call(db, 'members.create', { name: 'Bob Seller' });
    await create(db, { firstName: 'Mine1', ownerId: ana.id });
    await create(db, { firstName: 'Theirs', ownerId: bob.id });
    await create(db, { firstName: 'Nobody' });
    await create(db, { firstName: 'Mine2', ownerId: ana.id });

    // Before anyone is chosen, "mine" is nobody's.
    expect(await listAll(db, { ownerId: 'me' })).toEqual([]);
    await call(db, 'members.setCurrent', { id: ana.id });
    const mine = and({ field: 'ownerId', operator: 'in', value: ['me'] });
    expect(await firstNames(db, mine)).toEqual(['Mine1', 'Mine2']);
    expect((await listAll(db, { ownerId: 'me' })).map((c) => c.firstName)).toEqual(['Mine1', 'Mine2']);
    expect((await call(db, 'contacts.count', { ownerId: 'me' })).count).toBe(2);
    expect((await listAll(db, { ownerId: bob.id })).map((c) => c.firstName)).toEqual(['Theirs']);
    expect(await firstNames(db, and({ field: 'ownerId', operator: 'is_empty' }))).toEqual(['Nobody']);

    await call(db, 'members.setCurrent', { id: bob.id });
    expect(await firstNames(db, mine)).toEqual(['Theirs']);
  });
});

describe('filters: bad filters are refused with a path', () => {
  it('an unknown field is refused at ["filter", "conditions", 0, "field"]', async () => {
    const db = tempDb();
    const error = await refuse(
      db,
      'contacts.list',
      { filter: and({ field: 'shoeSize', operator: 'eq', value: '42' }) },
      'es',
    );
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([
      {
        path: ['filter', 'conditions', 0, 'field'],
        key: 'validation.unknown_key',
        params: { key: 'shoeSize' },
        message: 'Campo desconocido "shoeSize".',
      },
    ]);
    const nested = await refuse(db, 'contacts.count', {
      filter: and(
        { field: 'firstName', operator: 'contains', value: 'a' },
        or({ field: 'nope', operator: 'is_empty' }),
      ),
    });
    expect(nested.issues?.map((i) => i.path)).toEqual([['filter', 'conditions', 1, 'conditions', 0, 'field']]);
  });

  it('an operator that does not fit the field is refused at ["filter", "conditions", i, "operator"]', async () => {
    const db = tempDb();
    const error = await refuse(db, 'contacts.list', {
      filter: and(
        { field: 'firstName', operator: 'contains', value: 'a' },
        { field: 'emailOptOut', operator: 'gt', value: 3 },
      ),
    });
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['filter', 'conditions', 1, 'operator'], key: 'validation.invalid_value' }),
    ]);
    const wrongValue = await refuse(db, 'contacts.list', {
      filter: and({ field: 'createdAt', operator: 'in_last_days', value: 'thirty' }),
    });
    expect(wrongValue.issues?.[0]?.path).toEqual(['filter', 'conditions', 0, 'value']);
    const notAnOperator = await refuse(db, 'contacts.list', {
      filter: and({ field: 'firstName', operator: 'sounds_like', value: 'a' } as never),
    });
    // The contract's union of condition and group reports this one at the condition itself.
    expect(notAnOperator.issues?.[0]?.path.slice(0, 3)).toEqual(['filter', 'conditions', 0]);
  });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be reproduced. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('filters: agree with a plain filter over the data', () => {
  it('a 3-condition filter over 2,000 contacts returns exactly the expected rows, and count agrees', async () => {
    const clock = manualClock();
    const db = tempDb({ now: clock.now });
    const now = 1_760_000_000_000;
    const rnd = random(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
    const titles = ['Engineer', 'Sales engineer', 'Account Executive', 'CEO', 'Head of Engineering', null];
    const made: { id: string; stage: string | null; title: string | null; createdAt: number }[] = [];
    for (let i = 0; i < 2000; i++) {
      clock.set(now - Math.floor(rnd() * 90 * DAY));
      const stage = rnd() < 0.15 ? null : pick(LIFECYCLE_STAGES);
      const title = pick(titles);
      const c = await create(db, {
        firstName: `P${i}`,
        lastName: pick(['Ruiz', 'Soto', 'Tena', 'Ugarte']),
        ...(stage ? { lifecycleStage: stage } : {}),
        ...(title ? { jobTitle: title } : {}),
      });
      made.push({ id: c.id, stage, title, createdAt: c.createdAt });
    }
    clock.set(now);

    const filter = and(
      { field: 'lifecycleStage', operator: 'in', value: ['lead', 'customer', 'opportunity'] },
      { field: 'jobTitle', operator: 'contains', value: 'engineer' },
      { field: 'createdAt', operator: 'in_last_days', value: 30 },
    );
    const expected = made
      .filter((c) => ['lead', 'customer', 'opportunity'].includes(c.stage ?? ''))
      .filter((c) => (c.title ?? '').toLowerCase().includes('engineer'))
      .filter((c) => c.createdAt >= now - 30 * DAY && c.createdAt <= now)
      .map((c) => c.id)
      .sort();
    expect(expected.length).toBeGreaterThan(20); // the check means something

    const listed = await listAll(db, { filter });
    expect(listed.map((c) => c.id).sort()).toEqual(expected);
    expect(new Set(listed.map((c) => c.id)).size).toBe(listed.length);
    expect((await call(db, 'contacts.count', { filter })).count).toBe(expected.length);

    // The OR of the same conditions agrees too.
    const anyOf = or(...filter.conditions);
    const expectedAny = made.filter(
      (c) =>
        ['lead', 'customer', 'opportunity'].includes(c.stage ?? '') ||
        (c.title ?? '').toLowerCase().includes('engineer') ||
        (c.createdAt >= now - 30 * DAY && c.createdAt <= now),
    );
    expect((await call(db, 'contacts.count', { filter: anyOf })).count).toBe(expectedAny.length);
    expect((await listAll(db, { filter: anyOf })).length).toBe(expectedAny.length);
  }, 120_000);
});

describe('lists: multi-column sort and field catalogue', () => {
  it('sorts by last name ascending then first name descending, paging with no repeats', async () => {
    const db = tempDb();
    const rows: [string, string | null][] = [];
    for (const last of ['Soto', 'Ruiz', 'Tena'])
      for (const first of ['Ana', 'Bea', 'Carl', 'Dan']) rows.push([first, last]);
    rows.push(['Zoe', null], ['Yago', null]);
    for (const [firstName, lastName] of rows) await create(db, { firstName, ...(lastName ? { lastName } : {}) });

    const sort = [
      { field: 'lastName', direction: 'asc' as const },
      { field: 'firstName', direction: 'desc' as const },
    ];
    const pages = await allPages((cursor) =>
      call(db, 'contacts.list', { sort, limit: 5, ...(cursor ? { cursor } : {}) }),
    );
    expect(pages.map((p) => p.length)).toEqual([5, 5, 4]);
    const all = pages.flat();
    expect(new Set(all.map((c) => c.id)).size).toBe(14);
    const expected = [...rows].sort(([f1, l1], [f2, l2]) => (l1 ?? '').localeCompare(l2 ?? '') || f2.localeCompare(f1));
    expect(all.map((c) => [c.firstName, c.lastName])).toEqual(expected);
    expect(all.slice(2, 6).map((c) => c.displayName)).toEqual(['Dan Ruiz', 'Carl Ruiz', 'Bea Ruiz', 'Ana Ruiz']);
  });

  it('refuses sorting on an unknown field at its place in the sort list', async () => {
    const db = tempDb();
    const error = await refuse(db, 'contacts.list', {
      sort: [
        { field: 'lastName', direction: 'asc' },
        { field: 'shoeSize', direction: 'asc' },
      ],
    });
    expect(error.issues).toEqual([
      expect.objectContaining({ path: ['sort', 1, 'field'], key: 'validation.unknown_key' }),
    ]);
  });

  it('contacts.fields lists the built-in fields with their kinds and the custom ones', async () => {
    const db = tempDb();
    const score = await call(db, 'customFields.create', { entity: 'contacts', label: 'Score', type: 'number' });
    await call(db, 'customFields.create', { entity: 'companies', label: 'Region', type: 'text' });
    const fields = (await call(db, 'contacts.fields', {})).items;
    const byField = new Map(fields.map((f) => [f.field, f]));
    expect(byField.get('firstName')).toMatchObject({ kind: 'text', custom: false, sortable: true });
    expect(byField.get('lifecycleStage')).toMatchObject({ kind: 'enum', values: [...LIFECYCLE_STAGES] });
    expect(byField.get('ownerId')?.kind).toBe('member');
    expect(byField.get('createdAt')?.kind).toBe('date');
    expect(byField.get('emailOptOut')?.kind).toBe('boolean');
    expect(byField.get('tags')).toMatchObject({ kind: 'tags', sortable: false });
    expect(byField.get(`custom.${score.key}`)).toMatchObject({ kind: 'number', label: 'Score', custom: true });
    expect(fields.filter((f) => f.custom)).toHaveLength(1); // the company field is not here
    const companyFields = (await call(db, 'companies.fields', {})).items;
    expect(companyFields.filter((f) => f.custom).map((f) => f.label)).toEqual(['Region']);
    expect(companyFields.find((f) => f.field === 'employees')?.kind).toBe('number');
  });
});
