import { CrmError } from '../errors';
import type { CrmDb } from './open';

/**
 * A client book opened with `crm book open` is a copy to look at: every write to its records
 * (the app, the CLI, sync, a merge) is refused. The mark lives in the book itself (sync_state),
 * so it holds whichever program opens the file; it is read once per open book.
 */
const marks = new WeakMap<CrmDb, boolean>();

export function isReadOnlyBook(db: CrmDb): boolean {
  let mark = marks.get(db);
  if (mark === undefined) {
    mark = db.sqlite.prepare("SELECT 1 FROM sync_state WHERE key = 'read_only'").get() !== undefined;
    marks.set(db, mark);
  }
  return mark;
}

export function markReadOnlyBook(db: CrmDb): void {
  db.sqlite.prepare("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('read_only', 'book')").run();
  marks.set(db, true);
}

/** Throws the translated "this book is read-only" refusal when it is. */
export function assertWritable(db: CrmDb): void {
  if (isReadOnlyBook(db)) throw new CrmError('forbidden', 'book.read_only');
}
