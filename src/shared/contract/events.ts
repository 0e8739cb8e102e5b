import { z } from 'zod';
import type { EventDef } from './define';
import { syncEvents } from './sync';

export const CHANGE_OPS = ['insert', 'update', 'delete', 'restore', 'purge'] as const;

export const changesPayload = z.object({
  /** The synced table that changed ("contacts"). */
  entity: z.string(),
  op: z.enum(CHANGE_OPS),
  ids: z.array(z.string()),
});
export type ChangesPayload = z.infer<typeof changesPayload>;

export const events = {
  changes: {
    summary: 'Records were written (here, in another window, by the CLI or by sync). Refresh what shows them.',
    payload: changesPayload,
  } satisfies EventDef,
  ...syncEvents,
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]['payload']>;
