import { parseArgs } from 'node:util';
import { CrmError } from '../errors';
import { defaultDbPath } from '../paths';
import { openDatabase, type CrmDb, type OpenOptions } from '../db/open';
import { resolve } from 'node:path';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** Options every command accepts. */
export const COMMON_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  lang: { type: 'string' },
  /** The passphrase of an encrypted workspace; CRM_PASSPHRASE is the safer way (not shown by ps). */
  passphrase: { type: 'string' },
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

/** The passphrase of this run: --passphrase, else CRM_PASSPHRASE; read by openCliDatabase. */
let cliPassphrase: string | undefined;

export function parseCommandArgs<S extends OptionSpec>(command: string, argv: string[], spec: S) {
  try {
    const parsed = parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...spec },
      allowPositionals: true,
      strict: true,
    });
    const given = (parsed.values as { passphrase?: string | boolean }).passphrase;
    cliPassphrase = (typeof given === 'string' ? given : undefined) ?? (process.env.CRM_PASSPHRASE || undefined);
    return parsed;
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-{1,2}[\w-]+)/.exec(message)?.[1] ?? message;
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw new CliUsageError('cli.option_needs_value', { option });
    throw new CliUsageError('cli.unknown_option', { option, command });
  }
}

/** The passphrase given to this command (--passphrase or CRM_PASSPHRASE), if any. */
export function passphraseOption(): string | undefined {
  return cliPassphrase;
}

/**
 * openDatabase with the command's passphrase: every command that takes --db opens through here,
 * so an encrypted workspace opens the same way everywhere (and a plain one ignores it).
 */
export function openCliDatabase(options: OpenOptions): CrmDb {
  return openDatabase('passphrase' in options ? options : { ...options, passphrase: cliPassphrase });
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
