import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { FilterGroup, SortSpec } from '../../../shared/contract';
import { EMPTY_FILTER, type ColumnState, type ListSettings, type QuickFilter, type RecordEntity } from './types';

/** At most this many sorts at once (the contract's limit). */
export const MAX_SORTS = 5;
const DEFAULT_SORT: SortSpec[] = [{ field: 'name', direction: 'asc' }];

interface ListStore extends ListSettings {
  /** The saved view being shown, or null for the default view. */
  viewId: string | null;
  setQuery: (query: string) => void;
  setFilter: (filter: FilterGroup) => void;
  setQuick: (quick: QuickFilter) => void;
  setColumns: (columns: ColumnState[]) => void;
  /** A plain click sorts by this field alone (or flips it); `additive` (shift+click) adds it as the next sort. */
  toggleSort: (field: string, options: { additive: boolean; direction: SortSpec['direction'] }) => void;
  setSort: (sort: SortSpec[]) => void;
  /** Shows a saved view (or, with null, the default view with its remembered columns). */
  applyView: (viewId: string | null, settings?: Partial<ListSettings>) => void;
}

const storageKey = (entity: RecordEntity) => `crm.list.${entity}.columns`;

function readColumns(entity: RecordEntity): ColumnState[] | null {
  try {
    const raw = localStorage.getItem(storageKey(entity));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (!Array.isArray(parsed)) return null;
    const columns = parsed.filter(
      (c): c is ColumnState => typeof c === 'object' && c !== null && typeof (c as ColumnState).field === 'string',
    );
    return columns.length ? columns : null;
  } catch {
    return null;
  }
}

function writeColumns(entity: RecordEntity, columns: ColumnState[]): void {
  try {
    localStorage.setItem(storageKey(entity), JSON.stringify(columns));
  } catch {
    // not fatal: the layout just won't survive a reload
  }
}

function nextSort(sort: SortSpec[], field: string, additive: boolean, direction: SortSpec['direction']): SortSpec[] {
  const at = sort.findIndex((s) => s.field === field);
  const flipped = (s: SortSpec): SortSpec => ({ field, direction: s.direction === 'asc' ? 'desc' : 'asc' });
  if (!additive) return [at >= 0 && sort.length === 1 ? flipped(sort[at]!) : { field, direction }];
  if (at >= 0) return sort.map((s, i) => (i === at ? flipped(s) : s));
  return [...sort, { field, direction }].slice(-MAX_SORTS);
}

type Store = UseBoundStore<StoreApi<ListStore>>;
const stores = new Map<RecordEntity, Store>();

/**
 * The list settings of one entity. They live for the session (a visit to a record and back
 * finds the list as it was); the default view's columns are also kept in localStorage.
 */
export function listStore(entity: RecordEntity, defaultColumns: ColumnState[]): Store {
  let store = stores.get(entity);
  if (store) return store;
  const defaults = (): ListSettings => ({
    query: '',
    filter: EMPTY_FILTER,
    sort: DEFAULT_SORT,
    columns: readColumns(entity) ?? defaultColumns,
    quick: { kind: 'all' },
  });
  store = create<ListStore>()((set, get) => ({
    ...defaults(),
    viewId: null,
    setQuery: (query) => set({ query }),
    setFilter: (filter) => set({ filter }),
    setQuick: (quick) => set({ quick }),
    setColumns: (columns) => {
      if (get().viewId === null) writeColumns(entity, columns);
      set({ columns });
    },
    toggleSort: (field, { additive, direction }) =>
      set(({ sort }) => ({ sort: nextSort(sort, field, additive, direction) })),
    setSort: (sort) => set({ sort: sort.length ? sort.slice(0, MAX_SORTS) : DEFAULT_SORT }),
    applyView: (viewId, settings = {}) => {
      const base = defaults();
      set({
        viewId,
        ...base,
        ...settings,
        sort: settings.sort?.length ? settings.sort : base.sort,
        columns: settings.columns?.length ? settings.columns : base.columns,
      });
    },
  }));
  stores.set(entity, store);
  return store;
}
