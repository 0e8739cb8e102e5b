import type {
  Contact,
  ContactCompanyLink,
  ContactCreateInput,
  ContactUpdateInput,
  CustomField,
  MethodInput,
} from '../../../shared/contract';
import type { LifecycleStage } from '../../../shared/domain/contact';
import { toSocialValues, type AddressRow, type SocialValues } from '../records/address-values';
import type { CustomFormValues } from '../custom-fields/custom-values';
import {
  duplicateCheckReach,
  sharedCreateInput,
  sharedFieldShown,
  sharedUpdateInput,
  sharedValuesOf,
  type LabeledRow,
} from '../records/record-form-values';
import type { Prepared } from '../records/use-record-form';

export type { LabeledRow } from '../records/record-form-values';

/** A company the contact works at, as edited in the form. */
export interface CompanyLinkRow {
  companyId: string;
  name: string;
  role: string;
  isPrimary: boolean;
}

export interface ContactFormValues {
  prefix: string;
  firstName: string;
  middleName: string;
  lastName: string;
  suffix: string;
  jobTitle: string;
  department: string;
  birthday: string;
  preferredLanguage: string | null;
  leadSource: string;
  lifecycleStage: LifecycleStage | null;
  ownerId: string | null;
  emailOptOut: boolean;
  phoneOptOut: boolean;
  emails: LabeledRow[];
  phones: LabeledRow[];
  addresses: AddressRow[];
  social: SocialValues;
  custom: CustomFormValues;
  companies: CompanyLinkRow[];
}

export const EMPTY_FORM: ContactFormValues = {
  prefix: '',
  firstName: '',
  middleName: '',
  lastName: '',
  suffix: '',
  jobTitle: '',
  department: '',
  birthday: '',
  preferredLanguage: null,
  leadSource: '',
  lifecycleStage: null,
  ownerId: null,
  emailOptOut: false,
  phoneOptOut: false,
  emails: [{ value: '', label: 'work' }],
  phones: [{ value: '', label: 'mobile' }],
  addresses: [],
  social: toSocialValues({}),
  custom: {},
  companies: [],
};

export function toLinkRows(links: ContactCompanyLink[]): CompanyLinkRow[] {
  return links.map((l) => ({ companyId: l.companyId, name: l.name, role: l.role ?? '', isPrimary: l.isPrimary }));
}

export function fromContact(c: Contact, fields: CustomField[], links: ContactCompanyLink[]): ContactFormValues {
  return {
    prefix: c.prefix ?? '',
    firstName: c.firstName,
    middleName: c.middleName ?? '',
    lastName: c.lastName ?? '',
    suffix: c.suffix ?? '',
    jobTitle: c.jobTitle ?? '',
    department: c.department ?? '',
    birthday: c.birthday ?? '',
    preferredLanguage: c.preferredLanguage,
    leadSource: c.leadSource ?? '',
    lifecycleStage: c.lifecycleStage,
    ownerId: c.ownerId,
    emailOptOut: c.emailOptOut,
    phoneOptOut: c.phoneOptOut,
    ...sharedValuesOf(c, fields),
    companies: toLinkRows(links),
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** A new contact sends only what was filled in; empty email, phone and address rows are left out. */
export function toCreateInput(v: ContactFormValues, fields: CustomField[]): Prepared<ContactCreateInput> {
  const input: ContactCreateInput = { firstName: v.firstName };
  for (const key of ['prefix', 'middleName', 'lastName', 'suffix', 'jobTitle', 'department', 'leadSource'] as const) {
    if (v[key].trim()) input[key] = v[key].trim();
  }
  if (v.birthday) input.birthday = v.birthday;
  if (v.preferredLanguage) input.preferredLanguage = v.preferredLanguage;
  if (v.lifecycleStage) input.lifecycleStage = v.lifecycleStage;
  if (v.ownerId) input.ownerId = v.ownerId;
  if (v.emailOptOut) input.emailOptOut = true;
  if (v.phoneOptOut) input.phoneOptOut = true;
  const shared = sharedCreateInput(v, fields);
  return { input: { ...input, ...shared.input }, rows: shared.rows };
}

/** An edit sends every field of the form; cleared ones become null so they are cleared. */
export function toUpdateInput(id: string, v: ContactFormValues, fields: CustomField[]): Prepared<ContactUpdateInput> {
  const shared = sharedUpdateInput(v, fields);
  const input: ContactUpdateInput = {
    id,
    prefix: orNull(v.prefix),
    firstName: v.firstName,
    middleName: orNull(v.middleName),
    lastName: orNull(v.lastName),
    suffix: orNull(v.suffix),
    jobTitle: orNull(v.jobTitle),
    department: orNull(v.department),
    birthday: v.birthday || null,
    preferredLanguage: v.preferredLanguage,
    leadSource: orNull(v.leadSource),
    lifecycleStage: v.lifecycleStage,
    ownerId: v.ownerId,
    emailOptOut: v.emailOptOut,
    phoneOptOut: v.phoneOptOut,
    ...shared.input,
  };
  return { input, rows: shared.rows };
}

const SIMPLE_FIELDS = new Set([
  'prefix',
  'firstName',
  'middleName',
  'lastName',
  'suffix',
  'jobTitle',
  'department',
  'birthday',
  'preferredLanguage',
  'leadSource',
  'lifecycleStage',
  'ownerId',
  'emails',
  'phones',
  'addresses',
]);

/** Whether the contact form has a place for an issue at `key`; the others are listed on top. */
export function contactFieldShown(key: string, fields: CustomField[]): boolean {
  return SIMPLE_FIELDS.has(key) || sharedFieldShown(key, fields);
}

/** What the live duplicate check compares: names, emails, phones and companies as typed. */
export function duplicateCheckOf(v: ContactFormValues, excludeId?: string): MethodInput<'duplicates.check'> {
  return {
    entity: 'contacts',
    ...(excludeId ? { excludeId } : {}),
    firstName: v.firstName.trim().slice(0, 100),
    lastName: v.lastName.trim().slice(0, 100),
    ...duplicateCheckReach(v),
    companyIds: v.companies.map((c) => c.companyId),
  };
}
