import type { TFunction } from 'i18next';
import type { CustomField, FieldInfo } from '../../../shared/contract';

/** i18next's `t` for keys only known at run time (field labels and enum values from the back end). */
function dynamicT(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as (key: string, options: { defaultValue: string }) => string)(key, { defaultValue: fallback });
}

/** A field's name: built-in labels are message keys ("field.firstName"), custom ones are the label itself. */
export function fieldLabel(t: TFunction, info: Pick<FieldInfo, 'label' | 'custom' | 'field'>): string {
  return info.custom ? info.label : dynamicT(t, info.label, info.field);
}

/** Message-key families of the built-in enums; custom selects name their options themselves. */
const ENUM_KEYS: Record<string, string> = {
  lifecycleStage: 'stage.',
  type: 'companies.type_',
  status: 'deals.status_',
  segment: 'analytics.segment.',
};

/** The label of one value of an enum field, in the UI language. */
export function enumLabel(t: TFunction, field: string, value: string, customDefs: Map<string, CustomField>): string {
  const prefix = ENUM_KEYS[field];
  if (prefix) return dynamicT(t, `${prefix}${value}`, value);
  if (field.startsWith('custom.')) {
    const def = customDefs.get(field.slice('custom.'.length));
    return def?.options.find((o) => o.id === value)?.label ?? value;
  }
  return value;
}

/** Back-end message keys with parameters that are keys themselves ({expected: 'type.number'}). */
export function translateIssue(t: TFunction, key: string, params: Record<string, string | number> | undefined): string {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(params ?? {})) {
    values[name] = typeof value === 'string' && /^(entity|type)\./.test(value) ? dynamicT(t, value, value) : value;
  }
  return (t as unknown as (key: string, options: Record<string, unknown>) => string)(key, values);
}
