import type { ReactNode } from 'react';
import type { FieldInfo, FilterGroup, RecordListInput, SortSpec } from '../../../shared/contract';

/** The record lists this machinery serves (deals will join them later). */
export type RecordEntity = 'contacts' | 'companies' | 'deals';

/** What every listed record has: the table only needs an id; the rest is read by the columns. */
export interface ListRecord {
  id: string;
  custom: Record<string, unknown>;
}

/** One visible column in order, with its width in pixels (absent: the column's default). */
export interface ColumnState {
  field: string;
  width?: number | undefined;
}

/** The quick filters above the table; "mine" and "tag" are saved in a view, "recent" is per device. */
export type QuickFilter = { kind: 'all' } | { kind: 'mine' } | { kind: 'recent' } | { kind: 'tag'; tagId: string };

/** Everything that decides which rows show and how: what a saved view stores. */
export interface ListSettings {
  query: string;
  filter: FilterGroup;
  sort: SortSpec[];
  columns: ColumnState[];
  quick: QuickFilter;
}

/** The input of `<entity>.list` / `<entity>.count` without the page. */
export type ListFilterInput = Omit<RecordListInput, 'cursor' | 'limit'>;

/** A column of a record table: how it looks, sorts and exports. */
export interface RecordColumn<T extends ListRecord> {
  /** The catalogue field it shows ("name", "custom.cf_ab12"). */
  field: string;
  label: string;
  info: FieldInfo;
  defaultWidth: number;
  minWidth: number;
  align?: 'left' | 'right';
  render: (row: T) => ReactNode;
  /** The plain value written to a CSV export. */
  exportValue: (row: T) => string | number | boolean | null;
}

export const EMPTY_FILTER: FilterGroup = { op: 'and', conditions: [] };
