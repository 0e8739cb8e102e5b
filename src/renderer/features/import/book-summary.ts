import type { TFunction } from 'i18next';

/** The kinds of record a person thinks of in a client book; links, tags, people and pipelines are "other". */
const KINDS = ['companies', 'contacts', 'deals', 'activities', 'notes'] as const;

/**
 * Records by table as a person reads them: "1 company, 2 contacts, 1 deal, 4 other records".
 * Empty when there are none.
 */
export function bookSummary(t: TFunction, byTable: Record<string, number>): string {
  const parts: string[] = [];
  for (const kind of KINDS) {
    const count = byTable[kind] ?? 0;
    if (count > 0) parts.push(t(`import.book_kind.${kind}`, { count }));
  }
  const other = Object.entries(byTable)
    .filter(([table]) => !(KINDS as readonly string[]).includes(table))
    .reduce((sum, [, count]) => sum + count, 0);
  if (other > 0) parts.push(t('import.book_kind.other', { count: other }));
  return parts.join(', ');
}
