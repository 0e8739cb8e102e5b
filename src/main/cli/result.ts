import type { ApiErrorBody } from '../../shared/contract';
import type { CliIo } from './io';

/** Prints an error envelope to stderr (as JSON with --json) and returns the exit code. */
export function failWith(io: CliIo, error: ApiErrorBody): number {
  if (io.json) io.err(JSON.stringify({ ok: false, error }, null, 2));
  else {
    io.err(error.message);
    for (const issue of error.issues ?? []) io.err(`  - ${issue.path.join('.') || '(input)'}: ${issue.message}`);
  }
  return error.code === 'invalid_input' ? 2 : 1;
}
