import type { Company, CustomField, MethodInput } from '../../../shared/contract';
import type { CompanyType } from '../../../shared/domain/company';
import type { LifecycleStage } from '../../../shared/domain/contact';
import type { CustomFormValues } from '../custom-fields/custom-values';
import { emptyAddress, toSocialValues, type AddressRow, type SocialValues } from '../records/address-values';
import type { Picked } from '../records/pickers/RemotePicker';
import {
  duplicateCheckReach,
  sharedCreateInput,
  sharedFieldShown,
  sharedUpdateInput,
  sharedValuesOf,
  type LabeledRow,
} from '../records/record-form-values';
import type { Prepared } from '../records/use-record-form';
import { parseNumberText } from '../custom-fields/custom-values';

export type CompanyCreateInput = MethodInput<'companies.create'>;
export type CompanyUpdateInput = MethodInput<'companies.update'>;

export interface CompanyFormValues {
  name: string;
  domain: string;
  industry: string;
  type: CompanyType | null;
  /** Typed text, so "12abc" reaches the back end and is refused there under the field. */
  employees: string;
  annualRevenue: string;
  description: string;
  lifecycleStage: LifecycleStage | null;
  ownerId: string | null;
  parent: Picked | null;
  emails: LabeledRow[];
  phones: LabeledRow[];
  addresses: AddressRow[];
  social: SocialValues;
  custom: CustomFormValues;
}

export const EMPTY_COMPANY: CompanyFormValues = {
  name: '',
  domain: '',
  industry: '',
  type: null,
  employees: '',
  annualRevenue: '',
  description: '',
  lifecycleStage: null,
  ownerId: null,
  parent: null,
  emails: [{ value: '', label: 'work' }],
  phones: [{ value: '', label: 'work' }],
  addresses: [emptyAddress('billing')],
  social: toSocialValues({}),
  custom: {},
};

export function fromCompany(c: Company, fields: CustomField[], parent: Picked | null): CompanyFormValues {
  return {
    name: c.name,
    domain: c.domain ?? '',
    industry: c.industry ?? '',
    type: c.type,
    employees: c.employees === null ? '' : String(c.employees),
    annualRevenue: c.annualRevenue === null ? '' : String(c.annualRevenue),
    description: c.description ?? '',
    lifecycleStage: c.lifecycleStage,
    ownerId: c.ownerId,
    parent,
    ...sharedValuesOf(c, fields),
  };
}

/** Numbers as typed; text that is not one goes as it is, for the back end to refuse with its message. */
const numberOrText = (s: string): number | null => (s.trim() === '' ? null : (parseNumberText(s) as number));

export function toCompanyCreate(v: CompanyFormValues, fields: CustomField[]): Prepared<CompanyCreateInput> {
  const input: CompanyCreateInput = { name: v.name };
  if (v.domain.trim()) input.domain = v.domain.trim();
  if (v.industry.trim()) input.industry = v.industry.trim();
  if (v.description.trim()) input.description = v.description.trim();
  if (v.type) input.type = v.type;
  if (v.lifecycleStage) input.lifecycleStage = v.lifecycleStage;
  if (v.ownerId) input.ownerId = v.ownerId;
  if (v.parent) input.parentId = v.parent.id;
  const employees = numberOrText(v.employees);
  if (employees !== null) input.employees = employees;
  const revenue = numberOrText(v.annualRevenue);
  if (revenue !== null) input.annualRevenue = revenue;
  const shared = sharedCreateInput(v, fields);
  return { input: { ...input, ...shared.input }, rows: shared.rows };
}

export function toCompanyUpdate(id: string, v: CompanyFormValues, fields: CustomField[]): Prepared<CompanyUpdateInput> {
  const shared = sharedUpdateInput(v, fields);
  const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
  const input: CompanyUpdateInput = {
    id,
    name: v.name,
    domain: orNull(v.domain),
    industry: orNull(v.industry),
    description: orNull(v.description),
    type: v.type,
    lifecycleStage: v.lifecycleStage,
    ownerId: v.ownerId,
    parentId: v.parent?.id ?? null,
    employees: numberOrText(v.employees),
    annualRevenue: numberOrText(v.annualRevenue),
    ...shared.input,
  };
  return { input, rows: shared.rows };
}

const SIMPLE = new Set([
  'name',
  'domain',
  'industry',
  'type',
  'employees',
  'annualRevenue',
  'description',
  'lifecycleStage',
  'ownerId',
  'parentId',
  'emails',
  'phones',
  'addresses',
]);

export function companyFieldShown(key: string, fields: CustomField[]): boolean {
  return SIMPLE.has(key) || sharedFieldShown(key, fields);
}

export function companyDuplicateCheck(v: CompanyFormValues, excludeId?: string): MethodInput<'duplicates.check'> {
  return {
    entity: 'companies',
    ...(excludeId ? { excludeId } : {}),
    name: v.name.trim().slice(0, 200),
    domain: v.domain.trim().slice(0, 253),
    ...duplicateCheckReach(v),
  };
}
