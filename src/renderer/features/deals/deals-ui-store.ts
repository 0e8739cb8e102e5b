import { create } from 'zustand';

export interface BoardFilters {
  query: string;
  ownerIds: string[];
  teamId: string | null;
  /** YYYY-MM */
  closeMonth: string | null;
  tagIds: string[];
}

export const NO_FILTERS: BoardFilters = { query: '', ownerIds: [], teamId: null, closeMonth: null, tagIds: [] };

interface DealsUi {
  pipelineId: string | null;
  filters: BoardFilters;
  setPipeline: (id: string) => void;
  setFilters: (patch: Partial<BoardFilters>) => void;
  clearFilters: () => void;
}

const KEY = 'crm.deals.pipeline';

function saved(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The board's pipeline (remembered on this device) and filters, shared by the board and the list. */
export const useDealsUi = create<DealsUi>((set) => ({
  pipelineId: saved(),
  filters: NO_FILTERS,
  setPipeline: (id) => {
    try {
      localStorage.setItem(KEY, id);
    } catch {
      // the choice just is not remembered
    }
    set({ pipelineId: id });
  },
  setFilters: (patch) => set((s) => ({ filters: { ...s.filters, ...patch } })),
  clearFilters: () => set({ filters: NO_FILTERS }),
}));
