import type { CrmApi } from '../../shared/contract';
import { pickLocale } from '../../shared/i18n/locales';
import i18n from '../i18n';
import { viewedBook } from './book-view';
import { createHttpApi } from './http-api';
import { takeAccessToken } from './token';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in web mode. */
    crm?: CrmApi;
  }
}

function pickApi(): CrmApi {
  if (window.crm) return window.crm;
  const token = takeAccessToken();
  return createHttpApi({
    getToken: () => token,
    getLocale: () => pickLocale(i18n.language),
    getBook: () => viewedBook()?.bookId ?? null,
  });
}

/** The typed client every screen uses: `await unwrap(api.contacts.list({...}))`. */
export const api: CrmApi = pickApi();
