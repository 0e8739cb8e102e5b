import { integer, real, text, sqliteTable, index } from 'drizzle-orm/sqlite-core';
import { syncedColumns, type Labeled } from './columns';

export const companies = sqliteTable(
  'companies',
  {
    ...syncedColumns(),
    name: text('name').notNull(),
    domain: text('domain'),
    industry: text('industry'),
    type: text('type'),
    employees: integer('employees'),
    annualRevenue: real('annual_revenue'),
    emails: text('emails', { mode: 'json' }).$type<Labeled[]>().notNull().default([]),
    phones: text('phones', { mode: 'json' }).$type<Labeled[]>().notNull().default([]),
    addresses: text('addresses', { mode: 'json' }).$type<Record<string, unknown>[]>().notNull().default([]),
    social: text('social', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    parentId: text('parent_id'),
    ownerId: text('owner_id'),
    lifecycleStage: text('lifecycle_stage'),
    description: text('description'),
    /** Local, derived: folded name for sorting (not synced; every replica derives it). */
    nameSort: text('name_sort').notNull().default(''),
  },
  (t) => [
    index('companies_name_sort').on(t.deleted, t.nameSort, t.id),
    index('companies_parent').on(t.parentId),
    index('companies_owner').on(t.ownerId),
  ],
);

export const contacts = sqliteTable(
  'contacts',
  {
    ...syncedColumns(),
    prefix: text('prefix'),
    firstName: text('first_name').notNull(),
    middleName: text('middle_name'),
    lastName: text('last_name'),
    suffix: text('suffix'),
    emails: text('emails', { mode: 'json' }).$type<Labeled[]>().notNull().default([]),
    phones: text('phones', { mode: 'json' }).$type<Labeled[]>().notNull().default([]),
    jobTitle: text('job_title'),
    department: text('department'),
    addresses: text('addresses', { mode: 'json' }).$type<Record<string, unknown>[]>().notNull().default([]),
    birthday: text('birthday'),
    social: text('social', { mode: 'json' }).$type<Record<string, string>>().notNull().default({}),
    preferredLanguage: text('preferred_language'),
    leadSource: text('lead_source'),
    lifecycleStage: text('lifecycle_stage'),
    ownerId: text('owner_id'),
    emailOptOut: integer('email_opt_out', { mode: 'boolean' }).notNull().default(false),
    emailOptOutAt: integer('email_opt_out_at'),
    phoneOptOut: integer('phone_opt_out', { mode: 'boolean' }).notNull().default(false),
    phoneOptOutAt: integer('phone_opt_out_at'),
    /** Local, derived: folded "last first middle" for sorting by name (not synced). */
    nameSort: text('name_sort').notNull().default(''),
  },
  (t) => [
    // The name order's index also carries the fields lists filter on most, so a filtered page tests
    // them on the index entry and reads only the rows that pass (a rare segment needs no full read).
    index('contacts_name_sort').on(t.deleted, t.nameSort, t.id, t.lifecycleStage, t.ownerId, t.createdAt),
    index('contacts_created').on(t.deleted, t.createdAt, t.id),
    index('contacts_updated').on(t.deleted, t.updatedAt, t.id),
    index('contacts_owner').on(t.ownerId),
  ],
);

/** A contact works at several companies, one of them primary. */
export const contactCompanies = sqliteTable(
  'contact_companies',
  {
    ...syncedColumns(),
    contactId: text('contact_id').notNull(),
    companyId: text('company_id').notNull(),
    role: text('role'),
    isPrimary: integer('is_primary', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('contact_companies_contact').on(t.contactId), index('contact_companies_company').on(t.companyId)],
);
