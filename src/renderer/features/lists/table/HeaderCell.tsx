import { ActionIcon, Menu } from '@mantine/core';
import {
  IconArrowDown,
  IconArrowLeft,
  IconArrowRight,
  IconArrowUp,
  IconArrowsSort,
  IconDots,
  IconEyeOff,
  IconSortAscending,
  IconSortDescending,
  IconX,
} from '@tabler/icons-react';
import type { Header } from '@tanstack/react-table';
import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortSpec } from '../../../../shared/contract';
import type { ListRecord, RecordColumn } from '../types';
import { cssVar } from './css-vars';
import classes from './RecordTable.module.css';

const DRAG_TYPE = 'application/x-crm-column';

interface Props<T extends ListRecord> {
  column: RecordColumn<T>;
  header: Header<T, unknown>;
  /** Position in the visible columns (0 = the pinned first column). */
  index: number;
  count: number;
  sort: SortSpec[];
  onSort: (field: string, additive: boolean) => void;
  onSetSort: (sort: SortSpec[]) => void;
  onMove: (field: string, toIndex: number) => void;
  onHide: (field: string) => void;
  onResetWidth: (field: string) => void;
}

/**
 * A column title. Click sorts (shift+click adds a secondary sort); drag moves the column; the
 * edge resizes it; the menu does the same from the keyboard, and hides the column.
 */
export function HeaderCell<T extends ListRecord>({
  column,
  header,
  index,
  count,
  sort,
  onSort,
  onSetSort,
  onMove,
  onHide,
  onResetWidth,
}: Props<T>) {
  const { t } = useTranslation();
  const labelId = useId();
  const [drop, setDrop] = useState<'before' | 'after' | null>(null);
  const [dragging, setDragging] = useState(false);
  const field = column.field;
  const rank = sort.findIndex((s) => s.field === field);
  const direction = rank >= 0 ? sort[rank]!.direction : null;
  const sortable = column.info.sortable;
  const SortIcon = direction === null ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  const resizeHandler = header.getResizeHandler();
  const resizing = header.column.getIsResizing();

  const sortOnly = (dir: SortSpec['direction']) => onSetSort([{ field, direction: dir }]);
  const sortThen = (dir: SortSpec['direction']) =>
    onSetSort([...sort.filter((s) => s.field !== field), { field, direction: dir }]);

  // The title is the handle: drag it onto another column to move this one there.
  const dragHandle = {
    draggable: true,
    onDragStart: (e: DragEvent<HTMLElement>) => {
      e.dataTransfer.setData(DRAG_TYPE, field);
      e.dataTransfer.effectAllowed = 'move';
      setDragging(true);
    },
    onDragEnd: () => setDragging(false),
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes(DRAG_TYPE)) return;
    e.preventDefault();
    const box = e.currentTarget.getBoundingClientRect();
    setDrop(e.clientX < box.left + box.width / 2 ? 'before' : 'after');
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    const from = e.dataTransfer.getData(DRAG_TYPE);
    const side = drop;
    setDrop(null);
    if (!from || from === field) return;
    e.preventDefault();
    onMove(from, side === 'after' ? index + 1 : index);
  };

  return (
    <div
      role="columnheader"
      className={index === 0 ? `${classes.headerCell} ${classes.pinned} ${classes.pinnedLast}` : classes.headerCell}
      style={{ width: `calc(var(${cssVar(field)}) * 1px)`, left: index === 0 ? 44 : undefined }}
      aria-sort={direction === null ? undefined : direction === 'asc' ? 'ascending' : 'descending'}
      data-field={field}
      data-drop={drop ?? undefined}
      data-dragging={dragging || undefined}
      onDragOver={onDragOver}
      onDragLeave={() => setDrop(null)}
      onDrop={onDrop}
    >
      {sortable ? (
        <button
          type="button"
          id={labelId}
          className={classes.sortButton}
          data-active={direction !== null || undefined}
          data-align={column.align}
          title={t('lists.sort_hint')}
          onClick={(e) => onSort(field, e.shiftKey)}
          {...dragHandle}
          data-testid={`sort-${field}`}
        >
          <span className={classes.sortLabel}>{column.label}</span>
          <SortIcon size={13} stroke={2} className={classes.sortIcon} aria-hidden />
          {rank >= 0 && sort.length > 1 ? <span className={classes.sortRank}>{rank + 1}</span> : null}
        </button>
      ) : (
        <span
          id={labelId}
          className={`${classes.sortButton} ${classes.sortLabel}`}
          data-align={column.align}
          {...dragHandle}
        >
          {column.label}
        </span>
      )}
      <Menu position="bottom-end" shadow="md" width={230} withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            className={classes.columnMenu}
            aria-label={t('lists.column_menu')}
            aria-describedby={labelId}
            data-testid={`column-menu-${field}`}
          >
            <IconDots size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {sortable ? (
            <>
              <Menu.Label>{t('lists.sort')}</Menu.Label>
              <Menu.Item leftSection={<IconSortAscending size={15} />} onClick={() => sortOnly('asc')}>
                {t('lists.sort_asc')}
              </Menu.Item>
              <Menu.Item leftSection={<IconSortDescending size={15} />} onClick={() => sortOnly('desc')}>
                {t('lists.sort_desc')}
              </Menu.Item>
              {rank < 0 && sort.length < 5 ? (
                <Menu.Item leftSection={<IconArrowsSort size={15} />} onClick={() => sortThen('asc')}>
                  {t('lists.sort_then')}
                </Menu.Item>
              ) : null}
              {rank >= 0 && sort.length > 1 ? (
                <Menu.Item
                  leftSection={<IconX size={15} />}
                  onClick={() => onSetSort(sort.filter((s) => s.field !== field))}
                >
                  {t('lists.sort_remove')}
                </Menu.Item>
              ) : null}
              <Menu.Divider />
            </>
          ) : null}
          <Menu.Label>{t('lists.column')}</Menu.Label>
          <Menu.Item
            leftSection={<IconArrowLeft size={15} />}
            disabled={index === 0}
            onClick={() => onMove(field, index - 1)}
          >
            {t('lists.move_left')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconArrowRight size={15} />}
            disabled={index === count - 1}
            onClick={() => onMove(field, index + 2)}
          >
            {t('lists.move_right')}
          </Menu.Item>
          <Menu.Item onClick={() => onResetWidth(field)}>{t('lists.reset_width')}</Menu.Item>
          <Menu.Item
            leftSection={<IconEyeOff size={15} />}
            disabled={count <= 1}
            onClick={() => onHide(field)}
            data-testid={`hide-column-${field}`}
          >
            {t('lists.hide_column')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <div
        role="separator"
        aria-orientation="vertical"
        aria-hidden
        className={classes.resizer}
        data-resizing={resizing || undefined}
        onMouseDown={(e) => {
          e.preventDefault();
          e.stopPropagation();
          resizeHandler(e);
        }}
        onTouchStart={(e) => {
          e.stopPropagation();
          resizeHandler(e);
        }}
        onDoubleClick={() => onResetWidth(field)}
        onClick={(e) => e.stopPropagation()}
        draggable={false}
        data-testid={`resize-${field}`}
      />
    </div>
  );
}
