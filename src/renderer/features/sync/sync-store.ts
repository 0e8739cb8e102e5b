import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatus } from '../../../shared/contract';
import { api } from '../../lib/api';

interface SyncStore {
  status: SyncStatus | null;
  set(status: SyncStatus): void;
  refresh(): Promise<void>;
}

/** The book's sync status, shared by the top bar indicator, Settings → Sync and the Conflicts screen. */
export const useSyncStore = create<SyncStore>((set) => ({
  status: null,
  set: (status) => set({ status }),
  refresh: async () => {
    const result = await api.sync.status({});
    if (result.ok) set({ status: result.value });
  },
}));

let watchers = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let off: (() => void) | undefined;

/**
 * Keeps the status fresh while any component shows it: the `sync.status` event when the transport
 * forwards it, and a light poll (faster while syncing) so it is never stale either way.
 */
export function useSyncStatus(): SyncStatus | null {
  const status = useSyncStore((s) => s.status);
  useEffect(() => {
    watchers++;
    if (watchers === 1) {
      off = api.on('sync.status', (payload) => useSyncStore.getState().set(payload));
      const tick = async () => {
        await useSyncStore
          .getState()
          .refresh()
          .catch(() => undefined);
        const state = useSyncStore.getState().status?.state;
        timer = setTimeout(() => void tick(), state === 'syncing' ? 700 : 3000);
      };
      void tick();
    }
    return () => {
      watchers--;
      if (watchers === 0) {
        clearTimeout(timer);
        off?.();
      }
    };
  }, []);
  return status;
}
