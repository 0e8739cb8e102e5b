/**
 * Grows the seeded book to its full activity count (500k at 100k contacts) through the real
 * write path: `mutate`, in batches of 5,000 activities with their links, exactly as
 * `seedWorkspace` writes its own (RecordMaker.activity, a link to the contact, to its primary
 * company and sometimes to one of that company's deals). seedWorkspace could write them itself,
 * but then its time would no longer be comparable with the "100k contacts under 30 s" budget of
 * the seed figure; here the two are timed apart.
 *
 * Unlike seedWorkspace (which picks the contact uniformly), a fifth of the activities go to a
 * skewed pick of contacts, so a few accounts have hundreds of activities, as busy accounts do;
 * the record-page figure reads those as well as ordinary ones.
 */
import { faker as fakerES } from '@faker-js/faker/locale/es';
import { mutate, type Mutation } from '../src/main/db/mutation';
import type { CrmDb } from '../src/main/db/open';
import { RecordMaker } from '../src/main/services/seed/records';
import { VOCABULARY } from '../src/main/services/seed/vocabulary';
import { contactDisplayName } from '../src/shared/domain/contact';
import { newId } from '../src/shared/ids';
import { cpuSeconds, figures, fmtInt, log } from './lib/figures';
import { round } from './lib/stats';

export const ACTIVITY_BATCH = 5000;
const SKEWED_SHARE = 0.2;
const DEAL_LINK = 0.3;

interface Book {
  contacts: { id: string; name: string; company: number }[];
  companies: { id: string; name: string; deals: string[] }[];
}

/** What the activities need to know about the book: contacts in creation order, their primary company, deals per company. */
function readBook(db: CrmDb): Book {
  const companies: Book['companies'] = [];
  const companyAt = new Map<string, number>();
  for (const [id, name] of db.sqlite
    .prepare('SELECT id, name FROM companies WHERE deleted = 0 ORDER BY rowid')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    companyAt.set(id, companies.length);
    companies.push({ id, name, deals: [] });
  }
  for (const [id, companyId] of db.sqlite
    .prepare('SELECT id, company_id FROM deals WHERE deleted = 0 AND company_id IS NOT NULL ORDER BY rowid')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    const at = companyAt.get(companyId);
    if (at !== undefined) companies[at]!.deals.push(id);
  }
  const primary = new Map<string, number>();
  for (const [contactId, companyId] of db.sqlite
    .prepare('SELECT contact_id, company_id FROM contact_companies WHERE deleted = 0 AND is_primary = 1')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    const at = companyAt.get(companyId);
    if (at !== undefined) primary.set(contactId, at);
  }
  const contacts: Book['contacts'] = [];
  for (const [id, prefix, firstName, middleName, lastName, suffix] of db.sqlite
    .prepare(
      'SELECT id, prefix, first_name, middle_name, last_name, suffix FROM contacts WHERE deleted = 0 ORDER BY rowid',
    )
    .raw()
    .iterate() as IterableIterator<[string, string | null, string, string | null, string | null, string | null]>) {
    const name = contactDisplayName({ prefix, firstName, middleName, lastName, suffix });
    contacts.push({ id, name, company: primary.get(id) ?? -1 });
  }
  return { contacts, companies };
}

/** Writes `count` activities (and their links) through `mutate`; one figure with the time it took. */
export function addActivities(db: CrmDb, count: number, already: number): void {
  if (count <= 0) return;
  log(`writing ${fmtInt(count)} activities through mutate (batches of ${fmtInt(ACTIVITY_BATCH)})...`);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const book = readBook(db);
  const owners = db.sqlite.prepare('SELECT id FROM members WHERE deleted = 0').pluck().all() as string[];
  const maker = new RecordMaker(VOCABULARY.es, fakerES, 43, db.now());
  const { rng } = maker;
  const n = book.contacts.length;
  let mutations = 0;
  let batch: Mutation[] = [];
  const flush = () => {
    mutate(db, batch, { origin: 'seed' });
    mutations += batch.length;
    batch = [];
  };
  for (let i = 0; i < count; i++) {
    const who = n ? (rng.chance(SKEWED_SHARE) ? rng.skewed(n) : rng.int(0, n - 1)) : -1;
    const contact = who >= 0 ? book.contacts[who]! : null;
    const company = contact && contact.company >= 0 ? book.companies[contact.company]! : null;
    const { values, at } = maker.activity(contact?.name ?? '', company?.name ?? '', owners);
    const id = newId();
    batch.push({ table: 'activities', op: 'insert', id, values });
    const link = (entityType: string, entityId: string) =>
      batch.push({
        table: 'activity_links',
        op: 'insert',
        id: newId(),
        values: { activityId: id, entityType, entityId, at },
      });
    if (contact) link('contacts', contact.id);
    if (company) link('companies', company.id);
    if (company?.deals.length && rng.chance(DEAL_LINK)) link('deals', rng.pick(company.deals));
    if ((i + 1) % ACTIVITY_BATCH === 0) flush();
  }
  if (batch.length) flush();
  const seconds = (performance.now() - started) / 1000;
  const cpuS = cpuSeconds(process.cpuUsage(cpu));
  figures.push({
    id: 'activities-write',
    name: `Write ${fmtInt(count)} more activities (to ${fmtInt(already + count)}) with their links through mutate, batches of ${fmtInt(ACTIVITY_BATCH)} activities`,
    ours: {
      seconds: round(seconds, 2),
      cpuSeconds: round(cpuS, 2),
      activities: count,
      mutations,
      mutationsPerSecond: Math.round(mutations / seconds),
    },
    oursText: `${seconds.toFixed(1)} s (${fmtInt(mutations)} records, ${fmtInt(Math.round(mutations / seconds))}/s)`,
    referenceText: '—',
    ratio: null,
    budget: '— (information)',
    pass: null,
  });
}
