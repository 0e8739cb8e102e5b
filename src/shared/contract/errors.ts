import { z } from 'zod';

/** The closed list of error codes that may cross a transport. */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'forbidden', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The HTTP status web mode answers each error code with. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unavailable: 503,
  internal: 500,
};

export const issueSchema = z.object({
  /** Where the problem is, as a path into the input (["emails", 0, "value"]). */
  path: z.array(z.union([z.string(), z.number()])),
  /** A message key from the shared catalogue, for the renderer to translate itself. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The message already translated in the caller's locale. */
  message: z.string(),
});
export type ApiIssue = z.infer<typeof issueSchema>;

export const apiErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
  issues: z.array(issueSchema).optional(),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };
