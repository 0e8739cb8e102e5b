import { Checkbox, Loader } from '@mantine/core';
import { getCoreRowModel, useReactTable, type ColumnDef, type ColumnSizingState } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { SortSpec } from '../../../../shared/contract';
import type { ColumnState, ListRecord, RecordColumn } from '../types';
import type { RecordPages } from '../use-record-pages';
import { cssVar } from './css-vars';
import { HeaderCell } from './HeaderCell';
import { RecordRow } from './RecordRow';
import type { Selection } from './use-selection';
import classes from './RecordTable.module.css';

const ROW_HEIGHT = 52;
const SELECT_WIDTH = 44;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;
const MAX_WIDTH = 1200;
/** TanStack Table only manages the columns here: rows come from the pages, never a whole table. */
const NO_DATA: never[] = [];

export function moveColumn(columns: ColumnState[], field: string, toIndex: number): ColumnState[] {
  const from = columns.findIndex((c) => c.field === field);
  if (from < 0) return columns;
  const next = columns.slice();
  const [moved] = next.splice(from, 1);
  next.splice(Math.max(0, Math.min(next.length, toIndex > from ? toIndex - 1 : toIndex)), 0, moved!);
  return next;
}

interface Props<T extends ListRecord> {
  pages: RecordPages<T>;
  /** The visible columns, in order. */
  columns: RecordColumn<T>[];
  /** The layout as stored (widths in pixels); the table reports changes through `onLayout`. */
  layout: ColumnState[];
  onLayout: (columns: ColumnState[]) => void;
  sort: SortSpec[];
  onSort: (field: string, additive: boolean) => void;
  onSetSort: (sort: SortSpec[]) => void;
  selection: Selection<T>;
  onOpen: (row: T) => void;
  rowLabel: (row: T) => string;
  label: string;
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
  /** Changes with the filter or sort: the list scrolls back to the top. */
  resetKey: string;
  testId: string;
  rowTestId: string;
  /** Floats over the rows (the bulk actions bar). */
  overlay?: ReactNode;
}

/**
 * The record grid of every list: virtualised rows loaded page by page (smooth at 100k rows),
 * resizable, movable and hideable columns, multi-column sort from the headers, row selection
 * with checkboxes and shift-click ranges, and keyboard navigation (arrows, Enter, Space, Escape).
 */
export function RecordTable<T extends ListRecord>(props: Props<T>) {
  const { pages, columns, layout, onLayout, sort, onSort, onSetSort, selection, onOpen, rowLabel } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, hasMore, loadMore } = pages;

  // ---- columns: sizes live here while dragging, and are reported once the drag ends.
  const storedSizing = useMemo(() => {
    const sizing: ColumnSizingState = {};
    for (const c of columns) sizing[c.field] = layout.find((l) => l.field === c.field)?.width ?? c.defaultWidth;
    return sizing;
  }, [columns, layout]);
  const [sizing, setSizing] = useState<ColumnSizingState>(storedSizing);
  const [prevStored, setPrevStored] = useState(storedSizing);
  if (prevStored !== storedSizing) {
    setPrevStored(storedSizing);
    setSizing(storedSizing);
  }

  const columnDefs = useMemo<ColumnDef<T>[]>(
    () =>
      columns.map((c) => ({
        id: c.field,
        size: c.defaultWidth,
        minSize: c.minWidth,
        maxSize: MAX_WIDTH,
        header: c.label,
      })),
    [columns],
  );
  const table = useReactTable<T>({
    data: NO_DATA,
    columns: columnDefs,
    getCoreRowModel: getCoreRowModel(),
    columnResizeMode: 'onChange',
    enableColumnResizing: true,
    state: { columnSizing: sizing },
    onColumnSizingChange: setSizing,
  });
  const resizing = table.getState().columnSizingInfo.isResizingColumn;
  const wasResizing = useRef<string | false>(false);
  useEffect(() => {
    if (wasResizing.current && !resizing) {
      onLayout(layout.map((c) => (sizing[c.field] ? { ...c, width: Math.round(sizing[c.field]!) } : c)));
    }
    wasResizing.current = resizing;
  }, [resizing, sizing, layout, onLayout]);

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const widthVars = useMemo(() => {
    const vars: Record<string, number> = {};
    let total = SELECT_WIDTH;
    for (const c of columns) {
      const w = sizing[c.field] ?? c.defaultWidth;
      vars[cssVar(c.field)] = w;
      total += w;
    }
    return { ...vars, '--table-width': total } as CSSProperties;
  }, [columns, sizing]);

  const move = useCallback((field: string, to: number) => onLayout(moveColumn(layout, field, to)), [layout, onLayout]);
  const hide = useCallback((field: string) => onLayout(layout.filter((c) => c.field !== field)), [layout, onLayout]);
  const resetWidth = useCallback(
    (field: string) => onLayout(layout.map((c) => (c.field === field ? { field } : c))),
    [layout, onLayout],
  );

  // ---- rows
  const virtualizer = useVirtualizer({
    count: items.length + (hasMore ? 1 : 0),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => items[index]?.id ?? 'loader',
    // React 19 batches the scroll-driven renders itself; flushSync on every scroll event only adds work.
    useFlushSync: false,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.length ? (virtualRows[virtualRows.length - 1]?.index ?? 0) : -1;

  useEffect(() => {
    if (hasMore && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, lastIndex, items.length, loadMore]);

  const [focused, setFocused] = useState(0);
  const { resetKey } = props;
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
    setFocused(0);
  }, [resetKey]);

  /**
   * Moves keyboard focus to a row. A row already on screen gets it at once (so a key pressed
   * right after lands on it); one outside the rendered window is scrolled in first.
   */
  const focusRow = useCallback(
    (index: number) => {
      const target = Math.max(0, Math.min(items.length - 1, index));
      const find = () => scrollRef.current?.querySelector<HTMLElement>(`[role="row"][data-index="${target}"]`);
      setFocused(target);
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const row = find();
      if (row) row.focus({ preventScroll: true });
      else requestAnimationFrame(() => find()?.focus({ preventScroll: true }));
    },
    [items.length, virtualizer],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && selection.count > 0) {
      e.preventDefault();
      selection.clear();
      return;
    }
    // The row the key was pressed on, read from the DOM: state may lag a fast typist.
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'row') return;
    const current = Number(target.dataset.index ?? focused);
    const row = items[current];
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: items.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      const to = Math.max(0, Math.min(items.length - 1, moves[e.key]!));
      // Shift+arrows extend the selection to the rows passed over.
      if (e.shiftKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp') && to !== current) {
        if (!selection.selected.has(items[current]!.id)) selection.toggle(current, false);
        if (!selection.selected.has(items[to]!.id)) selection.toggle(to, false);
      }
      focusRow(to);
    } else if (e.key === 'Enter' && row) {
      e.preventDefault();
      onOpen(row);
    } else if (e.key === ' ' && row) {
      e.preventDefault();
      selection.toggle(current, e.shiftKey);
    }
  };

  const someSelected = selection.count > 0 && !selection.allSelected;
  const showEmpty = !pages.loading && items.length === 0;

  return (
    <div className={classes.frame} style={widthVars}>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="grid"
        aria-label={props.label}
        aria-rowcount={pages.total === null ? -1 : pages.total + 1}
        aria-colcount={columns.length + 1}
        aria-busy={pages.loading}
        aria-multiselectable
        data-testid={props.testId}
        onKeyDown={onKeyDown}
      >
        <div role="rowgroup" style={{ position: 'sticky', top: 0, zIndex: 3 }}>
          <div role="row" aria-rowindex={1} className={classes.header}>
            <div role="columnheader" className={classes.selectCell}>
              <Checkbox
                size="xs"
                radius="sm"
                checked={selection.allSelected}
                indeterminate={someSelected}
                disabled={items.length === 0}
                aria-label={t('lists.select_all_loaded')}
                onChange={() => (selection.allSelected || someSelected ? selection.clear() : selection.selectAll())}
                data-testid="select-all"
              />
            </div>
            {headers.map((header, i) => {
              const column = columns[i]!;
              return (
                <HeaderCell
                  key={header.id}
                  column={column}
                  header={header}
                  index={i}
                  count={columns.length}
                  sort={sort}
                  onSort={onSort}
                  onSetSort={onSetSort}
                  onMove={move}
                  onHide={hide}
                  onResetWidth={resetWidth}
                />
              );
            })}
            <div className={classes.filler} />
          </div>
        </div>
        {showEmpty ? (
          props.empty
        ) : (
          <div
            role="rowgroup"
            className={pages.loading && items.length ? classes.stale : undefined}
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
          >
            {virtualRows.map((vr) => {
              const row = items[vr.index];
              if (!row) {
                return (
                  <div
                    key={vr.key}
                    className={classes.loaderRow}
                    style={{ transform: `translateY(${vr.start}px)`, height: vr.size }}
                    role="row"
                    aria-label={t('lists.loading_more')}
                  >
                    <Loader size="xs" type="dots" />
                    {t('lists.loading_more')}
                  </div>
                );
              }
              return (
                <RecordRow<T>
                  key={vr.key}
                  row={row}
                  columns={columns}
                  index={vr.index}
                  top={vr.start}
                  height={vr.size}
                  selected={selection.selected.has(row.id)}
                  focused={vr.index === focused}
                  selectLabel={t('lists.select_row', { name: rowLabel(row) })}
                  testId={props.rowTestId}
                  onOpen={onOpen}
                  onToggle={selection.toggle}
                  onFocusRow={setFocused}
                />
              );
            })}
          </div>
        )}
      </div>
      {props.overlay}
    </div>
  );
}
