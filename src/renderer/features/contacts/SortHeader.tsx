import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Column } from './columns';
import type { ContactSort } from './list-store';
import classes from './ContactsTable.module.css';

interface Props {
  column: Column;
  sort: ContactSort | undefined;
  onSort: ((field: NonNullable<Column['sortField']>) => void) | undefined;
}

/** A column title; sortable ones are buttons and announce their order through aria-sort. */
export function SortHeader({ column, sort, onSort }: Props) {
  const { t } = useTranslation();
  const label = t(column.label);
  const field = column.sortField;
  if (!field || !onSort) {
    return (
      <div role="columnheader" className={classes.cell}>
        {label}
      </div>
    );
  }
  const direction = sort?.field === field ? sort.direction : null;
  const active = direction !== null;
  const Icon = direction === null ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <div
      role="columnheader"
      className={classes.cell}
      aria-sort={direction === null ? 'none' : direction === 'asc' ? 'ascending' : 'descending'}
    >
      <button
        type="button"
        className={classes.sortButton}
        data-active={active || undefined}
        onClick={() => onSort(field)}
        data-testid={`sort-${field}`}
      >
        {label}
        <Icon size={14} stroke={2} opacity={active ? 1 : 0.5} />
      </button>
    </div>
  );
}
