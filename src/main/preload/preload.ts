// The sandboxed preload (bundled to dist/electron/preload.cjs). It exposes exactly one thing,
// `window.crm` (type CrmApi), built from the contract; the page never sees ipcRenderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type EventName, type MethodName, type Result } from '../../shared/contract';
import { pickLocale } from '../../shared/i18n/locales';
import { translate } from '../../shared/i18n/messages';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

/** The UI's language travels with each call: the renderer keeps <html lang> in step with i18next. */
function currentLocale(): string {
  // Typed by hand: the node tsconfig that checks this file has no DOM library.
  const page = globalThis as { document?: { documentElement?: { lang?: string } } };
  return page.document?.documentElement?.lang || 'en';
}

/**
 * The client book the window shows read-only (renderer lib/book-view.ts marks it on <html>), so
 * its calls are answered from that book; empty for the workspace.
 */
function viewedBook(): string {
  const page = globalThis as { document?: { documentElement?: { getAttribute?: (name: string) => string | null } } };
  return page.document?.documentElement?.getAttribute?.('data-crm-book') ?? '';
}

async function call(method: MethodName, input: unknown): Promise<Result<unknown>> {
  const locale = currentLocale();
  try {
    return (await ipcRenderer.invoke(CALL_CHANNEL, method, input, locale, viewedBook())) as Result<unknown>;
  } catch (error) {
    // Nothing throws across a transport: an IPC failure (input that cannot be cloned, main
    // process going away) still answers with an envelope.
    console.error(`${method} failed in IPC`, error);
    const lang = pickLocale(locale);
    return {
      ok: false,
      error: { code: 'unavailable', key: 'errors.unavailable', message: translate(lang, 'errors.unavailable') },
    };
  }
}

function on(event: EventName, listener: (payload: unknown) => void): () => void {
  const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) listener(payload);
  };
  ipcRenderer.on(EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, handler);
  };
}

contextBridge.exposeInMainWorld('crm', buildApi(call, on));
