import { useTranslation } from 'react-i18next';
import type { Address, CustomField } from '../../../shared/contract';
import { useFormat } from '../../lib/format';
import { formatPhone } from '../../lib/phone';
import { customValueText } from '../custom-fields/CustomFieldValue';
import { useMemberName } from '../members/workspace-store';
import { addressLines } from '../records/address-values';
import { localDate } from '../records/dates';
import { dynamicT, textOr } from '../records/dynamic-t';
import { useMoney } from '../records/money';
import { useLanguageName, useRegionName } from '../records/pickers/regions';

/** Bookkeeping a person does not need to read about. */
const HIDDEN = new Set([
  'id',
  'deleted',
  'mergedInto',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'nameSort',
  'emailOptOutAt',
  'phoneOptOutAt',
  'displayName',
]);

/** Where each field's name lives in the catalogue, for contacts and companies alike. */
export const FIELD_LABEL_KEYS: Record<string, string> = {
  prefix: 'records.field_prefix',
  firstName: 'contacts.field_first_name',
  middleName: 'records.field_middle_name',
  lastName: 'contacts.field_last_name',
  suffix: 'records.field_suffix',
  emails: 'contacts.field_emails',
  phones: 'contacts.field_phones',
  jobTitle: 'contacts.field_job_title',
  department: 'contacts.field_department',
  addresses: 'records.section_addresses',
  social: 'records.section_social',
  birthday: 'records.field_birthday',
  preferredLanguage: 'records.field_language',
  leadSource: 'records.field_lead_source',
  lifecycleStage: 'contacts.field_stage',
  ownerId: 'records.field_owner',
  emailOptOut: 'records.email_opt_out',
  phoneOptOut: 'records.phone_opt_out',
  name: 'records.field_company_name',
  domain: 'records.field_website',
  industry: 'records.field_industry',
  type: 'records.field_company_type',
  employees: 'records.field_employees',
  annualRevenue: 'records.field_revenue',
  parentId: 'records.field_parent',
  description: 'records.field_description',
};

export interface FieldChange {
  field: string;
  label: string;
  from: string;
  to: string;
}

const empty = (v: unknown) =>
  v === null ||
  v === undefined ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

/**
 * Turns the audit history's `{ field: [old, new] }` into lines people read ("Job title: CEO →
 * CTO"), in the UI language, with custom fields under their current names.
 */
export function useChangeText(customFields: CustomField[]) {
  const { t } = useTranslation();
  const tx = dynamicT(t);
  const format = useFormat();
  const money = useMoney();
  const memberName = useMemberName();
  const regionName = useRegionName();
  const languageName = useLanguageName();
  const dash = '—';

  const valueText = (field: string, value: unknown): string => {
    if (empty(value)) return dash;
    switch (field) {
      case 'lifecycleStage':
        return textOr(t, `stage.${String(value)}`, String(value));
      case 'type':
        return textOr(t, `records.company_type.${String(value)}`, String(value));
      case 'ownerId':
        return memberName(String(value)) ?? t('timeline.unknown_member');
      case 'parentId':
        return t('timeline.another_company');
      case 'emailOptOut':
      case 'phoneOptOut':
        return value === true ? t('records.yes') : t('records.no');
      case 'birthday': {
        const d = localDate(String(value));
        return d ? format.date(d.getTime()) : String(value);
      }
      case 'preferredLanguage':
        return languageName(String(value));
      case 'annualRevenue':
        return typeof value === 'number' ? money.format(value) : String(value);
      case 'employees':
        return typeof value === 'number' ? format.number(value) : String(value);
      case 'emails':
      case 'phones':
        return (value as { value: string }[])
          .map((v) => (field === 'phones' ? formatPhone(v.value) : v.value))
          .join(', ');
      case 'addresses':
        return (value as Address[]).map((a) => addressLines(a, regionName).join(', ')).join(' · ');
      case 'social':
        return Object.values(value as Record<string, string>).join(', ');
      default:
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    }
  };

  /** The readable changes of one audit entry, custom values one by one. */
  const changesOf = (data: Record<string, unknown>): FieldChange[] => {
    const out: FieldChange[] = [];
    for (const [field, pair] of Object.entries(data)) {
      if (HIDDEN.has(field) || !Array.isArray(pair)) continue;
      const [before, after] = pair as [unknown, unknown];
      if (field === 'custom') {
        const a = (before ?? {}) as Record<string, unknown>;
        const b = (after ?? {}) as Record<string, unknown>;
        for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
          if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
          const def = customFields.find((f) => f.key === key);
          if (!def) continue;
          const text = (v: unknown) =>
            customValueText(def, v, format, money.format, (yes) => (yes ? t('records.yes') : t('records.no')));
          out.push({ field: `custom.${key}`, label: def.label, from: text(a[key]), to: text(b[key]) });
        }
        continue;
      }
      const labelKey = FIELD_LABEL_KEYS[field];
      out.push({
        field,
        label: labelKey ? tx(labelKey) : field,
        from: valueText(field, before),
        to: valueText(field, after),
      });
    }
    return out;
  };

  return { changesOf, valueText };
}
