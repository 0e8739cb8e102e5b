import type { ApiErrorBody, ApiIssue, ErrorCode, Result } from '../../shared/contract';

/** A failed call, as thrown by `unwrap`: keeps the code, the message key and every field issue. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: Record<string, string | number> | undefined;
  readonly issues: ApiIssue[];

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.key = body.key;
    this.params = body.params;
    this.issues = body.issues ?? [];
  }
}

/** Turns a result envelope into its value, or throws an ApiError; lets components use try/await. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
