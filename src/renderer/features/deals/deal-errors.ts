import type { TFunction } from 'i18next';
import { isApiError } from '../../lib/api-error';
import { errorText } from '../../lib/error-text';
import { issueText } from '../records/issues';

/** What went wrong, said by its field issues when there are some ("Say why the deal was lost."). */
export function dealErrorText(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.issues.length) return error.issues.map((i) => issueText(t, i)).join(' ');
  return errorText(t, error);
}
