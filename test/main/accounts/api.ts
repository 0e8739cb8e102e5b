import { expect } from 'vitest';
import { dispatch } from '../../../src/main/api/dispatch';
import type { CrmDb } from '../../../src/main/db/open';
import type { ApiErrorBody, MethodInput, MethodName, MethodOutput, Result } from '../../../src/shared/contract';
import type { Locale } from '../../../src/shared/i18n/locales';
import { countRows, ctxFor } from '../db/temp-db';

/**
 * Calls through the one entry point (`dispatch`), so the contract's input and output validation
 * runs on every call the tests make, exactly as for the UI, the CLI and HTTP.
 */
export async function call<M extends MethodName>(
  db: CrmDb,
  method: M,
  input: MethodInput<M>,
  locale: Locale = 'en',
): Promise<MethodOutput<M>> {
  const result: Result<unknown> = await dispatch(method, input, ctxFor(db, locale));
  if (!result.ok) throw new Error(`${method} expected ok, got ${JSON.stringify(result.error)}`);
  return result.value as MethodOutput<M>;
}

/** Calls a method that must be refused and returns the error body. */
export async function refuse(
  db: CrmDb,
  method: MethodName,
  input: unknown,
  locale: Locale = 'en',
): Promise<ApiErrorBody> {
  const result = await dispatch(method, input, ctxFor(db, locale));
  if (result.ok) throw new Error(`${method} expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

/** Row counts of the given tables, to prove a refused call wrote nothing. */
export function counts(db: CrmDb, tables: string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, countRows(db, t)]));
}

/** Runs `fn` and checks none of `tables` gained or lost a row. */
export async function expectNothingWritten(db: CrmDb, tables: string[], fn: () => Promise<void>): Promise<void> {
  const before = counts(db, tables);
  await fn();
  expect(counts(db, tables)).toEqual(before);
}

/** Follows `nextCursor` until the end (at most 100 pages). */
export async function allPages<T>(
  fetch: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 100);
  return pages;
}

export const DAY = 86_400_000;
