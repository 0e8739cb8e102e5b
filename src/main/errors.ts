import type { ErrorCode } from '../shared/contract/errors';
import type { MessageKey, MessageParams } from '../shared/i18n/messages';

export interface IssueSpec {
  path: (string | number)[];
  key: MessageKey | string;
  params?: MessageParams;
}

/**
 * An expected failure with a code from the contract's closed list and a message key. Services
 * throw it; dispatch turns it into the result envelope, translated for the caller.
 */
export class CrmError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    readonly issues: IssueSpec[] = [],
  ) {
    super(`${code}: ${key}`);
    this.name = 'CrmError';
  }
}

export function notFound(entity: string): CrmError {
  return new CrmError('not_found', 'errors.not_found', { entity });
}

export function invalid(issues: IssueSpec[]): CrmError {
  return new CrmError('invalid_input', 'errors.invalid_input', {}, issues);
}
