import { useCallback, useEffect, useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';

interface HomeData {
  contacts: number | null;
  trash: number | null;
  recent: Contact[] | null;
}

/** The home page's figures, kept current by `changes` events. */
export function useHomeData(): HomeData {
  const [data, setData] = useState<HomeData>({ contacts: null, trash: null, recent: null });

  const load = useCallback(async () => {
    try {
      const [live, trash, recent] = await Promise.all([
        unwrap(api.contacts.count({})),
        unwrap(api.contacts.count({ trash: true })),
        unwrap(api.contacts.list({ sort: { field: 'updatedAt', direction: 'desc' }, limit: 6 })),
      ]);
      setData({ contacts: live.count, trash: trash.count, recent: recent.items });
    } catch {
      setData((d) => ({ contacts: d.contacts ?? 0, trash: d.trash ?? 0, recent: d.recent ?? [] }));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useChanges('contacts', () => void load());

  return data;
}
