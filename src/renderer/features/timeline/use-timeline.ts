import { useCallback, useEffect, useRef, useState } from 'react';
import type { TimelineItem } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChangesOf } from '../records/use-live';

export type TimelineEntity = 'contacts' | 'companies' | 'deals';
export type TimelineKind = TimelineItem['kind'];

const PAGE = 20;

interface State {
  items: TimelineItem[];
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: unknown;
}

/**
 * A record's timeline, newest first, a page at a time. When anything on it changes (a note, an
 * activity, the record itself) the pages already shown are read again from the top.
 */
export function useTimeline(entity: TimelineEntity, id: string, kinds: TimelineKind[] | null) {
  const [state, setState] = useState<State>({
    items: [],
    nextCursor: null,
    loading: true,
    loadingMore: false,
    error: null,
  });
  const generation = useRef(0);
  const shown = useRef(PAGE);
  const kindsKey = kinds?.join(',') ?? '';

  const read = useCallback(
    async (depth: number) => {
      const gen = ++generation.current;
      const list = kindsKey ? (kindsKey.split(',') as TimelineKind[]) : undefined;
      try {
        const page = await unwrap(
          api.timeline.list({
            entity,
            id,
            limit: Math.min(500, Math.max(PAGE, depth)),
            ...(list ? { kinds: list } : {}),
          }),
        );
        if (gen !== generation.current) return;
        setState({ items: page.items, nextCursor: page.nextCursor, loading: false, loadingMore: false, error: null });
      } catch (error) {
        if (gen !== generation.current) return;
        setState((s) => ({ ...s, loading: false, loadingMore: false, error }));
      }
    },
    [entity, id, kindsKey],
  );

  useEffect(() => {
    shown.current = PAGE;
    setState((s) => ({ ...s, loading: true }));
    void read(PAGE);
  }, [read]);

  useChangesOf(['notes', 'activities', 'activity_links', 'deals', 'deal_contacts', entity], () => {
    void read(shown.current);
  });

  const loadMore = useCallback(async () => {
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    const gen = generation.current;
    setState((s) => ({ ...s, loadingMore: true }));
    const list = kindsKey ? (kindsKey.split(',') as TimelineKind[]) : undefined;
    try {
      const page = await unwrap(
        api.timeline.list({ entity, id, cursor, limit: PAGE, ...(list ? { kinds: list } : {}) }),
      );
      if (gen !== generation.current) return;
      setState((s) => {
        const items = [...s.items, ...page.items];
        shown.current = items.length;
        return { ...s, items, nextCursor: page.nextCursor, loadingMore: false };
      });
    } catch (error) {
      if (gen !== generation.current) return;
      setState((s) => ({ ...s, loadingMore: false, error }));
    }
  }, [state.nextCursor, state.loadingMore, entity, id, kindsKey]);

  return { ...state, loadMore, reload: () => read(shown.current) };
}
