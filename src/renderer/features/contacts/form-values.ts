import type {
  Contact,
  ContactCompanyLink,
  ContactCreateInput,
  ContactUpdateInput,
  CustomField,
  MethodInput,
} from '../../../shared/contract';
import type { LifecycleStage } from '../../../shared/domain/contact';
import {
  addressInput,
  socialInput,
  toAddressRows,
  toSocialValues,
  type AddressRow,
  type SocialValues,
} from '../records/address-values';
import { customPatch, formValuesOf, type CustomFormValues } from '../custom-fields/custom-values';
import { keptRows, type Prepared } from '../records/use-record-form';

export interface LabeledRow {
  value: string;
  label: string;
}

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
    emails: c.emails.map((e) => ({ value: e.value, label: e.label ?? '' })),
    phones: c.phones.map((p) => ({ value: p.value, label: p.label ?? '' })),
    addresses: toAddressRows(c.addresses),
    social: toSocialValues(c.social),
    custom: formValuesOf(fields, c.custom),
    companies: toLinkRows(links),
  };
}

const labeled = (rows: LabeledRow[]) => {
  const kept = keptRows(rows, (r) => r.value.trim() !== '');
  return {
    values: kept.rows.map((r) => (r.label ? { value: r.value, label: r.label } : { value: r.value })),
    index: kept.index,
  };
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** A new contact sends only what was filled in; empty email, phone and address rows are left out. */
export function toCreateInput(v: ContactFormValues, fields: CustomField[]): Prepared<ContactCreateInput> {
  const emails = labeled(v.emails);
  const phones = labeled(v.phones);
  const addresses = addressInput(v.addresses);
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
  if (emails.values.length) input.emails = emails.values;
  if (phones.values.length) input.phones = phones.values;
  if (addresses.values.length) input.addresses = addresses.values;
  const social = socialInput(v.social);
  if (Object.keys(social).length) input.social = social;
  const custom = customPatch(fields, v.custom, 'create');
  if (custom) input.custom = custom;
  return { input, rows: { emails: emails.index, phones: phones.index, addresses: addresses.index } };
}

/** An edit sends every field of the form; cleared ones become null so they are cleared. */
export function toUpdateInput(id: string, v: ContactFormValues, fields: CustomField[]): Prepared<ContactUpdateInput> {
  const emails = labeled(v.emails);
  const phones = labeled(v.phones);
  const addresses = addressInput(v.addresses);
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
    emails: emails.values,
    phones: phones.values,
    addresses: addresses.values,
    social: socialInput(v.social),
  };
  const custom = customPatch(fields, v.custom, 'update');
  if (custom) input.custom = custom;
  return { input, rows: { emails: emails.index, phones: phones.index, addresses: addresses.index } };
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
  if (SIMPLE_FIELDS.has(key)) return true;
  if (/^(emails|phones)\.\d+\.(value|label)$/.test(key)) return true;
  if (/^addresses\.\d+\.(label|street|city|region|postalCode|country)$/.test(key)) return true;
  if (/^social\.(linkedin|x|facebook|instagram)$/.test(key)) return true;
  const custom = /^custom\.(.+)$/.exec(key);
  return !!custom && fields.some((f) => f.key === custom[1]);
}

/** What the live duplicate check compares: names, emails, phones and companies as typed. */
export function duplicateCheckOf(v: ContactFormValues, excludeId?: string): MethodInput<'duplicates.check'> {
  return {
    entity: 'contacts',
    ...(excludeId ? { excludeId } : {}),
    firstName: v.firstName.trim().slice(0, 100),
    lastName: v.lastName.trim().slice(0, 100),
    emails: v.emails.map((e) => e.value.trim()).filter((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)),
    phones: v.phones.map((p) => p.value.trim()).filter((p) => p.replace(/\D/g, '').length >= 6),
    companyIds: v.companies.map((c) => c.companyId),
  };
}
