import { parseArgs } from 'node:util';
import { CrmError } from '../errors';
import { defaultDbPath } from '../paths';
import { resolve } from 'node:path';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} satisfies OptionSpec;

export class CliUsageError extends Error {
  constructor(
    readonly key: 'cli.unknown_option' | 'cli.option_needs_value' | 'cli.option_number' | 'cli.unknown_command',
    readonly params: Record<string, string>,
  ) {
    super(key);
  }
}

export function parseCommandArgs<S extends OptionSpec>(command: string, argv: string[], spec: S) {
  try {
    return parseArgs({ args: argv, options: { ...COMMON_OPTIONS, ...spec }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-{1,2}[\w-]+)/.exec(message)?.[1] ?? message;
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new CliUsageError('cli.option_needs_value', { option });
    throw new CliUsageError('cli.unknown_option', { option, command });
  }
}

export function dbPathOption(value: string | undefined): string {
  return value ? resolve(value) : defaultDbPath();
}

export function intOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliUsageError('cli.option_number', { option: `--${name}`, value });
  return Number(value);
}

export { CrmError };
