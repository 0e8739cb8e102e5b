import type { TFunction } from 'i18next';
import type { ApiIssue } from '../../../shared/contract';
import { isApiError } from '../../lib/api-error';
import { errorText, translateKey } from '../../lib/error-text';
import { textOr } from './dynamic-t';

/** Field errors keyed by the issue path joined with dots: "firstName", "emails.0.value", "custom.cf_ab12". */
export type FieldErrors = Record<string, string>;

/**
 * One issue in the UI language. Custom-field checks name the expected type bare ("number"); the
 * catalogue has it as "type.number", so it reads "expected a number" / "se esperaba un número".
 */
export function issueText(t: TFunction, issue: ApiIssue): string {
  const params = { ...issue.params };
  const expected = params.expected;
  if (typeof expected === 'string') {
    const key = expected.startsWith('type.') ? expected : `type.${expected}`;
    params.expected = textOr(t, key, expected);
  }
  return translateKey(t, issue.key, params, issue.message);
}

/**
 * Places the issues of a refused save. `remap` turns a path into the form's own (rows that were
 * left out because they were empty shift the indexes); `isShown` says whether the form has a
 * place for that key. Anything else is listed in `general`, so no problem is ever swallowed.
 */
export function placeIssues(
  t: TFunction,
  issues: ApiIssue[],
  isShown: (key: string) => boolean,
  remap: (path: (string | number)[]) => (string | number)[] = (p) => p,
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  for (const issue of issues) {
    const key = remap([...issue.path]).join('.');
    const message = issueText(t, issue);
    if (isShown(key)) fields[key] ??= message;
    else general.push(message);
  }
  return { fields, general };
}

/** The one line to show for a failed inline save: the first issue's text, else the error's own. */
export function firstProblem(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.issues[0]) return issueText(t, error.issues[0]);
  return errorText(t, error);
}
