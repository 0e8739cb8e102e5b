import { randomBytes } from 'node:crypto';
import { openDatabase, type CrmDb } from '../../db/open';
import { markReadOnlyBook } from '../../db/read-only';
import { CrmError } from '../../errors';
import { decodeBook, mergeBook } from './book';

/**
 * Client books opened read-only in the app: each one is a separate database made from the book
 * (merged into an empty in-memory book by the sync rule, then marked read-only), and the window
 * asks it through the same contract as the workspace by naming its id with each call (the gate
 * routes such calls here). The own workspace is never touched, and the write path refuses every
 * write to a viewed book with the translated read-only message, whatever screen attempts it.
 *
 * In memory: the book file is already decoded whole in memory, a client book is a few companies,
 * and nothing is left on disk when the app quits or the book is closed.
 */
export interface ViewedBook {
  bookId: string;
  name: string;
  counts: Record<string, number>;
}

const open = new Map<string, { db: CrmDb; view: ViewedBook }>();

/** The name shown in the banner: the file's, without folders or the extension. */
function nameOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  return base.replace(/\.(crmbook|json)$/i, '') || base;
}

/**
 * Opens the book in `data` read-only. The passphrase is checked before anything is made, so a
 * wrong one leaves nothing behind (and the workspace is never involved).
 */
export function openBookView(data: Buffer, fileName: string, passphrase?: string): ViewedBook {
  const book = decodeBook(data, passphrase);
  const db = openDatabase({ path: ':memory:' });
  try {
    // Merged before it is marked: the mark makes the write path refuse everything after it.
    // Nothing is queued for sync: a viewed book is never synced anywhere.
    mergeBook(db, book, { queue: false });
    markReadOnlyBook(db);
  } catch (error) {
    db.close();
    throw error;
  }
  const view: ViewedBook = { bookId: randomBytes(16).toString('hex'), name: nameOf(fileName), counts: book.counts };
  open.set(view.bookId, { db, view });
  return view;
}

/** The database of an open book, or the translated "this book is closed" refusal. */
export function viewedBookDb(bookId: string): CrmDb {
  const entry = open.get(bookId);
  if (!entry) throw new CrmError('not_found', 'book.view_closed');
  return entry.db;
}

/** Closes a viewed book and frees it; closing one already closed is not an error. */
export function closeBookView(bookId: string): boolean {
  const entry = open.get(bookId);
  if (!entry) return false;
  open.delete(bookId);
  entry.db.close();
  return true;
}
