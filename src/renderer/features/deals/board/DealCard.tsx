import { ActionIcon, Anchor, Avatar, Badge, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { IconClockExclamation, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { memo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BoardCard } from '../../../../shared/contract';
import { useFormat } from '../../../lib/format';
import { useMemberName } from '../../members/workspace-store';
import { useDealMoney } from '../money';

export const CARD_HEIGHT = 112;

interface ViewProps {
  card: BoardCard;
  baseCurrency: string;
  open: boolean;
  onWin?: (card: BoardCard) => void;
  onLose?: (card: BoardCard) => void;
  dragging?: boolean;
  overlay?: boolean;
}

/** What a card shows: title, company, amount, close date, owner; a rotting deal in red. */
export const DealCardView = memo(function DealCardView({
  card,
  baseCurrency,
  open,
  onWin,
  onLose,
  dragging,
  overlay,
}: ViewProps) {
  const { t } = useTranslation();
  const money = useDealMoney();
  const format = useFormat();
  const ownerName = useMemberName()(card.ownerId);
  const stop = {
    onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
    onKeyDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
  };
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      h={CARD_HEIGHT - 8}
      shadow={overlay ? 'lg' : undefined}
      data-testid="deal-card"
      data-deal-title={card.title}
      data-rotting={card.rotting || undefined}
      style={{
        opacity: dragging ? 0.35 : 1,
        borderColor: card.rotting ? 'var(--mantine-color-red-5)' : undefined,
        borderLeft: card.rotting ? '4px solid var(--mantine-color-red-6)' : undefined,
        cursor: overlay ? 'grabbing' : 'grab',
        overflow: 'hidden',
        background: 'var(--mantine-color-body)',
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
        <Anchor
          component={Link}
          to={`/deals/${card.id}`}
          size="sm"
          fw={600}
          lineClamp={1}
          c="inherit"
          data-testid="deal-card-title"
          // Enter follows the link; the card itself takes Space to lift it.
          onKeyDown={stop.onKeyDown}
        >
          {card.title}
        </Anchor>
        {card.rotting ? (
          <Tooltip label={t('deals.rotting_hint')} withinPortal>
            <Badge
              color="red"
              variant="light"
              size="xs"
              leftSection={<IconClockExclamation size={10} />}
              data-testid="rotting-badge"
            >
              {t('deals.rotting')}
            </Badge>
          </Tooltip>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {card.companyName ?? t('deals.no_company')}
      </Text>
      <Group justify="space-between" mt={6} wrap="nowrap">
        <Text size="sm" fw={650} data-testid="deal-card-amount">
          {card.amount === null ? '—' : money.format(card.amount, card.currency, baseCurrency)}
        </Text>
        <Text size="xs" c="dimmed">
          {card.expectedClose ? format.date(Date.parse(`${card.expectedClose}T12:00:00Z`)) : ''}
        </Text>
      </Group>
      <Group justify="space-between" mt={4} wrap="nowrap">
        <Group gap={4} wrap="nowrap">
          {ownerName ? <Avatar name={ownerName} color="initials" size={20} radius="xl" title={ownerName} /> : null}
          <Text size="xs" c="dimmed">
            {card.effectiveProbability}%
          </Text>
        </Group>
        {open && onWin && onLose ? (
          <Group gap={2} wrap="nowrap">
            <Tooltip label={t('deals.mark_won')} withinPortal>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="teal"
                aria-label={t('deals.mark_won_named', { title: card.title })}
                onClick={() => onWin(card)}
                data-testid="card-win"
                {...stop}
              >
                <IconTrophy size={15} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('deals.mark_lost')} withinPortal>
              <ActionIcon
                size="sm"
                variant="subtle"
                color="red"
                aria-label={t('deals.mark_lost_named', { title: card.title })}
                onClick={() => onLose(card)}
                data-testid="card-lose"
                {...stop}
              >
                <IconThumbDown size={15} />
              </ActionIcon>
            </Tooltip>
          </Group>
        ) : card.lostReason ? (
          <Text size="xs" c="red" lineClamp={1} maw={150}>
            {card.lostReason}
          </Text>
        ) : null}
      </Group>
    </Paper>
  );
});

/** A card the board can drag (pointer or keyboard: Space to lift, arrows to move, Space to drop). */
export function DealCard(props: Omit<ViewProps, 'dragging' | 'overlay'> & { style?: CSSProperties }) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: props.card.id,
    data: { card: props.card },
  });
  const { style, ...view } = props;
  return (
    <div
      ref={setNodeRef}
      style={style}
      {...attributes}
      {...listeners}
      aria-roledescription={t('deals.card_role')}
      aria-label={props.card.title}
      data-testid="deal-card-handle"
    >
      <DealCardView {...view} dragging={isDragging} />
    </div>
  );
}
