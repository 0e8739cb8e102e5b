import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChangesPayload } from '../../../shared/contract';
import { api } from '../../lib/api';

/**
 * Calls `onChange` when any of `entities` (synced table names) was written anywhere; bursts are
 * coalesced. A `*` payload (after a reconnect) counts for every table.
 */
export function useChangesOf(entities: readonly string[], onChange: () => void, delayMs = 120): void {
  const callback = useRef(onChange);
  useLayoutEffect(() => {
    callback.current = onChange;
  });
  const key = entities.join(',');
  useEffect(() => {
    const watched = new Set(key.split(','));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = api.on('changes', (payload: ChangesPayload) => {
      if (payload.entity !== '*' && !watched.has(payload.entity)) return;
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), delayMs);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [key, delayMs]);
}

export interface Live<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads something and keeps it fresh: again whenever `key` changes (what it depends on) or one of
 * `entities` changes anywhere. Answers to older requests are dropped. `load` null means "nothing
 * to load yet".
 */
export function useLive<T>(load: (() => Promise<T>) | null, entities: readonly string[], key: string): Live<T> {
  const [state, setState] = useState<{ data: T | null; error: unknown; loading: boolean }>({
    data: null,
    error: null,
    loading: load !== null,
  });
  const loader = useRef(load);
  useLayoutEffect(() => {
    loader.current = load;
  });
  const generation = useRef(0);

  const reload = useCallback(async () => {
    const current = loader.current;
    if (!current) return;
    const gen = ++generation.current;
    try {
      const data = await current();
      if (gen === generation.current) setState({ data, error: null, loading: false });
    } catch (error) {
      if (gen === generation.current) setState((s) => ({ ...s, error, loading: false }));
    }
  }, []);

  const enabled = load !== null;
  useEffect(() => {
    if (!enabled) return;
    setState({ data: null, error: null, loading: true });
    void reload();
  }, [key, enabled, reload]);

  useChangesOf(entities, () => void reload());

  return { ...state, reload };
}
