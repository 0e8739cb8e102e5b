import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPORT_NAMES, type ReportName } from '../../../shared/contract/reports';
import { formatReportCell } from '../../../shared/domain/report-format';
import { dispatch } from '../../api/dispatch';
import type { CliIo } from '../../cli/io';
import { printJson } from '../../cli/io';
import { dbPathOption, parseCommandArgs } from '../../cli/options';
import { failWith } from '../../cli/result';
import { openDatabase } from '../../db/open';
import { exportReport, EXPORT_FORMATS, type ExportFormat } from './export';
import type { ReportTable } from '../../../shared/contract/reports';

export const REPORT_USAGE = `crm report <${REPORT_NAMES.join('|')}> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--owner ID] [--pipeline ID] [--format csv|xlsx|pdf --out FILE] [--db PATH] [--json]`;

/** `crm report <name>`: a built-in report as a table (or JSON, or a CSV/XLSX/PDF file). */
export async function runReportCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('report', argv, {
    from: { type: 'string' },
    to: { type: 'string' },
    owner: { type: 'string' },
    pipeline: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  const name = positionals[0] as ReportName;
  const db = openDatabase({ path: dbPathOption(values.db) });
  try {
    const ctx = { db, locale: io.locale, actor: null, origin: 'cli' };
    const input: Record<string, unknown> = { name };
    if (values.from) input.from = values.from;
    if (values.to) input.to = values.to;
    if (values.owner) input.ownerId = values.owner;
    if (values.pipeline) input.pipelineId = values.pipeline;
    const result = await dispatch('reports.run', input, ctx);
    if (!result.ok) return failWith(io, result.error);
    const table = result.value as ReportTable;
    if (values.format) {
      const format = values.format as ExportFormat;
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
        io.err(io.t('cli.option_needs_value', { option: '--format' }));
        return 2;
      }
      const file = await exportReport(table, format, io.locale);
      const path = resolve(values.out ?? file.filename);
      writeFileSync(path, file.bytes);
      if (io.json) printJson(io, { file: path, bytes: file.bytes.length });
      else io.out(path);
      return 0;
    }
    if (io.json) {
      printJson(io, table);
      return 0;
    }
    printTable(io, table);
    return 0;
  } finally {
    db.close();
  }
}

function printTable(io: CliIo, table: ReportTable): void {
  const fmt = (v: unknown, kind: ReportTable['columns'][number]['kind']) =>
    formatReportCell((v ?? null) as string | number | null, kind, table.currency, io.locale);
  io.out(table.title);
  io.out(
    io.t('analytics.cli.period', {
      from: table.from ?? io.t('analytics.cli.all_time'),
      to: table.to ?? '…',
    }),
  );
  const header = table.columns.map((c) => c.label);
  const body = table.rows.map((r) => table.columns.map((c) => fmt(r[c.key], c.kind)));
  const total = table.columns.map((c, i) =>
    i === 0 ? io.t('analytics.cli.total') : c.key in table.summary ? fmt(table.summary[c.key], c.kind) : '',
  );
  const lines = [header, ...body, total];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  const render = (l: string[]) =>
    l.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  io.out(render(header));
  io.out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const l of body) io.out(render(l));
  io.out(widths.map((w) => '-'.repeat(w)).join('  '));
  io.out(render(total));
  if (table.missingRates.length)
    io.out(io.t('analytics.cli.missing_rates', { currencies: table.missingRates.join(', ') }));
}
