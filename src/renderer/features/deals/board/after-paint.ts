import { startTransition, useEffect, useState } from 'react';

/**
 * False until `ready` has been true through a painted frame (a frame, then a task), then true, in
 * a transition. What the first screen of the board does not need (columns out of view, the
 * drop-down widgets of empty filters) waits for the board to have painted its cards.
 */
export function usePaintedAfter(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted || !ready) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted, ready]);
  return painted;
}
