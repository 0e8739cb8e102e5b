import { useCallback, useEffect, useState } from 'react';
import type { SavedView } from '../../../../shared/contract';
import { api } from '../../../lib/api';
import { unwrap } from '../../../lib/api-error';
import { useChanges } from '../../../lib/use-changes';
import type { RecordEntity } from '../types';

/** The saved views of a list: the shared ones and this person's own, kept fresh by `changes`. */
export function useViews(entity: RecordEntity) {
  const [views, setViews] = useState<SavedView[] | null>(null);
  const load = useCallback(async () => {
    try {
      setViews((await unwrap(api.views.list({ entity }))).items);
    } catch (error) {
      console.warn('could not load saved views', error);
      setViews((v) => v ?? []);
    }
  }, [entity]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('saved_views', () => void load());
  // Personal views belong to whoever uses this device.
  useChanges('members', () => void load());
  return { views, reload: load };
}
