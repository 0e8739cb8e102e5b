import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  rectIntersection,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Alert, Group } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertCircle } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, Pipeline } from '../../../../shared/contract';
import { LoadingState } from '../../../components/LoadingState';
import { notifyError, notifySuccess } from '../../../components/notify';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { FULL_HEIGHT } from '../../lists/layout';
import { dealErrorText } from '../deal-errors';
import { DealFormModal } from '../DealFormModal';
import { useDealsUi } from '../deals-ui-store';
import { LoseDealModal } from '../LoseDealModal';
import { BoardColumn, COLUMN_WIDTH } from './BoardColumn';
import { usePaintedAfter } from './after-paint';
import { BoardFilters } from './BoardFilters';
import { DealCardView } from './DealCard';
import { columnCoordinates } from './keyboard';
import { useCardFormat } from './card-format';
import { boardInput, useBoard, type BoardInput } from './use-board';

/** The app's sidebar, beside the board on a desktop window. */
const NAVBAR_WIDTH = 248;
const COLUMN_GAP = 12;

/**
 * How many columns the window shows at once. Their cards render with the board; the cards of the
 * others follow in a background render, so the first screen paints sooner. A guess from the
 * window's width is enough: a column guessed wrong shows its cards a frame later.
 */
function firstScreenColumns(): number {
  return Math.max(1, Math.ceil((window.innerWidth - NAVBAR_WIDTH) / (COLUMN_WIDTH + COLUMN_GAP)));
}

/**
 * The kanban of one pipeline. Cards move by drag and drop with the pointer or the keyboard
 * (Space to lift, Left/Right to change column, Space to drop, Escape to cancel); dropping on a
 * lost stage asks for the reason first. Totals come from the back end after every change.
 */
export function DealBoard({
  pipeline,
  pipelines,
  onPainted,
}: {
  pipeline: Pipeline;
  pipelines: Pipeline[];
  /** Once the board's first screen (or its error) has been painted. */
  onPainted?: () => void;
}) {
  const { t } = useTranslation();
  const filters = useDealsUi((s) => s.filters);
  const [query] = useDebouncedValue(filters.query.trim(), 200);
  const { ownerIds, teamId, closeMonth, tagIds } = filters;
  const input = useMemo<BoardInput>(
    () => boardInput(pipeline.id, { query, ownerIds, teamId, closeMonth, tagIds }),
    [pipeline.id, query, ownerIds, teamId, closeMonth, tagIds],
  );
  const board = useBoard(input);
  const painted = usePaintedAfter(board.data !== null || board.error !== null);
  useEffect(() => {
    if (painted) onPainted?.();
  }, [painted, onPainted]);
  const fmt = useCardFormat(board.data?.baseCurrency ?? 'USD');
  // A fresh read of the pipelines brings new stage objects with the same values: keyed by their
  // values, the columns (memoised) are not all rendered again when nothing about them changed.
  const stagesKey = JSON.stringify(pipeline.stages.filter((s) => !s.archived));
  const stages = useMemo(() => JSON.parse(stagesKey) as Pipeline['stages'], [stagesKey]);
  const stageById = useMemo(() => new Map(stages.map((s) => [s.id, s])), [stages]);
  const [active, setActive] = useState<BoardCard | null>(null);
  const [losing, setLosing] = useState<{ card: BoardCard; stageId: string | null } | null>(null);
  const [adding, setAdding] = useState<string | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    // Instant scrolling: the column the card lands in is known as soon as the key is pressed.
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates, scrollBehavior: 'instant' }),
  );

  const move = useCallback(
    async (card: BoardCard, stageId: string, lostReason?: string) => {
      board.moveLocally(card, stageId);
      try {
        await unwrap(api.deals.move({ id: card.id, stageId, ...(lostReason ? { lostReason } : {}) }));
      } catch (error) {
        notifyError(t('deals.move_failed'), dealErrorText(t, error));
      } finally {
        void board.reload();
      }
    },
    [board, t],
  );

  const win = useCallback(
    async (card: BoardCard) => {
      try {
        await unwrap(api.deals.win({ id: card.id }));
        notifySuccess(t('deals.won_toast'), card.title);
      } catch (error) {
        notifyError(t('deals.move_failed'), dealErrorText(t, error));
      }
    },
    [t],
  );
  // Stable handlers, so the memoised columns and cards are not rendered again for new closures.
  const onWin = useCallback((card: BoardCard) => void win(card), [win]);
  const onLose = useCallback((card: BoardCard) => setLosing({ card, stageId: null }), []);
  const { loadMore } = board;
  const onLoadMore = useCallback((id: string) => void loadMore(id), [loadMore]);
  const firstScreen = useMemo(firstScreenColumns, []);

  const onDragStart = (event: DragStartEvent) => setActive((event.active.data.current?.card as BoardCard) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setActive(null);
    const card = event.active.data.current?.card as BoardCard | undefined;
    const target = event.over ? stageById.get(String(event.over.id)) : undefined;
    if (!card || !target || target.id === card.stageId) return;
    if (target.kind === 'lost') setLosing({ card, stageId: target.id });
    else void move(card, target.id);
  };

  const stageName = (id: unknown) => stageById.get(String(id))?.name ?? '';
  const announcements: Announcements = {
    onDragStart: ({ active: a }) =>
      t('deals.dnd_picked', { title: (a.data.current?.card as BoardCard | undefined)?.title ?? '' }),
    onDragOver: ({ over }) => (over ? t('deals.dnd_over', { stage: stageName(over.id) }) : t('deals.dnd_outside')),
    onDragEnd: ({ over }) => (over ? t('deals.dnd_dropped', { stage: stageName(over.id) }) : t('deals.dnd_cancelled')),
    onDragCancel: () => t('deals.dnd_cancelled'),
  };

  if (board.error && !board.data)
    return (
      <Alert color="red" icon={<IconAlertCircle size={18} />}>
        {dealErrorText(t, board.error)}
      </Alert>
    );

  return (
    <>
      <BoardFilters ready={painted} />
      {!board.data ? (
        <LoadingState />
      ) : (
        <DndContext
          sensors={sensors}
          collisionDetection={rectIntersection}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={() => setActive(null)}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t('deals.dnd_instructions') } }}
        >
          <Group
            gap="sm"
            wrap="nowrap"
            align="stretch"
            h={`calc(${FULL_HEIGHT} - 150px)`}
            mih={420}
            style={{ overflowX: 'auto', paddingBottom: 8 }}
            data-testid="deal-board"
          >
            {board.data.columns.map((column, index) => {
              const stage = stageById.get(column.stageId);
              if (!stage) return null;
              return (
                <BoardColumn
                  key={column.stageId}
                  stage={stage}
                  column={column}
                  baseCurrency={board.data!.baseCurrency}
                  fmt={fmt}
                  loadingMore={board.loadingMore.has(column.stageId)}
                  onLoadMore={onLoadMore}
                  onQuickAdd={setAdding}
                  onWin={onWin}
                  onLose={onLose}
                  eager={index < firstScreen}
                />
              );
            })}
          </Group>
          <DragOverlay dropAnimation={null}>
            {active ? <DealCardView card={active} fmt={fmt} open={false} overlay /> : null}
          </DragOverlay>
        </DndContext>
      )}
      <LoseDealModal
        deal={losing?.card ?? null}
        onClose={() => setLosing(null)}
        onConfirm={async (reason) => {
          if (!losing) return;
          if (losing.stageId) {
            await unwrap(api.deals.move({ id: losing.card.id, stageId: losing.stageId, lostReason: reason }));
          } else {
            await unwrap(api.deals.lose({ id: losing.card.id, reason }));
          }
          void board.reload();
        }}
      />
      <DealFormModal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        pipelines={pipelines}
        pipelineId={pipeline.id}
        stageId={adding}
        onSaved={() => void board.reload()}
      />
    </>
  );
}
