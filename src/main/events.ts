import type { EventName, EventPayload } from '../shared/contract/events';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;

/** In-process event bus; the transports forward its events to windows and browsers. */
export class EventBus {
  private listeners = new Map<EventName, Set<Listener<EventName>>>();

  on<E extends EventName>(event: E, listener: Listener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(listener as Listener<EventName>);
    return () => set.delete(listener as Listener<EventName>);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        // A failing subscriber (a closed window) must not break the write that emitted.
        console.error(`listener for ${event} failed`, error);
      }
    }
  }
}
