import type { TFunction } from 'i18next';
import { isApiError } from './api-error';

/**
 * The user-facing text of a failure, in the current UI language. Parameters that are themselves
 * message keys ({ entity: 'entity.contact' }) are translated too, as the back end does.
 */
export function errorText(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.internal');
  return translateKey(t, error.key, error.params, error.message);
}

export function translateKey(
  t: TFunction,
  key: string,
  params: Record<string, string | number> | undefined,
  fallback: string,
): string {
  const dynamicT = t as unknown as (key: string, options: Record<string, unknown>) => string;
  const values: Record<string, unknown> = { defaultValue: fallback };
  for (const [name, value] of Object.entries(params ?? {})) {
    values[name] = typeof value === 'string' && /^(entity|type)\./.test(value) ? dynamicT(value, {}) : value;
  }
  return dynamicT(key, values);
}
