import { useCallback, useEffect, useState } from 'react';
import type { Dashboard } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';
import type { PeriodRange } from './period';

/** The dashboard for a period and owner, reloaded when deals, activities or invoices change. */
export function useDashboard(range: PeriodRange, ownerId: string | null) {
  const [data, setData] = useState<Dashboard | null>(null);
  const [contacts, setContacts] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      const [dash, count] = await Promise.all([
        unwrap(api.dashboard.get({ ...range, ...(ownerId ? { ownerId } : {}) })),
        unwrap(api.contacts.count({})),
      ]);
      setData(dash);
      setContacts(count.count);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [range, ownerId]);
  useEffect(() => {
    void load();
  }, [load]);
  useChanges('deals', () => void load(), 400);
  useChanges('activities', () => void load(), 400);
  useChanges('invoices', () => void load(), 400);
  useChanges('contacts', () => void load(), 400);
  return { data, contacts, error, reload: load };
}
