import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../domain/contact';
import { defineMethod } from './define';
import { idInput, idSchema, isoDate, optionalText, pageOf, recordMeta } from './common';
import { fieldsOutput, recordListInput } from './lists';
import { addressSchema, emailInput, labeledValue, phoneInput, socialSchema } from './parts';

export { emailInput, phoneInput };

const contactFields = {
  prefix: optionalText(20),
  firstName: z.string().trim().min(1, { error: 'validation.required' }).max(100, { error: 'validation.too_long' }),
  middleName: optionalText(100),
  lastName: optionalText(100),
  suffix: optionalText(20),
  emails: z.array(emailInput).max(20, { error: 'validation.too_big' }).optional(),
  phones: z.array(phoneInput).max(20, { error: 'validation.too_big' }).optional(),
  jobTitle: optionalText(200),
  department: optionalText(200),
  addresses: z.array(addressSchema).max(10, { error: 'validation.too_big' }).optional(),
  social: socialSchema.optional(),
  birthday: isoDate.nullable().optional(),
  preferredLanguage: optionalText(10),
  leadSource: optionalText(100),
  lifecycleStage: z.enum(LIFECYCLE_STAGES, { error: 'validation.invalid_value' }).nullable().optional(),
  ownerId: idSchema.nullable().optional(),
  emailOptOut: z.boolean().optional(),
  phoneOptOut: z.boolean().optional(),
  custom: z.record(z.string(), z.unknown()).optional(),
};

export const contactCreateInput = z.strictObject(contactFields);
export type ContactCreateInput = z.input<typeof contactCreateInput>;

export const contactUpdateInput = z.strictObject({
  id: idSchema,
  ...contactFields,
  firstName: contactFields.firstName.optional(),
});
export type ContactUpdateInput = z.input<typeof contactUpdateInput>;

export const contactSchema = z.object({
  ...recordMeta,
  prefix: z.string().nullable(),
  firstName: z.string(),
  middleName: z.string().nullable(),
  lastName: z.string().nullable(),
  suffix: z.string().nullable(),
  displayName: z.string(),
  emails: z.array(labeledValue),
  phones: z.array(labeledValue),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  addresses: z.array(addressSchema),
  social: socialSchema,
  birthday: z.string().nullable(),
  preferredLanguage: z.string().nullable(),
  leadSource: z.string().nullable(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).nullable(),
  ownerId: z.string().nullable(),
  emailOptOut: z.boolean(),
  emailOptOutAt: z.number().int().nullable(),
  phoneOptOut: z.boolean(),
  phoneOptOutAt: z.number().int().nullable(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactListInput = recordListInput;
export type ContactListInput = z.input<typeof contactListInput>;

export const contactsMethods = {
  'contacts.create': defineMethod({
    summary: 'Create a contact. Emails are lower-cased and phones normalised to E.164 in the default country.',
    input: contactCreateInput,
    output: contactSchema,
  }),
  'contacts.get': defineMethod({
    summary: 'One contact by id, including deleted ones (they show as `deleted: true`).',
    input: idInput,
    output: contactSchema,
  }),
  'contacts.list': defineMethod({
    summary:
      'A page of contacts: words, filter-builder tree, sorts, quick filters (owner, tag, ids). Pass `nextCursor` back as `cursor` for the next page.',
    input: contactListInput,
    output: pageOf(contactSchema),
  }),
  'contacts.count': defineMethod({
    summary: 'How many contacts match the same filter as `contacts.list`.',
    // The same input as the list (paging and sort are accepted and ignored), so a script can count what it lists.
    input: contactListInput,
    output: z.object({ count: z.number().int() }),
  }),
  'contacts.fields': defineMethod({
    summary: 'The fields contact lists can filter and sort on (custom fields included), with their kind.',
    input: z.strictObject({}),
    output: fieldsOutput,
  }),
  'contacts.update': defineMethod({
    summary: 'Change some fields of a contact; fields not given are left as they are, `null` clears one.',
    input: contactUpdateInput,
    output: contactSchema,
  }),
  'contacts.delete': defineMethod({
    summary: 'Move a contact to the trash (restorable).',
    input: idInput,
    output: contactSchema,
  }),
  'contacts.restore': defineMethod({
    summary: 'Bring a contact back from the trash.',
    input: idInput,
    output: contactSchema,
  }),
};
