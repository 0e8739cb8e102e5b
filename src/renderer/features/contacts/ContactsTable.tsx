import { Loader } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '../../../shared/contract';
import type { Column } from './columns';
import type { ContactSort, ContactSortField } from './list-store';
import { ContactRow } from './ContactRow';
import { SortHeader } from './SortHeader';
import type { ContactPages } from './use-contact-pages';
import classes from './ContactsTable.module.css';

const ROW_HEIGHT = 60;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 40;

interface Props {
  pages: ContactPages;
  columns: Column[];
  label: string;
  sort?: ContactSort;
  onSort?: (field: ContactSortField) => void;
  onOpen: (contact: Contact) => void;
  /** Shown instead of the rows when there are none. */
  empty: ReactNode;
  /** Changes when the filter or sort changes: the list scrolls back to the top. */
  resetKey: string;
}

/**
 * A virtualised grid: only the rows on screen (plus a margin) are in the DOM, and pages are
 * fetched as the end comes near, so it stays smooth with 100k contacts.
 */
export function ContactsTable({ pages, columns, label, sort, onSort, onOpen, empty, resetKey }: Props) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const { items, hasMore, loadMore } = pages;
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

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const style = { '--crm-columns': columns.map((c) => c.width).join(' ') } as CSSProperties;
  const showEmpty = !pages.loading && items.length === 0;

  return (
    <div className={classes.frame} style={style}>
      <div
        ref={scrollRef}
        className={classes.scroller}
        role="table"
        aria-label={label}
        aria-rowcount={pages.total ?? -1}
        aria-busy={pages.loading}
        data-testid="contacts-table"
      >
        <div role="rowgroup" className={classes.header}>
          <div role="row" style={{ display: 'contents' }}>
            {columns.map((column) => (
              <SortHeader key={column.id} column={column} sort={sort} onSort={onSort} />
            ))}
          </div>
        </div>
        {showEmpty ? (
          empty
        ) : (
          <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualRows.map((row) => {
              const contact = items[row.index];
              if (!contact) {
                return (
                  <div
                    key={row.key}
                    className={classes.loaderRow}
                    style={{ transform: `translateY(${row.start}px)`, height: row.size }}
                    role="row"
                    aria-label={t('contacts.loading_more')}
                  >
                    <Loader size="xs" type="dots" />
                    {t('contacts.loading_more')}
                  </div>
                );
              }
              return (
                <ContactRow
                  key={row.key}
                  contact={contact}
                  columns={columns}
                  index={row.index}
                  top={row.start}
                  height={row.size}
                  onOpen={onOpen}
                />
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
