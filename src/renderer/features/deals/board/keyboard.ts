import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Keyboard moves on the board: Left and Right jump the card to the middle of the previous or next
 * column (rather than nudging it 25 px at a time), so "Space, Right, Space" moves a deal one stage.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context }) => {
  const { collisionRect, droppableRects, droppableContainers, active } = context;
  if (event.code !== KeyboardCode.Right && event.code !== KeyboardCode.Left) {
    if (event.code === KeyboardCode.Up || event.code === KeyboardCode.Down) event.preventDefault();
    return undefined;
  }
  event.preventDefault();
  if (!active || !collisionRect) return undefined;
  const centre = collisionRect.left + collisionRect.width / 2;
  let best: { left: number; top: number; width: number; bottom: number } | null = null;
  for (const entry of droppableContainers.getEnabled()) {
    const rect = droppableRects.get(entry.id);
    if (!rect) continue;
    const mid = rect.left + rect.width / 2;
    const ahead = event.code === KeyboardCode.Right ? mid > centre + 1 : mid < centre - 1;
    if (!ahead) continue;
    if (!best || Math.abs(mid - centre) < Math.abs(best.left + best.width / 2 - centre)) best = rect;
  }
  if (!best) return undefined;
  const top = Math.min(Math.max(collisionRect.top, best.top), Math.max(best.top, best.bottom - collisionRect.height));
  return { x: best.left + (best.width - collisionRect.width) / 2, y: top };
};
