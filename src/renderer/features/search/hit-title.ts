import type { SearchHit } from '../../../shared/contract';

/**
 * The title a search result shows: an activity stored without a subject (an .ics event without
 * SUMMARY) shows "(no title)" in the reader's language, as the calendar does, never an empty line.
 */
export function hitTitle(hit: Pick<SearchHit, 'title'>, t: (key: 'activity.untitled') => string): string {
  return hit.title.trim() || t('activity.untitled');
}
