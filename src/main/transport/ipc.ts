// The Electron door of the contract: one invoke channel for every method, answered by dispatch,
// and the `changes` events pushed to the app's windows. The preload (src/main/preload) is the
// other end.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { isMethodName, type Result } from '../../shared/contract';
import type { ChangesPayload } from '../../shared/contract/events';
import { pickLocale, type Locale } from '../../shared/i18n/locales';
import { toErrorBody } from '../api/error-body';
import { dispatchThroughGate } from '../api/gate';
import { gateFor, type BookGate } from '../services/encryption';
import type { CrmDb } from '../db/open';
import { isAppUrl } from '../electron/url-policy';
import { CrmError } from '../errors';
import { CALL_CHANNEL, EVENT_CHANNEL } from '../preload/channels';

export interface IpcOptions {
  /** Whether these web contents belong to one of our windows (window.ts `isAppWindowContents`). */
  isAppContents: (contents: WebContents) => boolean;
  /** Told the locale of every call, so the shell (menu) can follow the UI's language. */
  onLocale?: (locale: Locale) => void;
}

/**
 * Only the main frame of one of our windows, showing the app itself, may call: not an iframe,
 * not a page that somehow got navigated elsewhere, not a stray web contents (devtools, a bug).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, isAppContents: IpcOptions['isAppContents']): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.isDestroyed() || frame.parent !== null) return false;
  if (!isAppContents(event.sender)) return false;
  return isAppUrl(frame.url);
}

function failure(locale: Locale, error: CrmError): Result<unknown> {
  return { ok: false, error: toErrorBody(error, locale) };
}

/** Registers the handlers; returns the function that removes them (app quit, tests). */
export function registerIpc(book: CrmDb | BookGate, options: IpcOptions): () => void {
  // A gate: the book may start locked (encryption at rest) and is reopened by a restore.
  const gate = 'sqlite' in book ? gateFor(book) : book;
  ipcMain.handle(
    CALL_CHANNEL,
    async (event, method: unknown, input: unknown, locale: unknown, book: unknown): Promise<Result<unknown>> => {
      const lang = pickLocale(typeof locale === 'string' ? locale : undefined);
      if (!isTrustedSender(event, options.isAppContents)) {
        console.warn(`refused ${CALL_CHANNEL} from ${event.senderFrame?.url ?? 'a destroyed frame'}`);
        return failure(lang, new CrmError('forbidden', 'errors.forbidden'));
      }
      options.onLocale?.(lang);
      if (typeof method !== 'string' || !isMethodName(method)) {
        return failure(lang, new CrmError('not_found', 'errors.unknown_method', { method: String(method) }));
      }
      // `book`: the client book this window shows read-only, if any (see api/gate.ts).
      const viewed = typeof book === 'string' && book ? book : undefined;
      return dispatchThroughGate(gate, method, input, { locale: lang, actor: null, origin: 'ui' }, viewed);
    },
  );

  const stopForwarding = gate.onOpen((db) =>
    db.events.on('changes', (payload: ChangesPayload) => {
      for (const window of BrowserWindow.getAllWindows()) {
        const contents = window.webContents;
        if (!window.isDestroyed() && options.isAppContents(contents)) contents.send(EVENT_CHANNEL, 'changes', payload);
      }
    }),
  );

  return () => {
    stopForwarding();
    ipcMain.removeHandler(CALL_CHANNEL);
  };
}
