import { useDraggable } from '@dnd-kit/core';
import { IconClockExclamation, IconThumbDown, IconTrophy } from '@tabler/icons-react';
import { memo, type CSSProperties, type MouseEvent } from 'react';
import type { BoardCard } from '../../../../shared/contract';
import classes from './DealCard.module.css';

export const CARD_HEIGHT = 112;

/** An owner as a card shows it: the name (for the title) and an avatar of initials. */
export interface CardOwner {
  name: string;
  initials: string;
  style: CSSProperties;
}

/** What every card needs to show its values, built once per board rather than once per card. */
export interface CardFormat {
  money: (minor: number | null, currency: string | null) => string;
  day: (iso: string) => string;
  percent: (whole: number) => string;
  owner: (id: string | null) => CardOwner | null;
  /**
   * A card's title is a plain link (a router `<Link>` per card cost more than the rest of the
   * card): this follows it in the app, as `<Link>` would, unless a modifier asks for the browser.
   */
  follow: (event: MouseEvent<HTMLAnchorElement>) => void;
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
  onWin?: ((card: BoardCard) => void) | undefined;
  onLose?: ((card: BoardCard) => void) | undefined;
  dragging?: boolean;
  overlay?: boolean;
}

const stopPropagation = (e: { stopPropagation(): void }) => e.stopPropagation();
const HEIGHT_VAR = { '--deal-card-height': `${CARD_HEIGHT}px` } as CSSProperties;

/**
 * What a card shows: title, company, amount, close date, owner; a rotting deal in red. Plain
 * elements with a stylesheet, no Mantine components, no hooks: the first screen of a board is
 * a few dozen of these, and their render time is most of the time to the first paint.
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
  const owner = fmt.owner(card.ownerId);
  return (
    <div
      className={classes.card}
      style={HEIGHT_VAR}
      data-testid="deal-card"
      data-deal-title={card.title}
      data-rotting={card.rotting || undefined}
      data-dragging={dragging || undefined}
      data-overlay={overlay || undefined}
    >
      <div className={classes.top}>
        <a
          href={`/deals/${card.id}`}
          className={classes.title}
          data-testid="deal-card-title"
          onClick={fmt.follow}
          // Enter follows the link; the card itself takes Space to lift it.
          onKeyDown={stopPropagation}
        >
          {card.title}
        </a>
        {card.rotting ? (
          <span className={classes.badge} title={fmt.text.rottingHint} data-testid="rotting-badge">
            <IconClockExclamation size={10} aria-hidden />
            {fmt.text.rotting}
          </span>
        ) : null}
      </div>
      <div className={classes.dimmed}>{card.companyName ?? fmt.text.noCompany}</div>
      <div className={classes.meta}>
        <span className={classes.amount} data-testid="deal-card-amount">
          {card.amount === null ? '—' : fmt.money(card.amount, card.currency)}
        </span>
        <span className={classes.dimmed}>{card.expectedClose ? fmt.day(card.expectedClose) : ''}</span>
      </div>
      <div className={classes.foot}>
        <span className={classes.owner}>
          {owner ? (
            <span className={classes.avatar} style={owner.style} title={owner.name}>
              {owner.initials}
            </span>
          ) : null}
          <span className={classes.dimmed}>{fmt.percent(card.effectiveProbability)}</span>
        </span>
        {open && onWin && onLose ? (
          <span className={classes.actions}>
            <button
              type="button"
              className={classes.win}
              aria-label={fmt.text.win(card.title)}
              title={fmt.text.win(card.title)}
              onClick={() => onWin(card)}
              onPointerDown={stopPropagation}
              onKeyDown={stopPropagation}
              data-testid="card-win"
            >
              <IconTrophy size={15} aria-hidden />
            </button>
            <button
              type="button"
              className={classes.lose}
              aria-label={fmt.text.lose(card.title)}
              title={fmt.text.lose(card.title)}
              onClick={() => onLose(card)}
              onPointerDown={stopPropagation}
              onKeyDown={stopPropagation}
              data-testid="card-lose"
            >
              <IconThumbDown size={15} aria-hidden />
            </button>
          </span>
        ) : card.lostReason ? (
          <span className={classes.lost}>{card.lostReason}</span>
        ) : null}
      </div>
    </div>
  );
});

/** A card the board can drag (pointer or keyboard: Space to lift, arrows to move, Space to drop). */
export const DealCard = memo(function DealCard(
  props: Omit<ViewProps, 'dragging' | 'overlay'> & {
    /** Its offset in the column's virtual list, in pixels. */
    top: number;
  },
) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: props.card.id,
    data: { card: props.card },
  });
  const { top, ...view } = props;
  return (
    <div
      ref={setNodeRef}
      className={classes.slot}
      style={{ ...HEIGHT_VAR, transform: `translateY(${top}px)` }}
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
