import { useEffect } from 'react';
import { create } from 'zustand';
import type { ChangesPayload, Member, Team, WorkspaceSettings } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';

interface WorkspaceState {
  /** Everyone, inactive people included (old records still name them). */
  members: Member[];
  teams: Team[];
  /** Who uses the app on this device; null before the first-run choice. */
  current: Member | null;
  settings: WorkspaceSettings | null;
  loaded: boolean;
}

/**
 * The few workspace-wide lists every screen needs (owner pickers, "who did this" in timelines,
 * the currency of amounts): read once, kept fresh from change events.
 */
export const useWorkspaceStore = create<WorkspaceState>(() => ({
  members: [],
  teams: [],
  current: null,
  settings: null,
  loaded: false,
}));

async function loadPeople() {
  const [members, teams, current] = await Promise.all([
    unwrap(api.members.list({ includeInactive: true })),
    unwrap(api.teams.list({})),
    unwrap(api.members.current({})),
  ]);
  useWorkspaceStore.setState({ members: members.items, teams: teams.items, current: current.member, loaded: true });
}

async function loadSettings() {
  const settings = await unwrap(api.settings.get({}));
  useWorkspaceStore.setState({ settings });
}

let started = false;

function start() {
  if (started) return;
  started = true;
  const retry = (fn: () => Promise<void>) => () =>
    fn().catch((error) => {
      // Screens waiting for the lists go on without them rather than spin forever.
      console.warn('workspace load failed', error);
      useWorkspaceStore.setState({ loaded: true });
    });
  const people = retry(loadPeople);
  const settings = retry(loadSettings);
  void people();
  void settings();
  let timer: ReturnType<typeof setTimeout> | undefined;
  api.on('changes', (payload: ChangesPayload) => {
    const { entity } = payload;
    if (entity === 'settings' || entity === '*') void settings();
    if (entity === 'members' || entity === 'teams' || entity === '*') {
      clearTimeout(timer);
      timer = setTimeout(() => void people(), 100);
    }
  });
}

/** Re-reads who the current member is (after members.setCurrent, which is local to the device). */
export function refreshWorkspace(): Promise<void> {
  return loadPeople();
}

export function useWorkspace(): WorkspaceState {
  useEffect(start, []);
  return useWorkspaceStore();
}

/** A member's name by id, for "who did this"; null when unknown. */
export function useMemberName(): (id: string | null | undefined) => string | null {
  const { members } = useWorkspace();
  return (id) => (id ? (members.find((m) => m.id === id)?.name ?? null) : null);
}
