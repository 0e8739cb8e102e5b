import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import type { ContactSort } from './list-store';

const PAGE_SIZE = 100;
/** The biggest page the contract allows; used to re-read what is already on screen after a change. */
const REFRESH_PAGE_SIZE = 500;

interface Params {
  query: string;
  sort: ContactSort;
  trash?: boolean;
}

interface PagesState {
  items: Contact[];
  nextCursor: string | null;
  /** True until the first page of the current filter/sort arrived. */
  loading: boolean;
  total: number | null;
  error: unknown;
}

const INITIAL: PagesState = { items: [], nextCursor: null, loading: true, total: null, error: null };

/**
 * Contacts page by page (keyset cursors), for an infinite, virtualised list: never the whole
 * table. A change anywhere re-reads the rows already loaded (same depth, so the scroll position
 * holds) and the total. Every request carries a generation number: answers for an older filter,
 * sort or refresh are dropped.
 */
export function useContactPages({ query, sort, trash = false }: Params) {
  const [state, setState] = useState<PagesState>(INITIAL);
  const generation = useRef(0);
  const busy = useRef(false);
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });

  const { field, direction } = sort;
  const listInput = useMemo(
    () => ({ query: query || undefined, trash: trash || undefined, sort: { field, direction } }),
    [query, trash, field, direction],
  );

  /** Reads `depth` rows from the top in as few pages as possible. */
  const readFromTop = useCallback(
    async (depth: number) => {
      const items: Contact[] = [];
      let cursor: string | undefined;
      let nextCursor: string | null = null;
      do {
        const limit = Math.min(REFRESH_PAGE_SIZE, Math.max(PAGE_SIZE, depth - items.length));
        const page = await unwrap(api.contacts.list({ ...listInput, ...(cursor ? { cursor } : {}), limit }));
        items.push(...page.items);
        nextCursor = page.nextCursor;
        cursor = nextCursor ?? undefined;
      } while (cursor && items.length < depth);
      return { items, nextCursor };
    },
    [listInput],
  );

  const refresh = useCallback(
    async (depth: number) => {
      const gen = ++generation.current;
      busy.current = true;
      try {
        const [rows, counted] = await Promise.all([
          readFromTop(depth),
          unwrap(api.contacts.count({ query: listInput.query, trash: listInput.trash })),
        ]);
        if (gen !== generation.current) return;
        setState({ ...rows, loading: false, total: counted.count, error: null });
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, loading: false, error }));
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [listInput, readFromTop],
  );

  // A new filter or sort starts again from the first page; the old rows stay visible meanwhile.
  useEffect(() => {
    setState((s) => ({ ...s, loading: true, error: null }));
    void refresh(PAGE_SIZE);
  }, [refresh]);

  const loadMore = useCallback(async () => {
    const { nextCursor, error } = latest.current;
    if (busy.current || !nextCursor || error) return;
    const gen = generation.current;
    busy.current = true;
    try {
      const page = await unwrap(api.contacts.list({ ...listInput, cursor: nextCursor, limit: PAGE_SIZE }));
      if (gen !== generation.current) return;
      setState((s) => ({ ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      if (gen !== generation.current) return;
      setState((s) => ({ ...s, error }));
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, [listInput]);

  useChanges('contacts', () => {
    void refresh(Math.max(PAGE_SIZE, latest.current.items.length));
  });

  const retry = useCallback(() => {
    setState((s) => ({ ...s, error: null }));
    void refresh(Math.max(PAGE_SIZE, latest.current.items.length));
  }, [refresh]);

  return { ...state, hasMore: state.nextCursor !== null, loadMore, retry };
}

export type ContactPages = ReturnType<typeof useContactPages>;
