import { Group, Loader, Tooltip } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, BoardColumn as Column, Stage } from '../../../../shared/contract';
import { usePaintedAfter } from './after-paint';
import classes from './BoardColumn.module.css';
import { CARD_HEIGHT, DealCard, type CardFormat } from './DealCard';

export const COLUMN_WIDTH = 280;

interface Props {
  stage: Stage;
  column: Column;
  baseCurrency: string;
  fmt: CardFormat;
  loadingMore: boolean;
  onLoadMore: (stageId: string) => void;
  onQuickAdd: (stageId: string) => void;
  onWin: (card: BoardCard) => void;
  onLose: (card: BoardCard) => void;
  /** In the first screen: its cards render with the board; the others' right after the first paint. */
  eager: boolean;
}

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

/** One style object per kind of stage, shared by every column of that kind. */
const COLUMN_STYLE = Object.fromEntries(
  Object.entries(KIND_COLOR).map(([kind, color]) => [
    kind,
    { '--column-width': `${COLUMN_WIDTH}px`, '--kind-color': `var(--mantine-color-${color}-5)` } as CSSProperties,
  ]),
) as Record<Stage['kind'], CSSProperties>;

function columnStyle(kind: Stage['kind']): CSSProperties {
  return COLUMN_STYLE[kind];
}

/** The height of a column's card list before it is measured: the window less the page's header and filters. */
function firstListHeight(): number {
  return Math.max(240, (typeof window === 'undefined' ? 800 : window.innerHeight) - 300);
}

/**
 * One stage of the board: its totals on top and its cards in a virtual list, so a column of
 * thousands renders the dozen cards in view. The next page loads as the end comes into view.
 * Memoised: a change in one column (a move, more cards) leaves the others alone.
 */
export const BoardColumn = memo(function BoardColumn({
  stage,
  column,
  baseCurrency,
  fmt,
  loadingMore,
  onLoadMore,
  onQuickAdd,
  onWin,
  onLose,
  eager,
}: Props) {
  const { t } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const scroller = useRef<HTMLDivElement>(null);
  const { items, nextCursor, totals } = column;
  // A column out of the first screen shows its header at once and its cards once the first
  // screen has painted.
  const painted = usePaintedAfter(!eager);
  const showCards = eager || painted;
  const virtualizer = useVirtualizer({
    count: showCards ? items.length : 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    // The first render already lays out the cards in view, without waiting for a measure.
    initialRect: { width: COLUMN_WIDTH, height: firstListHeight() },
    overscan: 1,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  useEffect(() => {
    if (showCards && nextCursor && !loadingMore && lastIndex >= items.length - 3) onLoadMore(stage.id);
  }, [showCards, lastIndex, items.length, nextCursor, loadingMore, onLoadMore, stage.id]);

  return (
    <div
      ref={setNodeRef}
      className={classes.column}
      style={columnStyle(stage.kind)}
      data-over={isOver || undefined}
      data-testid="board-column"
      data-stage={stage.name}
    >
      <div className={classes.header}>
        <div className={classes.titleRow}>
          <div className={classes.row}>
            <span className={classes.name}>{stage.name}</span>
            <span className={classes.count} data-testid="column-count">
              {totals.count}
            </span>
          </div>
          <button
            type="button"
            className={classes.add}
            aria-label={t('deals.quick_add_in', { stage: stage.name })}
            title={t('deals.quick_add_in', { stage: stage.name })}
            onClick={() => onQuickAdd(stage.id)}
            data-testid="column-quick-add"
          >
            <IconPlus size={16} aria-hidden />
          </button>
        </div>
        <div className={classes.totals}>
          <span className={classes.sum} data-testid="column-sum" title={t('deals.total_sum')}>
            {fmt.money(totals.sum, baseCurrency)}
          </span>
          {stage.kind === 'open' ? (
            <span className={classes.dimmed} data-testid="column-weighted" title={t('deals.total_weighted')}>
              {t('deals.weighted_short', { amount: fmt.money(totals.weighted, baseCurrency) })}
            </span>
          ) : null}
          {totals.missingRates.length ? (
            <Tooltip
              label={t('deals.missing_rates', { currencies: totals.missingRates.join(', ') })}
              withinPortal
              multiline
              w={220}
            >
              <IconAlertTriangle
                size={14}
                color="var(--mantine-color-orange-6)"
                aria-label={t('deals.missing_rates', { currencies: totals.missingRates.join(', ') })}
              />
            </Tooltip>
          ) : null}
        </div>
      </div>
      <div ref={scroller} className={classes.scroller} data-testid="column-scroller">
        {items.length === 0 ? (
          <div className={classes.empty}>{t('deals.column_empty')}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualItems.map((v) => {
              const card = items[v.index]!;
              return (
                <DealCard
                  key={card.id}
                  card={card}
                  fmt={fmt}
                  open={stage.kind === 'open'}
                  onWin={onWin}
                  onLose={onLose}
                  top={v.start}
                />
              );
            })}
          </div>
        )}
        {loadingMore ? (
          <Group justify="center" py="xs">
            <Loader size="xs" />
          </Group>
        ) : null}
      </div>
    </div>
  );
});
