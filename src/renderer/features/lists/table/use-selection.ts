import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ListRecord } from '../types';

/**
 * Row selection over the loaded rows: click toggles one, shift+click selects the range from the
 * last clicked row, and "select all" takes every row loaded so far (never the unloaded rest).
 */
export function useSelection<T extends ListRecord>(items: T[]) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const anchor = useRef<number | null>(null);
  // Read through a ref so `toggle` keeps its identity as pages load: the memoised rows that
  // receive it do not all re-render with every new page.
  const loaded = useRef(items);
  useLayoutEffect(() => {
    loaded.current = items;
  });

  const toggle = useCallback((index: number, range: boolean) => {
    const items = loaded.current;
    const row = items[index];
    if (!row) return;
    setSelected((current) => {
      const next = new Set(current);
      const from = anchor.current;
      if (range && from !== null && from !== index) {
        // The range takes the state of the clicked row's new value, like a file manager.
        const select = !current.has(row.id);
        const [lo, hi] = from < index ? [from, index] : [index, from];
        for (let i = lo; i <= hi; i++) {
          const id = items[i]?.id;
          if (!id) continue;
          if (select) next.add(id);
          else next.delete(id);
        }
      } else if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      return next;
    });
    anchor.current = index;
  }, []);

  const selectAll = useCallback(() => setSelected(new Set(items.map((r) => r.id))), [items]);
  const clear = useCallback(() => {
    anchor.current = null;
    setSelected(new Set());
  }, []);

  /** The selected rows still loaded, in list order (a deleted row drops out by itself). */
  const rows = useMemo(() => items.filter((r) => selected.has(r.id)), [items, selected]);
  const allSelected = items.length > 0 && rows.length === items.length;

  return { selected, rows, count: rows.length, allSelected, toggle, selectAll, clear };
}

export type Selection<T extends ListRecord> = ReturnType<typeof useSelection<T>>;
