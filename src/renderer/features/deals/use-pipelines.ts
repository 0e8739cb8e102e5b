import type { Pipeline } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useLive } from '../records/use-live';

const WATCHED = ['pipelines', 'stages'] as const;

/** The workspace's pipelines with their stages, kept fresh (archived ones when asked for). */
export function usePipelines(includeArchived = false) {
  return useLive<Pipeline[]>(
    async () => (await unwrap(api.pipelines.list({ includeArchived }))).items,
    WATCHED,
    String(includeArchived),
  );
}
