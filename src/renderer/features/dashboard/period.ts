/** Period presets of the dashboard and reports, as whole UTC days (what the back end counts in). */
export const PERIOD_PRESETS = [
  'this_month',
  'last_month',
  'this_quarter',
  'this_year',
  'last_12',
  'all',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface PeriodRange {
  from?: string;
  to?: string;
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function presetRange(preset: PeriodPreset, now = Date.now(), custom: PeriodRange = {}): PeriodRange {
  const d = new Date(now);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (preset) {
    case 'this_month':
      return { from: iso(Date.UTC(y, m, 1)), to: iso(Date.UTC(y, m + 1, 0)) };
    case 'last_month':
      return { from: iso(Date.UTC(y, m - 1, 1)), to: iso(Date.UTC(y, m, 0)) };
    case 'this_quarter': {
      const q = Math.floor(m / 3) * 3;
      return { from: iso(Date.UTC(y, q, 1)), to: iso(Date.UTC(y, q + 3, 0)) };
    }
    case 'this_year':
      return { from: `${y}-01-01`, to: `${y}-12-31` };
    case 'last_12':
      return { from: iso(Date.UTC(y, m - 11, 1)), to: iso(Date.UTC(y, m + 1, 0)) };
    case 'all':
      return {};
    case 'custom':
      return custom;
  }
}

/** The list filter that opens the deals behind a chart segment: closed in the period, plus `extra`. */
export function dealsLink(
  range: PeriodRange,
  extra: { field: string; operator: string; value?: unknown }[],
  closed = true,
) {
  const conditions = [...extra];
  if (closed && (range.from || range.to))
    conditions.push({
      field: 'closedAt',
      operator: 'between',
      value: [range.from ?? '1970-01-01', range.to ?? '9999-12-31'],
    });
  return listLink('deals', conditions);
}

export function listLink(
  entity: 'deals' | 'companies' | 'contacts',
  conditions: { field: string; operator: string; value?: unknown }[],
) {
  const path = entity === 'deals' ? '/deals/list' : `/${entity}`;
  return `${path}?filter=${encodeURIComponent(JSON.stringify({ op: 'and', conditions }))}`;
}
