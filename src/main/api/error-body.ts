import type { z } from 'zod';
import type { ApiErrorBody, ApiIssue } from '../../shared/contract';
import { messages, translate, type MessageParams } from '../../shared/i18n/messages';
import type { Locale } from '../../shared/i18n/locales';
import { CrmError, type IssueSpec } from '../errors';

// Turning thrown errors and Zod issues into translated error bodies lives apart from dispatch so
// that callers which only need the error shape (the CLI entry, IPC) do not load every handler.

export function toErrorBody(error: unknown, locale: Locale, method = ''): ApiErrorBody {
  if (error instanceof CrmError) {
    if (error.issues.length) return invalidBody(locale, error.issues, error.code);
    return errorBody(locale, error.code, error.key, error.params);
  }
  if (isBusy(error)) return errorBody(locale, 'unavailable', 'errors.unavailable');
  console.error(`${method} failed`, error);
  return errorBody(locale, 'internal', 'errors.internal');
}

export function errorBody(
  locale: Locale,
  code: ApiErrorBody['code'],
  key: string,
  params?: MessageParams,
): ApiErrorBody {
  return { code, key, ...(params ? { params } : {}), message: translate(locale, key, params) };
}

export function invalidBody(
  locale: Locale,
  issues: IssueSpec[],
  code: ApiErrorBody['code'] = 'invalid_input',
): ApiErrorBody {
  const translated: ApiIssue[] = issues.map((i) => ({
    path: i.path,
    key: i.key,
    ...(i.params ? { params: i.params } : {}),
    message: translate(locale, i.key, i.params),
  }));
  const first = translated[0];
  const summary = translate(locale, 'errors.invalid_input');
  return {
    code,
    key: 'errors.invalid_input',
    // The top message names the first problem, so a CLI user sees what to fix at once.
    message: first ? `${summary} ${first.path.join('.')}: ${first.message}` : summary,
    issues: translated,
  };
}

/** Zod issues become message keys: our schemas put keys in `error`; anything else maps by code. */
export function fromZodIssue(issue: z.core.$ZodIssue): IssueSpec {
  const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
  const params: MessageParams = {};
  const raw = issue as unknown as Record<string, unknown>;
  if (typeof raw.minimum === 'number' || typeof raw.minimum === 'bigint') params.min = Number(raw.minimum);
  if (typeof raw.maximum === 'number' || typeof raw.maximum === 'bigint') params.max = Number(raw.maximum);
  // Zod names the expected type ("number", "string"): a key of the catalogue, so it reads in the caller's language.
  if (typeof raw.expected === 'string') {
    params.expected = `type.${raw.expected}` in messages.en ? `type.${raw.expected}` : raw.expected;
  }
  if (issue.message.startsWith('validation.')) return { path, key: issue.message, params };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { path, key: 'validation.required' }
        : { path, key: 'validation.invalid_type', params };
    case 'too_small':
      return { path, key: 'validation.too_small', params };
    case 'too_big':
      return { path, key: issue.origin === 'string' ? 'validation.too_long' : 'validation.too_big', params };
    case 'unrecognized_keys':
      return issue.keys.length
        ? {
            path: [...path, issue.keys[0] ?? ''],
            key: 'validation.unknown_key',
            params: { key: issue.keys.join(', ') },
          }
        : { path, key: 'validation.invalid_value' };
    default:
      return { path, key: 'validation.invalid_value' };
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}
