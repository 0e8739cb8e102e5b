import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { SearchType } from '../../../shared/contract/search';

export type Row = Record<string, unknown>;

export interface SearchDocument {
  title: string;
  subtitle: string;
  /** Everything else a person may type to find the record (emails, phone digits, notes). */
  body: string;
}

/** How the mutation layer treats one synced table. Rows here are keyed by TypeScript field names. */
export interface EntityDef {
  table: SQLiteTable;
  /** Fields computed locally from others on every write; never clocked or sent by sync. */
  localFields?: readonly string[];
  derive?(row: Row): Row;
  searchType?: SearchType;
  searchDoc?(row: Row): SearchDocument;
}
