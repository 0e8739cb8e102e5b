import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot, rendererDistDir } from '../paths';
import { startBackgroundWork } from '../services/background';
import { startWebServer } from '../transport/http';
import type { Command } from './commands';
import { openBookGate } from '../services/encryption';
import { dbPathOption, intOption, parseCommandArgs, passphraseOption } from './options';
import { offsetClock } from './offset-clock';

export const serveCommand: Command = {
  name: 'serve',
  summary: {
    en: 'Open the workspace in a browser (web mode, loopback only, fresh token each start)',
    es: 'Abre el espacio de trabajo en el navegador (modo web, solo local, token nuevo en cada inicio)',
  },
  usage: 'crm serve [--db PATH] [--passphrase P] [--port N] [--open] [--build-if-needed] [--clock-offset-file PATH]',
  details: 'cli.serve_details',
  async run(argv, io) {
    const { values } = parseCommandArgs('serve', argv, {
      port: { type: 'string' },
      open: { type: 'boolean' },
      'build-if-needed': { type: 'boolean' },
      'clock-offset-file': { type: 'string' },
    });
    if (values['build-if-needed'] && rendererIsStale()) {
      const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: projectRoot(), stdio: ['ignore', 2, 2] });
      if (built.status !== 0) return built.status ?? 1;
    }
    // For tests and demos: the book's clock (SLA targets, reminders, the outbox, every stamp) is
    // the wall clock moved by the milliseconds in this file, changed by writing the file on this
    // computer; no request to the server can move it.
    const offsetFile = values['clock-offset-file'] ? resolve(values['clock-offset-file']) : undefined;
    const now = offsetFile
      ? offsetClock(offsetFile, {
          onInvalid: (content) => io.err(io.t('cli.clock_offset_invalid', { path: offsetFile, content })),
        })
      : undefined;
    // An encrypted workspace without --passphrase / CRM_PASSPHRASE starts locked: the browser shows
    // the unlock screen (workspace.unlock). A wrong passphrase given here stops the command.
    const gate = openBookGate({
      path: dbPathOption(values.db),
      create: true,
      watch: true,
      passphrase: passphraseOption(),
      now,
    });
    const server = await startWebServer({
      gate,
      port: intOption('port', values.port, 0),
      staticDir: rendererDistDir(),
    });
    // Reminders, automations, the email outbox, scheduled reports and daily backups run while the
    // workspace is open (from its unlock on); the browser shows the notifications.
    const stopBackground = gate.onOpen((db) =>
      startBackgroundWork(db, { locale: io.locale, activityIntervalMs: 5_000 }),
    );
    // The URL (with its token) is the first line on stdout: scripts and tests read it from there.
    io.out(server.url);
    if (!io.json) io.err(io.t('cli.serve_listening', { url: server.url }));
    if (offsetFile && !io.json) io.err(io.t('cli.serve_clock_offset', { path: offsetFile }));
    if (values.open) openBrowser(server.url);

    await new Promise<void>((resolvePromise) => {
      const stop = () => resolvePromise();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    stopBackground();
    await server.close();
    gate.close();
    return 0;
  },
};

/** True when dist/renderer is missing or older than any renderer or shared source file. */
function rendererIsStale(): boolean {
  const index = join(rendererDistDir(), 'index.html');
  if (!existsSync(index)) return true;
  const builtAt = statSync(index).mtimeMs;
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((max, entry) => {
      const path = join(dir, entry.name);
      return Math.max(max, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
    }, 0);
  const root = projectRoot();
  return ['src/renderer', 'src/shared'].some((d) => newest(join(root, d)) > builtAt);
}

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined); // no browser here: the URL is printed anyway
    child.unref();
  } catch {
    // same: the printed URL is the fallback
  }
}
