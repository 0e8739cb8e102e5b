import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useLive } from '../records/use-live';

/** One company, re-read when companies change; a merged one answers with its survivor. */
export function useCompany(id: string | undefined) {
  const live = useLive(id ? () => unwrap(api.companies.get({ id })) : null, ['companies'], id ?? '');
  return { company: live.data, loading: live.loading, error: live.error };
}
