import { dashboard } from '../../services/dashboard';
import { builderFields, runBuilder } from '../../services/report-builder';
import { deleteSchedule, listSchedules, runDueSchedules, saveSchedule, tableOf } from '../../services/report-schedule';
import { exportReport } from '../../services/reports/export';
import { deleteSavedReport, listSavedReports, saveReport } from '../../services/reports/saved';
import {
  addLedgerEntry,
  customerLedger,
  customerLoyalty,
  deleteRule,
  deleteTier,
  listRules,
  listTiers,
  loyaltyStandings,
  saveRule,
  saveTier,
} from '../../services/loyalty';
import { reportCatalog, runReport, scopeOf } from '../../services/reports';
import { baseMoney } from '../../services/reports/money';
import { churnRisk, refreshSegments, scoreCustomers, segmentSummary } from '../../services/segments';
import { writeOptions, type HandlerMap } from '../context';

type AnalyticsMethods =
  | 'reports.catalog'
  | 'reports.run'
  | 'reports.fields'
  | 'reports.build'
  | 'reports.listSaved'
  | 'reports.save'
  | 'reports.deleteSaved'
  | 'reports.export'
  | 'reports.schedules'
  | 'reports.saveSchedule'
  | 'reports.deleteSchedule'
  | 'reports.runDue'
  | 'dashboard.get'
  | 'segments.summary'
  | 'segments.customers'
  | 'segments.churnRisk'
  | 'segments.refresh'
  | 'segments.ofCompany'
  | 'loyalty.settings'
  | 'loyalty.saveTier'
  | 'loyalty.deleteTier'
  | 'loyalty.saveRule'
  | 'loyalty.deleteRule'
  | 'loyalty.customer'
  | 'loyalty.addEntry'
  | 'loyalty.top';

export const analyticsHandlers: HandlerMap<AnalyticsMethods> = {
  'reports.catalog': (_input, ctx) => ({ items: reportCatalog(ctx.locale) }),
  'reports.run': (input, ctx) => runReport(ctx.db, input, ctx.locale),
  'reports.fields': (input, ctx) => ({ items: builderFields(ctx.db, input.entity, ctx.locale) }),
  'reports.build': (input, ctx) => runBuilder(ctx.db, input.config, ctx.locale, ctx.actor),
  'reports.listSaved': (_input, ctx) => ({ items: listSavedReports(ctx.db, ctx.actor) }),
  'reports.save': (input, ctx) => saveReport(ctx.db, input, writeOptions(ctx)),
  'reports.deleteSaved': (input, ctx) => ({ changed: deleteSavedReport(ctx.db, input.id, writeOptions(ctx)) }),
  'reports.export': async (input, ctx) => {
    const file = await exportReport(tableOf(ctx.db, input.source, ctx.locale, ctx.actor), input.format, ctx.locale);
    return { filename: file.filename, mime: file.mime, base64: file.bytes.toString('base64') };
  },
  'reports.schedules': (_input, ctx) => ({ items: listSchedules(ctx.db) }),
  'reports.saveSchedule': (input, ctx) => saveSchedule(ctx.db, input, writeOptions(ctx)),
  'reports.deleteSchedule': (input, ctx) => ({ changed: deleteSchedule(ctx.db, input.id, writeOptions(ctx)) }),
  'reports.runDue': (_input, ctx) => runDueSchedules(ctx.db, ctx.locale),
  'dashboard.get': (input, ctx) => dashboard(ctx.db, input, ctx.locale),
  'segments.summary': (input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    items: segmentSummary(ctx.db, scopeOf({ to: input.to })),
  }),
  'segments.customers': (input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    items: scoreCustomers(ctx.db, scopeOf({}), { segment: input.segment, limit: input.limit ?? 100 }),
  }),
  'segments.churnRisk': (input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    items: churnRisk(ctx.db, scopeOf({}), input.limit ?? 100),
  }),
  'segments.refresh': (_input, ctx) => refreshSegments(ctx.db),
  'segments.ofCompany': (input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    score: scoreCustomers(ctx.db, scopeOf({})).find((c) => c.companyId === input.companyId) ?? null,
  }),
  'loyalty.settings': (_input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    tiers: listTiers(ctx.db),
    rules: listRules(ctx.db),
  }),
  'loyalty.saveTier': (input, ctx) => saveTier(ctx.db, input, writeOptions(ctx)),
  'loyalty.deleteTier': (input, ctx) => ({ changed: deleteTier(ctx.db, input.id, writeOptions(ctx)) }),
  'loyalty.saveRule': (input, ctx) => saveRule(ctx.db, input, writeOptions(ctx)),
  'loyalty.deleteRule': (input, ctx) => ({ changed: deleteRule(ctx.db, input.id, writeOptions(ctx)) }),
  'loyalty.customer': (input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    standing: customerLoyalty(ctx.db, input.companyId),
    ledger: customerLedger(ctx.db, input.companyId, input.limit ?? 200),
  }),
  'loyalty.addEntry': (input, ctx) => addLedgerEntry(ctx.db, input, writeOptions(ctx)),
  'loyalty.top': (input, ctx) => ({
    currency: baseMoney(ctx.db).base,
    items: loyaltyStandings(ctx.db, input.order ?? 'points', input.limit ?? 50),
  }),
};
