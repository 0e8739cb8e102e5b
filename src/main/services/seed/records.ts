import type { Faker } from '@faker-js/faker';
import type { CompanyType } from '../../../shared/domain/company';
import type { LifecycleStage } from '../../../shared/domain/contact';
import { foldText } from '../../../shared/domain/text';
import { PhoneMaker } from './phones';
import { Rng } from './random';
import type { ActivityType, Sex, StageSpec, Vocabulary } from './vocabulary';

const DAY = 86_400_000;

type Values = Record<string, unknown>;
interface Labeled {
  value: string;
  label?: string;
}

/** Values drawn from faker once per run; the hot loops only pick from these. */
interface Pools {
  firstNames: Record<Sex, string[]>;
  middleNames: string[];
  lastNames: string[];
  companyNames: string[];
  places: { street: string; city: string; region: string; postalCode: string }[];
}

export interface CompanyInfo {
  id: string;
  name: string;
  domain: string;
  ownerId: string | null;
  /** A few of its contacts, for deal contacts and activities. */
  contacts: string[];
  /** Its deals, for activities. */
  deals: string[];
}

export interface PersonInfo {
  id: string;
  name: string;
  company: number;
}

export interface StageInfo extends StageSpec {
  id: string;
}

function drawPools(faker: Faker, size: number): Pools {
  const many = <T>(n: number, make: () => T) => Array.from({ length: n }, make);
  return {
    firstNames: {
      male: many(size, () => faker.person.firstName('male')),
      female: many(size, () => faker.person.firstName('female')),
    },
    middleNames: many(size / 4, () => faker.person.middleName()),
    lastNames: many(size * 2, () => faker.person.lastName()),
    // Faker's long multi-surname names ("A, B y C Asociados") read oddly on a list: keep short ones.
    companyNames: many(size * 3, () => faker.company.name()).filter((n) => n.length <= 32),
    places: many(size, () => ({
      street: faker.location.streetAddress(),
      city: faker.location.city(),
      region: faker.location.state(),
      postalCode: faker.location.zipCode(),
    })),
  };
}

/** ASCII, lower-case, letters and digits only: the part of a name that can go into an address. */
function slug(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, '');
}

const LEGAL_WORDS = new Set([
  'y',
  'e',
  'and',
  'hermanos',
  'sa',
  'sl',
  'slu',
  'llc',
  'inc',
  'group',
  'ltd',
  'co',
  'sons',
]);

/**
 * Builds the values of demo records. Everything random comes from one seeded `Rng` (and faker
 * seeded with the same number), so a seed always gives the same data.
 */
export class RecordMaker {
  readonly rng: Rng;
  readonly phones: PhoneMaker;
  private readonly pools: Pools;
  private readonly usedDomains = new Set<string>();

  constructor(
    readonly vocab: Vocabulary,
    faker: Faker,
    seed: number,
    readonly now: number,
  ) {
    faker.seed(seed);
    this.rng = new Rng(seed);
    this.phones = new PhoneMaker(this.rng, vocab.country);
    this.pools = drawPools(faker, 400);
  }

  private place() {
    const p = this.rng.pick(this.pools.places);
    return { ...p, country: this.vocab.country };
  }

  private fill(template: string, parts: Record<string, string>): string {
    return template.replace(/\{(\w+)\}/g, (_, key: string) => parts[key] ?? '');
  }

  member(index: number): Values {
    const sex: Sex = index % 2 === 0 ? 'female' : 'male';
    const first = this.rng.pick(this.pools.firstNames[sex]);
    const last = this.rng.pick(this.pools.lastNames);
    return {
      name: `${first} ${last}`,
      email: `${slug(first.split(' ')[0]!)}.${slug(last.split(' ')[0]!)}@${this.vocab.ownDomain}`,
      role: index === 0 ? 'owner' : index === 1 ? 'admin' : 'member',
      active: true,
    };
  }

  pipeline(): Values {
    return { name: this.vocab.pipelineName, position: 0, archived: false };
  }

  stage(pipelineId: string, spec: StageSpec, position: number): Values {
    return { pipelineId, ...spec, position, archived: false };
  }

  /** A company and the facts later records need about it. */
  company(id: string, owners: string[]): { values: Values; info: CompanyInfo } {
    const { rng, vocab } = this;
    const name = rng.chance(0.5)
      ? rng.pick(this.pools.companyNames)
      : this.fill(rng.pick(vocab.companyPatterns), {
          last: rng.pick(this.pools.lastNames).split(' ')[0]!,
          city: rng.pick(this.pools.places).city,
        });
    const words = foldText(name)
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !LEGAL_WORDS.has(w));
    const base = words.slice(0, 3).join('-') || 'empresa';
    const tld = rng.weighted(vocab.companyTld);
    let domain = `${base}.${tld}`;
    for (let n = 2; this.usedDomains.has(domain); n++) domain = `${base}${n}.${tld}`;
    this.usedDomains.add(domain);

    const type: CompanyType = rng.weighted([
      ['customer', 30],
      ['prospect', 40],
      ['partner', 8],
      ['supplier', 6],
      ['distributor', 4],
      ['reseller', 5],
      ['competitor', 2],
      ['other', 5],
    ] satisfies [CompanyType, number][]);
    const lifecycleStage: LifecycleStage =
      type === 'customer'
        ? rng.weighted([
            ['customer', 6],
            ['loyal_customer', 3],
            ['advocate', 1],
          ])
        : type === 'prospect'
          ? rng.weighted([
              ['lead', 5],
              ['qualified_lead', 3],
              ['opportunity', 2],
            ])
          : 'customer';
    // A long tail of small businesses and a few large ones.
    const employees = Math.max(1, Math.round(Math.exp(rng.next() * Math.log(5000))));
    const revenuePerHead = rng.int(40, 220) * 1000;
    const industry = rng.pick(vocab.industries);
    const place = this.place();
    const ownerId = owners.length ? rng.pick(owners) : null;
    const phones: Labeled[] = [{ value: this.phones.make('landline'), label: 'work' }];
    const emails: Labeled[] = [{ value: `${vocab.language === 'es' ? 'info' : 'hello'}@${domain}`, label: 'work' }];
    if (rng.chance(0.4))
      emails.push({ value: `${vocab.language === 'es' ? 'ventas' : 'sales'}@${domain}`, label: 'work' });
    const industryText = vocab.language === 'es' ? industry.toLocaleLowerCase('es') : industry;
    const values: Values = {
      name,
      domain,
      industry,
      type,
      employees,
      annualRevenue: Math.round((employees * revenuePerHead) / 1000) * 1000,
      emails,
      phones,
      addresses: [{ label: 'billing', ...place }],
      social: rng.chance(0.6) ? { linkedin: `https://www.linkedin.com/company/${base}` } : {},
      ownerId,
      lifecycleStage,
      description: this.fill(vocab.companyBlurb, { industry: industryText, city: place.city }),
    };
    return { values, info: { id, name, domain, ownerId, contacts: [], deals: [] } };
  }

  /** A contact; `company` (or null) is the one it works at, which gives it a work address. */
  contact(company: CompanyInfo | null, owners: string[]): { values: Values; name: string } {
    const { rng, vocab, pools } = this;
    const sex: Sex = rng.chance(0.5) ? 'female' : 'male';
    const firstName = rng.pick(pools.firstNames[sex]);
    const lastName = rng.pick(pools.lastNames);
    const middleName = vocab.language === 'en' && rng.chance(0.1) ? rng.pick(pools.middleNames) : null;
    const prefix = rng.chance(0.03) ? rng.pick(vocab.prefixes[sex]) : null;
    const department = rng.pick(vocab.departments);
    const titleForms = rng.pick(department.titles).split('|');
    const jobTitle = (sex === 'female' ? titleForms[1] : undefined) ?? titleForms[0]!;

    const first = slug(firstName.split(' ')[0]!);
    const last = slug(lastName.split(' ')[0]!);
    const emails: Labeled[] = [];
    if (company) emails.push({ value: `${first}.${last}@${company.domain}`, label: 'work' });
    if (!company || rng.chance(0.25)) {
      const local = rng.weighted([
        [`${first}.${last}`, 4],
        [`${first}${last}${rng.int(1, 99)}`, 3],
        [`${first[0]}${last}`, 2],
        [`${first}_${last}${rng.int(60, 99)}`, 1],
      ]);
      emails.push({ value: `${local}@${rng.weighted(vocab.personalDomains)}`, label: 'personal' });
    }
    const phones: Labeled[] = [{ value: this.phones.make('mobile'), label: 'mobile' }];
    if (rng.chance(0.35)) phones.push({ value: this.phones.make('landline'), label: 'work' });

    const lifecycleStage: LifecycleStage = rng.weighted([
      ['subscriber', 10],
      ['lead', 30],
      ['qualified_lead', 15],
      ['opportunity', 10],
      ['customer', 20],
      ['loyal_customer', 6],
      ['advocate', 3],
      ['churned', 6],
    ]);
    const emailOptOut = rng.chance(0.04);
    const otherLanguage = vocab.language === 'es' ? rng.pick(['en', 'ca', 'fr']) : 'es';
    const birthday = rng.chance(0.3)
      ? `${rng.int(1958, 2001)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : null;
    const values: Values = {
      prefix,
      firstName,
      middleName,
      lastName,
      emails,
      phones,
      jobTitle,
      department: department.name,
      addresses: rng.chance(0.4) ? [{ label: company ? 'work' : 'home', ...this.place() }] : [],
      birthday,
      social: rng.chance(0.25) ? { linkedin: `https://www.linkedin.com/in/${first}-${last}-${rng.digits(4)}` } : {},
      preferredLanguage: rng.chance(0.93) ? vocab.language : otherLanguage,
      leadSource: rng.weighted(vocab.leadSources),
      lifecycleStage,
      ownerId: company?.ownerId ?? (owners.length ? rng.pick(owners) : null),
      emailOptOut,
      emailOptOutAt: emailOptOut ? this.now - rng.int(1, 400) * DAY : null,
    };
    const name = [prefix, firstName, middleName, lastName].filter(Boolean).join(' ');
    return { values, name };
  }

  contactCompany(contactId: string, companyId: string, isPrimary: boolean): Values {
    return { contactId, companyId, isPrimary, role: this.rng.pick(this.vocab.contactRoles) };
  }

  deal(company: CompanyInfo | null, pipelineId: string, stages: StageInfo[], owners: string[]): Values {
    const { rng, vocab, now } = this;
    const stage = rng.weighted(stages.map((s) => [s, s.kind === 'open' ? 14 : 15] as const));
    const product = rng.pick(vocab.products);
    const closed = stage.kind !== 'open';
    const closeDay = closed ? -rng.int(1, 180) : rng.int(3, 150);
    const expectedClose = new Date(now + closeDay * DAY).toISOString().slice(0, 10);
    const engagedAt = now - rng.int(closed ? 200 : 10, closed ? 400 : 200) * DAY;
    // Amounts in minor units, rounded to 50 of the currency: 1,500 .. ~120,000.
    const major = Math.round((1500 * Math.exp(rng.next() * Math.log(80))) / 50) * 50;
    return {
      title: company ? `${company.name} – ${product}` : product,
      pipelineId,
      stageId: stage.id,
      amount: major * 100,
      currency: vocab.currency,
      expectedClose,
      // The stage's default applies (null = no override), so moving the deal changes it.
      probability: null,
      companyId: company?.id ?? null,
      ownerId: company?.ownerId ?? (owners.length ? rng.pick(owners) : null),
      source: rng.weighted(vocab.leadSources),
      nextStep: closed ? null : rng.pick(vocab.nextSteps),
      lostReason: stage.kind === 'lost' ? rng.pick(vocab.lostReasons) : null,
      engagedAt,
      closedAt: closed ? now + closeDay * DAY : null,
      stageEnteredAt: closed ? now + closeDay * DAY : now - rng.int(0, 40) * DAY,
    };
  }

  dealContact(dealId: string, contactId: string): Values {
    return { dealId, contactId, role: this.rng.pick(this.vocab.dealRoles) };
  }

  /** An activity about a contact (and its company); `at` is when it happened or is due, for its links. */
  activity(contactName: string, companyName: string, owners: string[]): { values: Values; at: number } {
    const { rng, vocab, now } = this;
    const type: ActivityType = rng.weighted([
      ['call', 30],
      ['email', 25],
      ['meeting', 15],
      ['task', 20],
      ['note', 10],
    ]);
    const words = vocab.activities[type];
    const parts = {
      contact: contactName || companyName,
      company: companyName || contactName,
      product: rng.pick(vocab.products),
    };
    const subject = this.fill(rng.pick(words.subjects), parts);
    const body = this.fill(rng.pick(words.bodies), parts) || null;
    const ownerId = owners.length ? rng.pick(owners) : null;
    const minute = 60_000;
    // Working hours: round to the quarter hour.
    const day = (offsetDays: number) => {
      const t = now + offsetDays * DAY;
      return t - (t % (15 * minute));
    };
    const values: Values = { type, subject, body, ownerId, allDay: false };
    let at = now;
    if (type === 'task') {
      const due = day(rng.int(-30, 30));
      values.dueAt = due;
      if (due < now && rng.chance(0.8)) values.doneAt = due - rng.int(0, 2) * DAY;
      values.details = {
        priority: rng.weighted([
          ['low', 2],
          ['normal', 6],
          ['high', 2],
        ]),
      };
      at = due;
    } else if (type === 'note') {
      values.details = {};
      at = now - rng.int(0, 180) * DAY;
      values.startAt = at;
    } else {
      const future = type === 'meeting' && rng.chance(0.2);
      const start = day(future ? rng.int(1, 30) : -rng.int(0, 180));
      values.startAt = start;
      at = start;
      if (type === 'call') {
        const seconds = rng.int(30, 1800);
        values.endAt = start + seconds * 1000;
        values.details = {
          direction: rng.chance(0.7) ? 'outbound' : 'inbound',
          outcome: rng.weighted([
            ['connected', 6],
            ['no_answer', 2],
            ['voicemail', 1],
            ['busy', 1],
          ]),
          durationSeconds: seconds,
        };
      } else if (type === 'meeting') {
        values.endAt = start + rng.pick([30, 45, 60, 90]) * minute;
        values.details = { location: rng.pick(vocab.meetingPlaces) };
      } else {
        values.details = { direction: rng.chance(0.6) ? 'outbound' : 'inbound' };
      }
      if (!future) values.doneAt = values.endAt ?? start;
    }
    return { values, at };
  }
}
