import { SYNC_ERROR_STATUS, type ErrorBody, type SyncErrorCode } from '../shared/sync/protocol';

/** A refusal with a protocol error code; the app turns it into `{ error: { code, message, details } }`. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  get status(): number {
    return SYNC_ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export const unauthorized = (message = 'Sign in again: the credentials are missing, wrong or revoked.') =>
  new SyncError('unauthorized', message);
export const forbidden = (message: string) => new SyncError('forbidden', message);
export const invalid = (message: string, details?: Record<string, unknown>) =>
  new SyncError('invalid', message, details);
