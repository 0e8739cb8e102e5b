import type { MessageKey } from '../../shared/i18n/messages';
import type { CliIo } from './io';

export interface Command {
  name: string;
  /** One line for `crm help`, in both languages. */
  summary: { en: string; es: string };
  usage: string;
  /** What the options mean, shown by `crm <command> --help` under the usage line (en and es). */
  details?: MessageKey;
  run(argv: string[], io: CliIo): Promise<number>;
}
