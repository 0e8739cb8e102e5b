import { startTransition, useEffect, useState } from 'react';

/**
 * False until the frame after the component mounted has been painted (a frame, then a task), then
 * true, in a transition; always true when not `wanted`. What is not needed for the first screen
 * of the board (columns out of view, the drop-down widgets of empty filters) waits for it.
 */
export function useAfterFirstPaint(wanted = true): boolean {
  const [painted, setPainted] = useState(!wanted);
  useEffect(() => {
    if (painted) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
