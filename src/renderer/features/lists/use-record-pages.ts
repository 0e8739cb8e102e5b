import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import { ENTITY_API, type PageInput } from './entity-api';
import type { ListFilterInput, ListRecord, RecordEntity } from './types';

const PAGE_SIZE = 100;
/** The biggest page the contract allows; used to re-read what is already on screen after a change. */
const REFRESH_PAGE_SIZE = 500;
/** After a change, re-read at most this deep; further rows load again as the user scrolls. */
const MAX_REFRESH_DEPTH = 5000;

interface PagesState<T> {
  items: T[];
  nextCursor: string | null;
  /** True until the first page of the current filter/sort arrived. */
  loading: boolean;
  total: number | null;
  error: unknown;
}

function initial<T>(): PagesState<T> {
  return { items: [], nextCursor: null, loading: true, total: null, error: null };
}

/**
 * Records page by page (keyset cursors for one sort, offsets for several), for an infinite,
 * virtualised table: never the whole table. The total is asked for on its own so the rows do
 * not wait for it (and it does not wait for them). A change anywhere re-reads the rows already
 * loaded, to the same depth, so the scroll position holds. Every answer carries a generation
 * number: answers for an older filter, sort or refresh are dropped.
 *
 * `input` must be referentially stable for one filter (memoise it): a new object starts over.
 */
export function useRecordPages<T extends ListRecord>(entity: RecordEntity, input: ListFilterInput | null) {
  const [state, setState] = useState<PagesState<T>>(initial);
  const generation = useRef(0);
  const busy = useRef(false);
  const latest = useRef(state);
  useLayoutEffect(() => {
    latest.current = state;
  });
  const entityApi = ENTITY_API[entity];

  const readPage = useCallback(
    async (page: PageInput) =>
      (await unwrap(entityApi.list(page))) as unknown as { items: T[]; nextCursor: string | null },
    [entityApi],
  );

  /** Reads `depth` rows from the top in as few pages as possible. */
  const readFromTop = useCallback(
    async (filter: ListFilterInput, depth: number) => {
      const items: T[] = [];
      let cursor: string | undefined;
      let nextCursor: string | null = null;
      do {
        const limit = Math.min(REFRESH_PAGE_SIZE, Math.max(PAGE_SIZE, depth - items.length));
        const page = await readPage({ ...filter, ...(cursor ? { cursor } : {}), limit });
        items.push(...page.items);
        nextCursor = page.nextCursor;
        cursor = nextCursor ?? undefined;
      } while (cursor && items.length < depth);
      return { items, nextCursor };
    },
    [readPage],
  );

  const refresh = useCallback(
    async (depth: number) => {
      if (!input) return;
      const gen = ++generation.current;
      busy.current = true;
      const { sort: _sort, ...countInput } = input;
      unwrap(entityApi.count(countInput)).then(
        ({ count }) => {
          if (gen === generation.current) setState((s) => ({ ...s, total: count }));
        },
        () => undefined, // the rows report the error; a missing count just shows nothing
      );
      try {
        const rows = await readFromTop(input, Math.min(depth, MAX_REFRESH_DEPTH));
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, ...rows, loading: false, error: null }));
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, loading: false, error }));
      } finally {
        if (gen === generation.current) busy.current = false;
      }
    },
    [input, entityApi, readFromTop],
  );

  // A new filter or sort starts again from the first page; the old rows stay visible meanwhile.
  useEffect(() => {
    if (!input) return;
    setState((s) => ({ ...s, loading: true, error: null }));
    void refresh(PAGE_SIZE);
  }, [input, refresh]);

  const loadMore = useCallback(async () => {
    const { nextCursor, error } = latest.current;
    if (!input || busy.current || !nextCursor || error) return;
    const gen = generation.current;
    busy.current = true;
    try {
      const page = await readPage({ ...input, cursor: nextCursor, limit: PAGE_SIZE });
      if (gen !== generation.current) return;
      setState((s) => ({ ...s, items: [...s.items, ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      if (gen !== generation.current) return;
      setState((s) => ({ ...s, error }));
    } finally {
      if (gen === generation.current) busy.current = false;
    }
  }, [input, readPage]);

  const reload = useCallback(() => {
    void refresh(Math.max(PAGE_SIZE, latest.current.items.length));
  }, [refresh]);

  useChanges(entity, reload);
  // Tags applied in bulk change which rows a tag filter matches without touching the records.
  useChanges('taggings', reload);

  const retry = useCallback(() => {
    setState((s) => ({ ...s, error: null }));
    reload();
  }, [reload]);

  return { ...state, hasMore: state.nextCursor !== null, loadMore, retry, reload };
}

export type RecordPages<T extends ListRecord> = ReturnType<typeof useRecordPages<T>>;
