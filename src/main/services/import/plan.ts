import type { DedupeStrategy, ImportEntity } from '../../../shared/contract/import';
import { normaliseDomain } from '../../../shared/domain/company';
import { foldText } from '../../../shared/domain/text';
import { newId } from '../../../shared/ids';
import { readRow, type Mutation } from '../../db/mutation';
import type { CrmDb } from '../../db/open';
import { nameKey, similarFirstNames } from '../duplicates';
import type { PreparedRow, RowProblem } from './prepare';
import { similarNames } from './transform';

type Labeled = { value: string; label?: string };
type Values = Record<string, unknown>;

export interface PlanItem {
  entity: string;
  entityId: string;
  action: 'created' | 'updated';
  before?: Values;
}

export interface ImportPlan {
  mutations: Mutation[];
  items: PlanItem[];
  created: number;
  updated: number;
  skipped: number;
  related: number;
  /** The record each row became or matched, by row number. */
  rowIds: Map<number, string>;
}

interface Pending {
  id: string;
  /** Set for a record of this import (its values still change); unset for a record already in the book. */
  values?: Values;
  row?: number;
}

/** Lookups of the book's records by the keys the duplicate rules compare, built once per import. */
class BookIndex {
  readonly companyByName = new Map<string, string>();
  readonly companyByDomain = new Map<string, string>();
  readonly memberByKey = new Map<string, string>();
  readonly memberNames: { id: string; name: string }[] = [];
  readonly contactByEmail = new Map<string, string>();
  readonly contactByPhone = new Map<string, string>();
  readonly contactsAtCompany = new Map<string, { id: string; first: string }[]>();
  readonly tagByName = new Map<string, string>();

  constructor(db: CrmDb, entity: ImportEntity) {
    const rows = (sql: string) => db.sqlite.prepare(sql).raw().all() as string[][];
    for (const [id, name, domain] of rows(
      'SELECT id, name_sort, domain FROM companies WHERE deleted = 0 AND merged_into IS NULL ORDER BY created_at',
    )) {
      if (name && !this.companyByName.has(name)) this.companyByName.set(name, id!);
      if (domain && !this.companyByDomain.has(domain)) this.companyByDomain.set(domain, id!);
    }
    for (const [id, name, email] of rows('SELECT id, name, email FROM members WHERE deleted = 0')) {
      this.memberByKey.set(foldText(name!), id!);
      if (email) this.memberByKey.set(email.toLowerCase(), id!);
      this.memberNames.push({ id: id!, name: name! });
    }
    for (const [id, name] of rows('SELECT id, name FROM tags WHERE deleted = 0'))
      this.tagByName.set(foldText(name!), id!);
    if (entity !== 'contacts') return;
    for (const [id, email] of rows(
      `SELECT c.id, lower(json_extract(j.value, '$.value')) FROM contacts c, json_each(c.emails) j WHERE c.deleted = 0 AND c.merged_into IS NULL`,
    ))
      if (!this.contactByEmail.has(email!)) this.contactByEmail.set(email!, id!);
    for (const [id, phone] of rows(
      `SELECT c.id, json_extract(j.value, '$.value') FROM contacts c, json_each(c.phones) j WHERE c.deleted = 0 AND c.merged_into IS NULL`,
    ))
      if (!this.contactByPhone.has(phone!)) this.contactByPhone.set(phone!, id!);
    for (const [id, company, first, last] of rows(
      `SELECT c.id, cc.company_id, c.first_name, c.last_name FROM contact_companies cc JOIN contacts c ON c.id = cc.contact_id
       WHERE cc.deleted = 0 AND c.deleted = 0 AND c.merged_into IS NULL`,
    ))
      this.addAtCompany(company!, id!, first ?? '', last ?? null);
  }

  addAtCompany(companyId: string, id: string, first: string, last: string | null): void {
    const key = `${companyId}|${nameKey(first, last)}`;
    const list = this.contactsAtCompany.get(key);
    if (list) list.push({ id, first });
    else this.contactsAtCompany.set(key, [{ id, first }]);
  }
}

function mergeLabeled(current: Labeled[], incoming: Labeled[] | undefined, key: (v: string) => string): Labeled[] {
  if (!incoming?.length) return current;
  const seen = new Set(current.map((c) => key(c.value)));
  return [...current, ...incoming.filter((i) => !seen.has(key(i.value)))];
}

/** The import's values laid over a record: lists gain new entries, objects merge, scalars are replaced. */
function overlay(current: Values, incoming: Values): Values {
  const next: Values = { ...current };
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined || value === null) continue;
    if (key === 'emails')
      next.emails = mergeLabeled((current.emails as Labeled[]) ?? [], value as Labeled[], (v) => v.toLowerCase());
    else if (key === 'phones')
      next.phones = mergeLabeled((current.phones as Labeled[]) ?? [], value as Labeled[], (v) => v);
    else if (key === 'addresses') {
      const list = (current.addresses as Values[]) ?? [];
      const added = (value as Values[]).filter((a) => !list.some((b) => JSON.stringify(b) === JSON.stringify(a)));
      next.addresses = [...list, ...added];
    } else if (key === 'social' || key === 'custom') {
      next[key] = { ...((current[key] as Values) ?? {}), ...(value as Values) };
    } else next[key] = value;
  }
  return next;
}

function changedFields(before: Values, after: Values): Values {
  const out: Values = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(value ?? null)) out[key] = value;
  }
  return out;
}

/**
 * Turns checked rows into one list of mutations: related records resolved (or created on
 * request), duplicates matched by the duplicate rules and skipped, updated or created anyway.
 * Rows whose references cannot be resolved are reported; a plan with problems is never written.
 */
export function planImport(
  db: CrmDb,
  entity: ImportEntity,
  rows: PreparedRow[],
  options: { dedupe: DedupeStrategy; createMissing: boolean; tags: string[] },
  problems: RowProblem[],
  columnOf: (target: string) => string | null,
): ImportPlan {
  const index = new BookIndex(db, entity);
  const related: Mutation[] = [];
  const creates = new Map<string, Pending & { values: Values }>();
  const updates = new Map<string, { before: Values; values: Values }>();
  const extras: { id: string; row: PreparedRow; companyId?: string; parent?: string }[] = [];
  let skipped = 0;
  let relatedCount = 0;
  const rowIds = new Map<number, string>();
  const relatedItems: PlanItem[] = [];

  const createRelated = (table: 'companies' | 'members', values: Values): string => {
    const id = newId();
    related.push({ table, op: 'insert', id, values });
    relatedItems.push({ entity: table, entityId: id, action: 'created' });
    relatedCount++;
    return id;
  };

  const resolveCompany = (name: string, row: number, column: string | null): string | null => {
    const domain = /\./.test(name) && !/\s/.test(name) ? normaliseDomain(name.replace(/^.*@/, '')) : null;
    const found =
      (domain && index.companyByDomain.get(domain)) ??
      index.companyByName.get(foldText(name)) ??
      [...index.companyByName.entries()].find(([key]) => similarNames(key, name))?.[1];
    if (found) return found;
    if (!options.createMissing) {
      problems.push({ row, column, value: name, key: 'import.company_missing', params: { name } });
      return null;
    }
    const id = createRelated('companies', domain ? { name: domain, domain } : { name });
    index.companyByName.set(foldText(domain ?? name), id);
    if (domain) index.companyByDomain.set(domain, id);
    return id;
  };

  const resolveOwner = (text: string, row: number): string | null => {
    const key = text.includes('@') ? text.toLowerCase() : foldText(text);
    const found = index.memberByKey.get(key) ?? index.memberNames.find((m) => similarNames(m.name, text))?.id;
    if (found) return found;
    if (!options.createMissing) {
      problems.push({
        row,
        column: columnOf('owner'),
        value: text,
        key: 'import.owner_missing',
        params: { name: text },
      });
      return null;
    }
    const email = text.includes('@') ? text.toLowerCase() : null;
    const id = createRelated('members', { name: email ? email.split('@')[0] : text, email, role: 'member' });
    index.memberByKey.set(key, id);
    index.memberNames.push({ id, name: text });
    return id;
  };

  /** An existing or earlier-in-this-file record that the duplicate rules say is the same. */
  const matchContact = (values: Values, companyId: string | null): string | null => {
    for (const e of (values.emails as Labeled[] | undefined) ?? []) {
      const id = index.contactByEmail.get(e.value.toLowerCase());
      if (id) return id;
    }
    for (const p of (values.phones as Labeled[] | undefined) ?? []) {
      const id = index.contactByPhone.get(p.value);
      if (id) return id;
    }
    if (companyId) {
      const list = index.contactsAtCompany.get(
        `${companyId}|${nameKey(values.firstName as string, (values.lastName as string) ?? null)}`,
      );
      const hit = list?.find((c) => similarFirstNames(c.first, values.firstName as string));
      if (hit) return hit.id;
    }
    return null;
  };

  const matchCompany = (values: Values): string | null => {
    const domain = values.domain ? normaliseDomain(String(values.domain)) : null;
    return (
      (domain && index.companyByDomain.get(domain)) || index.companyByName.get(foldText(String(values.name))) || null
    );
  };

  const remember = (id: string, values: Values, companyId: string | null) => {
    if (entity === 'contacts') {
      for (const e of (values.emails as Labeled[] | undefined) ?? [])
        if (!index.contactByEmail.has(e.value.toLowerCase())) index.contactByEmail.set(e.value.toLowerCase(), id);
      for (const p of (values.phones as Labeled[] | undefined) ?? [])
        if (!index.contactByPhone.has(p.value)) index.contactByPhone.set(p.value, id);
      if (companyId) index.addAtCompany(companyId, id, values.firstName as string, (values.lastName as string) ?? null);
    } else {
      const domain = values.domain ? normaliseDomain(String(values.domain)) : null;
      if (domain && !index.companyByDomain.has(domain)) index.companyByDomain.set(domain, id);
      const name = foldText(String(values.name));
      if (!index.companyByName.has(name)) index.companyByName.set(name, id);
    }
  };

  for (const row of rows) {
    const values: Values = { ...row.values };
    if (entity === 'companies' && values.domain) {
      const domain = normaliseDomain(String(values.domain));
      if (!domain) {
        problems.push({
          row: row.row,
          column: columnOf('domain'),
          value: String(values.domain),
          key: 'validation.domain_invalid',
        });
        continue;
      }
      values.domain = domain;
    }
    if (row.owner) {
      const owner = resolveOwner(row.owner, row.row);
      if (!owner) continue;
      values.ownerId = owner;
    }
    let companyId: string | null = null;
    if (entity === 'contacts' && row.company) {
      companyId = resolveCompany(row.company, row.row, columnOf('company'));
      if (!companyId) continue;
    }
    const match =
      options.dedupe === 'create'
        ? null
        : entity === 'contacts'
          ? matchContact(values, companyId)
          : matchCompany(values);
    if (match && options.dedupe === 'skip') {
      skipped++;
      continue;
    }
    if (match) {
      const pending = creates.get(match);
      if (pending) pending.values = overlay(pending.values, values);
      else {
        const existing = updates.get(match);
        const current = existing?.values ?? (readRow(db, entity, match) as Values);
        updates.set(match, { before: existing?.before ?? current, values: overlay(current, values) });
      }
      extras.push({
        id: match,
        row,
        ...(companyId ? { companyId } : {}),
        ...(row.parent ? { parent: row.parent } : {}),
      });
      remember(match, values, companyId);
      rowIds.set(row.row, match);
      continue;
    }
    const id = newId();
    creates.set(id, { id, values, row: row.row });
    extras.push({ id, row, ...(companyId ? { companyId } : {}), ...(row.parent ? { parent: row.parent } : {}) });
    remember(id, values, companyId);
    rowIds.set(row.row, id);
  }

  // Parents are named by companies of this same file as often as by the book's: resolved once all rows are known.
  if (entity === 'companies') {
    for (const extra of extras) {
      if (!extra.parent) continue;
      const parentId = resolveCompany(extra.parent, extra.row.row, columnOf('parent'));
      if (!parentId) continue;
      if (parentId === extra.id) {
        problems.push({
          row: extra.row.row,
          column: columnOf('parent'),
          value: extra.parent,
          key: 'validation.parent_cycle',
        });
        continue;
      }
      const target = creates.get(extra.id)?.values ?? updates.get(extra.id)?.values;
      if (target) target.parentId = parentId;
    }
  }

  const mutations: Mutation[] = [...related];
  const items: PlanItem[] = [...relatedItems];
  for (const c of creates.values()) {
    mutations.push({ table: entity, op: 'insert', id: c.id, values: c.values });
    items.push({ entity, entityId: c.id, action: 'created' });
  }
  let updated = 0;
  for (const [id, u] of updates) {
    const changed = changedFields(u.before, u.values);
    if (Object.keys(changed).length === 0) continue;
    updated++;
    const before: Values = {};
    for (const key of Object.keys(changed)) before[key] = u.before[key] ?? null;
    mutations.push({ table: entity, op: 'update', id, values: changed });
    items.push({ entity, entityId: id, action: 'updated', before });
  }

  const add = (m: Mutation) => {
    mutations.push(m);
    items.push({ entity: m.table, entityId: m.id, action: 'created' });
  };
  const tagId = (name: string): string => {
    const key = foldText(name);
    let id = index.tagByName.get(key);
    if (!id) {
      id = newId();
      index.tagByName.set(key, id);
      add({ table: 'tags', op: 'insert', id, values: { name } });
      relatedCount++;
    }
    return id;
  };
  const linked = new Set<string>();
  const tagged = new Set<string>();
  const existingLinks = entity === 'contacts' ? linksOf(db, [...updates.keys()]) : new Map<string, Set<string>>();
  const existingTags = taggingsOf(db, [...updates.keys()]);
  const hasPrimary = new Set(
    [...existingLinks.entries()].filter(([, set]) => set.has('*primary')).map(([contactId]) => contactId),
  );
  for (const extra of extras) {
    if (
      extra.companyId &&
      !linked.has(`${extra.id}|${extra.companyId}`) &&
      !existingLinks.get(extra.id)?.has(extra.companyId)
    ) {
      linked.add(`${extra.id}|${extra.companyId}`);
      const isPrimary = !hasPrimary.has(extra.id);
      hasPrimary.add(extra.id);
      add({
        table: 'contact_companies',
        op: 'insert',
        id: newId(),
        values: { contactId: extra.id, companyId: extra.companyId, isPrimary },
      });
    }
    for (const name of [...extra.row.tags, ...options.tags]) {
      const tag = tagId(name);
      const key = `${extra.id}|${tag}`;
      if (tagged.has(key) || existingTags.get(extra.id)?.has(tag)) continue;
      tagged.add(key);
      add({
        table: 'taggings',
        op: 'insert',
        id: newId(),
        values: { tagId: tag, entityType: entity, entityId: extra.id },
      });
    }
    if (extra.row.note) {
      add({
        table: 'notes',
        op: 'insert',
        id: newId(),
        values: { body: extra.row.note, entityType: entity, entityId: extra.id },
      });
    }
  }
  return { mutations, items, created: creates.size, updated, skipped, related: relatedCount, rowIds };
}

/** Live company links of contacts, with "*primary" marking those that have a primary one. */
function linksOf(db: CrmDb, ids: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.sqlite
      .prepare(
        `SELECT contact_id, company_id, is_primary FROM contact_companies WHERE deleted = 0 AND contact_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .raw()
      .all(...chunk) as [string, string, number][];
    for (const [contact, company, primary] of rows) {
      let set = out.get(contact);
      if (!set) out.set(contact, (set = new Set()));
      set.add(company);
      if (primary) set.add('*primary');
    }
  }
  return out;
}

function taggingsOf(db: CrmDb, ids: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = db.sqlite
      .prepare(
        `SELECT entity_id, tag_id FROM taggings WHERE deleted = 0 AND entity_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .raw()
      .all(...chunk) as [string, string][];
    for (const [entityId, tag] of rows) {
      let set = out.get(entityId);
      if (!set) out.set(entityId, (set = new Set()));
      set.add(tag);
    }
  }
  return out;
}
