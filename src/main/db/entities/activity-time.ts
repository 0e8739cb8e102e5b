import type { Row } from './types';

/**
 * Where an activity sits on a record's timeline. A task sits when it was done (or, while open,
 * when it was created), never at a due date still ahead; anything else when it happens (its
 * start, else its due time, else its creation).
 *
 * Every link of the activity keeps this in `activity_links.at` (a local field, kept by the write
 * path and by sync's apply), so a record's timeline page is one index range read newest first.
 * Migration 0007 fills older books with the same rule written in SQL.
 */
export function activityTime(row: Row): number {
  const createdAt = Number(row.createdAt ?? 0);
  if (row.type === 'task') return (row.doneAt as number | null | undefined) ?? createdAt;
  return (row.startAt as number | null | undefined) ?? (row.dueAt as number | null | undefined) ?? createdAt;
}
