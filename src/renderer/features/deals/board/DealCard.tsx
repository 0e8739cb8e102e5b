import { ActionIcon, Anchor, Avatar, Badge, Group, Paper, Text } from '@mantine/core';
import { useDraggable } from '@dnd-kit/core';
import { IconClockExclamation, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { memo, type CSSProperties } from 'react';
import { Link } from 'react-router';
import type { BoardCard } from '../../../../shared/contract';

export const CARD_HEIGHT = 112;

/** What every card needs to show its values, built once per board rather than once per card. */
export interface CardFormat {
  money: (minor: number | null, currency: string | null) => string;
  day: (iso: string) => string;
  memberName: (id: string | null) => string | null;
  text: {
    noCompany: string;
    rotting: string;
    rottingHint: string;
    win: (title: string) => string;
    lose: (title: string) => string;
    role: string;
  };
}

interface ViewProps {
  card: BoardCard;
  fmt: CardFormat;
  open: boolean;
  onWin?: (card: BoardCard) => void;
  onLose?: (card: BoardCard) => void;
  dragging?: boolean;
  overlay?: boolean;
}

const stop = {
  onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
  onKeyDown: (e: { stopPropagation(): void }) => e.stopPropagation(),
};

/**
 * What a card shows: title, company, amount, close date, owner; a rotting deal in red. Kept
 * light (no tooltips, no portals, no hooks): a column renders a dozen of these at a time.
 */
export const DealCardView = memo(function DealCardView({
  card,
  fmt,
  open,
  onWin,
  onLose,
  dragging,
  overlay,
}: ViewProps) {
  const ownerName = fmt.memberName(card.ownerId);
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
          <Badge
            color="red"
            variant="light"
            size="xs"
            leftSection={<IconClockExclamation size={10} />}
            title={fmt.text.rottingHint}
            data-testid="rotting-badge"
          >
            {fmt.text.rotting}
          </Badge>
        ) : null}
      </Group>
      <Text size="xs" c="dimmed" lineClamp={1}>
        {card.companyName ?? fmt.text.noCompany}
      </Text>
      <Group justify="space-between" mt={6} wrap="nowrap">
        <Text size="sm" fw={650} data-testid="deal-card-amount">
          {card.amount === null ? '—' : fmt.money(card.amount, card.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {card.expectedClose ? fmt.day(card.expectedClose) : ''}
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
            <ActionIcon
              size="sm"
              variant="subtle"
              color="teal"
              aria-label={fmt.text.win(card.title)}
              title={fmt.text.win(card.title)}
              onClick={() => onWin(card)}
              data-testid="card-win"
              {...stop}
            >
              <IconTrophy size={15} />
            </ActionIcon>
            <ActionIcon
              size="sm"
              variant="subtle"
              color="red"
              aria-label={fmt.text.lose(card.title)}
              title={fmt.text.lose(card.title)}
              onClick={() => onLose(card)}
              data-testid="card-lose"
              {...stop}
            >
              <IconThumbDown size={15} />
            </ActionIcon>
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
export const DealCard = memo(function DealCard(
  props: Omit<ViewProps, 'dragging' | 'overlay'> & { style?: CSSProperties },
) {
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
      aria-roledescription={props.fmt.text.role}
      aria-label={props.card.title}
      data-testid="deal-card-handle"
    >
      <DealCardView {...view} dragging={isDragging} />
    </div>
  );
});
