import { ActionIcon, Badge, Box, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useDroppable } from '@dnd-kit/core';
import { IconAlertTriangle, IconPlus } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, BoardColumn as Column, Stage } from '../../../../shared/contract';
import { useDealMoney } from '../money';
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
}

const KIND_COLOR = { open: 'blue', won: 'teal', lost: 'red' } as const;

/**
 * One stage of the board: its totals on top and its cards in a virtual list, so a column of
 * thousands renders the dozen cards in view. The next page loads as the end comes into view.
 */
export function BoardColumn({
  stage,
  column,
  baseCurrency,
  fmt,
  loadingMore,
  onLoadMore,
  onQuickAdd,
  onWin,
  onLose,
}: Props) {
  const { t } = useTranslation();
  const money = useDealMoney();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id, data: { stage } });
  const scroller = useRef<HTMLDivElement>(null);
  const { items, nextCursor, totals } = column;
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => CARD_HEIGHT,
    // The first render already lays out the cards in view, without waiting for a measure.
    initialRect: { width: COLUMN_WIDTH, height: 640 },
    overscan: 2,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? -1;
  useEffect(() => {
    if (nextCursor && !loadingMore && lastIndex >= items.length - 3) onLoadMore(stage.id);
  }, [lastIndex, items.length, nextCursor, loadingMore, onLoadMore, stage.id]);

  return (
    <Stack
      ref={setNodeRef}
      gap={0}
      w={COLUMN_WIDTH}
      miw={COLUMN_WIDTH}
      h="100%"
      data-testid="board-column"
      data-stage={stage.name}
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        background: isOver ? 'var(--mantine-color-blue-light)' : 'var(--mantine-color-default-hover)',
        outline: isOver ? '2px dashed var(--mantine-color-blue-5)' : undefined,
        transition: 'background 120ms',
      }}
    >
      <Box
        p="sm"
        pb={6}
        style={{
          borderTop: `3px solid var(--mantine-color-${KIND_COLOR[stage.kind]}-5)`,
          borderRadius: 'var(--mantine-radius-md) var(--mantine-radius-md) 0 0',
        }}
      >
        <Group justify="space-between" wrap="nowrap" gap={4}>
          <Group gap={6} wrap="nowrap" miw={0}>
            <Text fw={650} size="sm" truncate>
              {stage.name}
            </Text>
            <Badge size="sm" variant="light" color="gray" radius="sm" data-testid="column-count">
              {totals.count}
            </Badge>
          </Group>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-label={t('deals.quick_add_in', { stage: stage.name })}
            title={t('deals.quick_add_in', { stage: stage.name })}
            onClick={() => onQuickAdd(stage.id)}
            data-testid="column-quick-add"
          >
            <IconPlus size={16} />
          </ActionIcon>
        </Group>
        <Group gap={6} mt={2} wrap="nowrap">
          <Text size="xs" fw={600} data-testid="column-sum" title={t('deals.total_sum')}>
            {money.format(totals.sum, baseCurrency)}
          </Text>
          {stage.kind === 'open' ? (
            <Text size="xs" c="dimmed" data-testid="column-weighted" title={t('deals.total_weighted')}>
              {t('deals.weighted_short', { amount: money.format(totals.weighted, baseCurrency) })}
            </Text>
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
        </Group>
      </Box>
      <div ref={scroller} style={{ flex: 1, overflowY: 'auto', padding: '4px 8px 8px' }} data-testid="column-scroller">
        {items.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="lg">
            {t('deals.column_empty')}
          </Text>
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
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: CARD_HEIGHT,
                    transform: `translateY(${v.start}px)`,
                  }}
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
    </Stack>
  );
}
