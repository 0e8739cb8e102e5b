import { useEffect, useLayoutEffect, useRef } from 'react';
import type { ChangesPayload } from '../../shared/contract';
import { api } from './api';

/**
 * Calls `onChange` when records of `entity` were written anywhere (this window, another one, the
 * CLI, sync). Bursts (a seed, an import) are coalesced into one call per `delayMs`, with the ids
 * of the whole burst. `ids` is empty when the server could not say what changed ('*').
 */
export function useChanges(entity: string, onChange: (ids: string[]) => void, delayMs = 120): void {
  const callback = useRef(onChange);
  useLayoutEffect(() => {
    callback.current = onChange;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let pending = new Set<string>();
    let unknown = false;
    const off = api.on('changes', (payload: ChangesPayload) => {
      if (payload.entity !== entity && payload.entity !== '*') return;
      if (payload.entity === '*' || payload.ids.length === 0) unknown = true;
      for (const id of payload.ids) pending.add(id);
      clearTimeout(timer);
      timer = setTimeout(() => {
        const ids = unknown ? [] : [...pending];
        pending = new Set();
        unknown = false;
        callback.current(ids);
      }, delayMs);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [entity, delayMs]);
}
