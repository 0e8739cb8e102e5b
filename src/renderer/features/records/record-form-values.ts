import type { Contact, ContactCreateInput, CustomField, MethodInput } from '../../../shared/contract';
import { customPatch, formValuesOf, type CustomFormValues } from '../custom-fields/custom-values';
import {
  addressInput,
  socialInput,
  toAddressRows,
  toSocialValues,
  type AddressRow,
  type SocialValues,
} from './address-values';
import { keptRows, type RowMaps } from './use-record-form';

/** An email or phone as edited in a form: the label may be empty. */
export interface LabeledRow {
  value: string;
  label: string;
}

/** The values every record form has, whatever the record. */
export interface SharedFormValues {
  emails: LabeledRow[];
  phones: LabeledRow[];
  addresses: AddressRow[];
  social: SocialValues;
  custom: CustomFormValues;
}

/** What contacts and companies both store (the same parts of the contract). */
type SharedRecord = Pick<Contact, 'emails' | 'phones' | 'addresses' | 'social' | 'custom'>;

/** A stored record's emails, phones, addresses, social profiles and custom fields, as the form edits them. */
export function sharedValuesOf(r: SharedRecord, fields: CustomField[]): SharedFormValues {
  return {
    emails: r.emails.map((e) => ({ value: e.value, label: e.label ?? '' })),
    phones: r.phones.map((p) => ({ value: p.value, label: p.label ?? '' })),
    addresses: toAddressRows(r.addresses),
    social: toSocialValues(r.social),
    custom: formValuesOf(fields, r.custom),
  };
}

const labeled = (rows: LabeledRow[]) => {
  const kept = keptRows(rows, (r) => r.value.trim() !== '');
  return {
    values: kept.rows.map((r) => (r.label ? { value: r.value, label: r.label } : { value: r.value })),
    index: kept.index,
  };
};

/** The shared lists without their empty rows, and where each kept row is on screen. */
function sharedLists(v: SharedFormValues) {
  const emails = labeled(v.emails);
  const phones = labeled(v.phones);
  const addresses = addressInput(v.addresses);
  const rows: RowMaps = { emails: emails.index, phones: phones.index, addresses: addresses.index };
  return { emails: emails.values, phones: phones.values, addresses: addresses.values, rows };
}

/** What a new record sends of the shared values: only what was filled in. */
export function sharedCreateInput(v: SharedFormValues, fields: CustomField[]) {
  const { emails, phones, addresses, rows } = sharedLists(v);
  const input: Pick<ContactCreateInput, 'emails' | 'phones' | 'addresses' | 'social' | 'custom'> = {};
  if (emails.length) input.emails = emails;
  if (phones.length) input.phones = phones;
  if (addresses.length) input.addresses = addresses;
  const social = socialInput(v.social);
  if (Object.keys(social).length) input.social = social;
  const custom = customPatch(fields, v.custom, 'create');
  if (custom) input.custom = custom;
  return { input, rows };
}

/** What an edit sends of the shared values: all of them, emptied lists included. */
export function sharedUpdateInput(v: SharedFormValues, fields: CustomField[]) {
  const { emails, phones, addresses, rows } = sharedLists(v);
  const custom = customPatch(fields, v.custom, 'update');
  const input = { emails, phones, addresses, social: socialInput(v.social), ...(custom ? { custom } : {}) };
  return { input, rows };
}

/** Whether a record form has a place for an issue at `key` among the shared values. */
export function sharedFieldShown(key: string, fields: CustomField[]): boolean {
  if (/^(emails|phones)\.\d+\.(value|label)$/.test(key)) return true;
  if (/^addresses\.\d+\.(label|street|city|region|postalCode|country)$/.test(key)) return true;
  if (/^social\.(linkedin|x|facebook|instagram)$/.test(key)) return true;
  const custom = /^custom\.(.+)$/.exec(key);
  return !!custom && fields.some((f) => f.key === custom[1]);
}

/** The emails and phones the live duplicate check compares: only those that look complete. */
export function duplicateCheckReach(v: SharedFormValues): Pick<MethodInput<'duplicates.check'>, 'emails' | 'phones'> {
  return {
    emails: v.emails.map((e) => e.value.trim()).filter((e) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)),
    phones: v.phones.map((p) => p.value.trim()).filter((p) => p.replace(/\D/g, '').length >= 6),
  };
}
