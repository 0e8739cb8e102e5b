import { changesPayload, type EventName } from '../../shared/contract';

type Listener = (payload: unknown) => void;

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 15_000;

/**
 * Server-sent events from `GET /api/events`. EventSource cannot send an Authorization header, so
 * the stream is read with fetch(). One connection serves every listener; it opens with the first
 * and closes with the last, and reconnects with back-off. After a reconnect a `changes` event for
 * every entity ('*') is delivered, because writes made while disconnected were not announced.
 */
export function createEventStream(getToken: () => string | null) {
  const listeners = new Map<EventName, Set<Listener>>();
  let controller: AbortController | null = null;

  function emit(event: string, payload: unknown) {
    for (const listener of listeners.get(event as EventName) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        console.error(`listener for ${event} failed`, error);
      }
    }
  }

  function handleBlock(block: string) {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
    }
    if (!data.length || event !== 'changes') return;
    try {
      const parsed = changesPayload.safeParse(JSON.parse(data.join('\n')));
      if (parsed.success) emit(event, parsed.data);
    } catch {
      // A malformed frame is dropped; the next one may be fine.
    }
  }

  async function run(signal: AbortSignal) {
    let delay = MIN_DELAY_MS;
    let connectedBefore = false;
    while (!signal.aborted) {
      try {
        const token = getToken();
        const response = await fetch('/api/events', {
          headers: { Authorization: `Bearer ${token ?? ''}`, Accept: 'text/event-stream' },
          signal,
        });
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        if (connectedBefore) emit('changes', { entity: '*', op: 'update', ids: [] });
        connectedBefore = true;
        delay = MIN_DELAY_MS;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value.replace(/\r\n?/g, '\n');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            handleBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
          }
        }
      } catch (error) {
        if (signal.aborted) return;
        console.warn('event stream interrupted', error);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    }
  }

  return function on(event: EventName, listener: Listener): () => void {
    let set = listeners.get(event);
    if (!set) listeners.set(event, (set = new Set()));
    set.add(listener);
    if (!controller) {
      controller = new AbortController();
      void run(controller.signal);
    }
    return () => {
      set.delete(listener);
      const total = [...listeners.values()].reduce((n, s) => n + s.size, 0);
      if (total === 0 && controller) {
        controller.abort();
        controller = null;
      }
    };
  };
}
