import { useCallback, useEffect, useState } from 'react';
import type { Contact } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useChanges } from '../../lib/use-changes';

interface State {
  contact: Contact | null;
  error: unknown;
  loading: boolean;
}

/** One contact, re-read whenever it (or something unknown) changes anywhere. */
export function useContact(id: string | undefined) {
  const [state, setState] = useState<State>({ contact: null, error: null, loading: true });

  const load = useCallback(async () => {
    if (!id) return;
    try {
      const contact = await unwrap(api.contacts.get({ id }));
      setState({ contact, error: null, loading: false });
    } catch (error) {
      setState({ contact: null, error, loading: false });
    }
  }, [id]);

  useEffect(() => {
    setState({ contact: null, error: null, loading: true });
    void load();
  }, [load]);

  useChanges('contacts', (ids) => {
    if (!id || ids.length === 0 || ids.includes(id)) void load();
  });

  return state;
}
