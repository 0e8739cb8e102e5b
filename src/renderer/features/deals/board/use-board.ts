import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardCard, BoardColumn, MethodInput } from '../../../../shared/contract';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { useChangesOf } from '../../records/use-live';
import type { BoardFilters } from '../deals-ui-store';

export type BoardInput = Omit<MethodInput<'deals.board'>, 'limit'>;

export interface BoardData {
  baseCurrency: string;
  columns: BoardColumn[];
}

const WATCHED = ['deals', 'stages', 'pipelines', 'exchange_rates', 'settings', 'taggings', 'companies'] as const;
/**
 * Cards per column in the board's read: a screen of them and a few more (a column shows five or
 * six). The rest come a page at a time as a column is scrolled; a smaller first read is a
 * smaller answer to make, send and read before the first paint.
 */
const FIRST_PAGE = 12;
const PAGE = 30;
/** How long a read started by a render may wait for its board to mount before it counts as stale. */
const EARLY_MS = 2_000;

/**
 * A board read started while the page renders: the request leaves before React has committed
 * the page (and unmounted the one before), rather than from an effect after it. Only the
 * board's first read of an input uses it.
 */
let early: { key: string; at: number; promise: Promise<BoardData> } | null = null;

/** The board's read for a pipeline and the filters (the words already trimmed and debounced). */
export function boardInput(pipelineId: string, filters: BoardFilters): BoardInput {
  return {
    pipelineId,
    ...(filters.query ? { query: filters.query } : {}),
    ...(filters.ownerIds.length ? { ownerIds: filters.ownerIds } : {}),
    ...(filters.teamId ? { teamId: filters.teamId } : {}),
    ...(filters.closeMonth ? { closeMonth: filters.closeMonth } : {}),
    ...(filters.tagIds.length ? { tagIds: filters.tagIds } : {}),
  };
}

/**
 * Starts the board's first read before the board itself renders (the page calls it first thing):
 * the board takes it up if it asks for the same input.
 */
export function prefetchBoard(input: BoardInput): void {
  startEarly(JSON.stringify(input), input);
}

function startEarly(key: string, input: BoardInput): void {
  if (early?.key === key && Date.now() - early.at < EARLY_MS) return;
  const promise = unwrap(api.deals.board({ ...input, limit: FIRST_PAGE }));
  // A read nobody takes (the render was thrown away) must not report an unhandled rejection.
  promise.catch(() => undefined);
  early = { key, at: Date.now(), promise };
}

function takeEarly(key: string): Promise<BoardData> | null {
  const taken = early?.key === key && Date.now() - early.at < EARLY_MS ? early.promise : null;
  early = null;
  return taken;
}

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
  const shownKey = useRef<string | null>(null);
  if (input && shownKey.current !== key) startEarly(key, input);

  const reload = useCallback(async () => {
    const current = inputRef.current;
    if (!current) return;
    const gen = ++generation.current;
    try {
      const board = await (takeEarly(JSON.stringify(current)) ??
        unwrap(api.deals.board({ ...current, limit: FIRST_PAGE })));
      if (gen === generation.current) {
        setData(board);
        setError(null);
      }
    } catch (e) {
      if (gen === generation.current) setError(e);
    }
  }, []);

  useEffect(() => {
    shownKey.current = key;
    setData(null);
    void reload();
  }, [key, reload]);

  useChangesOf(WATCHED, () => void reload());

  const dataRef = useRef(data);
  dataRef.current = data;
  // Stable (reads the data through a ref), so the columns it is handed to stay memoised.
  const loadMore = useCallback(async (stageId: string) => {
    const current = inputRef.current;
    const column = dataRef.current?.columns.find((c) => c.stageId === stageId);
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
  }, []);

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
