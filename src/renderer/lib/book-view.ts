import { useSyncExternalStore } from 'react';

/**
 * The client book this window shows read-only, or null for the own workspace. While one is set,
 * every call names it (the `data-crm-book` mark on <html> for the Electron preload, the
 * `X-Crm-Book` header in web mode) and the back end answers from that book, so every screen works
 * on it unchanged and every edit gets the book's read-only refusal.
 */
export interface ViewedBook {
  bookId: string;
  name: string;
}

let current: ViewedBook | null = null;
const listeners = new Set<() => void>();

export function viewedBook(): ViewedBook | null {
  return current;
}

export function setViewedBook(book: ViewedBook | null): void {
  current = book;
  if (book) document.documentElement.setAttribute('data-crm-book', book.bookId);
  else document.documentElement.removeAttribute('data-crm-book');
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useViewedBook(): ViewedBook | null {
  return useSyncExternalStore(subscribe, viewedBook);
}
