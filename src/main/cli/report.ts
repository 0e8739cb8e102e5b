import { dispatch } from '../api/dispatch';
import type { CrossSellSuggestion } from '../../shared/contract/quotes';
import type { Command } from './commands';
import { printJson } from './io';
import { CliUsageError, dbPathOption, intOption, parseCommandArgs, openCliDatabase } from './options';
import { failWith } from './result';
import { isReportName } from '../services/reports';
import { REPORT_USAGE, runReportCommand } from '../services/reports/cli-report';

/**
 * `crm report <name>`: reports for scripts and people. Today: `cross-sell`, the products to offer
 * a company or contact (the same suggestions as the panel on their page).
 */
export const reportCommand: Command = {
  name: 'report',
  summary: {
    en: 'Reports: cross-sell suggestions for a company or contact (association rules over won deals)',
    es: 'Informes: sugerencias de venta cruzada para una empresa o contacto (reglas de asociación sobre negocios ganados)',
  },
  usage: `crm report cross-sell (--company ID | --contact ID) [--limit N] [--db PATH] [--json]\n  ${REPORT_USAGE}`,
  async run(argv, io) {
    // Built-in analytics reports (pipeline, win-rate, forecast, rfm, ...) live in services/reports.
    const first = argv.find((a) => !a.startsWith('-'));
    if (first && isReportName(first)) return runReportCommand(argv, io);
    const { values, positionals } = parseCommandArgs('report', argv, {
      company: { type: 'string' },
      contact: { type: 'string' },
      limit: { type: 'string' },
    });
    const [report] = positionals;
    if (report !== 'cross-sell')
      throw new CliUsageError('cli.unknown_command', { command: `report ${report ?? ''}`.trim() });
    const db = openCliDatabase({ path: dbPathOption(values.db) });
    try {
      const ctx = { db, locale: io.locale, actor: null, origin: 'cli' };
      const input: Record<string, unknown> = { limit: intOption('limit', values.limit, 10) };
      if (values.company) input.companyId = values.company;
      if (values.contact) input.contactId = values.contact;
      const result = await dispatch('crossSell.suggest', input, ctx);
      if (!result.ok) return failWith(io, result.error);
      const value = result.value as { items: CrossSellSuggestion[]; transactions: number };
      if (io.json) {
        printJson(io, value);
        return 0;
      }
      const target = values.company
        ? await dispatch('companies.get', { id: values.company }, ctx)
        : await dispatch('contacts.get', { id: values.contact }, ctx);
      const name = target.ok
        ? String(
            (target.value as { name?: string; firstName?: string }).name ??
              (target.value as { firstName?: string }).firstName,
          )
        : '';
      if (!value.items.length) io.out(io.t('cli.crosssell_none'));
      else {
        io.out(io.t('cli.crosssell_header', { name }));
        for (const s of value.items) io.out(`- ${s.productName}: ${s.reason}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
