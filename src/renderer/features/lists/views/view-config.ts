import type { SavedView } from '../../../../shared/contract';
import { EMPTY_FILTER, type ListSettings, type QuickFilter } from '../types';

export type ViewConfig = SavedView['config'];

/** The settings as a view stores them ("recently viewed" is per device, so it is not saved). */
export function toViewConfig(s: ListSettings): ViewConfig {
  const config: ViewConfig = {};
  if (s.query.trim()) config.query = s.query.trim();
  if (s.filter.conditions.length) config.filter = s.filter;
  config.sort = s.sort;
  config.columns = s.columns.map((c) => (c.width ? { field: c.field, width: c.width } : { field: c.field }));
  if (s.quick.kind === 'mine') config.ownerId = 'me';
  if (s.quick.kind === 'tag') config.tagId = s.quick.tagId;
  return config;
}

export function fromViewConfig(config: ViewConfig): Partial<ListSettings> {
  const quick: QuickFilter = config.tagId
    ? { kind: 'tag', tagId: config.tagId }
    : config.ownerId
      ? { kind: 'mine' }
      : { kind: 'all' };
  return {
    query: config.query ?? '',
    filter: config.filter ?? EMPTY_FILTER,
    ...(config.sort?.length ? { sort: config.sort } : {}),
    ...(config.columns?.length ? { columns: config.columns } : {}),
    quick,
  };
}

/** Whether what is on screen differs from what the view saved. */
export function differsFrom(settings: ListSettings, view: SavedView): boolean {
  const current = toViewConfig(settings);
  const saved = toViewConfig({ ...settings, ...fromViewConfig(view.config) });
  return JSON.stringify(current) !== JSON.stringify(saved);
}
