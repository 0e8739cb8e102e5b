import type { CliIo } from './io';

export interface Command {
  name: string;
  /** One line for `crm help`, in both languages. */
  summary: { en: string; es: string };
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}
