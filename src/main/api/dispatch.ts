import { contract, isMethodName, type Result } from '../../shared/contract';
import { errorBody, fromZodIssue, invalidBody, toErrorBody } from './error-body';
import type { ApiContext, Handler } from './context';
import { handlers } from './handlers';
import { currentMemberId } from '../services/members';

/**
 * The one entry to the back end, behind IPC, HTTP and the CLI: validates the input against the
 * contract, runs the handler, validates the output, and answers with a result envelope. Nothing
 * throws out of here.
 */
export async function dispatch(method: string, input: unknown, ctx: ApiContext): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: errorBody(ctx.locale, 'not_found', 'errors.unknown_method', { method }) };
  }
  const def = contract[method];
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) {
    return { ok: false, error: invalidBody(ctx.locale, parsed.error.issues.map(fromZodIssue)) };
  }
  try {
    const handler = handlers[method] as Handler<typeof method>;
    // Changes made in the app carry the name of whoever uses this device (chosen at first run).
    const actor = ctx.actor ?? currentMemberId(ctx.db);
    const value = await handler(parsed.data as never, { ...ctx, actor });
    const checked = def.output.safeParse(value);
    if (!checked.success) {
      console.error(`output of ${method} breaks the contract`, checked.error.issues);
      return { ok: false, error: errorBody(ctx.locale, 'internal', 'errors.internal') };
    }
    return { ok: true, value: checked.data };
  } catch (error) {
    return { ok: false, error: toErrorBody(error, ctx.locale, method) };
  }
}
