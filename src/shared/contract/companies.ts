import { z } from 'zod';
import { COMPANY_TYPES } from '../domain/company';
import { LIFECYCLE_STAGES } from '../domain/contact';
import { idInput, idSchema, optionalText, pageOf, recordMeta } from './common';
import { fieldsOutput, recordListInput } from './lists';
import { defineMethod } from './define';
import { addressSchema, emailInput, labeledValue, phoneInput, socialSchema } from './parts';

const companyFields = {
  name: z.string().trim().min(1, { error: 'validation.required' }).max(200, { error: 'validation.too_long' }),
  /** A website or bare domain; stored as the bare domain ("acme.com"). */
  domain: z.string().trim().max(253, { error: 'validation.too_long' }).nullable().optional(),
  industry: optionalText(100),
  type: z.enum(COMPANY_TYPES, { error: 'validation.invalid_value' }).nullable().optional(),
  employees: z
    .number({ error: 'validation.invalid_type' })
    .int()
    .min(0, { error: 'validation.too_small' })
    .nullable()
    .optional(),
  annualRevenue: z
    .number({ error: 'validation.invalid_type' })
    .min(0, { error: 'validation.too_small' })
    .nullable()
    .optional(),
  emails: z.array(emailInput).max(20, { error: 'validation.too_big' }).optional(),
  phones: z.array(phoneInput).max(20, { error: 'validation.too_big' }).optional(),
  /** Billing and shipping (and any other) addresses, told apart by their label. */
  addresses: z.array(addressSchema).max(10, { error: 'validation.too_big' }).optional(),
  social: socialSchema.optional(),
  parentId: idSchema.nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES, { error: 'validation.invalid_value' }).nullable().optional(),
  description: optionalText(10_000),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const companyCreateInput = z.strictObject(companyFields);
export const companyUpdateInput = z.strictObject({
  id: idSchema,
  ...companyFields,
  name: companyFields.name.optional(),
});

export const companySchema = z.object({
  ...recordMeta,
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  type: z.enum(COMPANY_TYPES).nullable(),
  employees: z.number().int().nullable(),
  annualRevenue: z.number().nullable(),
  emails: z.array(labeledValue),
  phones: z.array(labeledValue),
  addresses: z.array(addressSchema),
  social: socialSchema,
  parentId: z.string().nullable(),
  ownerId: z.string().nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).nullable(),
  description: z.string().nullable(),
});
export type Company = z.infer<typeof companySchema>;

export const companyListInput = recordListInput.extend({
  /** Only the direct subsidiaries of this company. */
  parentId: idSchema.optional(),
});

export const contactCompanyLinkSchema = z.object({
  id: z.string(),
  contactId: z.string(),
  companyId: z.string(),
  role: z.string().nullable(),
  isPrimary: z.boolean(),
  /** The other side's display name (the company's for a contact, the contact's for a company). */
  name: z.string(),
});
export type ContactCompanyLink = z.infer<typeof contactCompanyLinkSchema>;

export const companiesMethods = {
  'companies.create': defineMethod({
    summary: 'Create a company (account). A website is stored as its bare domain.',
    input: companyCreateInput,
    output: companySchema,
  }),
  'companies.get': defineMethod({ summary: 'One company by id.', input: idInput, output: companySchema }),
  'companies.list': defineMethod({
    summary: 'A page of companies, keyset-paginated like `contacts.list`; `parentId` lists subsidiaries.',
    input: companyListInput,
    output: pageOf(companySchema),
  }),
  'companies.count': defineMethod({
    summary: 'How many companies match the same filter as `companies.list`.',
    // The same input as the list (paging and sort are accepted and ignored), so a script can count what it lists.
    input: companyListInput,
    output: z.object({ count: z.number().int() }),
  }),
  'companies.fields': defineMethod({
    summary: 'The fields company lists can filter and sort on (custom fields included), with their kind.',
    input: z.strictObject({}),
    output: fieldsOutput,
  }),
  'companies.update': defineMethod({
    summary: 'Change some fields of a company; a parent that would make a cycle is refused.',
    input: companyUpdateInput,
    output: companySchema,
  }),
  'companies.delete': defineMethod({ summary: 'Move a company to the trash.', input: idInput, output: companySchema }),
  'companies.restore': defineMethod({
    summary: 'Bring a company back from the trash.',
    input: idInput,
    output: companySchema,
  }),
  'companies.contacts': defineMethod({
    summary: 'The contacts linked to a company, with their role; the primary ones first.',
    input: idInput,
    output: z.object({ items: z.array(contactCompanyLinkSchema) }),
  }),
  'contacts.companies': defineMethod({
    summary: 'The companies a contact works at, with role; the primary one first.',
    input: idInput,
    output: z.object({ items: z.array(contactCompanyLinkSchema) }),
  }),
  'contacts.linkCompany': defineMethod({
    summary: 'Link a contact to a company with a role (or change the role); `isPrimary` makes it the primary one.',
    input: z.strictObject({
      contactId: idSchema,
      companyId: idSchema,
      role: z.string().trim().max(100, { error: 'validation.too_long' }).nullable().optional(),
      isPrimary: z.boolean().optional(),
    }),
    output: contactCompanyLinkSchema,
  }),
  'contacts.unlinkCompany': defineMethod({
    summary: 'Remove the link between a contact and a company.',
    input: z.strictObject({ contactId: idSchema, companyId: idSchema }),
    output: z.object({ removed: z.boolean() }),
  }),
};
