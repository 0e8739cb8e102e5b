import { pickLocale } from '../shared/i18n/locales';
import { toErrorBody } from './api/dispatch';
import { apiCommand } from './cli/api';
import type { Command } from './cli/commands';
import { doctorCommand } from './cli/doctor';
import { duplicatesCommand } from './cli/duplicates';
import { importCommand } from './cli/import';
import { backupCommand, restoreCommand } from './cli/backup';
import { bookCommand, exportCommand } from './cli/export';
import { initCommand } from './cli/init';
import { makeIo, systemLocale, type CliIo } from './cli/io';
import { CliUsageError } from './cli/options';
import { failWith } from './cli/result';
import { searchCommand } from './cli/search';
import { seedCommand } from './cli/seed';
import { serveCommand } from './cli/serve';
import { reportCommand } from './cli/report';
import { syncServerCommand } from './cli/sync-server';
import { syncCommand } from './cli/sync';

const COMMANDS: Command[] = [
  initCommand,
  serveCommand,
  doctorCommand,
  seedCommand,
  searchCommand,
  duplicatesCommand,
  importCommand,
  exportCommand,
  backupCommand,
  restoreCommand,
  bookCommand,
  apiCommand,
  reportCommand,
  syncServerCommand,
  syncCommand,
];

/** `crm <command> [options]`: the CLI door onto the same services as the app. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const langIndex = argv.indexOf('--lang');
  const locale = langIndex >= 0 ? pickLocale(argv[langIndex + 1]) : systemLocale();
  const io = makeIo(locale, json);
  const [name, ...rest] = argv;

  if (!name || name === 'help' || name === '--help' || name === '-h') {
    printHelp(io);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(io.t('cli.unknown_command', { command: name }));
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
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

function printHelp(io: CliIo): void {
  io.out(io.t('cli.usage'));
  io.out('');
  for (const c of COMMANDS) io.out(`  ${c.usage}\n      ${c.summary[io.locale]}`);
}
