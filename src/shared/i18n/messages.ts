import type { Locale } from './locales';
import { en, type MessageKey } from './messages.en';
import { es } from './messages.es';

export type { MessageKey };
export const messages: Record<Locale, Record<MessageKey, string>> = { en, es };

export type MessageParams = Record<string, string | number>;

/** i18next-compatible `{{name}}` interpolation, for the doors that have no i18next (CLI, HTTP). */
export function translate(locale: Locale, key: string, params: MessageParams = {}): string {
  const table = messages[locale] as Record<string, string>;
  const template = table[key] ?? (messages.en as Record<string, string>)[key] ?? key;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{{${name}}}`;
    // Entity names are themselves message keys ("entity.contact").
    return typeof value === 'string' && value in table ? (table[value] ?? value) : String(value);
  });
}
