import { z } from 'zod';
import { defineMethod } from './define';
import { periodInput } from './reports';

/** A figure of the period next to the same figure of the period before (null when not comparable). */
const kpi = z.object({ value: z.number().nullable(), previous: z.number().nullable() });
export type Kpi = z.infer<typeof kpi>;

export const DASHBOARD_KPIS = [
  'pipelineValue',
  'pipelineWeighted',
  'openDeals',
  'won',
  'wonValue',
  'lost',
  'lostValue',
  'winRate',
  'avgDeal',
  'avgCycleDays',
  'newLeads',
  'newCustomers',
  'activitiesDone',
  'overdueTasks',
  'overdueInvoices',
  'overdueInvoicesValue',
] as const;
export type DashboardKpi = (typeof DASHBOARD_KPIS)[number];

const keyed = z.object({ id: z.string().nullable(), name: z.string(), value: z.number(), count: z.number().int() });

export const dashboardSchema = z.object({
  currency: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  previousFrom: z.string().nullable(),
  previousTo: z.string().nullable(),
  kpis: z.record(z.enum(DASHBOARD_KPIS), kpi),
  funnel: z.array(
    z.object({
      stageId: z.string(),
      name: z.string(),
      count: z.number().int(),
      value: z.number(),
      weighted: z.number(),
    }),
  ),
  revenueByMonth: z.array(z.object({ month: z.string(), value: z.number(), won: z.number().int() })),
  byOwner: z.array(keyed),
  byTeam: z.array(keyed),
  byProduct: z.array(keyed),
  activitiesByMember: z.array(keyed),
  conversion: z.array(
    z.object({ stageId: z.string(), name: z.string(), reached: z.number().int(), conversion: z.number().nullable() }),
  ),
  sources: z.array(
    z.object({
      source: z.string().nullable(),
      name: z.string(),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: z.number().nullable(),
      value: z.number(),
    }),
  ),
  missingRates: z.array(z.string()),
  /** Service time of the whole dashboard, for the status line and the benchmark. */
  ms: z.number(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardMethods = {
  'dashboard.get': defineMethod({
    summary:
      'The home dashboard for a period (UTC days): pipeline, won/lost, win rate, average deal and cycle, new leads and customers, activity, overdue tasks and invoices, with the previous period, and the chart series.',
    input: z.strictObject(periodInput),
    output: dashboardSchema,
  }),
};
