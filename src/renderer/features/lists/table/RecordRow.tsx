import { Checkbox } from '@mantine/core';
import { memo, type KeyboardEvent, type MouseEvent } from 'react';
import type { ListRecord, RecordColumn } from '../types';
import { cssVar } from './css-vars';
import classes from './RecordTable.module.css';

interface Props<T extends ListRecord> {
  row: T;
  columns: RecordColumn<T>[];
  index: number;
  top: number;
  height: number;
  selected: boolean;
  focused: boolean;
  /** The row's name for screen readers ("Select José García"). */
  selectLabel: string;
  testId: string;
  onOpen: (row: T) => void;
  onToggle: (index: number, range: boolean) => void;
  onFocusRow: (index: number) => void;
}

/**
 * One row of the virtual table. Memoised: while scrolling only the rows that come into view
 * render, and selecting one row re-renders that row alone.
 */
function RecordRowInner<T extends ListRecord>({
  row,
  columns,
  index,
  top,
  height,
  selected,
  focused,
  selectLabel,
  testId,
  onOpen,
  onToggle,
  onFocusRow,
}: Props<T>) {
  const onClick = (e: MouseEvent) => {
    // Ctrl/Cmd+click and shift+click select instead of opening, as in a file manager.
    if (e.metaKey || e.ctrlKey || e.shiftKey) {
      e.preventDefault();
      onToggle(index, e.shiftKey);
      return;
    }
    onOpen(row);
  };
  return (
    <div
      role="row"
      tabIndex={focused ? 0 : -1}
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.row}
      style={{ transform: `translateY(${top}px)`, height }}
      data-selected={selected || undefined}
      data-index={index}
      data-testid={testId}
      data-record-id={row.id}
      onClick={onClick}
      onFocus={(e) => {
        if (e.target === e.currentTarget) onFocusRow(index);
      }}
      onKeyDown={(e: KeyboardEvent) => {
        // Keys on the row itself are handled by the table; keep them from links inside cells.
        if (e.target !== e.currentTarget && (e.key === ' ' || e.key === 'Enter')) e.stopPropagation();
      }}
    >
      <div role="gridcell" className={classes.selectCell} onClick={(e) => e.stopPropagation()}>
        <Checkbox
          size="xs"
          radius="sm"
          checked={selected}
          aria-label={selectLabel}
          tabIndex={-1}
          onChange={() => undefined}
          onClick={(e) => onToggle(index, e.shiftKey)}
          data-testid="row-select"
        />
      </div>
      {columns.map((column, i) => (
        <div
          key={column.field}
          role="gridcell"
          className={i === 0 ? `${classes.cell} ${classes.pinned} ${classes.pinnedLast}` : classes.cell}
          style={{ width: `calc(var(${cssVar(column.field)}) * 1px)`, left: i === 0 ? 44 : undefined }}
          data-align={column.align}
          data-field={column.field}
        >
          <div className={classes.cellText}>{column.render(row)}</div>
        </div>
      ))}
      <div className={classes.filler} />
    </div>
  );
}

export const RecordRow = memo(RecordRowInner) as typeof RecordRowInner;
