import { pickLocale, type Locale } from '../../shared/i18n/locales';
import { translate, type MessageKey, type MessageParams } from '../../shared/i18n/messages';

/** What every command gets: parsed options, the language to speak, and where to write. */
export interface CliIo {
  locale: Locale;
  json: boolean;
  out(text: string): void;
  err(text: string): void;
  t(key: MessageKey, params?: MessageParams): string;
}

export function systemLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  return pickLocale(env.CRM_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG);
}

export function makeIo(locale: Locale, json: boolean): CliIo {
  return {
    locale,
    json,
    out: (text) => process.stdout.write(text + '\n'),
    err: (text) => process.stderr.write(text + '\n'),
    t: (key, params) => translate(locale, key, params),
  };
}

/** Machine output: one JSON document on stdout. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
