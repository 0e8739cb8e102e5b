import { faker as fakerEN_US } from '@faker-js/faker/locale/en_US';
import { faker as fakerES } from '@faker-js/faker/locale/es';
import { and, asc, eq } from 'drizzle-orm';
import { members, pipelines, stages } from '../../../db/schema';
import { newId } from '../../shared/ids';
import { mutate, type Mutation } from '../db/mutation';
import type { CrmDb } from '../db/open';
import { invalid, type IssueSpec } from '../errors';
import { RecordMaker, type CompanyInfo, type StageInfo } from './seed/records';
import { VOCABULARY, type SeedLocale, type StageSpec } from './seed/vocabulary';
import { setSetting } from './settings';

export interface SeedOptions {
  contacts: number;
  companies: number;
  deals: number;
  activities: number;
  locale: SeedLocale;
  /** Same seed, same data (ids and timestamps aside). Default 1. */
  seed?: number;
}

export interface SeedResult {
  contacts: number;
  companies: number;
  deals: number;
  activities: number;
  seconds: number;
}

/** Mutations per `mutate` call: one transaction each, big enough to amortise the commit. */
const BATCH = 2000;
const MAX_RECORDS = 1_000_000;
const TEAM_SIZE = 6;
/** Share of contacts who work at one of the companies, and of those at a second one too. */
const LINKED = 0.65;
const SECOND_COMPANY = 0.05;
const WRITE = { origin: 'seed' } as const;

function check(options: SeedOptions): void {
  const issues: IssueSpec[] = [];
  for (const key of ['contacts', 'companies', 'deals', 'activities'] as const) {
    const n = options[key];
    if (!Number.isInteger(n))
      issues.push({ path: [key], key: 'validation.invalid_type', params: { expected: 'integer' } });
    else if (n < 0) issues.push({ path: [key], key: 'validation.too_small', params: { min: 0 } });
    else if (n > MAX_RECORDS) issues.push({ path: [key], key: 'validation.too_big', params: { max: MAX_RECORDS } });
  }
  if (!(options.locale in VOCABULARY)) issues.push({ path: ['locale'], key: 'validation.invalid_value' });
  if (issues.length) throw invalid(issues);
}

/** Collects mutations and writes them through the mutation layer, BATCH at a time. */
class Writer {
  private pending: Mutation[] = [];
  private records = 0;
  private committed = 0;

  constructor(
    private readonly db: CrmDb,
    private readonly total: number,
    private readonly onProgress?: (done: number, total: number) => void,
  ) {}

  /** `record`: counts towards progress (a contact, company, deal or activity, not a link). */
  add(mutation: Mutation, record = false): void {
    this.pending.push(mutation);
    if (record) this.records++;
    if (this.pending.length >= BATCH) this.flush();
  }

  insert(table: Mutation['table'], values: Record<string, unknown>, record = false): string {
    const id = newId();
    this.add({ table, op: 'insert', id, values }, record);
    return id;
  }

  flush(): void {
    if (this.pending.length) mutate(this.db, this.pending, WRITE);
    this.pending = [];
    if (this.records !== this.committed) {
      this.committed = this.records;
      this.onProgress?.(this.committed, this.total);
    }
  }
}

/** The sales team that owns the records: the workspace's members, or a demo team when it has none. */
function owners(db: CrmDb, maker: RecordMaker, writer: Writer): string[] {
  const existing = db.orm
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.deleted, false), eq(members.active, true)))
    .all();
  if (existing.length) return existing.map((m) => m.id);
  return Array.from({ length: TEAM_SIZE }, (_, i) => writer.insert('members', maker.member(i)));
}

/** The first pipeline and its stages, or a default one in the seed's language. */
function pipeline(db: CrmDb, maker: RecordMaker, writer: Writer): { id: string; stages: StageInfo[] } {
  const first = db.orm
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(eq(pipelines.deleted, false))
    .orderBy(asc(pipelines.position))
    .limit(1)
    .get();
  if (first) {
    const rows = db.orm
      .select()
      .from(stages)
      .where(and(eq(stages.pipelineId, first.id), eq(stages.deleted, false), eq(stages.archived, false)))
      .orderBy(asc(stages.position))
      .all();
    if (rows.length) {
      return {
        id: first.id,
        stages: rows.map((s) => ({
          id: s.id,
          name: s.name,
          probability: s.probability,
          kind: s.kind as StageSpec['kind'],
          rottingDays: s.rottingDays,
        })),
      };
    }
  }
  const id = writer.insert('pipelines', maker.pipeline());
  const made = maker.vocab.stages.map((spec, i) => ({
    ...spec,
    id: writer.insert('stages', maker.stage(id, spec, i)),
  }));
  return { id, stages: made };
}

/**
 * Fills a workspace with realistic demo data in the language of `locale`: a sales team, companies,
 * contacts (some working at those companies), a default pipeline with deals, and activities
 * linked to contacts, companies and deals. Every row goes through the mutation layer, so the
 * clocks, outbox, audit history and search index are exactly as if people had typed it in.
 */
export function seedWorkspace(
  db: CrmDb,
  options: SeedOptions,
  onProgress?: (done: number, total: number) => void,
): SeedResult {
  check(options);
  const started = performance.now();
  const vocab = VOCABULARY[options.locale];
  const maker = new RecordMaker(vocab, options.locale === 'es' ? fakerES : fakerEN_US, options.seed ?? 1, db.now());
  const { rng } = maker;
  const total = options.contacts + options.companies + options.deals + options.activities;
  const writer = new Writer(db, total, onProgress);

  // Phone numbers typed without a country code are read in the workspace's country.
  setSetting(db, 'defaultCountry', vocab.country, WRITE);
  setSetting(db, 'baseCurrency', vocab.currency, WRITE);
  const team = owners(db, maker, writer);
  const { id: pipelineId, stages: pipelineStages } = pipeline(db, maker, writer);

  const companies: CompanyInfo[] = [];
  for (let i = 0; i < options.companies; i++) {
    const id = newId();
    const { values, info } = maker.company(id, team);
    writer.add({ table: 'companies', op: 'insert', id, values }, true);
    companies.push(info);
  }

  const contactIds: string[] = new Array<string>(options.contacts);
  const contactNames: string[] = new Array<string>(options.contacts);
  const contactCompany = new Int32Array(options.contacts).fill(-1);
  for (let i = 0; i < options.contacts; i++) {
    const at = companies.length && rng.chance(LINKED) ? rng.skewed(companies.length) : -1;
    const company = at >= 0 ? companies[at]! : null;
    const { values, name } = maker.contact(company, team);
    const id = writer.insert('contacts', values, true);
    contactIds[i] = id;
    contactNames[i] = name;
    if (company) {
      contactCompany[i] = at;
      writer.insert('contact_companies', maker.contactCompany(id, company.id, true));
      if (company.contacts.length < 6) company.contacts.push(id);
      if (companies.length > 1 && rng.chance(SECOND_COMPANY)) {
        const other = rng.int(0, companies.length - 1);
        if (other !== at) writer.insert('contact_companies', maker.contactCompany(id, companies[other]!.id, false));
      }
    }
  }

  for (let i = 0; i < options.deals; i++) {
    const company = companies.length ? companies[rng.skewed(companies.length, 1.6)]! : null;
    const deal = maker.deal(company, pipelineId, pipelineStages, team);
    const id = writer.insert('deals', deal, true);
    // Its current stay in the stage, as a deal created in the app would have.
    writer.insert('deal_stage_history', {
      dealId: id,
      pipelineId,
      stageId: deal.stageId,
      enteredAt: deal.stageEnteredAt,
      leftAt: null,
    });
    if (!company) continue;
    company.deals.push(id);
    const people = company.contacts.slice(0, rng.int(1, 2));
    for (const contactId of people) writer.insert('deal_contacts', maker.dealContact(id, contactId));
  }

  for (let i = 0; i < options.activities; i++) {
    const who = options.contacts ? rng.int(0, options.contacts - 1) : -1;
    const companyAt = who >= 0 ? contactCompany[who]! : companies.length ? rng.skewed(companies.length) : -1;
    const company = companyAt >= 0 ? companies[companyAt]! : null;
    const { values, at } = maker.activity(who >= 0 ? contactNames[who]! : '', company?.name ?? '', team);
    const id = writer.insert('activities', values, true);
    const link = (entityType: string, entityId: string) =>
      writer.insert('activity_links', { activityId: id, entityType, entityId, at });
    if (who >= 0) link('contacts', contactIds[who]!);
    if (company) link('companies', company.id);
    if (company?.deals.length && rng.chance(0.3)) link('deals', rng.pick(company.deals));
  }

  writer.flush();
  return {
    contacts: options.contacts,
    companies: options.companies,
    deals: options.deals,
    activities: options.activities,
    seconds: (performance.now() - started) / 1000,
  };
}
