import { describe, expect, it } from 'vitest';
import type { CrmDb } from '../../../src/main/db/open';
import type { Contact, CustomField } from '../../../src/shared/contract';
import { tempDb } from '../db/temp-db';
import { allPages, call, expectNothingWritten, refuse } from './api';

interface Setup {
  db: CrmDb;
  score: CustomField;
  tier: CustomField;
  nickname: CustomField;
  gold: string;
  silver: string;
  people: Record<string, Contact>;
}

/** Three custom fields on contacts (number, select, text) and five contacts with values. */
async function setup(): Promise<Setup> {
  const db = tempDb();
  const score = await call(db, 'customFields.create', { entity: 'contacts', label: 'Score', type: 'number' });
  const tier = await call(db, 'customFields.create', {
    entity: 'contacts',
    label: 'Tier',
    type: 'select',
    options: [{ label: 'Gold' }, { label: 'Silver' }],
  });
  const nickname = await call(db, 'customFields.create', { entity: 'contacts', label: 'Nickname', type: 'text' });
  const gold = tier.options[0]!.id;
  const silver = tier.options[1]!.id;
  const rows: [string, Record<string, unknown>][] = [
    ['Ana', { [score.key]: 35, [tier.key]: gold, [nickname.key]: 'Zorro Plateado' }],
    ['Bea', { [score.key]: 20, [tier.key]: silver }],
    ['Carl', { [score.key]: 19.5, [tier.key]: gold }],
    ['Dan', { [score.key]: 80 }],
    ['Eva', {}],
  ];
  const people: Record<string, Contact> = {};
  for (const [firstName, custom] of rows) people[firstName] = await call(db, 'contacts.create', { firstName, custom });
  return { db, score, tier, nickname, gold, silver, people };
}

const names = (items: Contact[]) => items.map((c) => c.firstName);

describe('custom fields: define, fill, filter, sort', () => {
  it('defines fields with stable keys and option ids, in form order', async () => {
    const { db, score, tier, nickname } = await setup();
    expect(score).toMatchObject({ entity: 'contacts', label: 'Score', type: 'number', archived: false, options: [] });
    expect(tier.options.map((o) => o.label)).toEqual(['Gold', 'Silver']);
    expect(new Set([score.key, tier.key, nickname.key]).size).toBe(3);
    const listed = await call(db, 'customFields.list', { entity: 'contacts' });
    expect(listed.items.map((f) => f.label)).toEqual(['Score', 'Tier', 'Nickname']);
    expect((await call(db, 'customFields.list', { entity: 'companies' })).items).toEqual([]);
  });

  it('stores the values on the contact', async () => {
    const { db, score, tier, gold, people } = await setup();
    const ana = await call(db, 'contacts.get', { id: people.Ana!.id });
    expect(ana.custom[score.key]).toBe(35);
    expect(ana.custom[tier.key]).toBe(gold);
  });

  it('filters on a custom number (gte 20) and sorts by it, highest first', async () => {
    const { db, score } = await setup();
    const field = `custom.${score.key}`;
    const found = await call(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field, operator: 'gte', value: 20 }] },
      sort: { field, direction: 'desc' },
    });
    expect(names(found.items)).toEqual(['Dan', 'Ana', 'Bea']);
    const asc = await call(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field, operator: 'gte', value: 20 }] },
      sort: { field, direction: 'asc' },
    });
    expect(names(asc.items)).toEqual(['Bea', 'Ana', 'Dan']);
    expect(
      (await call(db, 'contacts.count', { filter: { op: 'and', conditions: [{ field, operator: 'lt', value: 20 }] } }))
        .count,
    ).toBe(1);
  });

  it('sorting by a number field, highest first, puts contacts without a value last', async () => {
    const { db, score } = await setup();
    const sorted = await call(db, 'contacts.list', { sort: { field: `custom.${score.key}`, direction: 'desc' } });
    // Eva has no score: in a "highest first" list she belongs at the bottom, not above Dan's 80.
    expect(names(sorted.items)).toEqual(['Dan', 'Ana', 'Bea', 'Carl', 'Eva']);
  });

  it('pages a list sorted by a custom field: every contact exactly once', async () => {
    const { db, score, nickname } = await setup();
    for (const direction of ['asc', 'desc'] as const) {
      for (const key of [score.key, nickname.key]) {
        const pages = await allPages((cursor) =>
          call(db, 'contacts.list', {
            sort: { field: `custom.${key}`, direction },
            limit: 2,
            ...(cursor ? { cursor } : {}),
          }),
        );
        expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
        expect(new Set(pages.flat().map((c) => c.firstName))).toEqual(new Set(['Ana', 'Bea', 'Carl', 'Dan', 'Eva']));
      }
    }
  });

  it('filters a select field by option id', async () => {
    const { db, tier, gold, silver } = await setup();
    const field = `custom.${tier.key}`;
    const golds = await call(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field, operator: 'in', value: [gold] }] },
    });
    expect(names(golds.items)).toEqual(['Ana', 'Carl']);
    const notSilver = await call(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field, operator: 'not_in', value: [silver] }] },
    });
    expect(names(notSilver.items)).toEqual(['Ana', 'Carl', 'Dan', 'Eva']);
  });

  it('lists custom fields among the fields a list can filter on', async () => {
    const { db, score, tier } = await setup();
    const fields = (await call(db, 'contacts.fields', {})).items;
    expect(fields.find((f) => f.field === `custom.${score.key}`)).toMatchObject({
      kind: 'number',
      label: 'Score',
      custom: true,
    });
    expect(fields.find((f) => f.field === `custom.${tier.key}`)).toMatchObject({
      kind: 'enum',
      values: tier.options.map((o) => o.id),
    });
  });

  it('search finds a contact by a custom text value', async () => {
    const { db, people } = await setup();
    const hits = (await call(db, 'search.query', { query: 'zorro plat' })).hits;
    expect(hits.map((h) => h.id)).toEqual([people.Ana!.id]);
    expect(names((await call(db, 'contacts.list', { query: 'plateado' })).items)).toEqual(['Ana']);
  });
});

describe('custom fields: bad values are refused and nothing is saved', () => {
  it('text given to a number field: refused at ["custom", key], in Spanish, nothing written', async () => {
    const { db, score } = await setup();
    await expectNothingWritten(db, ['contacts', 'sync_outbox', 'audit_history', 'search_doc'], async () => {
      const error = await refuse(db, 'contacts.create', { firstName: 'Fede', custom: { [score.key]: 'muchos' } }, 'es');
      expect(error.code).toBe('invalid_input');
      expect(error.issues).toHaveLength(1);
      expect(error.issues![0]).toMatchObject({ path: ['custom', score.key], key: 'validation.invalid_type' });
      expect(error.issues![0]!.message).toMatch(/^Tipo de valor incorrecto/);
      expect(error.message).toContain('Hay campos que corregir.');
    });
  });

  it('the Spanish message for a wrong type names the expected type in Spanish', async () => {
    const { db, score } = await setup();
    const error = await refuse(db, 'contacts.create', { firstName: 'Fede', custom: { [score.key]: 'muchos' } }, 'es');
    // Today it reads "Tipo de valor incorrecto: se esperaba number." — an English word in a Spanish sentence.
    expect(error.issues![0]!.message).not.toMatch(/\bnumber\b/);
  });

  it('text given to a number field on update: refused and the old value kept', async () => {
    const { db, score, people } = await setup();
    await expectNothingWritten(db, ['sync_outbox', 'audit_history'], async () => {
      const error = await refuse(db, 'contacts.update', { id: people.Ana!.id, custom: { [score.key]: '12' } });
      expect(error.issues?.map((i) => i.path)).toEqual([['custom', score.key]]);
    });
    expect((await call(db, 'contacts.get', { id: people.Ana!.id })).custom[score.key]).toBe(35);
  });

  it('an unknown custom key and an option that does not exist are refused', async () => {
    const { db, tier } = await setup();
    await expectNothingWritten(db, ['contacts', 'sync_outbox'], async () => {
      const unknown = await refuse(db, 'contacts.create', { firstName: 'Fede', custom: { cf_nope: 1 } });
      expect(unknown.issues).toEqual([
        expect.objectContaining({ path: ['custom', 'cf_nope'], key: 'validation.unknown_key' }),
      ]);
      const option = await refuse(db, 'contacts.create', { firstName: 'Fede', custom: { [tier.key]: 'Gold' } });
      expect(option.issues).toEqual([
        expect.objectContaining({ path: ['custom', tier.key], key: 'validation.invalid_value' }),
      ]);
    });
  });

  it('a select field without options is refused', async () => {
    const db = tempDb();
    await expectNothingWritten(db, ['custom_field_defs', 'sync_outbox'], async () => {
      for (const type of ['select', 'multiselect'] as const) {
        const error = await refuse(db, 'customFields.create', { entity: 'contacts', label: 'Tier', type, options: [] });
        expect(error.issues).toEqual([expect.objectContaining({ path: ['options'], key: 'validation.required' })]);
        const missing = await refuse(db, 'customFields.create', { entity: 'contacts', label: 'Tier', type });
        expect(missing.issues?.[0]?.path).toEqual(['options']);
      }
    });
  });
});

describe('custom fields: rename, edit options, archive and restore keep the values', () => {
  it('renaming a field keeps every value', async () => {
    const { db, score, people } = await setup();
    const renamed = await call(db, 'customFields.update', { id: score.id, label: 'Lead score' });
    expect(renamed).toMatchObject({ label: 'Lead score', key: score.key });
    expect((await call(db, 'contacts.get', { id: people.Dan!.id })).custom[score.key]).toBe(80);
    const fields = (await call(db, 'contacts.fields', {})).items;
    expect(fields.find((f) => f.field === `custom.${score.key}`)?.label).toBe('Lead score');
  });

  it('renaming an option keeps its values, and the filter by its id still matches', async () => {
    const { db, tier, gold, silver, people } = await setup();
    const updated = await call(db, 'customFields.update', {
      id: tier.id,
      options: [{ id: gold, label: 'Oro' }, { id: silver, label: 'Plata' }, { label: 'Bronce' }],
    });
    expect(updated.options.map((o) => [o.id === gold || o.id === silver, o.label])).toEqual([
      [true, 'Oro'],
      [true, 'Plata'],
      [false, 'Bronce'],
    ]);
    expect((await call(db, 'contacts.get', { id: people.Ana!.id })).custom[tier.key]).toBe(gold);
    const golds = await call(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field: `custom.${tier.key}`, operator: 'in', value: [gold] }] },
    });
    expect(names(golds.items)).toEqual(['Ana', 'Carl']);
    // The new option can be used right away.
    const bronze = updated.options[2]!.id;
    const fede = await call(db, 'contacts.create', { firstName: 'Fede', custom: { [tier.key]: bronze } });
    expect(fede.custom[tier.key]).toBe(bronze);
  });

  it('search finds contacts by the new label of a renamed option', async () => {
    const { db, tier, gold, silver, people } = await setup();
    expect((await call(db, 'search.query', { query: 'gold' })).hits.map((h) => h.id).sort()).toEqual(
      [people.Ana!.id, people.Carl!.id].sort(),
    );
    await call(db, 'customFields.update', {
      id: tier.id,
      options: [
        { id: gold, label: 'Oro' },
        { id: silver, label: 'Plata' },
      ],
    });
    // Someone who renamed "Gold" to "Oro" searches for "oro" and expects Ana and Carl.
    expect((await call(db, 'search.query', { query: 'oro' })).hits.map((h) => h.id).sort()).toEqual(
      [people.Ana!.id, people.Carl!.id].sort(),
    );
  });

  it('search no longer finds a value of a deleted (archived) field, and finds it again once restored', async () => {
    const { db, nickname, people } = await setup();
    await call(db, 'customFields.delete', { id: nickname.id });
    // The field and its values are hidden: a hit on "zorro" would show Ana for no visible reason.
    expect((await call(db, 'search.query', { query: 'zorro' })).hits).toEqual([]);
    await call(db, 'customFields.restore', { id: nickname.id });
    expect((await call(db, 'search.query', { query: 'zorro' })).hits.map((h) => h.id)).toEqual([people.Ana!.id]);
  });

  it('deleting a field archives it; filtering on it is refused; restoring brings it back with its values', async () => {
    const { db, score, nickname, people } = await setup();
    const field = `custom.${score.key}`;
    const archived = await call(db, 'customFields.delete', { id: score.id });
    expect(archived.archived).toBe(true);
    expect((await call(db, 'customFields.list', { entity: 'contacts' })).items.map((f) => f.label)).toEqual([
      'Tier',
      'Nickname',
    ]);
    expect(
      (await call(db, 'customFields.list', { entity: 'contacts', includeArchived: true })).items.map((f) => f.label),
    ).toEqual(['Score', 'Tier', 'Nickname']);
    expect((await call(db, 'contacts.fields', {})).items.some((f) => f.field === field)).toBe(false);

    const refused = await refuse(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field, operator: 'gte', value: 20 }] },
    });
    expect(refused.issues).toEqual([
      expect.objectContaining({ path: ['filter', 'conditions', 0, 'field'], key: 'validation.unknown_key' }),
    ]);
    // Nobody can write to an archived field...
    const write = await refuse(db, 'contacts.update', { id: people.Ana!.id, custom: { [score.key]: 1 } });
    expect(write.issues?.[0]?.path).toEqual(['custom', score.key]);
    // ...and editing another custom field meanwhile does not lose its hidden value.
    await call(db, 'contacts.update', { id: people.Ana!.id, custom: { [nickname.key]: 'Zorro' } });

    const restored = await call(db, 'customFields.restore', { id: score.id });
    expect(restored).toMatchObject({ archived: false, key: score.key, label: 'Score' });
    const ana = await call(db, 'contacts.get', { id: people.Ana!.id });
    expect(ana.custom).toMatchObject({ [score.key]: 35, [nickname.key]: 'Zorro' });
    const found = await call(db, 'contacts.list', {
      filter: { op: 'and', conditions: [{ field, operator: 'gte', value: 20 }] },
      sort: { field, direction: 'desc' },
    });
    expect(names(found.items)).toEqual(['Dan', 'Ana', 'Bea']);
  });

  it('clearing a value with null removes it', async () => {
    const { db, score, people } = await setup();
    const bea = await call(db, 'contacts.update', { id: people.Bea!.id, custom: { [score.key]: null } });
    expect(bea.custom[score.key]).toBeUndefined();
    const filter = {
      op: 'and' as const,
      conditions: [{ field: `custom.${score.key}`, operator: 'is_empty' as const }],
    };
    expect(names((await call(db, 'contacts.list', { filter })).items)).toEqual(['Bea', 'Eva']);
  });
});
