import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import type { SearchHit } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';

const DEBOUNCE_MS = 40;

interface State {
  /** The query these hits answer (may lag behind what is typed). */
  query: string;
  hits: SearchHit[];
  loading: boolean;
}

/** Full-text search while typing: debounced, and answers to older queries are dropped. */
export function useSearch(text: string, limit = 8): State {
  const [debounced] = useDebouncedValue(text.trim(), DEBOUNCE_MS);
  const [state, setState] = useState<State>({ query: '', hits: [], loading: false });

  useEffect(() => {
    if (!debounced) {
      setState({ query: '', hits: [], loading: false });
      return;
    }
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    unwrap(api.search.query({ query: debounced, limit }))
      .then(({ hits }) => {
        if (current) setState({ query: debounced, hits, loading: false });
      })
      .catch(() => {
        if (current) setState({ query: debounced, hits: [], loading: false });
      });
    return () => {
      current = false;
    };
  }, [debounced, limit]);

  return state;
}
