export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'currency',
  'date',
  'datetime',
  'checkbox',
  'select',
  'multiselect',
  'url',
  'email',
  'phone',
  'rating',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const CUSTOM_FIELD_ENTITIES = ['contacts', 'companies', 'deals', 'activities'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export interface CustomFieldOption {
  /** Stable id: renaming the label keeps every stored value. */
  id: string;
  label: string;
  color?: string | undefined;
}

export interface CustomFieldDefLike {
  key: string;
  type: CustomFieldType;
  options: CustomFieldOption[];
}

export type CustomValueProblem =
  | 'validation.invalid_type'
  | 'validation.invalid_value'
  | 'validation.invalid_date'
  | 'validation.email_invalid'
  | 'validation.url_invalid'
  | 'validation.too_long';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks one custom value against its field's type. Returns the problem as a message key, or
 * null when the value is fine. `null` always clears a value.
 */
export function checkCustomValue(def: CustomFieldDefLike, value: unknown): CustomValueProblem | null {
  if (value === null) return null;
  const optionIds = new Set(def.options.map((o) => o.id));
  switch (def.type) {
    case 'text':
    case 'phone':
      return typeof value !== 'string' ? 'validation.invalid_type' : value.length > 1000 ? 'validation.too_long' : null;
    case 'long_text':
      return typeof value !== 'string'
        ? 'validation.invalid_type'
        : value.length > 50_000
          ? 'validation.too_long'
          : null;
    case 'number':
    case 'currency':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'validation.invalid_type';
    case 'rating':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 5
        ? null
        : 'validation.invalid_value';
    case 'date':
      return typeof value === 'string' && DATE_RE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'validation.invalid_date';
    case 'datetime':
      return Number.isInteger(value) ? null : 'validation.invalid_type';
    case 'checkbox':
      return typeof value === 'boolean' ? null : 'validation.invalid_type';
    case 'select':
      return typeof value === 'string' && optionIds.has(value) ? null : 'validation.invalid_value';
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && optionIds.has(v))
        ? null
        : 'validation.invalid_value';
    case 'url':
      return typeof value === 'string' && /^https?:\/\/\S+$/.test(value) ? null : 'validation.url_invalid';
    case 'email':
      return typeof value === 'string' && EMAIL_RE.test(value) ? null : 'validation.email_invalid';
  }
}

/** Text a person may search for in custom values (select options by their label). */
export function customSearchText(defs: CustomFieldDefLike[], custom: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const def of defs) {
    const value = custom[def.key];
    if (value === null || value === undefined) continue;
    if (def.type === 'select') parts.push(def.options.find((o) => o.id === value)?.label ?? '');
    else if (def.type === 'multiselect' && Array.isArray(value)) {
      for (const v of value) parts.push(def.options.find((o) => o.id === v)?.label ?? '');
    } else if (typeof value === 'string') parts.push(value);
    else if (typeof value === 'number' && def.type !== 'datetime') parts.push(String(value));
  }
  return parts.filter(Boolean).join(' ');
}
