import { contract, type Result } from '../../shared/contract';
import { CrmError } from '../errors';
import { listBackups } from '../services/backup';
import { viewedBookDb } from '../services/export/book-view';
import type { BookGate } from '../services/encryption';
import type { ApiContext } from './context';
import { dispatch } from './dispatch';
import { fromZodIssue, toErrorBody } from './error-body';

/** What opens and closes a viewed book: the workspace answers them, whichever book the window shows. */
const BOOK_DOORS = new Set(['import.openBook', 'import.closeBook', 'import.upload']);

/**
 * The app's and web mode's entry: dispatch on the open book, or, while an encrypted book waits for
 * its passphrase, only workspace.status and workspace.unlock (everything else is refused with
 * errors.workspace_locked). backup.restore also lands here, because it closes and reopens the book.
 * A call naming a client book opened read-only (`book`, see services/export/book-view.ts) is
 * answered from that book instead; opening and closing books always go to the workspace.
 */
export async function dispatchThroughGate(
  gate: BookGate,
  method: string,
  input: unknown,
  ctx: Omit<ApiContext, 'db'>,
  book?: string,
): Promise<Result<unknown>> {
  const db = gate.current();
  if (db && book && !BOOK_DOORS.has(method)) {
    try {
      return await dispatch(method, input, { ...ctx, db: viewedBookDb(book) });
    } catch (error) {
      return { ok: false, error: toErrorBody(error, ctx.locale, method) };
    }
  }
  if (db && method !== 'backup.restore') return dispatch(method, input, { ...ctx, db });
  try {
    if (method === 'workspace.status') return { ok: true, value: { locked: db === null, encrypted: true } };
    if (method === 'workspace.unlock') {
      const parsed = contract['workspace.unlock'].input.safeParse(input ?? {});
      if (!parsed.success)
        throw new CrmError('invalid_input', 'errors.invalid_input', {}, parsed.error.issues.map(fromZodIssue));
      const opened = gate.unlock(parsed.data.passphrase);
      return { ok: true, value: { locked: false, encrypted: opened.passphrase !== undefined } };
    }
    if (!db) throw new CrmError('forbidden', 'errors.workspace_locked');
    // backup.restore: only a backup of this workspace, from the list the user was shown.
    const parsed = contract['backup.restore'].input.safeParse(input ?? {});
    if (!parsed.success)
      throw new CrmError('invalid_input', 'errors.invalid_input', {}, parsed.error.issues.map(fromZodIssue));
    const path = parsed.data.path;
    if (!listBackups(db).some((b) => b.path === path)) throw new CrmError('not_found', 'backup.missing', { path });
    const { kept, locked } = gate.restore(path);
    return { ok: true, value: { kept, locked } };
  } catch (error) {
    return { ok: false, error: toErrorBody(error, ctx.locale, method) };
  }
}
