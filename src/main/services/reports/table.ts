import type {
  ReportCell,
  ReportColumn,
  ReportColumnKind,
  ReportDrill,
  ReportTable,
} from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/messages';
import type { BaseMoney } from './money';
import type { Scope } from './scope';

/** Builds a report's table: translated column labels, rows, drill-downs and the summary. */
export class TableBuilder {
  readonly columns: ReportColumn[] = [];
  readonly rows: Record<string, ReportCell>[] = [];
  readonly drill: (ReportDrill | null)[] = [];
  summary: Record<string, ReportCell> = {};

  constructor(
    readonly name: string,
    readonly locale: Locale,
  ) {}

  column(key: string, kind: ReportColumnKind, label = `analytics.col.${key}`): this {
    this.columns.push({ key, kind, label: translate(this.locale, label) });
    return this;
  }

  row(values: Record<string, ReportCell>, drill: ReportDrill | null = null): this {
    this.rows.push(values);
    this.drill.push(drill);
    return this;
  }

  build(scope: Scope, money: BaseMoney): ReportTable {
    return {
      name: this.name,
      title: translate(this.locale, `analytics.report.${this.name}`),
      currency: money.base,
      from: scope.period.from,
      to: scope.period.to,
      columns: this.columns,
      rows: this.rows,
      drill: this.drill,
      summary: this.summary,
      missingRates: [...money.missing].sort(),
    };
  }
}

/** The deals behind a figure: the scope's period on the close date, its owner and pipeline, plus `extra`. */
export function dealsDrill(scope: Scope, extra: ReportDrill['conditions'], closed = true): ReportDrill {
  const conditions: ReportDrill['conditions'] = [...extra];
  if (closed && (scope.period.from || scope.period.to))
    conditions.push({
      field: 'closedAt',
      operator: 'between',
      value: [scope.period.from ?? '1970-01-01', scope.period.to ?? '9999-12-31'],
    });
  if (scope.ownerId) conditions.push({ field: 'ownerId', operator: 'in', value: [scope.ownerId] });
  return { entity: 'deals', conditions };
}
