import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, pickLocale, type Locale } from '../../shared/i18n/locales';
import { messages } from '../../shared/i18n/messages';
import { en } from './en';
import { es } from './es';

const STORAGE_KEY = 'crm.lang';

/** One flat table per language: the back-end catalogue (errors.*, validation.*, entity.*) plus the UI strings. */
export const resources = {
  en: { translation: { ...messages.en, ...en } },
  es: { translation: { ...messages.es, ...es } },
} satisfies Record<Locale, { translation: Record<string, string> }>;

function savedOrBrowserLanguage(): Locale {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be unavailable (privacy mode); fall back to the browser language
  }
  return pickLocale(saved ?? navigator.language);
}

void i18n.use(initReactI18next).init({
  resources,
  lng: savedOrBrowserLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  // Keys are flat ("contacts.col_name"), shared with the back end's catalogue.
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
});

function applyLanguage(lng: string) {
  document.documentElement.lang = lng;
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // not fatal: the choice just won't survive a reload
  }
}

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export function setLanguage(locale: Locale): void {
  void i18n.changeLanguage(locale);
}

export function currentLocale(): Locale {
  return pickLocale(i18n.language);
}

export default i18n;
