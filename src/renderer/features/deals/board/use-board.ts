import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardCard, BoardColumn, MethodInput } from '../../../../shared/contract';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { useChangesOf } from '../../records/use-live';

export type BoardInput = Omit<MethodInput<'deals.board'>, 'limit'>;

export interface BoardData {
  baseCurrency: string;
  columns: BoardColumn[];
}

const WATCHED = ['deals', 'stages', 'pipelines', 'exchange_rates', 'settings', 'taggings', 'companies'] as const;
const PAGE = 30;

/**
 * The board's data: totals and first cards per column, more cards per column on demand, and a
 * fresh read whenever deals (or stages, rates...) change anywhere. `moveLocally` shows a dropped
 * card in its new column at once, before the save answers.
 */
export function useBoard(input: BoardInput | null) {
  const [data, setData] = useState<BoardData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState<Set<string>>(new Set());
  const generation = useRef(0);
  const key = JSON.stringify(input);
  const inputRef = useRef(input);
  inputRef.current = input;

  const reload = useCallback(async () => {
    const current = inputRef.current;
    if (!current) return;
    const gen = ++generation.current;
    try {
      const board = await unwrap(api.deals.board({ ...current, limit: PAGE }));
      if (gen === generation.current) {
        setData(board);
        setError(null);
      }
    } catch (e) {
      if (gen === generation.current) setError(e);
    }
  }, []);

  useEffect(() => {
    setData(null);
    void reload();
  }, [key, reload]);

  useChangesOf(WATCHED, () => void reload());

  const loadMore = useCallback(
    async (stageId: string) => {
      const current = inputRef.current;
      const column = data?.columns.find((c) => c.stageId === stageId);
      if (!current || !column?.nextCursor) return;
      const gen = generation.current;
      setLoadingMore((s) => new Set(s).add(stageId));
      try {
        const page = await unwrap(api.deals.column({ ...current, stageId, cursor: column.nextCursor, limit: PAGE }));
        if (gen !== generation.current) return;
        setData((d) =>
          d
            ? {
                ...d,
                columns: d.columns.map((c) =>
                  c.stageId === stageId ? { ...c, items: [...c.items, ...page.items], nextCursor: page.nextCursor } : c,
                ),
              }
            : d,
        );
      } finally {
        setLoadingMore((s) => {
          const next = new Set(s);
          next.delete(stageId);
          return next;
        });
      }
    },
    [data],
  );

  const moveLocally = useCallback((card: BoardCard, toStageId: string) => {
    setData((d) =>
      d
        ? {
            ...d,
            columns: d.columns.map((c) => {
              if (c.stageId === card.stageId)
                return {
                  ...c,
                  items: c.items.filter((x) => x.id !== card.id),
                  totals: { ...c.totals, count: c.totals.count - 1 },
                };
              if (c.stageId === toStageId)
                return {
                  ...c,
                  items: [{ ...card, stageId: toStageId, rotting: false }, ...c.items],
                  totals: { ...c.totals, count: c.totals.count + 1 },
                };
              return c;
            }),
          }
        : d,
    );
  }, []);

  return { data, error, reload, loadMore, loadingMore, moveLocally };
}
