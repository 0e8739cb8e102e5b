import { REPORT_NAMES, type ReportName, type ReportRunInput, type ReportTable } from '../../../shared/contract/reports';
import type { Locale } from '../../../shared/i18n/locales';
import { translate } from '../../../shared/i18n/messages';
import type { CrmDb } from '../../db/open';
import { forecastReport } from '../forecast';
import { loyaltyReport } from '../loyalty';
import { churnRiskReport, rfmReport } from '../segments';
import {
  leadSourcesReport,
  pipelineReport,
  revenueByMonthReport,
  revenueByOwnerReport,
  revenueByProductReport,
  revenueByTeamReport,
  salesCycleReport,
  stageConversionReport,
  winRateReport,
} from './builtin-sales';
import { scopeOf, type Scope } from './scope';

/** The built-in reports: `crm report <name>`, `reports.run` and the reports page all go through here. */
export const REPORTS: Record<ReportName, (db: CrmDb, scope: Scope, locale: Locale) => ReportTable> = {
  pipeline: pipelineReport,
  'win-rate': winRateReport,
  'revenue-by-owner': revenueByOwnerReport,
  'revenue-by-team': revenueByTeamReport,
  'revenue-by-product': revenueByProductReport,
  'revenue-by-month': revenueByMonthReport,
  'sales-cycle': salesCycleReport,
  'lead-sources': leadSourcesReport,
  'stage-conversion': stageConversionReport,
  forecast: forecastReport,
  rfm: rfmReport,
  'churn-risk': churnRiskReport,
  loyalty: loyaltyReport,
};

export function isReportName(name: string): name is ReportName {
  return (REPORT_NAMES as readonly string[]).includes(name);
}

export function runReport(db: CrmDb, input: ReportRunInput & { name: ReportName }, locale: Locale): ReportTable {
  return REPORTS[input.name](db, scopeOf(input), locale);
}

export function reportCatalog(locale: Locale) {
  return REPORT_NAMES.map((name) => ({
    name,
    title: translate(locale, `analytics.report.${name}`),
    description: translate(locale, `analytics.report_help.${name}`),
  }));
}

export { scopeOf };
