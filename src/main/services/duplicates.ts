import { and, eq, inArray } from 'drizzle-orm';
import { companies, contacts } from '../../../db/schema';
import type { DuplicateGroup } from '../../shared/contract/duplicates';
import { contactDisplayName } from '../../shared/domain/contact';
import { normaliseDomain } from '../../shared/domain/company';
import { normalisePhone } from '../../shared/domain/phone';
import { foldText } from '../../shared/domain/text';
import type { CrmDb } from '../db/open';
import { getSetting } from './settings';

type Reason = DuplicateGroup['reasons'][number];
type Entity = 'contacts' | 'companies';

/** "Jon Smith" and "John Smith" at one company share the key "smith j". */
export function nameKey(first: string | null | undefined, last: string | null | undefined): string {
  return `${foldText(last ?? '')} ${foldText(first ?? '').slice(0, 1)}`.trim();
}

/**
 * Whether two first names may be the same person: equal once folded, one an initial or prefix of
 * the other ("J." / "Jo" / "John"), or one typo apart ("Jon" / "John"). "José" and "Juan" are not.
 */
export function similarFirstNames(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = foldText(a ?? '').replace(/[^\p{L}]/gu, '');
  const y = foldText(b ?? '').replace(/[^\p{L}]/gu, '');
  if (!x || !y) return true;
  if (x === y || x.startsWith(y) || y.startsWith(x)) return true;
  return withinOneEdit(x, y);
}

function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** Records sharing a key become one group; each group remembers why. */
function groupBy(
  pairs: { key: string; id: string }[],
  reason: Reason,
  uf: UnionFind,
  reasons: Map<string, Set<Reason>>,
) {
  const byKey = new Map<string, string[]>();
  for (const { key, id } of pairs) {
    if (!key) continue;
    const list = byKey.get(key);
    if (list) list.push(id);
    else byKey.set(key, [id]);
  }
  for (const ids of byKey.values()) {
    const unique = [...new Set(ids)];
    if (unique.length < 2) continue;
    for (const id of unique) {
      uf.union(unique[0]!, id);
      let set = reasons.get(id);
      if (!set) reasons.set(id, (set = new Set()));
      set.add(reason);
    }
  }
}

/**
 * Candidate duplicate groups across the whole book. Each rule is one SQL pass over an index or
 * the JSON of emails and phones; groups are joined with union-find, so A~B by email and B~C by
 * phone make one group.
 */
export function duplicateGroups(db: CrmDb, entity: Entity, limit = 500): { groups: DuplicateGroup[]; total: number } {
  const uf = new UnionFind();
  const reasons = new Map<string, Set<Reason>>();
  const all = (sql: string) => db.sqlite.prepare(sql).raw().all() as [string, string][];
  if (entity === 'contacts') {
    const toPairs = (rows: [string, string][]) => rows.map(([id, key]) => ({ id, key }));
    groupBy(
      toPairs(
        all(
          `SELECT c.id, lower(json_extract(j.value, '$.value')) FROM contacts c, json_each(c.emails) j WHERE c.deleted = 0`,
        ),
      ),
      'same_email',
      uf,
      reasons,
    );
    groupBy(
      toPairs(
        all(`SELECT c.id, json_extract(j.value, '$.value') FROM contacts c, json_each(c.phones) j WHERE c.deleted = 0`),
      ),
      'same_phone',
      uf,
      reasons,
    );
    const rows = db.sqlite
      .prepare(
        `SELECT c.id, cc.company_id, c.first_name, c.last_name FROM contact_companies cc JOIN contacts c ON c.id = cc.contact_id
         WHERE cc.deleted = 0 AND c.deleted = 0`,
      )
      .raw()
      .all() as [string, string, string, string | null][];
    // Bucket by company and "last name + first initial", then join only similar first names.
    const buckets = new Map<string, { id: string; first: string }[]>();
    for (const [id, company, first, last] of rows) {
      const key = `${company}|${nameKey(first, last)}`;
      const list = buckets.get(key);
      if (list) list.push({ id, first });
      else buckets.set(key, [{ id, first }]);
    }
    const pairs: { key: string; id: string }[] = [];
    for (const [key, list] of buckets) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          if (list[i]!.id !== list[j]!.id && similarFirstNames(list[i]!.first, list[j]!.first)) {
            pairs.push({ key: `${key}|${i}|${j}`, id: list[i]!.id }, { key: `${key}|${i}|${j}`, id: list[j]!.id });
          }
        }
      }
    }
    groupBy(pairs, 'same_name_company', uf, reasons);
  } else {
    groupBy(
      all(`SELECT id, domain FROM companies WHERE deleted = 0 AND domain IS NOT NULL AND domain <> ''`).map(
        ([id, key]) => ({ id, key }),
      ),
      'same_domain',
      uf,
      reasons,
    );
    groupBy(
      all(`SELECT id, name_sort FROM companies WHERE deleted = 0`).map(([id, key]) => ({ id, key })),
      'same_name',
      uf,
      reasons,
    );
  }
  const groups = new Map<string, string[]>();
  for (const id of reasons.keys()) {
    const root = uf.find(id);
    const list = groups.get(root);
    if (list) list.push(id);
    else groups.set(root, [id]);
  }
  const sorted = [...groups.values()].sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
  const page = sorted.slice(0, limit);
  const described = describe(db, entity, page.flat(), reasons);
  return {
    total: sorted.length,
    groups: page.map((ids) => {
      const records = ids.map((id) => described.get(id)!).filter(Boolean);
      return { ids, records, reasons: [...new Set(records.flatMap((r) => r.reasons))] };
    }),
  };
}

function describe(db: CrmDb, entity: Entity, ids: string[], reasons: Map<string, Set<Reason>>) {
  const out = new Map<string, { id: string; title: string; subtitle: string; reasons: Reason[] }>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    if (entity === 'contacts') {
      for (const c of db.orm.select().from(contacts).where(inArray(contacts.id, chunk)).all()) {
        const subtitle = [c.emails[0]?.value, c.phones[0]?.value].filter(Boolean).join(' · ');
        out.set(c.id, { id: c.id, title: contactDisplayName(c), subtitle, reasons: [...(reasons.get(c.id) ?? [])] });
      }
    } else {
      for (const c of db.orm.select().from(companies).where(inArray(companies.id, chunk)).all()) {
        out.set(c.id, { id: c.id, title: c.name, subtitle: c.domain ?? '', reasons: [...(reasons.get(c.id) ?? [])] });
      }
    }
  }
  return out;
}

export interface DuplicateProbe {
  excludeId?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  name?: string | undefined;
  domain?: string | undefined;
  emails?: string[] | undefined;
  phones?: string[] | undefined;
  companyIds?: string[] | undefined;
}

/**
 * Likely duplicates of a record being typed, fast enough to run on every change of the form:
 * exact emails and phones through the search index, then verified against the stored values.
 */
export function checkDuplicates(db: CrmDb, entity: Entity, probe: DuplicateProbe) {
  const found = new Map<string, Set<Reason>>();
  const add = (id: string, reason: Reason) => {
    if (id === probe.excludeId) return;
    let set = found.get(id);
    if (!set) found.set(id, (set = new Set()));
    set.add(reason);
  };
  const docs = (type: string, words: string) =>
    db.sqlite
      .prepare(
        `SELECT d.entity_id FROM search_index s JOIN search_doc d ON d.doc_id = s.rowid
         WHERE search_index MATCH ? AND d.type = ? LIMIT 200`,
      )
      .pluck()
      .all(words, type) as string[];
  // Every word of the value, each quoted (the index keeps no positions, so no phrases); the
  // candidates are then checked against the stored values.
  const phrase = (text: string) =>
    text
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean)
      .map((w) => `"${w}"`)
      .join(' ');

  if (entity === 'contacts') {
    const country = getSetting(db, 'defaultCountry');
    const emails = new Set((probe.emails ?? []).map((e) => e.trim().toLowerCase()).filter((e) => e.includes('@')));
    const phones = new Set((probe.phones ?? []).map((p) => normalisePhone(p, country)).filter((p): p is string => !!p));
    const ids = new Set<string>();
    for (const e of emails) for (const id of docs('contact', phrase(e))) ids.add(id);
    for (const p of phones) for (const id of docs('contact', phrase(p.replace(/\D/g, '')))) ids.add(id);
    const key = probe.firstName || probe.lastName ? nameKey(probe.firstName, probe.lastName) : '';
    const companyIds = new Set(probe.companyIds ?? []);
    if (key && companyIds.size) {
      const rows = db.sqlite
        .prepare(
          `SELECT c.id, c.first_name, c.last_name FROM contact_companies cc JOIN contacts c ON c.id = cc.contact_id
           WHERE cc.deleted = 0 AND c.deleted = 0 AND cc.company_id IN (${[...companyIds].map(() => '?').join(',')})`,
        )
        .raw()
        .all(...companyIds) as [string, string, string | null][];
      for (const [id, first, last] of rows) {
        if (nameKey(first, last) === key && similarFirstNames(first, probe.firstName)) add(id, 'same_name_company');
      }
    }
    if (ids.size) {
      for (const c of db.orm
        .select()
        .from(contacts)
        .where(and(inArray(contacts.id, [...ids]), eq(contacts.deleted, false)))
        .all()) {
        if (c.emails.some((e) => emails.has(e.value.toLowerCase()))) add(c.id, 'same_email');
        if (c.phones.some((p) => phones.has(p.value))) add(c.id, 'same_phone');
      }
    }
  } else {
    const domain = probe.domain ? normaliseDomain(probe.domain) : null;
    if (domain) {
      for (const c of db.orm
        .select({ id: companies.id })
        .from(companies)
        .where(and(eq(companies.domain, domain), eq(companies.deleted, false)))
        .all()) {
        add(c.id, 'same_domain');
      }
    }
    if (probe.name?.trim()) {
      const folded = foldText(probe.name);
      for (const c of db.orm
        .select({ id: companies.id })
        .from(companies)
        .where(and(eq(companies.nameSort, folded), eq(companies.deleted, false)))
        .all()) {
        add(c.id, 'same_name');
      }
    }
  }
  return [...describe(db, entity, [...found.keys()], found).values()];
}
