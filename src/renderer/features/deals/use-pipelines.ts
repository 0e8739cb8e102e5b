import type { Pipeline } from '../../../shared/contract';
import { api } from '../../lib/api';
import { unwrap } from '../../lib/api-error';
import { useLive, type Live } from '../records/use-live';

const WATCHED = ['pipelines', 'stages'] as const;

/** The last pipelines read, so coming back to the board starts its own request at once. */
const lastRead = new Map<boolean, Pipeline[]>();

/** The workspace's pipelines with their stages, kept fresh (archived ones when asked for). */
export function usePipelines(includeArchived = false): Live<Pipeline[]> {
  const live = useLive<Pipeline[]>(
    async () => {
      const items = (await unwrap(api.pipelines.list({ includeArchived }))).items;
      lastRead.set(includeArchived, items);
      return items;
    },
    WATCHED,
    String(includeArchived),
  );
  return live.data ? live : { ...live, data: lastRead.get(includeArchived) ?? null };
}
