import { pickLocale } from '../../shared/i18n/locales';
import type { Command } from './commands';
import { printJson } from './io';
import { dbPathOption, intOption, parseCommandArgs, openCliDatabase } from './options';

export const seedCommand: Command = {
  name: 'seed',
  summary: {
    en: 'Fill a workspace with realistic demo data',
    es: 'Llena un espacio de trabajo con datos de demostración realistas',
  },
  usage:
    'crm seed [--contacts N] [--companies M] [--deals K] [--activities L] [--locale es|en] [--seed S] [--db PATH] [--json]',
  async run(argv, io) {
    const { values } = parseCommandArgs('seed', argv, {
      contacts: { type: 'string' },
      companies: { type: 'string' },
      deals: { type: 'string' },
      activities: { type: 'string' },
      locale: { type: 'string' },
      seed: { type: 'string' },
    });
    // Loaded on demand: faker is large and only this command needs it.
    const { seedWorkspace } = await import('../services/seed');
    const db = openCliDatabase({ path: dbPathOption(values.db), create: true });
    try {
      const result = seedWorkspace(
        db,
        {
          contacts: intOption('contacts', values.contacts, 200),
          companies: intOption('companies', values.companies, 40),
          deals: intOption('deals', values.deals, 60),
          activities: intOption('activities', values.activities, 300),
          locale: pickLocale(values.locale ?? io.locale),
          ...(values.seed !== undefined ? { seed: intOption('seed', values.seed, 1) } : {}),
        },
        io.json ? undefined : (done, total) => process.stderr.write(`\r${done}/${total}`),
      );
      if (!io.json) process.stderr.write('\n');
      if (io.json) printJson(io, result);
      else io.out(io.t('cli.seed_done', { ...result, seconds: result.seconds.toFixed(1) }));
      return 0;
    } finally {
      db.close();
    }
  },
};
