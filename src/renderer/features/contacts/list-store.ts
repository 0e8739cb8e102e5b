import { create } from 'zustand';

/** The columns the contacts list sorts on (all NOT NULL, so each page is one keyset index range). */
export type ContactSortField = 'name' | 'createdAt' | 'updatedAt';
export type SortDirection = 'asc' | 'desc';
export interface ContactSort {
  field: ContactSortField;
  direction: SortDirection;
}

interface ListState {
  filter: string;
  sort: ContactSort;
  setFilter: (filter: string) => void;
  /** Clicking the active column flips its direction; a new column starts in its natural order. */
  toggleSort: (field: ContactSortField) => void;
}

/** The list's filter and sort survive a visit to a contact and back. */
export const useContactListStore = create<ListState>()((set) => ({
  filter: '',
  sort: { field: 'name', direction: 'asc' },
  setFilter: (filter) => set({ filter }),
  toggleSort: (field) =>
    set(({ sort }) => ({
      sort:
        sort.field === field
          ? { field, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
          : { field, direction: field === 'name' ? 'asc' : 'desc' },
    })),
}));
