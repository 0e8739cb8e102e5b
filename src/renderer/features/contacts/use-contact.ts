import type { Contact } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useLive } from '../records/use-live';

/**
 * One contact, re-read whenever contacts change anywhere. A merged contact answers with its
 * survivor (its id differs from the one asked for): the pages redirect to it.
 */
export function useContact(id: string | undefined) {
  const live = useLive(id ? () => unwrap(api.contacts.get({ id })) : null, ['contacts'], id ?? '');
  return { contact: live.data as Contact | null, loading: live.loading, error: live.error };
}
