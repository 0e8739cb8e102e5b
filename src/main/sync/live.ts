import { LIVE_EVENT_NAME, SYNC_PATHS, liveEventSchema } from '../../shared/sync/protocol';
import type { CrmDb } from '../db/open';
import { accessToken, storedAccount } from './engine';
import { SyncHttp } from './http';
import { getCursor } from './state';

export interface LiveOptions {
  /** Called when the server's head is past what this book has pulled (or its epoch changed). */
  onNews: () => void;
  /** Wait before reconnecting after the stream ended or could not open (offline, server down). */
  retryMs?: number;
}

/**
 * Listens to the server's live stream (`GET /v1/live`, server-sent events) while the book is
 * signed in, so edits made on other devices arrive within moments instead of at the next
 * interval. The stream only hints: each event carries the server's head, and a round is asked for
 * when it is past this book's cursor. When the stream cannot open (offline, server down) it is
 * retried every few seconds; the first event after a reconnect carries the head, so coming back
 * online starts a round at once. Returns a stop function.
 */
export function watchLive(db: CrmDb, options: LiveOptions): () => void {
  const abort = new AbortController();
  const retryMs = options.retryMs ?? 5_000;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref?.();
      abort.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  const loop = async () => {
    while (!abort.signal.aborted && db.sqlite.open) {
      const account = storedAccount(db);
      if (!account) {
        await wait(retryMs);
        continue;
      }
      try {
        const http = new SyncHttp(account.server);
        const token = await accessToken(db, http);
        const response = await fetch(http.base + SYNC_PATHS.live, {
          headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
          signal: abort.signal,
        });
        if (response.ok && response.body) await read(response.body);
      } catch {
        // Offline, refused or cut: the next attempt comes after the pause below.
      }
      await wait(retryMs);
    }
  };

  const read = async (body: ReadableStream<Uint8Array>) => {
    const decoder = new TextDecoder();
    let buffer = '';
    let event = 'message';
    for await (const chunk of body) {
      buffer += decoder.decode(chunk, { stream: true });
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline).replace(/\r$/, '');
        buffer = buffer.slice(newline + 1);
        if (line === '') event = 'message';
        else if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:') && event === LIVE_EVENT_NAME) news(line.slice(5).trim());
      }
    }
  };

  const news = (data: string) => {
    if (!db.sqlite.open) return;
    let parsed;
    try {
      parsed = liveEventSchema.safeParse(JSON.parse(data));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const head = parsed.data;
    const cursor = getCursor(db);
    if (!cursor || cursor.epoch !== head.epoch || head.headSeq > cursor.serverSeq) options.onNews();
  };

  void loop();
  return () => abort.abort();
}
