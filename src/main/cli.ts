import { pickLocale } from '../shared/i18n/locales';
import { toErrorBody } from './api/error-body';
import type { Command } from './cli/commands';
import { makeIo, systemLocale, type CliIo } from './cli/io';
import { CliUsageError } from './cli/options';
import { failWith } from './cli/result';

/**
 * Each command is loaded only when it runs: most of them pull in services (and `crm api` every
 * handler), and loading all of them up front made even `crm backup` spend seconds starting.
 */
export const COMMANDS: { name: string; load: () => Promise<Command> }[] = [
  { name: 'init', load: async () => (await import('./cli/init')).initCommand },
  { name: 'serve', load: async () => (await import('./cli/serve')).serveCommand },
  { name: 'doctor', load: async () => (await import('./cli/doctor')).doctorCommand },
  { name: 'seed', load: async () => (await import('./cli/seed')).seedCommand },
  { name: 'search', load: async () => (await import('./cli/search')).searchCommand },
  { name: 'duplicates', load: async () => (await import('./cli/duplicates')).duplicatesCommand },
  { name: 'import', load: async () => (await import('./cli/import')).importCommand },
  { name: 'export', load: async () => (await import('./cli/export')).exportCommand },
  { name: 'backup', load: async () => (await import('./cli/backup')).backupCommand },
  { name: 'restore', load: async () => (await import('./cli/backup')).restoreCommand },
  { name: 'book', load: async () => (await import('./cli/export')).bookCommand },
  { name: 'api', load: async () => (await import('./cli/api')).apiCommand },
  { name: 'report', load: async () => (await import('./cli/report')).reportCommand },
  { name: 'sync-server', load: async () => (await import('./cli/sync-server')).syncServerCommand },
  { name: 'sync', load: async () => (await import('./cli/sync')).syncCommand },
];

/** `crm <command> [options]`: the CLI door onto the same services as the app. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const langIndex = argv.indexOf('--lang');
  const locale = langIndex >= 0 ? pickLocale(argv[langIndex + 1]) : systemLocale();
  const io = makeIo(locale, json);
  const [name, ...rest] = argv;

  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await printHelp(io);
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.err(io.t('cli.unknown_command', { command: name }));
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    if (command.details) io.out(io.t(command.details));
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.err(io.t(error.key, error.params));
      io.err(command.usage);
      return 2;
    }
    return failWith(io, toErrorBody(error, locale, `crm ${name}`));
  }
}

async function printHelp(io: CliIo): Promise<void> {
  io.out(io.t('cli.usage'));
  io.out('');
  for (const entry of COMMANDS) {
    const c = await entry.load();
    io.out(`  ${c.usage}\n      ${c.summary[io.locale]}`);
  }
}
