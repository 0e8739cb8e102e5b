import { resolve } from 'node:path';
import { backupNow, checkBackup, restoreBackup } from '../services/backup';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, openCliDatabase, parseCommandArgs, passphraseOption } from './options';

export const backupCommand: Command = {
  name: 'backup',
  summary: {
    en: 'Back up a workspace now (a consistent copy, made while it is in use)',
    es: 'Hace ahora una copia de seguridad del espacio de trabajo (coherente, aunque esté en uso)',
  },
  usage: 'crm backup [--out FILE] [--db PATH] [--passphrase P] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs('backup', argv, { out: { type: 'string' } });
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const info = await backupNow(db, { reason: 'manual', ...(values.out ? { out: resolve(values.out) } : {}) });
      if (io.json) printJson(io, info);
      else io.out(io.t('cli.backup_done', { path: info.path, size: info.size }));
      return 0;
    } finally {
      db.close();
    }
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: {
    en: 'Restore a workspace from a backup (checked first; the current one is kept aside)',
    es: 'Restaura un espacio de trabajo desde una copia (se comprueba antes; el actual se guarda aparte)',
  },
  usage: 'crm restore FILE [--db PATH] [--passphrase P] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseCommandArgs('restore', argv, {});
    const from = resolve(positionals[0] ?? '');
    const path = dbPathOption(values.db);
    // The backup of an encrypted workspace needs the passphrase it was made under.
    const passphrase = passphraseOption();
    checkBackup(from, { passphrase });
    const { kept } = restoreBackup(path, from, { passphrase });
    // Opening migrates a backup from an older version, like any book.
    openCliDatabase({ path }).close();
    if (io.json) printJson(io, { path, from, kept });
    else io.out(io.t('cli.restore_done', { path, from, kept: kept ?? '-' }));
    return 0;
  },
};
