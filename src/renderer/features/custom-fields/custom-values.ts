import type { CustomField } from '../../../shared/contract';

/**
 * How a custom value lives in a form: text for what is typed (numbers too, so "12abc" reaches the
 * back end and is refused there with its message), booleans, option ids, a 0–5 rating.
 */
export type CustomFormValue = string | boolean | string[] | number | null;
export type CustomFormValues = Record<string, CustomFormValue>;

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch ms → the value of an `<input type="datetime-local">` in local time. */
export function toLocalDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function toFormValue(field: CustomField, stored: unknown): CustomFormValue {
  switch (field.type) {
    case 'checkbox':
      return stored === true;
    case 'multiselect':
      return Array.isArray(stored) ? stored.filter((v): v is string => typeof v === 'string') : [];
    case 'select':
      return typeof stored === 'string' ? stored : null;
    case 'rating':
      return typeof stored === 'number' ? stored : 0;
    case 'number':
    case 'currency':
      return typeof stored === 'number' ? String(stored) : '';
    case 'datetime':
      return typeof stored === 'number' ? toLocalDateTime(stored) : '';
    default:
      return typeof stored === 'string' ? stored : '';
  }
}

/**
 * Reads what was typed as a number: "1 234,5" and "1,234.5" both work. Text that is not a number
 * is passed on as it is, for the back end to refuse with a message under the field.
 */
export function parseNumberText(text: string): number | string {
  const compact = text.trim().replace(/[\s\u00a0]/g, '');
  let normalised = compact;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(compact)) normalised = compact.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(compact)) normalised = compact.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(compact)) normalised = compact.replace(',', '.');
  const n = Number(normalised);
  return normalised !== '' && Number.isFinite(n) ? n : text.trim();
}

/** The value to send; null clears (and is what an empty input means). */
export function fromFormValue(field: CustomField, value: CustomFormValue): unknown {
  switch (field.type) {
    case 'checkbox':
      return value === true;
    case 'multiselect':
      return Array.isArray(value) && value.length ? value : null;
    case 'select':
      return typeof value === 'string' && value ? value : null;
    case 'rating':
      return typeof value === 'number' && value > 0 ? value : null;
    case 'number':
    case 'currency':
      return typeof value === 'string' && value.trim() ? parseNumberText(value) : null;
    case 'datetime': {
      if (typeof value !== 'string' || !value) return null;
      const ms = new Date(value).getTime();
      return Number.isNaN(ms) ? value : ms;
    }
    default:
      return typeof value === 'string' && value.trim() ? value.trim() : null;
  }
}

export function formValuesOf(fields: CustomField[], custom: Record<string, unknown>): CustomFormValues {
  return Object.fromEntries(fields.map((f) => [f.key, toFormValue(f, custom[f.key])]));
}

/**
 * The `custom` patch of a save. A new record sends only what was filled in; an edit sends every
 * field shown, so a cleared one is cleared (null) and the others are merged key by key.
 */
export function customPatch(
  fields: CustomField[],
  values: CustomFormValues,
  mode: 'create' | 'update',
): Record<string, unknown> | undefined {
  const patch: Record<string, unknown> = {};
  for (const field of fields) {
    if (!(field.key in values)) continue;
    const value = fromFormValue(field, values[field.key] ?? null);
    if (mode === 'update' || (value !== null && !(field.type === 'checkbox' && value === false))) {
      patch[field.key] = value;
    }
  }
  return Object.keys(patch).length ? patch : undefined;
}

export const isEmptyCustom = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
